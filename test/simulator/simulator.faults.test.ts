// Fault controls, latency and concurrency observation.
import { performance } from 'node:perf_hooks';
import { startSimulator, type ConvirzaSimulator, type Fault } from './index';
import { call, expectError, expectSuccess } from './test-helpers';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => {
	await sim.close();
});

const PUT_PATH = '/v3/users/10001';
const put = (s: ConvirzaSimulator, first_name = 'Changed') => call(s, 'PUT', PUT_PATH, { body: { first_name } });

describe('status faults (inject)', () => {
	test('queue: 429 with Retry-After seconds, then 503 with an HTTP date, consumed in order, then normal', async () => {
		const date = 'Wed, 21 Oct 2037 07:28:00 GMT';
		sim.inject('GET', '/v3/users/10001', { status: 429, retryAfter: '1' }, { status: 503, retryAfter: date });
		const a = await call(sim, 'GET', '/v3/users/10001');
		expectError(a, 429, 'Too Many Requests', 'Injected fault', '/v3/users/10001');
		expect(a.headers.get('retry-after')).toBe('1');
		const b = await call(sim, 'GET', '/v3/users/10001');
		expectError(b, 503, 'Service Unavailable', 'Injected fault', '/v3/users/10001');
		expect(b.headers.get('retry-after')).toBe(date);
		const c = await call(sim, 'GET', '/v3/users/10001');
		expectSuccess(c);
		expect(c.headers.get('retry-after')).toBeNull();
		expect(sim.requests('GET', '/v3/users/10001').map((r) => r.status)).toEqual([429, 503, 200]);
	});
	test('a status fault applies nothing; a custom body is sent as given', async () => {
		sim.inject('PUT', PUT_PATH, { status: 500, body: { upstream: 'down' } });
		const res = await put(sim);
		expect(res.status).toBe(500);
		expect(res.json).toEqual({ upstream: 'down' });
		expect(sim.writes).toEqual([]);
		expect(sim.userRecord(10001)?.first_name).toBe('John');
	});
	test('only matching requests consume faults; RegExp paths and method "*"; clearFaults', async () => {
		sim.inject('*', /^\/v3\/users\/\d+$/, { status: 502 }, { status: 504 });
		expectSuccess(await call(sim, 'GET', '/v3/users/list'));
		expect((await call(sim, 'DELETE', '/v3/users/10003')).status).toBe(502);
		expect((await call(sim, 'GET', '/v3/users/10004')).status).toBe(504);
		sim.inject('GET', '/v3/users/list', { status: 500 });
		sim.clearFaults();
		expectSuccess(await call(sim, 'GET', '/v3/users/list'));
		expect(sim.writes).toEqual([]);
	});
});

describe('connection faults', () => {
	test('reset before: socket destroyed, nothing applied, no status logged', async () => {
		sim.inject('PUT', PUT_PATH, { reset: 'before' });
		await expect(put(sim)).rejects.toThrow();
		expect(sim.writes).toEqual([]);
		expect(sim.userRecord(10001)?.first_name).toBe('John');
		const [entry] = sim.requests('PUT', PUT_PATH);
		expect(entry.status).toBeUndefined();
		expect(entry.body).toEqual({ first_name: 'Changed' });
		expectSuccess(await put(sim)); // next request is normal
	});
	test('reset after: change applied and recorded in writes, but no response', async () => {
		sim.inject('PUT', PUT_PATH, { reset: 'after' });
		await expect(put(sim, 'Applied')).rejects.toThrow();
		expect(sim.userRecord(10001)?.first_name).toBe('Applied');
		const [entry] = sim.requests('PUT', PUT_PATH);
		expect(entry.status).toBeUndefined();
		expect(sim.writes).toEqual([{ method: 'PUT', path: PUT_PATH, userId: 10001, requestId: entry.requestId }]);
	});
	test('delay: the answer comes at least that long after the request arrived, then as usual', async () => {
		sim.inject('GET', '/v3/users/10001', { delayMs: 400 });
		expectSuccess(await call(sim, 'GET', '/v3/users/10001'));
		const [entry] = sim.requests('GET', '/v3/users/10001');
		// A lower bound only (timers never fire early; whole milliseconds on both sides).
		expect(entry.answeredAt! - entry.receivedAt).toBeGreaterThanOrEqual(399);
		expect(entry.status).toBe(200);
	});
	test('hang: never answered and never applied until the simulator closes; the next request is normal', async () => {
		sim.inject('PUT', PUT_PATH, { hang: true });
		const arrival = sim.hold('PUT', PUT_PATH);
		const hung = put(sim, 'Hung').then(() => 'answered', () => 'failed');
		await arrival.arrived();
		void arrival.release(); // it would settle only once the hung request is answered
		// Sent after the hung one went on, and answered: the hung one had every chance to be too.
		expectSuccess(await put(sim, 'Next'));
		expect(sim.answers.map((entry) => entry.body)).toEqual([{ first_name: 'Next' }]);
		expect(sim.writes).toHaveLength(1);
		expect(sim.inFlight).toBe(1);
		await sim.close();
		expect(await hung).toBe('failed');
		expect(sim.requests('PUT', PUT_PATH).map((entry) => entry.status)).toEqual([undefined, 200]);
		expect(sim.userRecord(10001)?.first_name).toBe('Next');
	});
	test('malformed JSON: applied, then a truncated body with content-type application/json', async () => {
		sim.inject('PUT', PUT_PATH, { malformedJson: true });
		const res = await put(sim, 'Garbled');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.text.startsWith('{"code":200')).toBe(true);
		expect(() => JSON.parse(res.text)).toThrow();
		expect(sim.userRecord(10001)?.first_name).toBe('Garbled');
		expect(sim.writes).toHaveLength(1);
	});
	test('HTML error page as a proxy would send (default 502, or the given status), nothing applied', async () => {
		sim.inject('PUT', PUT_PATH, { html: true }, { html: true, status: 504 });
		const a = await put(sim);
		expect(a.status).toBe(502);
		expect(a.headers.get('content-type')).toMatch(/^text\/html/);
		expect(a.text).toContain('<title>502 Bad Gateway</title>');
		const b = await put(sim);
		expect(b.status).toBe(504);
		expect(b.text).toContain('504 Gateway Timeout');
		expect(sim.writes).toEqual([]);
	});
});

