import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import type { ConvirzaSimulator } from '../../simulator';

/** A workflow as n8n exports and imports it. */
export interface WorkflowFile {
	id?: string;
	name: string;
	nodes: INode[];
	connections: IDataObject;
	settings?: IDataObject;
}

/** A credential as `n8n import:credentials` takes it: plain values, n8n encrypts them. */
export interface CredentialFile {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

export const NODE_TYPE = 'n8n-nodes-convirza.convirza';
export const TRIGGER = 'When clicking ‘Execute workflow’';

function readWorkflow(path: string): WorkflowFile {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowFile;
}

/** `npm run demo`'s workflow, test/demo/crm-sync.workflow.json, as it is, plus the id an import needs. */
export const DEMO_WORKFLOW_ID = 'e2eDemoCrmSync';
export function demoWorkflow(): WorkflowFile {
	return { ...readWorkflow(join(__dirname, '..', '..', 'demo', 'crm-sync.workflow.json')), id: DEMO_WORKFLOW_ID };
}

/** A workflow of test/e2e/fixtures by its file name without `.workflow.json`. */
export function fixtureWorkflow(name: 'update-one-field' | 'login-get' | 'editor-pick-user' | 'calls'): WorkflowFile {
	return readWorkflow(join(__dirname, '..', 'fixtures', `${name}.workflow.json`));
}

/** The credential the demo and most fixtures name: an Access Token for the simulator. */
export function tokenCredential(sim: ConvirzaSimulator, token = sim.tokens.admin): CredentialFile {
	return {
		id: 'convirza-local',
		name: 'Convirza (local simulator)',
		type: 'convirzaApi',
		data: { authentication: 'accessToken', accessToken: token, baseUrl: sim.baseUrl },
	};
}

/** Email and Password for the simulator's Admin login (the login-get fixture names it). */
export function loginCredential(sim: ConvirzaSimulator, login = sim.logins.admin): CredentialFile {
	return {
		id: 'convirza-login',
		name: 'Convirza (Email and Password)',
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

/** The workflow with every Convirza credential reference pointed at `credential` (ids n8n gave). */
export function withCredential(workflow: WorkflowFile, credential: { id: string; name: string }): WorkflowFile {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.credentials?.convirzaApi ? { ...node, credentials: { ...node.credentials, convirzaApi: credential } } : node,
		),
	};
}
