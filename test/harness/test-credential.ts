import { ExecuteContext, RoutingNode } from 'n8n-core';
import { NodeHelpers, UnexpectedError, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { TestCredentialsHelper } from './credentials-helper';
import { startExpressionEngine } from './expression-engine';
import type { CredentialStore } from './credential-store';
import { createNodeTypes } from './nodes/node-types';
import { toWorkflowBase } from './workflow-json';

export interface TestCredentialOptions {
	/** Id and name the credential is saved under (n8n tests saved credentials). */
	id?: string;
	name?: string;
	/** Other credential types (parents in `extends`); the tested type is always added. */
	credentialTypes?: Record<string, ICredentialType>;
	/** Registry that provides `n8n-nodes-base.noOp`, n8n's host node for request-based tests. */
	nodeTypes?: INodeTypes;
	/** Store to save the credential in; `preAuthentication` persists its token there. */
	credentials?: CredentialStore;
	/** Helper to use, e.g. to read its `preAuthLog`; its store wins over `credentials`. */
	credentialsHelper?: TestCredentialsHelper;
}

/** lodash `get` for the paths a `responseSuccessBody` rule uses (`a.b`, `a[0].b`). */
function getPath(value: unknown, path: string): unknown {
	return path
		.split(/[.[\]]/)
		.filter(Boolean)
		.reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);
}

type HttpErrorCause = { response?: { status: number; statusText?: string }; code?: string };

/** n8n's verdict on a test request that threw (`CredentialsTester`, same order, same texts). */
function failedTestResult(
	error: Error & { cause?: HttpErrorCause },
	testRequest: ICredentialTestRequest,
): INodeCredentialTestResult {
	const { cause } = error;
	if (cause?.response) {
		const { status, statusText } = cause.response;
		for (const rule of testRequest.rules ?? []) {
			if (rule.type === 'responseCode' && status === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (status < 199 || status > 299) {
			return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		}
	} else if (cause?.code) {
		return { status: 'Error', message: cause.code };
	}
	return { status: 'Error', message: String(error.message) };
}

/**
 * What n8n's CLI `CredentialsTester.testCredentials` does for a credential whose `test` is an
 * `ICredentialTestRequest`: apply defaults, put the request on a copy of the No-Op node as the
 * routing of a `temp` property, run it through n8n-core's `RoutingNode` in mode `internal`
 * (so `authenticate` and `preAuthentication` apply), then judge the outcome with n8n's rules
 * and messages: `responseCode` rules, else the HTTP status text (or "Received HTTP status
 * code: N"), else the network error code (e.g. `ECONNREFUSED`), else the error message;
 * `responseSuccessBody` rules on success; otherwise "Connection successful!".
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	options: TestCredentialOptions = {},
): Promise<INodeCredentialTestResult> {
	const type = credentialType.name;
	const testRequest = credentialType.test;
	if (!testRequest) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	await startExpressionEngine();
	const credentialTypes = { ...options.credentialTypes, [type]: credentialType };
	const credentialsHelper =
		options.credentialsHelper ?? new TestCredentialsHelper(credentialTypes, options.credentials);
	const id = options.id ?? 'credential-under-test';
	const name = options.name ?? credentialType.displayName;
	credentialsHelper.store[id] ??= { id, name, type, data };

	const nodeTypes = options.nodeTypes ?? createNodeTypes();
	const nodeType = nodeTypes.getByNameAndVersion('n8n-nodes-base.noOp');
	const { version } = nodeType.description;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: Array.isArray(version) ? version.slice(-1)[0] : version,
		position: [0, 0],
		credentials: { [type]: { id, name } },
	};
	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const tempNodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (nodeTypeName, nodeVersion) => {
			if (nodeTypeName !== node.type) {
				throw new UnexpectedError(`Unknown node type: ${nodeTypeName}`);
			}
			return NodeHelpers.getVersionedNodeType(nodeTypeCopy, nodeVersion);
		},
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: tempNodeTypes,
	});
	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: 'credential-test',
		mode: 'internal',
		workflowData: toWorkflowBase({ name: 'Credential test', nodes: [node], connections: {} }),
	});

	const credentialsDecrypted: ICredentialsDecrypted = { id, name, type, data };
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndResolve(
			additionalData,
			data,
			type,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	const executeFunctions = new ExecuteContext(
		workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [],
		{ main: [[{ json: {} }]] }, { node, data: {}, source: null }, [],
	);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		// as n8n's tester does: the routing's expressions need an isolate on the vm engine
		await workflow.expression.acquireIsolate();
		response = await new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted).runNode();
	} catch (error) {
		return failedTestResult(error as Error & { cause?: HttpErrorCause }, testRequest);
	} finally {
		await workflow.expression.releaseIsolate();
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json as IDataObject | undefined;
		if (getPath(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
