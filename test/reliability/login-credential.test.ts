/**
 * The Email and Password credential under faults.
 *
 * A 401 in the middle of a run: the session token the node logged in with expires (or is revoked)
 * while items are still being processed. n8n re-runs the credential's login once and repeats the
 * refused request; every item must end updated, with exactly one re-login (shared by all requests
 * refused at the same time). Deterministic: a hook expires the token at the exact moment a chosen
 * request arrives, before the simulator checks it — no timing involved.
 *
 * A failing login service: the items that needed the login fail as linked error items, nothing
 * reaches the API without a token, a failed login is not reused (the next item logs in afresh),
 * and items in flight together share one attempt; a transient login failure is retried, a slow
 * login is bounded by Timeout (Ms). No scenario may show a password or token.
 */
import type { ConvirzaSimulator, Fault, LoggedRequest } from '../simulator';
import { startSimulator } from '../simulator';
import { CONVIRZA, loginCredential, runConvirza } from '../engine/convirzaWorkflow';
import {
	USER_A, USER_B, USER_C, bearerOf, calls, errorOf, expectNoSecretsIn, onArrival, toErrorOutput, updateParameters, userPath,
} from './reliabilityKit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const ITEMS = [USER_A, USER_B, USER_C].map((id, i) => ({ id, first: `Renamed ${i}` }));

const runWithLogin = async (items = ITEMS, options: Record<string, number> = { concurrency: 1 }) =>
	await runConvirza(sim, {
		items,
		parameters: updateParameters('={{ $json.id }}', { firstName: '={{ $json.first }}' }, options),
		settings: toErrorOutput,
		credential: loginCredential(sim),
	});

const isRequest = (method: string, id: number) => (entry: LoggedRequest) =>
	entry.method === method && entry.path === userPath(id);

describe.each([
	['expires', (token: string) => sim.expireAccessToken(token)],
	['is revoked', (token: string) => sim.revokeToken(token)],
] as const)('the session token %s between items', (_, invalidate) => {
	test.each(['GET', 'PUT'])('on the %s of item 1: one re-login, the request repeated, every item updated', async (method) => {
		onArrival(sim, isRequest(method, USER_B), (entry) => invalidate(bearerOf(entry)));

		const result = await runWithLogin();

		const refused = method === 'GET'
			? [`GET ${userPath(USER_B)}`, 'POST /oauth/token', `GET ${userPath(USER_B)}`, `PUT ${userPath(USER_B)}`]
			: [`GET ${userPath(USER_B)}`, `PUT ${userPath(USER_B)}`, 'POST /oauth/token', `PUT ${userPath(USER_B)}`];
		expect(calls(sim)).toEqual([
			'POST /oauth/token',
			`GET ${userPath(USER_A)}`,
			`PUT ${userPath(USER_A)}`,
			...refused,
			`GET ${userPath(USER_C)}`,
			`PUT ${userPath(USER_C)}`,
		]);
		expect(sim.requests(method, userPath(USER_B)).map((entry) => entry.status)).toEqual([401, 200]);
		expect(sim.loginCount).toBe(2);
		// n8n asked the credential to log in twice: at the start, and once because of the 401.
		const logins = result.credentialsHelper.preAuthLog.filter((call) => call.loggedIn);
		expect(logins.map((call) => call.credentialsExpired)).toEqual([false, true]);

		// Before the 401 the first token, after it the new one.
		const api = sim.log.filter((entry) => entry.path.startsWith('/v3/'));
		const [first, second] = [bearerOf(api[0]), bearerOf(api.at(-1)!)];
		expect(first).not.toBe(second);
		const refusedAt = api.findIndex((entry) => entry.status === 401);
		expect(api.map(bearerOf)).toEqual(api.map((_entry, i) => (i <= refusedAt ? first : second)));

		// The refused PUT was not applied; its repetition carried the same body.
		const puts = sim.requests('PUT', userPath(USER_B));
		expect(puts.map((entry) => entry.body)).toEqual(puts.map(() => puts[0].body));
		expect(sim.writes.map((write) => write.userId)).toEqual([USER_A, USER_B, USER_C]);
		expect([USER_A, USER_B, USER_C].map((id) => sim.userRecord(id)?.first_name)).toEqual(ITEMS.map((item) => item.first));

		expect(result.status).toBe('success');
		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expect(result.output(CONVIRZA, 0).map((item) => [item.json.data, item.pairedItem])).toEqual(
			ITEMS.map(({ id }, item) => [{ userId: id }, { item }]),
		);
		expectNoSecretsIn(result, sim);
	});
});

test('requests refused at the same time under concurrency share one re-login', async () => {
	const ids = sim.addUsers(12);
	// Slow answers keep several requests in flight when the token dies (the token is checked
	// after the latency, so every request still waiting then is refused).
	sim.setLatency(100);
	onArrival(sim, isRequest('GET', ids[4]), (entry) => sim.expireAccessToken(bearerOf(entry)));

	const result = await runWithLogin(ids.map((id, i) => ({ id, first: `Concurrent ${i}` })), { concurrency: 6 });

	const refused = sim.log.filter((entry) => entry.status === 401);
	expect(refused.length).toBeGreaterThan(1);
	expect(sim.loginCount).toBe(2);
	expect(sim.requests('POST', '/oauth/token')).toHaveLength(2);
	// Each refused request was repeated once with the new token and then succeeded.
	for (const entry of refused) {
		const again = sim.requests(entry.method, entry.path).filter((other) => other !== entry);
		expect(again.map((other) => other.status)).toContain(200);
	}
	expect(result.output(CONVIRZA, 1)).toEqual([]);
	expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	expect(ids.map((id) => sim.userRecord(id)?.first_name)).toEqual(ids.map((_, i) => `Concurrent ${i}`));
	expectNoSecretsIn(result, sim);
});

