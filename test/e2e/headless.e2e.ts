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
import { n8nCommand, n8nCommandOk, tail, type CommandResult } from './kit/n8nProcess';
import { nodeOutput, parseRawOutput } from './kit/runOutput';
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

/** `n8n execute --id=<id> --rawOutput`: the run it printed, and everything n8n wrote. */
async function execute(workflowId: string | undefined): Promise<{ run: IRun; command: CommandResult }> {
	if (!workflowId) throw new Error('the workflow has no id');
	const command = await n8nCommand(folder, ['execute', `--id=${workflowId}`, '--rawOutput']);
	if (command.code !== 0) {
		throw new Error(`n8n execute --id=${workflowId} exited with ${command.code}:\n${tail(command.output)}`);
	}
	const run = parseRawOutput(command.stdout);
	expect(run.status).toBe('success');
	expect(run.data.resultData.error).toBeUndefined();
	return { run, command };
}

/** The fields of a stored user that the demo maps. */
function watched(id: number) {
	const user = sim.userRecord(id);
	if (!user) throw new Error(`no user ${id}`);
	const { first_name, last_name, agent_ring_to, user_ext_id, role, timezone } = user;
	return { first_name, last_name, agent_ring_to, user_ext_id, role, timezone };
}

describe('the demo workflow (test/demo/crm-sync.workflow.json)', () => {
	let run: IRun;

	beforeAll(async () => {
		sim.clearLog();
		sim.clearWrites();
		({ run } = await execute(DEMO_WORKFLOW_ID));
	}, 300_000);

	test('updates the three good contacts in Convirza, leaving fields with empty CRM values alone', () => {
		expect(sim.writes.map((write) => `${write.method} ${write.path}`)).toEqual([
			'PUT /v3/users/10001',
			'PUT /v3/users/10003',
			'PUT /v3/users/10006',
		]);
		expect(watched(10001)).toEqual({
			first_name: 'John',
			last_name: 'Doe-Hart',
			agent_ring_to: '+14255550100',
			user_ext_id: 'HS-5501',
			role: 'Standard',
			timezone: 'America/Los_Angeles',
		});
		expect(watched(10003)).toEqual({
			first_name: 'Robert',
			last_name: 'Chen',
			agent_ring_to: '+17205550143',
			user_ext_id: 'HS-5502',
			role: 'Admin',
			timezone: 'America/Denver',
		});
		expect(watched(10006)).toEqual({
			first_name: 'Emma',
			last_name: 'Schmidt-Weber',
			agent_ring_to: '03090182000',
			user_ext_id: 'HS-5503',
			role: 'Standard',
			timezone: 'Europe/Berlin',
		});
	});

	test('splits the results: successes on the first output, the two bad contacts on the error output', () => {
		const updated = nodeOutput(run, 'Update user', 0);
		const failed = nodeOutput(run, 'Update user', 1);

		expect(updated.map((item) => [item.pairedItem, item.json.code, (item.json.data as { userId: number }).userId])).toEqual([
			[{ item: 0 }, 200, 10001],
			[{ item: 1 }, 200, 10003],
			[{ item: 2 }, 200, 10006],
		]);
		expect(failed.map((item) => [item.pairedItem, item.json.convirzaId])).toEqual([
			[{ item: 3 }, 10011],
			[{ item: 4 }, 10404],
		]);
		// the bad phone is refused before any request, naming the parameter and the item
		expect(failed[0].json.error).toContain('The "Agent Ring-To" parameter is not a phone number: "ask reception" (item 3)');
		expect(sim.requests('*', '/v3/users/10011')).toEqual([]);
		// the unknown user keeps Convirza's own message
		expect(failed[1].json.error).toContain('User not found');

		expect(nodeOutput(run, 'Updated').length).toBe(3);
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
		expect(nodeOutput(run, 'Get user').map((item) => item.json.email)).toEqual([
			'john.doe@example.com',
			'bob.chen@acme-corp.example',
			'emma.schmidt@acme-corp.example',
		]);
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