describe('injectRandom', () => {
	const FAULTS: Fault[] = [{ status: 503 }, { status: 500 }, { status: 429, retryAfter: '0' }];
	async function run(seed: number, interleaveOtherPaths: boolean): Promise<number[]> {
		const s = await startSimulator();
		try {
			s.injectRandom('GET', /^\/v3\/users\/\d+$/, { rate: 0.3, seed, faults: FAULTS });
			const statuses: number[] = [];
			for (let i = 0; i < 40; i++) {
				if (interleaveOtherPaths) expectSuccess(await call(s, 'GET', '/v3/users/list?limit=1'));
				statuses.push((await call(s, 'GET', '/v3/users/10001')).status);
			}
			return statuses;
		} finally {
			await s.close();
		}
	}
	test('same seed -> same fault sequence (non-matching requests do not disturb it)', async () => {
		const a = await run(42, false);
		const b = await run(42, true);
		expect(b).toEqual(a);
		expect(a.filter((x) => x === 200).length).toBeGreaterThan(15);
		expect(a.filter((x) => x !== 200).length).toBeGreaterThan(3);
		expect(await run(7, false)).not.toEqual(a);
	});

	test('perRequest: each request meets the same fault whatever order the requests arrive in', async () => {
		const paths = ['/v3/users/10001', '/v3/users/10002', '/v3/users/10003'];
		async function statusesBy(order: (round: number) => string[]): Promise<Record<string, number[]>> {
			const s = await startSimulator();
			try {
				s.injectRandom('GET', /^\/v3\/users\/\d+$/, { rate: 0.3, seed: 42, faults: FAULTS, perRequest: true });
				const statuses: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
				for (let round = 0; round < 20; round++) {
					for (const path of order(round)) statuses[path].push((await call(s, 'GET', path)).status);
				}
				return statuses;
			} finally {
				await s.close();
			}
		}
		const inOrder = await statusesBy(() => paths);
		// Reversed, and rotated round by round: each path's nth request arrives at another place.
		expect(await statusesBy(() => [...paths].reverse())).toEqual(inOrder);
		expect(await statusesBy((round) => [...paths.slice(round % 3), ...paths.slice(0, round % 3)])).toEqual(inOrder);
		const all = Object.values(inOrder).flat();
		expect(all.filter((x) => x !== 200).length).toBeGreaterThan(5);
		expect(all.filter((x) => x === 200).length).toBeGreaterThan(30);
	});
});

