import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza, startConvirza } from './convirzaWorkflow';
import { calls } from './updateFixtures';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const update = (options: Record<string, unknown> = {}) => ({
	items: [{}],
	parameters: {
		userId: byId(10001),
		updateFields: { firstName: 'Johnny' },
		options: { fillUnsetFields: false, retryDelayMs: 1, ...options },
	},
	settings: { onError: 'continueErrorOutput' as const },
});

describe('transport retries (shared by every operation)', () => {
	it('503 then 200: retried, one output item, applied once', async () => {
		sim.inject('PUT', '/v3/users/10001', { status: 503 });
		const result = await runConvirza(sim, update());
		expect(calls(sim)).toEqual(['PUT /v3/users/10001', 'PUT /v3/users/10001']);
		expect(sim.log.map((entry) => entry.status)).toEqual([503, 200]);
		expect(result.output(CONVIRZA, 0)).toHaveLength(1);
		expect(sim.writes).toHaveLength(1);
	});

	it('429 with Retry-After in seconds and as an HTTP date: honoured, then success', async () => {
		sim.inject('PUT', '/v3/users/10001', { status: 429, retryAfter: '0' }, { status: 429, retryAfter: new Date(0).toUTCString() });
		const result = await runConvirza(sim, update());
		expect(sim.log.map((entry) => entry.status)).toEqual([429, 429, 200]);
		expect(result.output(CONVIRZA, 0)[0].json).toMatchObject({ code: 200, data: { userId: 10001 } });
	});

	it('a Retry-After longer than the retry budget gives up at once with a clear message', async () => {
		sim.inject('PUT', '/v3/users/10001', { status: 429, retryAfter: '120' });
		const result = await runConvirza(sim, update({ maxRetryWaitSeconds: 60 }));
		expect(sim.log).toHaveLength(1);
		const [failed] = result.output(CONVIRZA, 1);
		expect(failed.json.error).toMatch(/^Convirza error 429: /);
		expect((failed.json.details as { description: string }).description).toMatch(/Lower the Concurrency option/);
	});

	it('gives up after Max Attempts, saying how many attempts over how long and the last answer', async () => {
		sim.inject('PUT', '/v3/users/10001', { status: 502 }, { status: 503 }, { status: 504 });
		const result = await runConvirza(sim, update({ maxAttempts: 3 }));
		expect(sim.log.map((entry) => entry.status)).toEqual([502, 503, 504]);
		const [failed] = result.output(CONVIRZA, 1);
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json.error).toBe('Convirza error 504: Injected fault');
		expect((failed.json.details as { description: string }).description).toMatch(
			/^Convirza had a problem processing the request\. Try again later\. Gave up after 3 attempts over \d+\.\d s\./,
		);
	});

	it('a PUT whose connection was reset after Convirza applied it is retried safely (idempotent)', async () => {
		sim.inject('PUT', '/v3/users/10001', { reset: 'after' });
		const result = await runConvirza(sim, update());
		expect(calls(sim)).toEqual(['PUT /v3/users/10001', 'PUT /v3/users/10001']);
		expect(sim.writes.map((write) => write.method)).toEqual(['PUT', 'PUT']);
		expect(sim.userRecord(10001)?.first_name).toBe('Johnny');
		expect(result.output(CONVIRZA, 0)).toHaveLength(1);
		expect(result.output(CONVIRZA, 1)).toHaveLength(0);
	});

	it('cancelling the execution during a backoff wait ends the node at once', async () => {
		sim.inject('PUT', '/v3/users/10001', { status: 503, retryAfter: '30' });
		const run = startConvirza(sim, update());
		while (sim.log.length === 0 || sim.log[0].status === undefined) {
			await new Promise((resolve) => setImmediate(resolve));
		}
		const cancelledAt = Date.now();
		run.cancel();
		const result = await run.result;
		// Far below the 30 s the server asked for: the wait itself was cut short.
		expect(Date.now() - cancelledAt).toBeLessThan(10_000);
		expect(result.status).toBe('canceled');
		expect(sim.log).toHaveLength(1);
	});
});
