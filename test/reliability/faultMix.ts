/**
 * The invariant run: 500 items through User → Update while the simulator answers 20 % of the
 * user reads and writes with a seeded random fault. Because the simulator draws its faults in
 * arrival order from a seeded PRNG, replaying that PRNG over its own request log tells exactly
 * which fault every single request met — in any concurrency mode — so every item's outcome,
 * every applied write and the final state of every user can be derived and checked exactly.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { AUTO_MAX, AUTO_START } from '../../nodes/Convirza/actions/scheduler';
import { perRequestDraws, type ConvirzaSimulator, type Fault, type LoggedRequest, type UserRecord } from '../simulator';
import { CONVIRZA, startConvirza } from '../engine/convirzaWorkflow';
import type { RunResult } from '../harness';
import { errorOf, expectNoSecretsIn, messageFor, userPath } from '../kit';

export const ITEM_COUNT = 500;

export const FAULT_MIX: Fault[] = [
	{ status: 503 },
	{ status: 502 },
	{ status: 429, retryAfter: '0' },
	{ reset: 'before' },
	{ reset: 'after' },
	{ malformedJson: true },
	{ html: true, status: 502 },
];
// Per request: which request meets which fault does not depend on how a concurrent run interleaves,
// so every count below is fixed by the seed.
const MIX = { rate: 0.2, seed: 20_240_607, faults: FAULT_MIX, perRequest: true };
const USER_BY_ID = /^\/v3\/users\/\d+$/;

export interface MixOptions {
	/** 0 = Auto. */
	concurrency: number;
	maxAttempts: number;
	/** Fill Unset Fields: a read before each write (on), or the write alone (off: half the requests). */
	fill: boolean;
}

export interface MixRun {
	result: RunResult;
	ids: number[];
	before: Map<number, UserRecord>;
	options: MixOptions;
}

const first = (k: number) => `Mix ${k}`;

export async function runFaultMix(sim: ConvirzaSimulator, options: MixOptions): Promise<MixRun> {
	const ids = sim.addUsers(ITEM_COUNT);
	const before = new Map(ids.map((id) => [id, sim.userRecord(id)!]));
	sim.injectRandom('*', USER_BY_ID, MIX);
	// A concurrent run's first requests are held until as many are in flight as the limit allows
	// (Auto starts at AUTO_START): proof that requests overlap, without relying on latency.
	const opening = options.concurrency === 1 ? undefined : sim.hold('*', USER_BY_ID);
	const run = startConvirza(sim, {
		items: ids.map((id, k) => ({ id, first: first(k) })),
		parameters: {
			userId: '={{ $json.id }}',
			// One mapped field keeps the run fast (each expression costs the engine ~1 ms); the other
			// fields are sent back as read, which the final-state check covers as well.
			updateFields: { firstName: '={{ $json.first }}' },
			options: { concurrency: options.concurrency, maxAttempts: options.maxAttempts, retryDelayMs: 1, fillUnsetFields: options.fill },
		},
		settings: { onError: 'continueErrorOutput' },
	});
	if (opening) {
		await opening.arrived(options.concurrency === 0 ? AUTO_START : options.concurrency);
		await opening.release();
	}
	return { result: await run.result, ids, before, options };
}

/** The fault every request to /v3/users/{id} met, recomputed exactly as the simulator drew it. */
function replayFaults(log: readonly LoggedRequest[]): Map<LoggedRequest, Fault | undefined> {
	const draws = perRequestDraws(MIX.seed);
	const met = new Map<LoggedRequest, Fault | undefined>();
	for (const entry of log) {
		if (!USER_BY_ID.test(entry.path)) continue;
		// Two draws per matching request, as the simulator's FaultBook does.
		const next = draws(entry.method, entry.path);
		const hit = next() < MIX.rate;
		const pick = MIX.faults[Math.floor(next() * MIX.faults.length)];
		met.set(entry, hit ? pick : undefined);
	}
	return met;
}

/** Whether Convirza applied a PUT that met this fault (it acts before a late reset or a garbled reply). */
const applied = (fault: Fault | undefined) => fault === undefined || ('reset' in fault && fault.reset === 'after') || 'malformedJson' in fault;

type Outcome = { ok: true; requestId: string } | { ok: false; message: string };

/**
 * Checks one request's attempts: each but the last met a fault (nothing is repeated after a
 * success), and a last attempt that met a fault was the Max Attempts-th (nothing gives up early).
 * Returns the fault the request gave up on, if it did.
 */
