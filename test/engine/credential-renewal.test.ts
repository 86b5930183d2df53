// Convirza API credential, Email and Password authentication, through n8n's real execution engine
// against the simulator with the User → Update workflow: a token Convirza rejects (expired or
// revoked, between executions or in the middle of one) is renewed by exactly one login — shared
// by every request refused at the same time — and the refused request is repeated. No timing is
// involved: the token dies at the exact moment a chosen request arrives (onArrival), or while held
// requests are in flight (sim.hold), and is checked only after that.
import {
	ADMIN_LOGIN, USER_A, USER_B, USER_C, bearerOf, calls, onArrival, renameUsers, sessionToken, toErrorOutput, useSimulator, userPath,
} from '../kit';
import type { ConvirzaSimulator, LoggedRequest } from '../simulator';
import { CONVIRZA, loginCredential, runConvirza, startConvirza } from './convirzaWorkflow';
import { expectRunWithoutSecrets } from './secrets';

const { current, newHelper, apiRequests, secrets, view, expectAllUpdated, expectSecretsWhereTheyBelong } = useSimulator();

let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

const INVALIDATE = [
	['expired', (s: ConvirzaSimulator, token: string) => s.expireAccessToken(token)],
	['revoked', (s: ConvirzaSimulator, token: string) => s.revokeToken(token)],
] as const;

/** The reads of the users from the `from`-th on: held to keep those requests in flight together. */
const readsFrom = (ids: number[], from: number) => new RegExp(`^/v3/users/(?:${ids.slice(from).join('|')})$`);

describe('between executions', () => {
	test.each(INVALIDATE)('one at a time: a token %s between executions is replaced by exactly one new login', async (_how, reject) => {
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

	test('8 at a time: 30 items whose token expired between executions share one new login', async () => {
		const ids = sim.addUsers(30);
		const helper = newHelper();
		const first = await runConvirza(sim, renameUsers(ids.slice(0, 1), { concurrency: 8 }, { credentialsHelper: helper }));
		const firstSecrets = secrets();
		sim.expireAccessToken(sessionToken(helper));
		sim.clearLog();
		sim.clearWrites();
		sim.resetInFlightStats();
		// The first 8 reads are held until all have arrived with the expired token.
		const firstReads = sim.hold('GET', /^\/v3\/users\/\d+$/);

		const run = startConvirza(sim, renameUsers(ids, { concurrency: 8 }, { credentialsHelper: helper }));
		await firstReads.arrived(8);
		await firstReads.release();
		const second = await run.result;

		expectAllUpdated(second, ids);
		expect(sim.maxInFlight).toBe(8);
		expect(sim.loginCount).toBe(2);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200)]);
		// The 8 requests refused at once with the old token each asked for a renewal …
		const refused = apiRequests().filter((r) => r.status === 401);
		expect(refused).toEqual(firstReads.requests);
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
});

describe.each(INVALIDATE)('during an execution, one at a time: the session token is %s', (_how, invalidate) => {
	const ids = [USER_A, USER_B, USER_C];

	test.each(['GET', 'PUT'])('on the %s of item 1: one re-login, the request repeated, every item updated', async (method) => {
		const helper = newHelper();
		onArrival(sim, (entry) => entry.method === method && entry.path === userPath(USER_B), (entry) => invalidate(sim, bearerOf(entry)));

		const result = await runConvirza(sim, renameUsers(ids, { concurrency: 1 }, { credentialsHelper: helper, settings: toErrorOutput }));

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
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200), ADMIN_LOGIN(200)]);
		expect(v.count(401)).toBe(1);
		// n8n asked the credential to log in twice: at the start, and once because of the 401.
		const logins = helper.preAuthLog.filter((call) => call.loggedIn);
		expect(logins.map((call) => call.credentialsExpired)).toEqual([false, true]);

		// Before the 401 the first token, after it the new one, which the credential keeps.
		const api = apiRequests();
		const refusedAt = api.findIndex((entry) => entry.status === 401);
		expect(api.map((entry) => v.hide(bearerOf(entry)))).toEqual(api.map((_entry, i) => (i <= refusedAt ? '<token 1>' : '<token 2>')));
		expect(v.hide(sessionToken(helper))).toBe('<token 2>');

		// The refused PUT was not applied; its repetition carried the same body.
		const puts = sim.requests('PUT', userPath(USER_B));
		expect(puts.map((entry) => entry.body)).toEqual(puts.map(() => puts[0].body));
		expect(sim.writes.map((write) => write.userId)).toEqual(ids);
		expectAllUpdated(result, ids);
		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expect(result.output(CONVIRZA, 0).map((item) => [item.json.data, item.pairedItem])).toEqual(
			ids.map((id, item) => [{ userId: id }, { item }]),
		);
		expectSecretsWhereTheyBelong();
		expectRunWithoutSecrets(result, secrets());
	});
});

