// Convirza API credential, Access Token authentication, proven through n8n's real execution
// engine against the simulator with the User → Update workflow. (An insecure Base URL:
// reliability/secrets-and-cleartext.test.ts.)
import { WRONG_TOKEN, renameUsers, secretsOf } from '../kit';
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, runConvirza, tokenCredential } from './convirzaWorkflow';
import { SIMULATOR_TOKEN, expectRunWithoutSecrets, redact } from './secrets';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => {
	await sim.close();
});

const USERS = [10001, 10003, 10006];

/** The simulator's log as "METHOD path status Authorization", tokens shown by name only. */
const summary = () =>
	sim.log.map((r) => hide(`${r.method} ${r.path} ${r.status} ${r.headers.authorization ?? '(no Authorization)'}`));
const hide = (text: string) =>
	redact(text, {
		'admin token': sim.tokens.admin,
		'standard token': sim.tokens.standard,
		'wrong token': WRONG_TOKEN,
		'other token': SIMULATOR_TOKEN,
	});
const secrets = () => secretsOf(sim);

describe('Access Token: the Bearer header', () => {
	test('every API request carries "Bearer <token>"; spaces and line breaks pasted around the token are trimmed', async () => {
		const pasted = `  \n\t${sim.tokens.admin}\r\n  \n`;

		const result = await runConvirza(sim, renameUsers(USERS, { concurrency: 1 }, { credential: tokenCredential(sim, pasted) }));

		expect(result.status).toBe('success');
		expect(result.output(CONVIRZA).map(({ json }) => json.code)).toEqual([200, 200, 200]);
		for (const id of USERS) expect(sim.user(id)?.first_name).toBe(`Renamed ${id}`);
		// GET (fill unset fields) + PUT per user, all with exactly the trimmed token; no login
		expect(summary()).toEqual(
			USERS.flatMap((id) => [
				`GET /v3/users/${id} 200 Bearer <admin token>`,
				`PUT /v3/users/${id} 200 Bearer <admin token>`,
			]),
		);
		expect(sim.loginCount).toBe(0);
		expectRunWithoutSecrets(result, secrets());
	});

	test('a run does not change the stored token credential (nothing is persisted for a token)', async () => {
		const credential = tokenCredential(sim, ` ${sim.tokens.admin}\n`);

		const result = await runConvirza(sim, renameUsers([10001], { concurrency: 1 }, { credential }));

		expect(result.status).toBe('success');
		expect(hide(JSON.stringify(result.credentialsHelper.store[credential.id].data))).toBe(
			hide(JSON.stringify(credential.data)),
		);
		expectRunWithoutSecrets(result, secrets());
	});
});

describe('Access Token: refusals', () => {
	test('a Standard token on User → Update fails with 403 and says user operations need an Admin token', async () => {
		const result = await runConvirza(
			sim,
			renameUsers([10001], { concurrency: 1 }, { credential: tokenCredential(sim, sim.tokens.standard) }),
		);

		expect(result.status).toBe('error');
		const error = result.nodeError(CONVIRZA);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '403',
			message: 'Convirza error 403: Insufficient permissions: Admin role required',
		});
		expect(error?.description).toMatch(/^User operations need an Admin token/);
		expect(summary()).toEqual(['GET /v3/users/10001 403 Bearer <standard token>']);
		expect(error?.description).toContain(`Convirza request ID: ${sim.log[0].requestId}`);
		expect(sim.writes).toEqual([]);
		expect(sim.user(10001)?.first_name).toBe('John');
		expectRunWithoutSecrets(result, secrets());
	});

	test('a Standard token with "Continue" gives each item its 403 error item', async () => {
		const result = await runConvirza(
			sim,
			renameUsers(USERS, { concurrency: 1 }, {
				credential: tokenCredential(sim, sim.tokens.standard),
				settings: { onError: 'continueRegularOutput' },
			}),
		);

		expect(result.status).toBe('success');
		const items = result.output(CONVIRZA);
		expect(items.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const { json } of items) {
			expect(json.error).toBe('Convirza error 403: Insufficient permissions: Admin role required');
			expect(json.message).toMatch(/^User operations need an Admin token/);
		}
		expect(sim.writes).toEqual([]);
		expectRunWithoutSecrets(result, secrets());
	});

	test('a wrong token fails with 401 and says the token is missing, expired or revoked', async () => {
		const result = await runConvirza(sim, renameUsers([10001], { concurrency: 1 }, { credential: tokenCredential(sim, WRONG_TOKEN) }));

		expect(result.status).toBe('error');
		const error = result.nodeError(CONVIRZA);
		expect(error).toMatchObject({ httpCode: '401', message: 'Convirza error 401: Invalid or expired token' });
		expect(error?.description).toMatch(/^The access token is missing, expired or revoked/);
		// n8n retries a 401 once after preAuthentication; a token cannot be renewed, so it stays 401
		expect(summary()).toEqual(Array(2).fill('GET /v3/users/10001 401 Bearer <wrong token>'));
		expectRunWithoutSecrets(result, secrets());
	});

	test('an empty token is refused before any request is sent', async () => {
		const result = await runConvirza(sim, renameUsers([10001], { concurrency: 1 }, { credential: tokenCredential(sim, ' \n ') }));

		expect(result.status).toBe('error');
		expect(result.nodeError(CONVIRZA)?.message).toBe('The Convirza credential has no access token');
		expect(summary()).toEqual([]);
		expectRunWithoutSecrets(result, secrets());
	});
});
