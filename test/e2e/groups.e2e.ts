/**
 * Groups in the CRM's language, in a real n8n, headless (`n8n execute --id … --rawOutput`): a CRM
 * sync that, in one run, creates the missing team's group (Group → Create or Update, matched on the
 * name within the region) and then creates the team's reps into it by the group's name or path
 * (User → Create, Group By Name), against the Convirza simulator on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INode, IRun } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { NODE_TYPE, TRIGGER, tokenCredential, type WorkflowFile } from './kit/fixtures';
import { executeWorkflow } from './kit/execute';
import { n8nCommandOk } from './kit/n8nProcess';
import { nodeOutput } from './kit/runOutput';
import { createUserFolder } from './kit/userFolder';

const WORKFLOW_ID = 'e2eCrmTeamsAndReps';
const TEAMS = 'CRM teams';
const GROUPS = 'Create or update team';
const REPS = 'CRM reps';
const USERS = 'Create rep';

const CREDENTIAL = { convirzaApi: { id: 'convirza-local', name: 'Convirza (local simulator)' } };

function node(name: string, type: string, x: number, parameters: INode['parameters'] = {}): INode {
	const convirza = type === NODE_TYPE;
	return {
		id: `7a1b2c3d-0000-4000-8000-${String(x).padStart(12, '0')}`,
		name,
		type,
		typeVersion: type.endsWith('.code') ? 2 : 1,
		position: [x, 0],
		parameters,
		...(convirza ? { credentials: CREDENTIAL } : {}),
	};
}

const code = (rows: object[]) => `return ${JSON.stringify(rows.map((json) => ({ json })))};`;

/** The CRM's teams: one Convirza does not have yet, one it has (in other letter case). */
const teams = [
	{ team: 'Sales North', region: 'West Region', city: 'Seattle', phone: '(206) 555-0150' },
	{ team: 'sales team', region: 'West Region', city: 'Portland', phone: '' },
];
/** The reps, who know their team by name only; one by the path the picker shows. */
const reps = [
	{ email: 'pia.lund@acme-corp.example', first: 'Pia', last: 'Lund', team: 'Sales North' },
	{ email: 'omar.haddad@acme-corp.example', first: 'Omar', last: 'Haddad', team: 'West Region › Sales North' },
	{ email: 'li.wei@acme-corp.example', first: 'Li', last: 'Wei', team: 'SALES TEAM' },
];

function workflow(): WorkflowFile {
	const nodes = [
		node(TRIGGER, 'n8n-nodes-base.manualTrigger', 0),
		node(TEAMS, 'n8n-nodes-base.code', 220, { jsCode: code(teams) }),
		node(GROUPS, NODE_TYPE, 440, {
			resource: 'group',
			operation: 'upsert',
			matchOn: 'name',
			name: '={{ $json.team }}',
			parentGroup: { __rl: true, mode: 'name', value: '={{ $json.region }}' },
			additionalFields: { city: '={{ $json.city }}', phoneNumber: '={{ $json.phone }}' },
			options: {},
		}),
		// Runs once, after every team is in Convirza.
		node(REPS, 'n8n-nodes-base.code', 660, { jsCode: code(reps) }),
		node(USERS, NODE_TYPE, 880, {
			resource: 'user',
			operation: 'create',
			email: '={{ $json.email }}',
			firstName: '={{ $json.first }}',
			lastName: '={{ $json.last }}',
			role: 'Standard',
			group: { __rl: true, mode: 'name', value: '={{ $json.team }}' },
			additionalFields: {},
			options: {},
		}),
	];
	const next = (from: string, to: string) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id: WORKFLOW_ID,
		name: 'CRM teams and reps → Convirza groups and users',
		nodes,
		connections: { ...next(TRIGGER, TEAMS), ...next(TEAMS, GROUPS), ...next(GROUPS, REPS), ...next(REPS, USERS) },
		settings: { executionOrder: 'v1' },
	};
}

let sim: ConvirzaSimulator;
let run: IRun;

beforeAll(async () => {
	sim = await startSimulator();
	const folder = await createUserFolder('groups');
	const credentials = join(folder, 'credentials.json');
	writeFileSync(credentials, JSON.stringify([tokenCredential(sim)]));
	await n8nCommandOk(folder, ['import:credentials', `--input=${credentials}`]);
	const workflows = join(folder, 'workflows.json');
	writeFileSync(workflows, JSON.stringify([workflow()]));
	await n8nCommandOk(folder, ['import:workflow', `--input=${workflows}`]);

	({ run } = await executeWorkflow(folder, WORKFLOW_ID));
}, 600_000);

afterAll(async () => {
	await sim?.close();
});

describe('a CRM sync that creates a missing team\'s group, then its reps into it by name', () => {
	test('the run succeeds', () => {
		expect(run.status).toBe('success');
		expect(run.data.resultData.error).toBeUndefined();
	});

	test('the missing team becomes a group under its region; the existing one is updated, not duplicated', () => {
		const created = sim.groupWrites.find((write) => write.method === 'POST')?.orgUnitId as number;
		expect(sim.groupWrites.map((write) => `${write.method} ${write.path}`).sort()).toEqual(['PATCH /v3/groups/70035', 'POST /v3/groups']);
		expect(sim.group(created)).toMatchObject({ org_unit_name: 'Sales North', org_unit_parent_id: 65000, city: 'Seattle', phone_number: '+12065550150' });
		expect(sim.group(70035)).toMatchObject({ org_unit_name: 'sales team', city: 'Portland', phone_number: null });
		expect(nodeOutput(run, GROUPS).map((item) => [item.pairedItem, item.json.action, item.json.groupId])).toEqual([
			[{ item: 0 }, 'created', created],
			[{ item: 1 }, 'updated', 70035],
		]);
	});

	test('the reps are created into the groups their CRM names, by name or path', () => {
		const created = sim.groupWrites.find((write) => write.method === 'POST')?.orgUnitId as number;
		const users = nodeOutput(run, USERS);
		expect(users.map((item) => [item.pairedItem, item.json.code])).toEqual([
			[{ item: 0 }, 200],
			[{ item: 1 }, 200],
			[{ item: 2 }, 200],
		]);
		const groupOf = (email: string) => {
			const write = sim.writes.find((entry) => entry.method === 'POST' && sim.userRecord(entry.userId)?.username === email);
			return write && sim.userRecord(write.userId)?.ct_user_ou_id;
		};
		expect(reps.map((rep) => groupOf(rep.email))).toEqual([created, created, 70035]);
	});
});