test('a second 401 right after the re-login fails that item clearly, and only that item', async () => {
	// The new token is revoked as soon as it is first used: the repeated request is refused too.
	let firstToken: string | undefined;
	onArrival(sim, isRequest('GET', USER_B), (entry) => {
		firstToken = bearerOf(entry);
		sim.expireAccessToken(firstToken);
	});
	onArrival(
		sim,
		(entry) => firstToken !== undefined && entry.path.startsWith('/v3/') && bearerOf(entry) !== firstToken,
		(entry) => sim.revokeToken(bearerOf(entry)),
	);

	const result = await runWithLogin(ITEMS.slice(0, 2));

	expect(sim.requests('GET', userPath(USER_B)).map((entry) => entry.status)).toEqual([401, 401]);
	expect(sim.requests('PUT', userPath(USER_B))).toEqual([]);
	const [failed] = result.output(CONVIRZA, 1);
	expect(failed.pairedItem).toEqual({ item: 1 });
	expect(failed.json).toMatchObject({
		error: 'Convirza error 401: Invalid or expired token',
		details: { httpCode: '401', description: expect.stringMatching(/^The access token is missing, expired or revoked\./) },
	});
	expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	expectNoSecretsIn(result, sim);
});

describe('a failing login service', () => {
	const runLogin = async (items: object[], options: Record<string, number> = {}) =>
		await runConvirza(sim, {
			items,
			parameters: updateParameters('={{ $json.id }}', { firstName: 'Logged' }, options),
			settings: toErrorOutput,
			credential: loginCredential(sim),
		});

	// The exact wording of login errors belongs to the credential's own tests; here they must name the login.
	test.each([
		['503', { status: 503 }, /^Could not log in to Convirza\b.*503/],
		['HTML 502', { html: true, status: 502 }, /^Could not log in to Convirza\b.*502/],
		['malformed JSON', { malformedJson: true }, /\blogin\b/],
	] as Array<[string, Fault, RegExp]>)('answering %s all the time: every item fails, nothing reaches the API', async (_, fault, message) => {
		sim.injectRandom('POST', '/oauth/token', { rate: 1, seed: 1, faults: [fault] });
		const ids = sim.addUsers(20);

		// One attempt per item: the point here is what the items show and that no API request goes out.
		const result = await runLogin(ids.map((id) => ({ id })), { concurrency: 5, maxAttempts: 1 });

		expect(sim.requests('*', /^\/v3\//)).toEqual([]);
		expect(result.output(CONVIRZA, 0)).toEqual([]);
		const failed = result.output(CONVIRZA, 1);
		expect(failed.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
		for (const item of failed) expect(errorOf(item).error).toMatch(message);
		// Items in flight together shared their login attempt.
		expect(sim.requests('POST', '/oauth/token').length).toBeLessThan(ids.length);
		expectNoSecretsIn(result, sim);
	});

	test('a failed login is not reused: once the login service recovers, the next item logs in and succeeds', async () => {
		sim.inject('POST', '/oauth/token', { status: 503 });

		const result = await runLogin([{ id: USER_A }, { id: USER_B }], { concurrency: 1, maxAttempts: 5 });

		const logins = sim.requests('POST', '/oauth/token').map((entry) => entry.status);
		expect(logins.at(-1)).toBe(200);
		expect(logins.filter((status) => status === 200)).toHaveLength(1);
		expect(sim.userRecord(USER_B)?.first_name).toBe('Logged');
		expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toContainEqual({ item: 1 });
		expect(sim.requests('PUT', userPath(USER_B)).map((entry) => entry.status)).toEqual([200]);
		for (const item of result.output(CONVIRZA, 1)) expect(errorOf(item).error).toMatch(/log in/);
		expectNoSecretsIn(result, sim);
	});

	test('a connection reset at the login still says that the login failed', async () => {
		sim.injectRandom('POST', '/oauth/token', { rate: 1, seed: 1, faults: [{ reset: 'before' }] });

		const result = await runLogin([{ id: USER_A }]);

		// n8n swaps messages that contain a network code for a generic text; this one must survive.
		expect(errorOf(result.output(CONVIRZA, 1)[0]).error).toMatch(/^Could not log in to Convirza\b/);
		expect(sim.requests('*', /^\/v3\//)).toEqual([]);
		expectNoSecretsIn(result, sim);
	});

	it.each([
		['503', { status: 503 }],
		['HTML 502', { html: true, status: 502 }],
		['reset', { reset: 'before' }],
		['429 Retry-After 0', { status: 429, retryAfter: '0' }],
	] as Array<[string, Fault]>)('a single transient login failure (%s) is retried like any other request', async (_, fault) => {
		sim.inject('POST', '/oauth/token', fault);

		const result = await runLogin([{ id: USER_A }], { maxAttempts: 5 });

		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expect(sim.requests('POST', '/oauth/token')).toHaveLength(2);
		expect(sim.userRecord(USER_A)?.first_name).toBe('Logged');
		expectNoSecretsIn(result, sim);
	});

	it('a login slower than Timeout (Ms) fails the item instead of stalling the node', async () => {
		sim.inject('POST', '/oauth/token', { delayMs: 5_000 });
		const started = Date.now();

		const result = await runLogin([{ id: USER_A }], { timeoutMs: 300, maxAttempts: 1 });

		// Well under the 5 s the login would have taken.
		expect(Date.now() - started).toBeLessThan(4_000);
		expect(errorOf(result.output(CONVIRZA, 1)[0]).error).toBe('Could not reach Convirza: Convirza did not answer within the timeout (ECONNABORTED)');
		expect(sim.requests('*', /^\/v3\//)).toEqual([]);
	});
});
