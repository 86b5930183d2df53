// OAuth service (login, refresh, revoke, rate limit, TTL) and GET /v3/auth/profile.
import { startSimulator, type ConvirzaSimulator } from './index';
import { ISO_RE, call, expectError, expectSuccess } from './test-helpers';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => {
	await sim.close();
});

const DAY = 24 * 3600 * 1000;
const TOKEN_KEYS = ['access_token', 'expires_in', 'frontend_token', 'refresh_expires_in', 'refresh_token', 'token_type', 'user'];

async function login(s: ConvirzaSimulator, email = s.logins.admin.email, password = s.logins.admin.password) {
	return call(s, 'POST', '/oauth/token', { token: null, body: { email, password } });
}

describe('GET /v3/auth/profile', () => {
	test('admin token', async () => {
		expect(expectSuccess(await call(sim, 'GET', '/v3/auth/profile'))).toEqual({
			user_id: 10002, email: 'alice.morgan@acme-corp.example', first_name: 'Alice', last_name: 'Morgan',
			role_id: 1, role: 'Admin', org_unit_id: 60001,
		});
	});
	test('standard token (any valid token works)', async () => {
		expect(expectSuccess(await call(sim, 'GET', '/v3/auth/profile', { token: sim.tokens.standard }))).toMatchObject({
			user_id: 10001, role_id: 2, role: 'Standard User', org_unit_id: 70035,
		});
	});
	test('read-only token', async () => {
		expect(expectSuccess(await call(sim, 'GET', '/v3/auth/profile', { token: sim.tokens.readOnly }))).toMatchObject({
			user_id: 10004, role_id: 3, role: 'Read Only User', org_unit_id: 70040,
		});
	});
});

describe('POST /oauth/token', () => {
	test('bare shape: tokens, absolute ISO expiries, user; the access token works', async () => {
		const started = Date.now();
		const res = await login(sim);
		expect(res.status).toBe(200);
		expect(Object.keys(res.json).sort()).toEqual(TOKEN_KEYS);
		expect(res.json.token_type).toBe('Bearer');
		expect(res.json.expires_in).toMatch(ISO_RE);
		expect(res.json.refresh_expires_in).toMatch(ISO_RE);
		const exp = Date.parse(res.json.expires_in);
		expect(exp).toBeGreaterThanOrEqual(started + 7 * DAY);
		expect(exp).toBeLessThanOrEqual(Date.now() + 7 * DAY);
		expect(Date.parse(res.json.refresh_expires_in) - exp).toBe(173 * DAY);
		expect(res.json.user).toEqual({ user_id: 10002, email: 'alice.morgan@acme-corp.example', role_id: 1, org_unit_id: 60001 });
		expect(sim.loginCount).toBe(1);
		expectSuccess(await call(sim, 'GET', '/v3/users/list?limit=1', { token: res.json.access_token }));
		expectError(await call(sim, 'GET', '/v3/auth/profile', { token: res.json.frontend_token }), 401, 'Unauthorized', 'Invalid or expired token', '/v3/auth/profile');
	});
	test('envelope shape: the same object under data', async () => {
		const s = await startSimulator({ loginShape: 'envelope' });
		try {
			const data = expectSuccess(await login(s, s.logins.standard.email, s.logins.standard.password));
			expect(Object.keys(data).sort()).toEqual(TOKEN_KEYS);
			expect(data.user.user_id).toBe(10001);
		} finally {
			await s.close();
		}
	});
	test('wrong password and unknown email: 401 Invalid email or password', async () => {
		expectError(await login(sim, sim.logins.admin.email, 'wrong'), 401, 'Unauthorized', 'Invalid email or password', '/oauth/token');
		expectError(await login(sim, 'nobody@acme-corp.example', 'x'), 401, 'Unauthorized', 'Invalid email or password', '/oauth/token');
		expect(sim.loginCount).toBe(0);
	});
	test('missing email/password: 400', async () => {
		const res = await call(sim, 'POST', '/oauth/token', { token: null, body: { username: 'a', password: 'b' } });
		expectError(res, 400, 'Bad Request', 'email and password are required', '/oauth/token');
	});
	test('rate limit: the 11th attempt within a minute is 429 with Retry-After; reset control', async () => {
		for (let i = 0; i < 10; i++) expect((await login(sim, sim.logins.admin.email, i % 2 ? 'bad' : sim.logins.admin.password)).status).not.toBe(429);
		const res = await login(sim);
		expectError(res, 429, 'Too Many Requests', 'Too many login attempts', '/oauth/token');
		const wait = Number(res.headers.get('retry-after'));
		expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
		sim.resetLoginRateLimit();
		expect((await login(sim)).status).toBe(200);
	});
	test('loginRateLimitPerMinute option', async () => {
		const s = await startSimulator({ loginRateLimitPerMinute: 2 });
		try {
			expect((await login(s)).status).toBe(200);
			expect((await login(s)).status).toBe(200);
			expect((await login(s)).status).toBe(429);
			expect(s.loginCount).toBe(2);
		} finally {
			await s.close();
		}
	});
	test('accessTokenTtlMs: an issued access token expires', async () => {
		const s = await startSimulator({ accessTokenTtlMs: 0 });
		try {
			const { json } = await login(s);
			expectError(await call(s, 'GET', '/v3/auth/profile', { token: json.access_token }), 401, 'Unauthorized', 'Invalid or expired token', '/v3/auth/profile');
		} finally {
			await s.close();
		}
	});
});