describe('during an execution, 8 at a time', () => {
	test('the requests in flight when the token expires are refused together, share one re-login and are repeated', async () => {
		const ids = sim.addUsers(30);
		const helper = newHelper();
		// Items 0–3 go through with the first token; the reads of items 4–11 are held: 8 requests in
		// flight, sent with a valid token, when it expires. They are checked only after the release.
		const held = sim.hold('GET', readsFrom(ids, 4));

		const run = startConvirza(sim, renameUsers(ids, { concurrency: 8 }, { credentialsHelper: helper, settings: toErrorOutput }));
		await held.arrived(8);
		expect(sim.inFlight).toBe(8);
		expect(sim.writes.map((write) => write.userId).sort((x, y) => x - y)).toEqual(ids.slice(0, 4));
		sim.expireAccessToken(sessionToken(helper));
		await held.release();
		const result = await run.result;

		const refused = sim.log.filter((entry) => entry.status === 401);
		expect(refused).toEqual(held.requests);
		expect(sim.loginCount).toBe(2);
		const v = view();
		expect(v.logins).toEqual([ADMIN_LOGIN(200), ADMIN_LOGIN(200)]);
		expect(v.count(401)).toBe(8);
		expect(helper.preAuthLog.filter((call) => call.credentialsExpired)).toHaveLength(refused.length);
		// Each refused request was repeated once with the new token and then succeeded.
		for (const entry of refused) {
			const again = sim.requests(entry.method, entry.path).filter((other: LoggedRequest) => other !== entry);
			expect(again.map((other) => [other.status, v.hide(bearerOf(other))])).toContainEqual([200, '<token 2>']);
		}
		expect(v.tokens).toBe('<token 1> <token 2>');
		expect(v.hide(sessionToken(helper))).toBe('<token 2>');
		expectAllUpdated(result, ids);
		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expect(sim.maxInFlight).toBe(8);
		expectSecretsWhereTheyBelong();
		expectRunWithoutSecrets(result, secrets());
	});
});

test('a second 401 right after the re-login fails that item clearly, and only that item', async () => {
	// The new token is revoked as soon as it is first used: the repeated request is refused too.
	let firstToken: string | undefined;
	onArrival(sim, (entry) => entry.method === 'GET' && entry.path === userPath(USER_B), (entry) => {
		firstToken = bearerOf(entry);
		sim.expireAccessToken(firstToken);
	});
	onArrival(
		sim,
		(entry) => firstToken !== undefined && entry.path.startsWith('/v3/') && bearerOf(entry) !== firstToken,
		(entry) => sim.revokeToken(bearerOf(entry)),
	);

	const result = await runConvirza(sim, {
		...renameUsers([USER_A, USER_B], { concurrency: 1 }, { settings: toErrorOutput }),
		credential: loginCredential(sim),
	});

	expect(sim.requests('GET', userPath(USER_B)).map((entry) => entry.status)).toEqual([401, 401]);
	expect(sim.requests('PUT', userPath(USER_B))).toEqual([]);
	const [failed] = result.output(CONVIRZA, 1);
	expect(failed.pairedItem).toEqual({ item: 1 });
	expect(failed.json).toMatchObject({
		error: 'Convirza error 401: Invalid or expired token',
		message: expect.stringMatching(/^The access token is missing, expired or revoked\./),
	});
	expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	expectRunWithoutSecrets(result, secrets());
});
