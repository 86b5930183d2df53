// Convirza API credential, Email and Password authentication, proven through n8n's real execution
// engine against the simulator with the User → Update workflow: one login, reused across items and
// executions, renewed exactly once when Convirza rejects the token (also with requests in flight),
// and a clear error for each way the login can fail.
import type { INodeParameters } from 'n8n-workflow';

import { TestCredentialsHelper, createCredentialStore, type RunResult } from '../harness';
import { startSimulator, type ConvirzaSimulator, type LoggedRequest, type SimulatorOptions } from '../simulator';
import {
	CONVIRZA,
	CREDENTIAL_REF,
	byId,
	credentialTypes,
	loginCredential,
	runConvirza,
	startConvirza,
	type RunOptions,
} from './convirzaWorkflow';
import { SIMULATOR_TOKEN, expectNoSecrets, expectRunWithoutSecrets, redact, type Secret } from './secrets';

/*
 * The credential shares logins through a module-level cache keyed by OAuth URL, email and password.
 * Every simulator of this file stays open until the end, so no two tests can get the same port (and
 * so the same cache key) and one test's cached token can never reach another test's simulator.
 */
const simulators: ConvirzaSimulator[] = [];
async function simulator(options: SimulatorOptions = {}): Promise<ConvirzaSimulator> {
	const started = await startSimulator(options);
	simulators.push(started);
	return started;
}
afterAll(async () => {
	await Promise.all(simulators.map(async (s) => await s.close()));
});

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await simulator();
});

const WRONG_PASSWORD = 'Not-the-Passw0rd!';

function newHelper(s: ConvirzaSimulator = sim, login = s.logins.admin): TestCredentialsHelper {
	return new TestCredentialsHelper(credentialTypes, createCredentialStore(loginCredential(s, login)));
}

/** Items that each rename one user (GET to fill unset fields, then PUT). */
function renameUsers(ids: number[], options: INodeParameters, extra: Partial<RunOptions> = {}): RunOptions {
	return {
		items: ids.map((id) => ({ convirzaId: id, firstName: `Renamed ${id}` })),
		parameters: {
			userId: byId('={{ $json.convirzaId }}'),
			updateFields: { firstName: '={{ $json.firstName }}' },
			options,
		},
		...extra,
	};
}