describe('POST /oauth/refresh-token', () => {
	test('returns a new pair; the old refresh token is single use', async () => {
		const first = (await login(sim)).json;
		const refresh = (rt: string) => call(sim, 'POST', '/oauth/refresh-token', { token: null, body: { refresh_token: rt } });
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(Object.keys(second.json).sort()).toEqual(TOKEN_KEYS);
		expect(second.json.access_token).not.toBe(first.access_token);
		expect(second.json.refresh_token).not.toBe(first.refresh_token);
		expectSuccess(await call(sim, 'GET', '/v3/auth/profile', { token: second.json.access_token }));
		expectError(await refresh(first.refresh_token), 401, 'Unauthorized', 'Invalid or expired refresh token', '/oauth/refresh-token');
		expect((await refresh(second.json.refresh_token)).status).toBe(200);
		expect(sim.loginCount).toBe(1);
	});
	test('an access token is not a refresh token; missing body is 400', async () => {
		const refresh = (body: unknown) => call(sim, 'POST', '/oauth/refresh-token', { token: null, body });
		expectError(await refresh({ refresh_token: sim.tokens.admin }), 401, 'Unauthorized', 'Invalid or expired refresh token', '/oauth/refresh-token');
		expectError(await refresh({}), 400, 'Bad Request', 'refresh_token is required', '/oauth/refresh-token');
	});
});

describe('POST /oauth/revoke-token', () => {
	const revoke = (s: ConvirzaSimulator, body: unknown) => call(s, 'POST', '/oauth/revoke-token', { token: null, body });
	test('revoking an access token (no Bearer needed): 200 envelope, then 401', async () => {
		const { json } = await login(sim);
		expect(expectSuccess(await revoke(sim, { token: json.access_token, token_type: 'access' }))).toEqual({ revoked: true });
		expectError(await call(sim, 'GET', '/v3/auth/profile', { token: json.access_token }), 401, 'Unauthorized', 'Invalid or expired token', '/v3/auth/profile');
	});
	test('revoking a refresh token makes refresh fail', async () => {
		const { json } = await login(sim);
		expectSuccess(await revoke(sim, { token: json.refresh_token, token_type: 'refresh' }));
		const res = await call(sim, 'POST', '/oauth/refresh-token', { token: null, body: { refresh_token: json.refresh_token } });
		expect(res.status).toBe(401);
	});
	test('token_type must be access or refresh', async () => {
		expectError(await revoke(sim, { token: 'x' }), 400, 'Bad Request', 'token_type must be one of access, refresh', '/oauth/revoke-token');
	});
	test('unknown /oauth route: 404 error envelope', async () => {
		expectError(await call(sim, 'GET', '/oauth/token', { token: null }), 404, 'Not Found', 'Cannot GET /oauth/token', '/oauth/token');
	});
});
