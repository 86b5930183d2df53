/**
 * Builds and runs workflows around the Convirza node, shaped exactly like n8n exports:
 * Manual Trigger → "CRM contacts" (Code node emitting the given items) → "Update user" (Convirza)
 * → "Updated" / "Failed" (No Op; "Failed" hangs off the error output when it is used).
 */
import type { INode, INodeParameters, INodeType } from 'n8n-workflow';

import { ConvirzaApi } from '../../credentials/ConvirzaApi.credentials';
import { Convirza } from '../../nodes/Convirza/Convirza.node';
import type { ConvirzaSimulator } from '../simulator';
import {
	TestCredentialsHelper,
	createCredentialStore,
	createNodeTypes,
	runWorkflow,
	startWorkflow,
	type CredentialStore,
	type RunResult,
	type StoredCredential,
	type WorkflowJson,
} from '../harness';

export const NODE_TYPE = 'n8n-nodes-convirza.convirza';
export const TRIGGER = 'When clicking ‘Execute workflow’';
export const SOURCE = 'CRM contacts';
export const CONVIRZA = 'Update user';

export const credentialTypes = { convirzaApi: new ConvirzaApi() };

/** Node types with our node from source, or another build of it (the demo and bench use dist/). */
export function convirzaNodeTypes(node: INodeType = new Convirza()) {
	return createNodeTypes({ [NODE_TYPE]: node });
}

export const CREDENTIAL_REF = { id: 'convirza-local', name: 'Convirza (local simulator)' };

export function tokenCredential(sim: ConvirzaSimulator, token = sim.tokens.admin): StoredCredential {
	return {
		...CREDENTIAL_REF,
		type: 'convirzaApi',
		data: { authentication: 'accessToken', accessToken: token, baseUrl: sim.baseUrl },
	};
}

export function loginCredential(
	sim: ConvirzaSimulator,
	login: { email: string; password: string } = sim.logins.admin,
): StoredCredential {
	return {
		...CREDENTIAL_REF,
		type: 'convirzaApi',
		data: {
			authentication: 'login',
			email: login.email,
			password: login.password,
			baseUrl: sim.baseUrl,
			oauthUrl: sim.oauthUrl,
		},
	};
}

export interface ConvirzaWorkflowOptions {
	/** The items the CRM step emits (each becomes one `$json`). */
	items: object[];
	/** Parameters of the Convirza node (resource, operation, userId, updateFields, options). */
	parameters: INodeParameters;
	/** Node settings such as `onError`, `retryOnFail`. */
	settings?: Partial<INode>;
}

export function convirzaWorkflow({ items, parameters, settings = {} }: ConvirzaWorkflowOptions): WorkflowJson {
	const errorOutput = settings.onError === 'continueErrorOutput';
	const node = (name: string, type: string, position: [number, number], params: INodeParameters = {}): INode => ({
		id: `c0a1b2c3-0000-4000-8000-${String(position[0]).padStart(12, '0')}${position[1] < 0 ? '1' : ''}`.slice(0, 36),
		name,
		type,
		typeVersion: type === NODE_TYPE ? 1 : type.endsWith('.code') ? 2 : 1,
		position,
		parameters: params,
	});
	return {
		name: 'CRM contact changed → update Convirza user',
		nodes: [
			node(TRIGGER, 'n8n-nodes-base.manualTrigger', [0, 0]),
			node(SOURCE, 'n8n-nodes-base.code', [220, 0], {
				jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};`,
			}),
			{
				...node(CONVIRZA, NODE_TYPE, [440, 0], { resource: 'user', operation: 'update', ...parameters }),
				credentials: { convirzaApi: CREDENTIAL_REF },
				...settings,
			},
			node('Updated', 'n8n-nodes-base.noOp', [660, -100]),
			node('Failed', 'n8n-nodes-base.noOp', [660, 100]),
		],
		connections: {
			[TRIGGER]: { main: [[{ node: SOURCE, type: 'main', index: 0 }]] },
			[SOURCE]: { main: [[{ node: CONVIRZA, type: 'main', index: 0 }]] },
			[CONVIRZA]: {
				main: errorOutput
					? [[{ node: 'Updated', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]]
					: [[{ node: 'Updated', type: 'main', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

export interface RunOptions extends ConvirzaWorkflowOptions {
	credential?: StoredCredential;
	/** Reuse one helper (and its store) across runs, e.g. to count logins over several executions. */
	credentialsHelper?: TestCredentialsHelper;
	nodeType?: INodeType;
}

function runOptions(sim: ConvirzaSimulator, options: RunOptions) {
	const store: CredentialStore = createCredentialStore(options.credential ?? tokenCredential(sim));
	return {
		workflow: convirzaWorkflow(options),
		nodeTypes: convirzaNodeTypes(options.nodeType),
		credentialTypes,
		...(options.credentialsHelper
			? { credentialsHelper: options.credentialsHelper }
			: { credentials: store }),
	};
}

export async function runConvirza(sim: ConvirzaSimulator, options: RunOptions): Promise<RunResult> {
	return await runWorkflow(runOptions(sim, options));
}

export function startConvirza(sim: ConvirzaSimulator, options: RunOptions) {
	return startWorkflow(runOptions(sim, options));
}

export function loginHelper(sim: ConvirzaSimulator): TestCredentialsHelper {
	return new TestCredentialsHelper(credentialTypes, createCredentialStore(loginCredential(sim)));
}

/** User locator in "By ID" mode, as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });
