/**
 * Fault matrix for User → Update: every kind of transient failure, hitting either the read
 * (GET /v3/users/{id}) or the write (PUT), for the middle one of three items run in order.
 * Each case proves: the request was retried exactly as often as the faults demanded; the PUT
 * was re-sent with the same body; every item produced exactly one output item, linked to its
 * input, on the success output; Convirza applied the change (more than once only where a reply was lost
 * after it acted — harmless for a PUT); the neighbours were untouched by the fault; no secret leaked.
 * The 401 in the middle of a run (login credential) is in engine/credential-renewal.test.ts.
 */
import type { ConvirzaSimulator, Fault, UserRecord } from '../simulator';
import { startSimulator } from '../simulator';
import { CONVIRZA, runConvirza } from '../engine/convirzaWorkflow';
import {
	SHORT_TIMEOUT_MS, USER_A, USER_B, USER_C, calls, expectNoSecretsIn, onArrival, statuses, toErrorOutput, updateParameters, userPath,
} from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const ITEMS = [
	{ id: USER_A, first: 'Ann' },
	{ id: USER_B, first: 'Bea' },
	{ id: USER_C, first: 'Cid' },
];

const run = async (options: Record<string, number> = {}) =>
	await runConvirza(sim, {
		items: ITEMS,
		// One request at a time, so the log's order is the items' order.
		parameters: updateParameters('={{ $json.id }}', { firstName: '={{ $json.first }}' }, { concurrency: 1, ...options }),
		settings: toErrorOutput,
	});

interface MatrixCase {
	name: string;
	faults: Fault[];
	/** What the simulator answered to each faulted attempt (undefined: no answer at all). */
	answered: Array<number | undefined>;
	/** Faulted PUT attempts that Convirza applied although the client never got the reply. */
	appliedAnyway: number;
	options?: Record<string, number>;
}

const CASES: MatrixCase[] = [
	{ name: 'a burst of 502', faults: [{ status: 502 }, { status: 502 }, { status: 502 }], answered: [502, 502, 502], appliedAnyway: 0 },
	{ name: 'a burst of 503', faults: [{ status: 503 }, { status: 503 }, { status: 503 }], answered: [503, 503, 503], appliedAnyway: 0 },
	{ name: 'a burst of 504', faults: [{ status: 504 }, { status: 504 }, { status: 504 }], answered: [504, 504, 504], appliedAnyway: 0 },
	{
		name: '500, 502, 503, 504 in a row (4 faults, Max Attempts 5)',
		faults: [{ status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }],
		answered: [500, 502, 503, 504],
		appliedAnyway: 0,
	},
	{
		name: '429 with Retry-After 0 and with an HTTP date in the past',
		faults: [{ status: 429, retryAfter: '0' }, { status: 429, retryAfter: 'Thu, 01 Jan 1970 00:00:00 GMT' }],
		answered: [429, 429],
		appliedAnyway: 0,
	},
	{ name: 'connection reset before the reply, twice', faults: [{ reset: 'before' }, { reset: 'before' }], answered: [undefined, undefined], appliedAnyway: 0 },
	{ name: 'connection reset after Convirza applied it, twice', faults: [{ reset: 'after' }, { reset: 'after' }], answered: [undefined, undefined], appliedAnyway: 2 },
	{ name: 'a 200 with malformed JSON, twice', faults: [{ malformedJson: true }, { malformedJson: true }], answered: [200, 200], appliedAnyway: 2 },
	{ name: 'an HTML error page with status 502, twice', faults: [{ html: true, status: 502 }, { html: true, status: 502 }], answered: [502, 502], appliedAnyway: 0 },
	{
		name: 'a reply that never comes (cut by Timeout)',
		// Never answered: only the node's own timeout can end this attempt.
		faults: [{ hang: true }],
		answered: [undefined],
		appliedAnyway: 0,
		options: { timeoutMs: SHORT_TIMEOUT_MS },
	},
];

const withoutTimestamps = ({ updated_at: _u, ...record }: UserRecord) => record;

describe.each(['PUT', 'GET'] as const)('a fault on the %s of the middle item', (method) => {
	test.each(CASES)('$name: retried, one linked output item per input item, state right', async ({ faults, answered, appliedAnyway, options }) => {
		const before = sim.userRecord(USER_B)!;
		sim.inject(method, userPath(USER_B), ...faults);

		const result = await run(options);

		const tries = faults.length + 1;
		const getsOfB = method === 'GET' ? tries : 1;
		const putsOfB = method === 'PUT' ? tries : 1;
		expect(calls(sim)).toEqual([
			`GET ${userPath(USER_A)}`,
			`PUT ${userPath(USER_A)}`,
			...Array<string>(getsOfB).fill(`GET ${userPath(USER_B)}`),
			...Array<string>(putsOfB).fill(`PUT ${userPath(USER_B)}`),
			`GET ${userPath(USER_C)}`,
			`PUT ${userPath(USER_C)}`,
		]);
		expect(statuses(sim, method, userPath(USER_B))).toEqual([...answered, 200]);

		// Every attempt of the write carries the same complete body.
		const bodies = sim.requests('PUT', userPath(USER_B)).map((entry) => entry.body);
		expect(bodies[0]).toMatchObject({ first_name: 'Bea', last_name: before.last_name, username: before.username });
		for (const body of bodies) expect(body).toEqual(bodies[0]);

		expect(result.status).toBe('success');
		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expect(result.output(CONVIRZA, 0)).toEqual(
			ITEMS.map(({ id }, item) => ({
				json: {
					code: 200,
					message: 'Success',
					data: { userId: id },
					request_id: sim.requests('PUT', userPath(id)).at(-1)!.requestId,
					timestamp: expect.any(String),
				},
				pairedItem: { item },
			})),
		);

		const writesOf = (id: number) => sim.writes.filter((write) => write.userId === id).length;
		expect([writesOf(USER_A), writesOf(USER_B), writesOf(USER_C)]).toEqual([1, method === 'PUT' ? appliedAnyway + 1 : 1, 1]);
		expect(sim.writes.every((write) => write.method === 'PUT')).toBe(true);
		expect(withoutTimestamps(sim.userRecord(USER_B)!)).toEqual({ ...withoutTimestamps(before), first_name: 'Bea' });
		expect(sim.userRecord(USER_A)?.first_name).toBe('Ann');
		expect(sim.userRecord(USER_C)?.first_name).toBe('Cid');
		expectNoSecretsIn(result, sim);
	});
});

describe('Retry-After is honoured, not just tolerated', () => {
	/** From the faulted attempt's arrival to the retry's (lower bounds only: a timer never fires early). */
	const gapAfterFault = () => {
		const [faulted, retried] = sim.requests('PUT', userPath(USER_B));
		return retried.receivedAt - faulted.receivedAt;
	};

	test('429 with Retry-After in seconds: the retry waits at least that long', async () => {
		sim.inject('PUT', userPath(USER_B), { status: 429, retryAfter: '1' });

		const result = await run();

		expect(statuses(sim, 'PUT', userPath(USER_B))).toEqual([429, 200]);
		// With Retry Delay 1 ms, only the requested second explains the gap.
		expect(gapAfterFault()).toBeGreaterThanOrEqual(990);
		expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.output(CONVIRZA, 1)).toEqual([]);
		expectNoSecretsIn(result, sim);
	});

	test('429 with Retry-After as an HTTP date: the retry waits until then', async () => {
		// Dated when the request arrives, so the run's start-up time does not eat into the wait.
		onArrival(sim, (entry) => entry.method === 'PUT' && entry.path === userPath(USER_B), () =>
			sim.inject('PUT', userPath(USER_B), { status: 429, retryAfter: new Date(Date.now() + 2_000).toUTCString() }),
		);

		const result = await run();

		expect(statuses(sim, 'PUT', userPath(USER_B))).toEqual([429, 200]);
		// An HTTP date has whole seconds: "now + 2 s" lies between 1 and 2 s ahead.
		expect(gapAfterFault()).toBeGreaterThanOrEqual(900);
		expect(result.output(CONVIRZA, 0)).toHaveLength(3);
		expect(sim.writes.filter((write) => write.userId === USER_B)).toHaveLength(1);
		expectNoSecretsIn(result, sim);
	});
});