function gaveUpOn(attempts: LoggedRequest[], met: Map<LoggedRequest, Fault | undefined>, maxAttempts: number): Fault | undefined {
	expect(attempts.length).toBeGreaterThan(0);
	expect(attempts.length).toBeLessThanOrEqual(maxAttempts);
	attempts.slice(0, -1).forEach((entry) => expect(met.get(entry)).toBeDefined());
	const last = met.get(attempts.at(-1)!);
	if (last !== undefined) expect(attempts.length).toBe(maxAttempts);
	return last;
}

/** What must have happened to one item, derived from the requests the simulator saw for its user. */
function expectedOutcome(gets: LoggedRequest[], puts: LoggedRequest[], met: Map<LoggedRequest, Fault | undefined>, maxAttempts: number): Outcome {
	const readFault = gets.length === 0 ? undefined : gaveUpOn(gets, met, maxAttempts);
	if (readFault !== undefined) {
		// A read that gave up is never followed by a write.
		expect(puts).toEqual([]);
		return { ok: false, message: messageFor(readFault) };
	}
	const writeFault = gaveUpOn(puts, met, maxAttempts);
	if (writeFault !== undefined) return { ok: false, message: messageFor(writeFault) };
	return { ok: true, requestId: puts.at(-1)!.requestId };
}

function groupBy<T, K>(list: readonly T[], key: (value: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const value of list) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
	return groups;
}

const itemIndex = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

export function expectInvariants(sim: ConvirzaSimulator, { result, ids, before, options }: MixRun): { failed: number } {
	// Nothing thrown, nothing lost: the run succeeded and holds exactly one output item per input item.
	expect(result.status).toBe('success');
	expect(result.error).toBeUndefined();
	const [successes, errors = []] = result.outputs(CONVIRZA);
	const all = [...successes, ...errors];
	expect(all).toHaveLength(ITEM_COUNT);
	// Each output keeps the input order.
	for (const branch of [successes, errors]) {
		const order = branch.map(itemIndex);
		expect(order).toEqual([...order].sort((a, b) => a - b));
	}
	const byItem = new Map(all.map((item) => [itemIndex(item), item]));
	expect([...byItem.keys()].sort((a, b) => a - b)).toEqual(ids.map((_, k) => k));

	// The node sends nothing but reads and full updates of the users it was given.
	expect(sim.log.every((entry) => (entry.method === 'GET' || entry.method === 'PUT') && USER_BY_ID.test(entry.path))).toBe(true);
	expect(sim.writes.every((write) => write.method === 'PUT')).toBe(true);

	const met = replayFaults(sim.log);
	const requestsOf = groupBy(sim.log, (entry) => `${entry.method} ${entry.path}`);
	const writesOf = groupBy(sim.writes, (write) => write.userId);
	const errorSet = new Set(errors);
	let failed = 0;
	ids.forEach((id, k) => {
		const gets = requestsOf.get(`GET ${userPath(id)}`) ?? [];
		const puts = requestsOf.get(`PUT ${userPath(id)}`) ?? [];
		expect(gets.length > 0).toBe(options.fill);
		const outcome = expectedOutcome(gets, puts, met, options.maxAttempts);
		const item = byItem.get(k)!;
		if (outcome.ok) {
			expect(errorSet.has(item)).toBe(false);
			expect(item.json).toEqual({ code: 200, message: 'Success', data: { userId: id }, request_id: outcome.requestId, timestamp: expect.any(String) });
		} else {
			failed++;
			expect(errorSet.has(item)).toBe(true);
			expect(errorOf(item).error).toBe(outcome.message);
			expect(item.json.id).toBe(id);
		}

		// A PUT is applied once per attempt that reached Convirza's logic, never otherwise.
		const appliedCount = puts.filter((entry) => applied(met.get(entry))).length;
		expect(writesOf.get(id) ?? []).toHaveLength(appliedCount);
		// Every attempt of the write carried this item's value for this item's user.
		expect(puts.every((entry) => JSON.stringify(entry.body) === JSON.stringify(puts[0].body))).toBe(true);
		if (puts.length > 0) expect((puts[0].body as { first_name?: string }).first_name).toBe(first(k));

		// Final state: the item's values if any write was applied, untouched otherwise.
		const { updated_at: _after, ...now } = sim.userRecord(id)!;
		const { updated_at: _before, ...was } = before.get(id)!;
		expect(now).toEqual(appliedCount > 0 ? { ...was, first_name: first(k) } : was);
	});

	const limit = options.concurrency === 0 ? AUTO_MAX : options.concurrency;
	expect(sim.maxInFlight).toBeLessThanOrEqual(limit);
	if (options.concurrency !== 1) expect(sim.maxInFlight).toBeGreaterThanOrEqual(options.concurrency === 0 ? AUTO_START : limit);
	else expect(sim.maxInFlight).toBe(1);
	expectNoSecretsIn(result, sim);
	return { failed };
}
