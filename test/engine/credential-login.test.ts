// Convirza API credential, Email and Password authentication, proven through n8n's real execution
// engine against the simulator with the User → Update workflow: one login, reused across items and
// executions. Renewal and failures: credential-renewal.test.ts, credential-login-failures.test.ts.
import { ADMIN_LOGIN, renameUsers, sessionToken, useSimulator } from '../kit';
import type { ConvirzaSimulator } from '../simulator';
import { runConvirza, startConvirza } from './convirzaWorkflow';
import { expectRunWithoutSecrets } from './secrets';

const { simulator, current, newHelper, secrets, view, expectAllUpdated, expectSecretsWhereTheyBelong } = useSimulator();

let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

describe('Email and Password: login and reuse', () => {
	test.each(['bare', 'envelope'] as const)(
		'logs in once (%s login response) and every request of every item carries that token',
		async (loginShape) => {
			const s = await simulator({ loginShape });
			const helper = newHelper(s);

			const result = await runConvirza(s, renameUsers([10001, 10003, 10006], { concurrency: 1 }, { credentialsHelper: helper }));

			expectAllUpdated(result, [10001, 10003, 10006], s);
			expect(s.loginCount).toBe(1);
			const v = view(s);
			expect(v.log).toEqual([
				ADMIN_LOGIN(200),
				'GET /v3/users/10001 200 Bearer <token 1>',
				'PUT /v3/users/10001 200 Bearer <token 1>',
				'GET /v3/users/10003 200 Bearer <token 1>',
				'PUT /v3/users/10003 200 Bearer <token 1>',
				'GET /v3/users/10006 200 Bearer <token 1>',
				'PUT /v3/users/10006 200 Bearer <token 1>',
			]);
			// The token the login issued is the one persisted in the credential
			expect(v.hide(sessionToken(helper))).toBe('<token 1>');
			expect(/^cvz_at_[\w-]+$/.test(sessionToken(helper))).toBe(true);
			expect(helper.preAuthCalls).toBe(1);
			expectSecretsWhereTheyBelong(s);
			expectRunWithoutSecrets(result, secrets(s));
		},
	);

	test('a second execution with the same credential reuses the persisted token: no new login', async () => {
		const helper = newHelper();

		const first = await runConvirza(sim, renameUsers([10001], { concurrency: 1 }, { credentialsHelper: helper }));
		const second = await runConvirza(sim, renameUsers([10003, 10006], { concurrency: 1 }, { credentialsHelper: helper }));

		expect(first.status).toBe('success');
		expect(second.status).toBe('success');
		expect(sim.loginCount).toBe(1);
		expect(helper.preAuthCalls).toBe(1);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200)]);
		expect(v.tokens).toBe('<token 1>');
		expect(v.count(200)).toBe(6);
		expect(v.hide(sessionToken(helper))).toBe('<token 1>');
		expectRunWithoutSecrets(first, secrets());
		expectRunWithoutSecrets(second, secrets());
	});

	test('30 items 8 at a time share the first login', async () => {
		const ids = sim.addUsers(30);
		const helper = newHelper();
		// The first reads are held until all 8 have arrived: 8 requests in flight, one login behind them.
		const firstReads = sim.hold('GET', /^\/v3\/users\/\d+$/);

		const run = startConvirza(sim, renameUsers(ids, { concurrency: 8 }, { credentialsHelper: helper }));
		await firstReads.arrived(8);
		expect(sim.inFlight).toBe(8);
		expect(sim.loginCount).toBe(1);
		await firstReads.release();
		const result = await run.result;

		expectAllUpdated(result, ids);
		expect(sim.maxInFlight).toBe(8);
		expect(sim.loginCount).toBe(1);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200)]);
		expect(v.tokens).toBe('<token 1>');
		expect(v.count(200)).toBe(60);
		expect(v.hide(sessionToken(helper))).toBe('<token 1>');
		expectSecretsWhereTheyBelong();
		expectRunWithoutSecrets(result, secrets());
	});
});
