// Convirza API credential, Email and Password authentication, through n8n's real execution engine
// against the simulator with the User → Update workflow: a token Convirza rejects is renewed exactly
// once, between executions or with requests in flight, one at a time or 8 at a time.
import type { ConvirzaSimulator } from '../simulator';
import { runConvirza, startConvirza } from './convirzaWorkflow';
import { ADMIN_LOGIN, renameUsers, sessionToken, until, useSimulator } from './credentialLoginKit';
import { expectRunWithoutSecrets } from './secrets';

const { current, newHelper, apiRequests, secrets, view, expectAllUpdated, expectSecretsWhereTheyBelong } = useSimulator();

let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

describe('Email and Password: renewal after Convirza rejects the token', () => {
	test.each([
		['expired', (s: ConvirzaSimulator, token: string) => s.expireAccessToken(token)],
		['revoked', (s: ConvirzaSimulator, token: string) => s.revokeToken(token)],
	])('one at a time: a token %s between executions is replaced by exactly one new login', async (_how, reject) => {
		const helper = newHelper();
		const first = await runConvirza(sim, renameUsers([10001], { concurrency: 1 }, { credentialsHelper: helper }));
		const oldToken = sessionToken(helper);
		reject(sim, oldToken);
		sim.clearLog();
		sim.clearWrites();

		const second = await runConvirza(sim, renameUsers([10003, 10006, 10010], { concurrency: 1 }, { credentialsHelper: helper }));

		expectAllUpdated(second, [10003, 10006, 10010]);
		expect(sim.loginCount).toBe(2);
		const v = view();
		expect(v.hide(oldToken)).toBe('<token 1>');
		expect(v.log).toEqual([
			'GET /v3/users/10003 401 Bearer <token 1>',
			ADMIN_LOGIN(200),
			'GET /v3/users/10003 200 Bearer <token 2>',
			'PUT /v3/users/10003 200 Bearer <token 2>',
			'GET /v3/users/10006 200 Bearer <token 2>',
			'PUT /v3/users/10006 200 Bearer <token 2>',
			'GET /v3/users/10010 200 Bearer <token 2>',
			'PUT /v3/users/10010 200 Bearer <token 2>',
		]);
		expect(v.hide(sessionToken(helper))).toBe('<token 2>');
		expect(helper.preAuthLog.filter((call) => call.loggedIn).map((call) => call.credentialsExpired)).toEqual([false, true]);
		expectRunWithoutSecrets(first, secrets());
		expectRunWithoutSecrets(second, secrets());
	});

	test('one at a time: a token revoked during the execution is replaced by exactly one new login', async () => {
		const ids = [10001, 10003, 10006, 10008, 10010, 10011];
		sim.setLatency(25);
		const helper = newHelper();
		const started = startConvirza(sim, renameUsers(ids, { concurrency: 1 }, { credentialsHelper: helper }));
		await until(() => sim.requests('PUT', /^\/v3\/users\//).length >= 1);
		sim.revokeToken(sessionToken(helper));

		const result = await started.result;

		expectAllUpdated(result, ids);
		expect(sim.loginCount).toBe(2);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200), ADMIN_LOGIN(200)]);
		expect(v.count(401)).toBe(1);
		expect(v.tokens).toBe('<token 1> <token 2>');
		expect(v.hide(sessionToken(helper))).toBe('<token 2>');
		expectRunWithoutSecrets(result, secrets());
	});

	test('8 at a time: 30 items whose token expired between executions share one new login', async () => {
		const ids = sim.addUsers(30);
		const helper = newHelper();
		const first = await runConvirza(sim, renameUsers(ids.slice(0, 1), { concurrency: 8 }, { credentialsHelper: helper }));
		const firstSecrets = secrets();
		sim.expireAccessToken(sessionToken(helper));
		sim.clearLog();
		sim.clearWrites();
		sim.setLatency(10);
		sim.resetInFlightStats();

		const second = await runConvirza(sim, renameUsers(ids, { concurrency: 8 }, { credentialsHelper: helper }));

		expectAllUpdated(second, ids);
		expect(sim.maxInFlight).toBeGreaterThan(1);
		expect(sim.loginCount).toBe(2);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200)]);
		// Several requests were refused at once with the old token, each asked for a renewal …
		const refused = apiRequests().filter((r) => r.status === 401);
		expect(refused.length).toBeGreaterThan(1);
		expect([...new Set(refused.map((r) => v.hide(r.headers.authorization)))]).toEqual(['Bearer <token 1>']);
		expect(helper.preAuthLog.filter((call) => call.credentialsExpired)).toHaveLength(refused.length);
		// … and all of them got the one new token
		expect(v.tokens).toBe('<token 1> <token 2>');
		expect(v.hide(sessionToken(helper))).toBe('<token 2>');
		expect(v.count(200)).toBe(60);
		expectSecretsWhereTheyBelong();
		expectRunWithoutSecrets(first, firstSecrets);
		expectRunWithoutSecrets(second, secrets());
	});

	test('8 at a time: a token expired while 30 items are in flight is replaced by exactly one new login', async () => {
		const ids = sim.addUsers(30);
		sim.setLatency(20);
		const helper = newHelper();
		const started = startConvirza(sim, renameUsers(ids, { concurrency: 8 }, { credentialsHelper: helper }));
		await until(() => sim.requests('PUT', /^\/v3\/users\//).length >= 4 && sim.inFlight >= 2);
		sim.expireAccessToken(sessionToken(helper));

		const result = await started.result;

		expectAllUpdated(result, ids);
		expect(sim.loginCount).toBe(2);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200), ADMIN_LOGIN(200)]);
		expect(v.count(401)).toBeGreaterThanOrEqual(1);
		expect(v.tokens).toBe('<token 1> <token 2>');
		expect(v.hide(sessionToken(helper))).toBe('<token 2>');
		expectSecretsWhereTheyBelong();
		expectRunWithoutSecrets(result, secrets());
	});
});
