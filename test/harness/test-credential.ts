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

/**
 * The value a `responseSuccessBody` rule compares: n8n's tester reads the rule's key with lodash
 * `get`, which takes the whole key as one property name when the object has a property of that
 * exact name, and otherwise walks it as a path of dot-separated names and `[n]` indexes, giving
 * undefined as soon as a step is missing or null. (lodash also understands quoted segments like
 * `a["b.c"]`; no rule here uses them, so they are not imitated.)
 */
function getPath(value: unknown, path: string): unknown {
	if (value !== null && value !== undefined && path in Object(value)) {
		return (value as Record<string, unknown>)[path];
	}
	return path
		.split(/[.[\]]/)
		.filter(Boolean)
		.reduce<unknown>(
			(current, key) =>
				current === null || current === undefined ? undefined : (current as Record<string, unknown>)[key],
			value,
		);
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
 * `responseSuccessBody` rules on success; otherwise "Connection successful!". Checked against
 * the tester of n8n 2.41.1 (the `n8n` package's CredentialsTester, its request-test path).
 *
 * One difference that cannot show here: n8n 2.41 also makes the engine's non-raw credential
 * reads return the form's data; the routing engine and the login hook use the decrypted data
 * handed to them directly, which this imitation hands over the same way.
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

	// On a 2xx answer n8n checks only the `responseSuccessBody` rules, in order: the first whose key
	// holds exactly (===, no type conversion) its value fails the test with its message. It reads
	// the first item of the routing engine's output, which for a JSON object is the whole body; an
	// answer that gives no item at all (an empty JSON array) makes n8n's tester throw instead of
	// answering, which a TypeError imitates.
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const first = response?.[0]?.[0];
		if (first === undefined) {
			throw new TypeError('The credential test request gave no item to check its rules against');
		}
		if (getPath(first.json as IDataObject, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