describe('latency and concurrency', () => {
	test('latencyMs option and setLatency delay every response', async () => {
		const s = await startSimulator({ latencyMs: 80 });
		try {
			let t0 = performance.now();
			expectSuccess(await call(s, 'GET', '/v3/auth/profile'));
			expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
			s.setLatency(150);
			t0 = performance.now();
			expect((await call(s, 'GET', '/v3/nothing', { token: null })).status).toBe(401);
			expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
		} finally {
			await s.close();
		}
	});
	test('inFlight / maxInFlight count requests arrived and not yet answered; resetInFlightStats', async () => {
		const held = sim.hold('GET', /^\/v3\/users\/\d+$/);
		const all = Promise.all(Array.from({ length: 6 }, (_, i) => call(sim, 'GET', `/v3/users/${10001 + i}`)));
		await held.arrived(6);
		expect(sim.inFlight).toBe(6);
		await held.release();
		expect(sim.inFlight).toBe(0);
		(await all).forEach((r) => expectSuccess(r));
		expect(sim.maxInFlight).toBe(6);
		sim.resetInFlightStats();
		expect(sim.maxInFlight).toBe(0);
		expectSuccess(await call(sim, 'GET', '/v3/auth/profile'));
		expect(sim.maxInFlight).toBe(1);
	});
	test('close() is prompt even with a long delay pending; the pending request fails', async () => {
		sim.inject('GET', '/v3/auth/profile', { delayMs: 60_000 });
		const arrival = sim.hold('GET', '/v3/auth/profile');
		const pending = call(sim, 'GET', '/v3/auth/profile').then(() => 'answered', () => 'failed');
		await arrival.arrived();
		void arrival.release(); // on to the delay
		const t0 = performance.now();
		await sim.close();
		// Promptness is the behaviour here: the bound is far above a close (milliseconds) and far below the delay.
		expect(performance.now() - t0).toBeLessThan(1000);
		expect(await pending).toBe('failed');
	});
	test('logBodies: false keeps the log cheap (no bodies)', async () => {
		const s = await startSimulator({ logBodies: false });
		try {
			expectSuccess(await put(s));
			const [entry] = s.requests('put', PUT_PATH);
			expect(entry).toMatchObject({ method: 'PUT', path: PUT_PATH, url: PUT_PATH, status: 200, rawBody: '' });
			expect(entry.body).toBeUndefined();
		} finally {
			await s.close();
		}
	});
});

describe('hold', () => {
	test('held requests wait, each for its own release, in the order the test chooses; later ones pass', async () => {
		const first = sim.hold('GET', '/v3/users/10001');
		const second = sim.hold('*', /^\/v3\/users\/\d+$/);
		const a = call(sim, 'GET', '/v3/users/10001');
		const b = call(sim, 'GET', '/v3/users/10003');
		// A request matching two holds is held by the older one.
		await first.arrived();
		await second.arrived();
		expect(first.requests.map((entry) => entry.path)).toEqual(['/v3/users/10001']);
		expect(second.requests.map((entry) => entry.path)).toEqual(['/v3/users/10003']);
		expect(sim.inFlight).toBe(2);
		expect(sim.answers).toEqual([]);

		await second.release(); // settles once what it let go was answered
		expect(sim.answers.map((entry) => entry.path)).toEqual(['/v3/users/10003']);
		await first.release();
		expect(sim.answers.map((entry) => entry.path)).toEqual(['/v3/users/10003', '/v3/users/10001']);
		expectSuccess(await a);
		expectSuccess(await b);

		// Released holds catch nothing more.
		expectSuccess(await call(sim, 'GET', '/v3/users/10001'));
		expect([first.requests.length, second.requests.length]).toEqual([1, 1]);
		sim.clearLog();
		expect(sim.answers).toEqual([]);
	});
	test('arrived(n) settles once n requests in all have arrived, with their bodies logged', async () => {
		const held = sim.hold('PUT', /^\/v3\/users\/\d+$/);
		const puts = [put(sim, 'One'), call(sim, 'PUT', '/v3/users/10003', { body: { first_name: 'Two' } })];
		await held.arrived(2);
		await held.arrived(1); // already true
		expect(held.requests.map((entry) => entry.body).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))))
			.toEqual([{ first_name: 'One' }, { first_name: 'Two' }]);
		expect(sim.writes).toEqual([]);
		await held.release();
		(await Promise.all(puts)).forEach((r) => expectSuccess(r));
		expect(sim.writes).toHaveLength(2);
	});
	test("a held request's fault is taken on arrival; its token is checked when it goes on", async () => {
		sim.inject('GET', '/v3/users/10001', { status: 503 });
		const held = sim.hold('GET', /^\/v3\/users\/\d+$/);
		const faulted = call(sim, 'GET', '/v3/users/10001');
		const plain = call(sim, 'GET', '/v3/users/10003');
		await held.arrived(2);
		sim.inject('GET', '/v3/users/10003', { status: 502 }); // too late for the held request
		sim.revokeToken(sim.tokens.admin);
		await held.release();
		expectError(await faulted, 503, 'Service Unavailable', 'Injected fault', '/v3/users/10001');
		expectError(await plain, 401, 'Unauthorized', 'Invalid or expired token', '/v3/users/10003');
		expect((await call(sim, 'GET', '/v3/users/10003')).status).toBe(502);
	});
	test('close() lets held requests go and fails them', async () => {
		const held = sim.hold('*', /^\/v3\//);
		const pending = call(sim, 'GET', '/v3/auth/profile').then(() => 'answered', () => 'failed');
		await held.arrived();
		await sim.close();
		expect(await pending).toBe('failed');
		expect(sim.answers).toEqual([]);
	});
});
