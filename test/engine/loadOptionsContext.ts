/**
 * What n8n's editor backend (DynamicNodeParametersService) builds to run a node's listSearch
 * method: a one-node workflow holding the node's current parameters and credential, and n8n-core's
 * real LoadOptionsContext in mode "internal". Requests go through the same credentials helper as
 * the engine tests, so `authenticate` and the login hook apply.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type ILoadOptionsFunctions, type INode, type INodeParameters } from 'n8n-workflow';

import {
	CONVIRZA,
	CREDENTIAL_REF,
	NODE_TYPE,
	convirzaNodeTypes,
	credentialTypes,
	tokenCredential,
} from './convirzaWorkflow';
import type { ConvirzaSimulator } from '../simulator';
import {
	TestCredentialsHelper,
	createAdditionalData,
	createCredentialStore,
	toWorkflowBase,
	type StoredCredential,
} from '../harness';

export interface LoadOptionsOptions {
	/** The node's parameters as the editor holds them while the list opens. */
	parameters?: INodeParameters;
	/** The parameter whose list is opened, e.g. "parameters.userId". */
	path?: string;
	credential?: StoredCredential;
}

export function loadOptionsContext(
	sim: ConvirzaSimulator,
	{ parameters = {}, path = 'parameters.userId', credential = tokenCredential(sim) }: LoadOptionsOptions = {},
): ILoadOptionsFunctions {
	const node: INode = {
		id: 'c0a1b2c3-0000-4000-8000-000000000440',
		name: CONVIRZA,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'user', operation: 'get', ...parameters },
		credentials: { convirzaApi: CREDENTIAL_REF },
	};
	const nodeTypes = convirzaNodeTypes();
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, createCredentialStore(credential));
	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: 'load-options',
		mode: 'internal',
		workflowData: toWorkflowBase({ name: 'Load options', nodes: [node], connections: {} }),
	});
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}
