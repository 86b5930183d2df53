/**
 * The packed package in a real n8n, headless: credentials and workflows imported with n8n's CLI
 * (`import:credentials`, `import:workflow`), each workflow run with `n8n execute --id … --rawOutput`
 * against the Convirza simulator on 127.0.0.1. n8n evaluates the expressions with its default engine,
 * reads the credentials from its database, and runs the Code nodes in its task runner.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { SIMULATOR_TOKEN, expectNoSecrets } from '../engine/secrets';
import { startSimulator, type ConvirzaSimulator, type UserRecord } from '../simulator';
import {
	DEMO_WORKFLOW_ID,
	demoWorkflow,
	fixtureWorkflow,
	loginCredential,
	tokenCredential,
	type WorkflowFile,
} from './kit/fixtures';
import { executeWorkflow } from './kit/execute';
import { n8nCommandOk, type CommandResult } from './kit/n8nProcess';
import { nodeOutput } from './kit/runOutput';
import { createUserFolder } from './kit/userFolder';

let sim: ConvirzaSimulator;
let folder: string;

const UPDATE_ONE_FIELD = fixtureWorkflow('update-one-field');
const LOGIN_GET = fixtureWorkflow('login-get');

beforeAll(async () => {
	sim = await startSimulator();
	folder = await createUserFolder('headless');

	const credentials = join(folder, 'credentials.json');
	writeFileSync(credentials, JSON.stringify([tokenCredential(sim), loginCredential(sim)]));
	await n8nCommandOk(folder, ['import:credentials', `--input=${credentials}`]);

	const workflows = join(folder, 'workflows.json');
	const all: WorkflowFile[] = [demoWorkflow(), UPDATE_ONE_FIELD, LOGIN_GET];
	writeFileSync(workflows, JSON.stringify(all));
	await n8nCommandOk(folder, ['import:workflow', `--input=${workflows}`]);
}, 600_000);

afterAll(async () => {
	await sim?.close();
});

/** `n8n execute --id=<id> --rawOutput`, which must have succeeded: the run it printed, and everything n8n wrote. */
async function execute(workflowId: string | undefined): Promise<{ run: IRun; command: CommandResult }> {
	const { run, command } = await executeWorkflow(folder, workflowId);
	expect(run.status).toBe('success');
	expect(run.data.resultData.error).toBeUndefined();
	return { run, command };
}

/** The fields of a stored user that the demo maps. */
function watched(id: number) {
	const user = sim.userRecord(id);
	if (!user) throw new Error(`no user ${id}`);
	const { username, first_name, last_name, agent_ring_to, user_ext_id, role, timezone } = user;
	return { username, first_name, last_name, agent_ring_to, user_ext_id, role, timezone };
}

const NODE = 'Create or update user';