const sessionToken = (helper: TestCredentialsHelper) => String(helper.store[CREDENTIAL_REF.id].data.sessionToken ?? '');
const bearerOf = (header: unknown) => String(header).replace(/^Bearer /, '');
const apiRequests = (s: ConvirzaSimulator = sim) => s.requests('*', /^\/v3\//);
const loginRequests = (s: ConvirzaSimulator = sim) => s.requests('POST', '/oauth/token');
/** Every token this simulator's API saw, in order of first use. */
const tokensUsed = (s: ConvirzaSimulator = sim) => [...new Set(apiRequests(s).map((r) => bearerOf(r.headers.authorization)))];
const secrets = (s: ConvirzaSimulator = sim) => [
	s.logins.admin.password,
	s.logins.standard.password,
	WRONG_PASSWORD,
	SIMULATOR_TOKEN,
	...tokensUsed(s),
];

/**
 * The simulator's log with every secret shown by name, so that no failing assertion prints one:
 * the tokens the API saw become `<token 1>`, `<token 2>` … in order of first use, passwords
 * `<admin password>` / `<wrong password>`, any other simulator token `<unknown token>`.
 * Each line is "METHOD path status Authorization", plus the body for a login.
 */
function view(s: ConvirzaSimulator = sim) {
	const named: Record<string, Secret> = {};
	tokensUsed(s).forEach((token, index) => {
		named[`token ${index + 1}`] = token;
	});
	named['admin password'] = s.logins.admin.password;
	named['standard password'] = s.logins.standard.password;
	named['wrong password'] = WRONG_PASSWORD;
	named['unknown token'] = SIMULATOR_TOKEN;
	const hide = (value: unknown) => redact(value, named);
	const line = (r: LoggedRequest) =>
		hide(
			`${r.method} ${r.path} ${r.status} ${r.headers.authorization ?? '-'}${
				r.path.startsWith('/oauth/') ? ` ${JSON.stringify(r.body)}` : ''
			}`,
		);
	return {
		hide,
		log: s.log.map(line),
		logins: loginRequests(s).map(line),
		/** The distinct tokens the API saw, by name: e.g. "<token 1> <token 2>". */
		tokens: hide(tokensUsed(s).join(' ')),
		/** How many requests to the API were answered with this status. */
		count: (status: number) => apiRequests(s).filter((r) => r.status === status).length,
	};
}

const ADMIN_LOGIN = (status: number) =>
	`POST /oauth/token ${status} - {"email":"alice.morgan@acme-corp.example","password":"<admin password>"}`;
const WRONG_LOGIN = (status: number) =>
	`POST /oauth/token ${status} - {"email":"alice.morgan@acme-corp.example","password":"<wrong password>"}`;

function expectAllUpdated(result: RunResult, ids: number[], s: ConvirzaSimulator = sim) {
	expect(result.status).toBe('success');
	const items = result.output(CONVIRZA);
	expect(items.map(({ json }) => json.code)).toEqual(ids.map(() => 200));
	expect(items.map(({ pairedItem }) => pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	for (const id of ids) expect(s.user(id)?.first_name).toBe(`Renamed ${id}`);
	// Exactly one applied update per user: a request refused with 401 changed nothing
	expect(s.writes.map((write) => write.userId).sort()).toEqual([...ids].sort());
}

/** The password goes only to the login service (without a token), and the token only to the API. */
function expectSecretsWhereTheyBelong(s: ConvirzaSimulator = sim) {
	expect(view(s).logins).toEqual(loginRequests(s).map((r) => ADMIN_LOGIN(r.status ?? 0)));
	expectNoSecrets(
		apiRequests(s).map(({ url, headers, rawBody }) => ({ url, headers, rawBody })),
		[s.logins.admin.password, s.logins.standard.password, WRONG_PASSWORD],
	);
}

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
		sim.setLatency(10);
		const helper = newHelper();
		sim.resetInFlightStats();

		const result = await runConvirza(sim, renameUsers(ids, { concurrency: 8 }, { credentialsHelper: helper }));

		expectAllUpdated(result, ids);
		expect(sim.maxInFlight).toBeGreaterThan(1);
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

describe('Email and Password: login failures', () => {
	test('a wrong password fails the items with "Convirza rejected the email or password"', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(sim, renameUsers([10001, 10003], { concurrency: 1 }, { credentialsHelper: helper }));

		expect(result.status).toBe('error');
		const error = result.nodeError(CONVIRZA);
		expect(error?.message).toBe('Convirza rejected the email or password');
		expect(error?.description).toBe('Check the Email and Password of the Convirza credential.');
		expect(sim.loginCount).toBe(0);
		// One login attempt; no API request without a token
		expect(view().log).toEqual([WRONG_LOGIN(401)]);
		expect(view().hide(sessionToken(helper))).toBe('');
		expectRunWithoutSecrets(result, secrets());
	});

	test('a wrong password with "Continue" gives every item the same error', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(
			sim,
			renameUsers([10001, 10003], { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		expect(result.status).toBe('success');
		expect(result.output(CONVIRZA).map(({ json }) => json.error)).toEqual(
			Array(2).fill('Convirza rejected the email or password'),
		);
		// Only refused logins; no API request without a token
		expect([...new Set(view().log)]).toEqual([WRONG_LOGIN(401)]);
		expect(sim.loginCount).toBe(0);
		expectRunWithoutSecrets(result, secrets());
	});

	// Failed logins count against Convirza's 10 a minute too: were each item to log in again, 12 items
	// would lock every workflow on this n8n instance (same IP) out for a minute.
	test('a wrong password costs one login attempt, not one per item', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(
			sim,
			renameUsers(Array(12).fill(10001), { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		expect(view().logins).toEqual([WRONG_LOGIN(401)]);
		expect(result.output(CONVIRZA).map(({ json }) => json.error)).toEqual(
			Array(12).fill('Convirza rejected the email or password'),
		);
	});

	// With the defaults the item would wait out Convirza's Retry-After (up to Max Retry Wait) and
	// log in again; Max Attempts 1 shows the message the operator gets when that is not possible.
	test('a rate-limited login (no login allowed) fails with "too many login attempts" and how long to wait', async () => {
		const s = await simulator({ loginRateLimitPerMinute: 0 });
		const helper = newHelper(s);

		const result = await runConvirza(
			s,
			renameUsers([10001], { concurrency: 1, maxAttempts: 1 }, { credentialsHelper: helper }),
		);

		expect(result.status).toBe('error');
		const error = result.nodeError(CONVIRZA);
		expect(error?.message).toBe('Convirza refused the login: too many login attempts');
		expect(error?.description).toMatch(
			/^Convirza allows 10 logins a minute from one IP address\. Wait \d+ seconds and try again\.$/,
		);
		// The login is not retried in a loop: one attempt, and no API request without a token
		expect(view(s).log).toEqual([ADMIN_LOGIN(429)]);
		expectRunWithoutSecrets(result, secrets(s));
	});

	test('a login after the rate limit is used up fails with "too many login attempts"', async () => {
		// Ten logins from this machine within the minute, as other workflows could have made
		for (let i = 0; i < 10; i++) {
			const response = await fetch(`${sim.oauthUrl}/oauth/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(sim.logins.standard),
			});
			expect(response.status).toBe(200);
		}
		sim.clearLog();
		const helper = newHelper();

		const result = await runConvirza(
			sim,
			renameUsers([10001], { concurrency: 1, maxAttempts: 1 }, { credentialsHelper: helper }),
		);

		expect(result.status).toBe('error');
		expect(result.nodeError(CONVIRZA)?.message).toBe('Convirza refused the login: too many login attempts');
		expect(result.nodeError(CONVIRZA)?.description).toMatch(/Wait \d+ seconds and try again/);
		expect(view().log).toEqual([ADMIN_LOGIN(429)]);
		expectRunWithoutSecrets(result, secrets());
	});

	test.each([
		['rate-limited', { status: 429, retryAfter: '0' }, 429],
		['unavailable', { status: 503 }, 503],
		['cut off', { reset: 'before' as const }, undefined],
	])('a %s login is tried again, and the item then succeeds', async (_, fault, status) => {
		sim.inject('POST', '/oauth/token', fault);
		const helper = newHelper();

		const result = await runConvirza(
			sim,
			renameUsers([10001], { concurrency: 1, retryDelayMs: 1 }, { credentialsHelper: helper }),
		);

		expect(result.error).toBeUndefined();
		expect(sim.requests('POST', '/oauth/token').map((entry) => entry.status)).toEqual([status, 200]);
		expect(sim.loginCount).toBe(1);
		expect(sim.userRecord(10001)?.first_name).toBe('Renamed 10001');
		expectRunWithoutSecrets(result, secrets());
	});

	test.each([
		['OAuth URL', 'http://example.com', 'http://example.com'],
		['Base URL', 'http://platform-api.convirza.com/v3', 'http://platform-api.convirza.com'],
		// 0.0.0.0 reaches the simulator on this machine but is not loopback: had the URL been
		// used, the login would be in the simulator's log.
		['OAuth URL', 'http://0.0.0.0:PORT', 'http://0.0.0.0:PORT'],
	])('an insecure remote %s (%s) fails every item, and no request reaches the simulator', async (field, template, shown) => {
		const port = String(sim.port);
		const credential = loginCredential(sim);
		credential.data[field === 'OAuth URL' ? 'oauthUrl' : 'baseUrl'] = template.replace('PORT', port);
		const helper = new TestCredentialsHelper(credentialTypes, createCredentialStore(credential));

		const result = await runConvirza(
			sim,
			renameUsers([10001, 10003, 10006], { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		const message = `The credential's "${field}" must use https:// (got ${shown.replace('PORT', port)})`;
		const items = result.output(CONVIRZA);
		expect(items.map(({ json }) => json.error)).toEqual([message, message, message]);
		for (const { json } of items) {
			expect((json.details as { description: string }).description).toMatch(/never sent over an unencrypted connection/);
		}
		expect(view().log).toEqual([]);
		expect(sim.loginCount).toBe(0);
		expect(view().hide(sessionToken(helper))).toBe('');
		expectRunWithoutSecrets(result, secrets());
	});
});

/** Waits for a condition the test controls: polls every 2 ms, fails after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error('condition not reached');
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}
