// Convirza API credential, Email and Password authentication, through n8n's real execution engine
// against the simulator with the User → Update workflow: a clear error for each way the login can
// fail (wrong password, rate limit, a failing or slow login service), a retry for a login that may
// succeed later, and nothing sent to the API without a token. The items that needed the login fail
// as linked error items, a failed login is not reused, and items in flight together share one
// attempt. No scenario may show a password or token. (An insecure OAuth URL:
// reliability/secrets-and-cleartext.test.ts.)
import {
	ADMIN_LOGIN, SHORT_TIMEOUT_MS, USER_A, USER_B, WRONG_LOGIN, WRONG_PASSWORD, bearerOf, errorOf, onArrival, renameUsers, sessionToken,
	toErrorOutput, updateParameters, useSimulator, userPath,
} from '../kit';
import type { ConvirzaSimulator, Fault } from '../simulator';
import { CONVIRZA, loginCredential, runConvirza } from './convirzaWorkflow';
import { expectRunWithoutSecrets } from './secrets';

const { simulator, current, newHelper, secrets, view } = useSimulator();

let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
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

	test('a wrong password with "Continue" gives every item the same error; the password went to the login only', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(
			sim,
			renameUsers([10001, 10003], { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		expect(result.status).toBe('success');
		expect(result.output(CONVIRZA).map(({ json }) => json.error)).toEqual(
			Array(2).fill('Convirza rejected the email or password'),
		);
		// Only refused logins, each with the wrong password in its body; no API request without a token
		expect([...new Set(view().log)]).toEqual([WRONG_LOGIN(401)]);
		expect(sim.requests('POST', '/oauth/token').every((entry) => entry.rawBody.includes(WRONG_PASSWORD))).toBe(true);
		expect(sim.requests('*', /^\/v3\//)).toEqual([]);
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
		['rate-limited (429, Retry-After 0)', { status: 429, retryAfter: '0' }, 429],
		['unavailable (503)', { status: 503 }, 503],
		['answered by a proxy page (HTML 502)', { html: true, status: 502 }, 502],
		['cut off', { reset: 'before' }, undefined],
	] as Array<[string, Fault, number | undefined]>)('a single %s login is tried again like any other request, and the item then succeeds', async (_, fault, status) => {
		sim.inject('POST', '/oauth/token', fault);
		const helper = newHelper();

		const result = await runConvirza(
			sim,
			renameUsers([10001], { concurrency: 1, retryDelayMs: 1, maxAttempts: 5 }, { credentialsHelper: helper, settings: toErrorOutput }),
		);

		expect(result.error).toBeUndefined();
		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expect(sim.requests('POST', '/oauth/token').map((entry) => entry.status)).toEqual([status, 200]);
		expect(sim.loginCount).toBe(1);
		expect(sim.userRecord(10001)?.first_name).toBe('Renamed 10001');
		expectRunWithoutSecrets(result, secrets());
	});
});

describe('a failing login service', () => {
	const runLogin = async (ids: number[], options: Record<string, number> = {}) =>
		await runConvirza(sim, {
			items: ids.map((id) => ({ id })),
			parameters: updateParameters('={{ $json.id }}', { firstName: 'Logged' }, options),
			settings: toErrorOutput,
			credential: loginCredential(sim),
		});

	// The exact wording of each login error belongs to the tests above; here they must name the login.
	test.each([
		['503', { status: 503 }, /^Could not log in to Convirza\b.*503/],
		['HTML 502', { html: true, status: 502 }, /^Could not log in to Convirza\b.*502/],
		['malformed JSON', { malformedJson: true }, /\blogin\b/],
		// n8n swaps messages that contain a network code for a generic text; this one must survive.
		['a connection reset', { reset: 'before' }, /^Could not log in to Convirza\b/],
	] as Array<[string, Fault, RegExp]>)('answering %s all the time: every item fails, nothing reaches the API', async (_, fault, message) => {
		sim.injectRandom('POST', '/oauth/token', { rate: 1, seed: 1, faults: [fault] });
		const ids = sim.addUsers(20);

		// One attempt per item: the point here is what the items show and that no API request goes out.
		const result = await runLogin(ids, { concurrency: 5, maxAttempts: 1 });

		expect(sim.requests('*', /^\/v3\//)).toEqual([]);
		expect(result.output(CONVIRZA, 0)).toEqual([]);
		const failed = result.output(CONVIRZA, 1);
		expect(failed.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
		for (const item of failed) expect(errorOf(item).error).toMatch(message);
		// Items in flight together shared their login attempt.
		expect(sim.requests('POST', '/oauth/token').length).toBeLessThan(ids.length);
		expectRunWithoutSecrets(result, secrets());
	});

	test('a failed login is not reused: once the login service recovers, the next item logs in and succeeds', async () => {
		sim.inject('POST', '/oauth/token', { status: 503 });

		const result = await runLogin([USER_A, USER_B], { concurrency: 1, maxAttempts: 5 });

		const logins = sim.requests('POST', '/oauth/token').map((entry) => entry.status);
		expect(logins.at(-1)).toBe(200);
		expect(logins.filter((status) => status === 200)).toHaveLength(1);
		expect(sim.userRecord(USER_B)?.first_name).toBe('Logged');
		expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toContainEqual({ item: 1 });
		expect(sim.requests('PUT', userPath(USER_B)).map((entry) => entry.status)).toEqual([200]);
		for (const item of result.output(CONVIRZA, 1)) expect(errorOf(item).error).toMatch(/log in/);
		expectRunWithoutSecrets(result, secrets());
	});

	test('a login that never answers fails the item at Timeout (Ms) instead of stalling the node', async () => {
		// Held until the simulator closes: only the node's own timeout can end this run.
		const login = sim.hold('POST', '/oauth/token');

		const result = await runLogin([USER_A], { timeoutMs: SHORT_TIMEOUT_MS, maxAttempts: 1 });

		expect(login.requests).toHaveLength(1);
		expect(errorOf(result.output(CONVIRZA, 1)[0]).error).toBe('Could not reach Convirza: Convirza did not answer within the timeout (ECONNABORTED)');
		expect(sim.requests('*', /^\/v3\//)).toEqual([]);
		expectRunWithoutSecrets(result, secrets());
	});

	test('the re-login after a mid-run 401 is refused (rate limit): that item fails clearly, nothing secret', async () => {
		const s = await simulator({ loginRateLimitPerMinute: 1 });
		onArrival(s, (entry) => entry.method === 'GET' && entry.path === userPath(USER_B), (entry) => s.expireAccessToken(bearerOf(entry)));

		// Max Attempts 1: otherwise the item would rightly wait out Convirza's Retry-After (a minute).
		const result = await runConvirza(s, {
			items: [{ id: USER_A }, { id: USER_B }],
			parameters: updateParameters('={{ $json.id }}', { firstName: 'Logged' }, { concurrency: 1, maxAttempts: 1 }),
			settings: toErrorOutput,
			credential: loginCredential(s),
		});

		expect(s.requests('POST', '/oauth/token').map((entry) => entry.status)).toEqual([200, 429]);
		const [failed] = result.output(CONVIRZA, 1);
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(errorOf(failed).error).toMatch(/too many login attempts/);
		expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expectRunWithoutSecrets(result, secrets(s));
	});
});