describe('the demo workflow (test/demo/crm-sync.workflow.json)', () => {
	let run: IRun;

	beforeAll(async () => {
		sim.clearLog();
		sim.clearWrites();
		({ run } = await execute(DEMO_WORKFLOW_ID));
	}, 300_000);

	test('updates the three contacts Convirza has, creates the new one, leaving fields with empty CRM values alone', () => {
		expect(sim.writes.map((write) => `${write.method} ${write.path}`).sort()).toEqual([
			'POST /v3/users',
			'PUT /v3/users/10001',
			'PUT /v3/users/10003',
			'PUT /v3/users/10006',
		]);
		expect(watched(10001)).toEqual({
			username: 'john.doe@example.com',
			first_name: 'John',
			last_name: 'Doe-Hart',
			agent_ring_to: '+14255550100',
			user_ext_id: 'HS-5501',
			role: 'Standard',
			timezone: 'America/Los_Angeles',
		});
		expect(watched(10003)).toEqual({
			username: 'BOB.CHEN@acme-corp.example',
			first_name: 'Robert',
			last_name: 'Chen',
			agent_ring_to: '+17205550143',
			user_ext_id: 'HS-5502',
			role: 'Admin',
			timezone: 'America/Denver',
		});
		// an E.164 number stays E.164
		expect(watched(10006)).toMatchObject({ last_name: 'Schmidt-Weber', agent_ring_to: '+4930901820', user_ext_id: 'HS-5503' });
		const [created] = sim.writes.filter((write) => write.method === 'POST');
		expect(watched(created.userId)).toEqual({
			username: 'nora.quinn@acme-corp.example',
			first_name: 'Nora',
			last_name: 'Quinn',
			agent_ring_to: '+12065550123',
			user_ext_id: 'HS-5505',
			role: 'ReadOnly',
			timezone: 'America/Los_Angeles',
		});
	});

	test('splits the results: what was done on the first output, the two bad contacts on the error output', () => {
		const synced = nodeOutput(run, NODE, 0);
		const failed = nodeOutput(run, NODE, 1);
		const [created] = sim.writes.filter((write) => write.method === 'POST');

		expect(synced.map((item) => [item.pairedItem, item.json.action, item.json.userId, item.json.code])).toEqual([
			[{ item: 0 }, 'updated', 10001, 200],
			[{ item: 1 }, 'updated', 10003, 200],
			[{ item: 2 }, 'updated', 10006, 200],
			[{ item: 4 }, 'created', created.userId, 200],
		]);
		expect(failed.map((item) => [item.pairedItem, item.json.email])).toEqual([
			[{ item: 3 }, 'jamal.wright@acme-corp.example'],
			[{ item: 5 }, 'hans.weber@acme-corp.example'],
		]);
		// both phones are refused before any request, naming the parameter and the item
		expect(failed[0].json.error).toBe('The "Agent Ring-To" parameter contains letters: "ask reception" (item 3)');
		expect(failed[1].json.error).toMatch(/^The "Agent Ring-To" parameter .*: "030 9018 2000" \(item 5\)$/);
		expect(sim.requests('*', '/v3/users/10011')).toEqual([]);
		expect(sim.writes.filter((write) => write.method === 'POST')).toHaveLength(1);

		expect(nodeOutput(run, 'Synced').length).toBe(4);
		expect(nodeOutput(run, 'Failed').length).toBe(2);
	});
});

describe('Update with only one field set', () => {
	test('changes that field and every other field of the user survives', async () => {
		const before = sim.userRecord(10009) as UserRecord;
		sim.clearWrites();

		const { run } = await execute(UPDATE_ONE_FIELD.id);

		expect(nodeOutput(run, 'Rename Hiro').map((item) => item.json.code)).toEqual([200]);
		expect(sim.writes.map((write) => `${write.method} ${write.path}`)).toEqual(['PUT /v3/users/10009']);
		const after = sim.userRecord(10009) as UserRecord;
		expect(after).toEqual({ ...before, first_name: 'Hiroshi', updated_at: after.updated_at });
		// Hiro is the seeded user with aliases, a ReadOnly role and audio access off: all kept
		expect(after.aliases).toBe('Hiro T.; H. Tanaka');
	}, 300_000);
});

describe('Email and Password', () => {
	let command: CommandResult;
	let run: IRun;

	beforeAll(async () => {
		sim.clearLog();
		sim.resetLoginRateLimit();
		({ run, command } = await execute(LOGIN_GET.id));
	}, 300_000);

	test('logs in once for all three items and reads each user with the token it got', () => {
		// as stored now: the demo, which ran before on this simulator, wrote Bob's email as his CRM has it
		expect(nodeOutput(run, 'Get user').map((item) => item.json.email)).toEqual(
			[10001, 10003, 10006].map((id) => sim.userRecord(id)?.username),
		);
		expect(sim.requests('POST', '/oauth/token').map((request) => request.status)).toEqual([200]);
		const reads = sim.requests('GET', /^\/v3\/users\/\d+$/);
		expect(reads.map((request) => request.status)).toEqual([200, 200, 200]);
		// an issued token, never a seeded one (the check is a boolean: a failure must not print a token)
		expect(reads.every((request) => /^Bearer cvz_at_/.test(String(request.headers.authorization)))).toBe(true);
	});

	test('no password or token anywhere in the run data or in what n8n printed', () => {
		const secrets = [sim.logins.admin.password, sim.tokens.admin, sim.tokens.standard, SIMULATOR_TOKEN];
		expectNoSecrets({ runData: run, stdout: command.stdout, stderr: command.stderr }, secrets);
	});
});
