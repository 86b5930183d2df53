/**
 * What `npm run bench` runs: one Spec per table row. Ids are what targets refer to:
 * `lat<ms> <client> <what> [automap] [legacy]`, e.g. "lat20 floor 14 expr C32", "lat0 node C10 legacy".
 */
import type { ExpressionEngineName } from '../harness';
import type { Lookup } from './auto-map';
import type { FloorMode } from './floor-node';

export interface Spec {
	id: string;
	latencyMs: number;
	client: 'node' | 'raw' | 'floor';
	/** floor rows: what the minimal node reads per item */
	floor?: FloorMode;
	/**
	 * node rows: how the node maps the item; 'fields' = every field by expression (default),
	 * 'upsertPartial' = Create or Update on Email from partial records (scale.ts)
	 */
	mapping?: 'fields' | 'fixed' | 'auto' | 'upsertPartial';
	/** Map Automatically rows of issue 12: how the item names its user (fixed External IDs) */
	lookup?: Lookup;
	/** 0 = Auto */
	concurrency: number;
	items: number;
	/** the engine to evaluate expressions with; the bench's main engine when not set */
	engine?: ExpressionEngineName;
	note?: string;
	/** extra node Options */
	options?: Record<string, number | boolean>;
	/** id of the raw row to compare with: CPU always, wall time unless `cpuOnly` */
	baseline?: string;
	/** the raw row ran a different workload (no 429s, fewer items): compare CPU per item only */
	cpuOnly?: boolean;
	/** run once, not the median of BENCH_REPEAT runs (long or behaviour-only rows) */
	once?: boolean;
}

/** Retry-After '0': see throttledSpec. */
export const THROTTLE = { rate: 0.1, seed: 6, retryAfter: '0' };

const FLOOR_NOTE = (what: string) => `floor: a minimal n8n node doing only ${what} and httpRequestWithAuthentication`;
const FLOOR_14 = FLOOR_NOTE('the same 14 expressions (User + 13 fields)');
const FLOOR_0 = FLOOR_NOTE('a body from the input item (no expression)');

/** Raw undici and the node at Concurrency 1, 10 and Auto. */
export function mainSpecs(latencyMs: number, items: number): Spec[] {
	const at = `lat${latencyMs}`;
	// at 20 ms, one request at a time is latency-bound (~45 s) and steady: run once
	const once = latencyMs > 0;
	return [
		{ id: `${at} raw 1`, latencyMs, client: 'raw', concurrency: 1, items, once },
		{ id: `${at} raw 10`, latencyMs, client: 'raw', concurrency: 10, items },
		{ id: `${at} node C1`, latencyMs, client: 'node', concurrency: 1, items, baseline: `${at} raw 1`, once },
		{ id: `${at} node C10`, latencyMs, client: 'node', concurrency: 10, items, baseline: `${at} raw 10` },
		{ id: `${at} node Auto`, latencyMs, client: 'node', concurrency: 0, items, baseline: `${at} raw 10` },
	];
}

/**
 * n8n's floor (floor-node.ts) with the node's 14 expressions and with none, at the node rows'
 * in-flight counts: 1 and 10, and 32 for Auto (its maximum).
 */
export function floorSpecs(latencyMs: number, items: number): Spec[] {
	const at = `lat${latencyMs}`;
	const inFlight = latencyMs > 0 ? [1, 10, 32] : [10];
	return inFlight.flatMap((n): Spec[] => [
		{ id: `${at} floor 14 expr C${n}`, latencyMs, client: 'floor', floor: 'expressions', concurrency: n, items, baseline: `${at} raw ${Math.min(n, 10)}`, cpuOnly: n === 32, once: n === 1, note: FLOOR_14 },
		{ id: `${at} floor 0 expr C${n}`, latencyMs, client: 'floor', floor: 'item', concurrency: n, items, baseline: `${at} raw ${Math.min(n, 10)}`, cpuOnly: n === 32, once: n === 1, note: FLOOR_0 },
	]);
}

/** Not judged: 1 expression instead of 14, to show n8n's per-expression cost. */
export function fixedFieldsSpec(items: number, engine?: ExpressionEngineName): Spec {
	return {
		id: `lat0 node C10 1 expr${engine ? ` ${engine}` : ''}`,
		latencyMs: 0,
		client: 'node',
		mapping: 'fixed',
		concurrency: 10,
		items,
		engine,
		baseline: 'lat0 raw 10',
		note: 'diagnostic: user id by expression, 12 fields fixed values (no Email), 1 expression instead of 14',
	};
}

/**
 * The node in "Map Automatically" mode (auto-map.ts), at 20 ms on Auto. Its targets compare it with
 * the floor without expressions at 32 in flight.
 */
export function autoMapSpecs(items: number, large: number): Spec[] {
	const specs: Spec[] = [
		{ id: 'lat20 node Auto automap', latencyMs: 20, client: 'node', mapping: 'auto', concurrency: 0, items, baseline: 'lat20 raw 10', note: 'Map Automatically: the body from the input item, no expression' },
	];
	if (large > 0) {
		specs.push(
			{ id: 'lat0 node Auto automap', latencyMs: 0, client: 'node', mapping: 'auto', concurrency: 0, items, baseline: 'lat0 raw 10' },
			{ id: `lat0 node Auto automap ${large}`, latencyMs: 0, client: 'node', mapping: 'auto', concurrency: 0, items: large, baseline: 'lat0 raw 10', cpuOnly: true, once: true },
		);
	}
	return specs;
}

/**
 * Issue 12: the same updates with the user named by Convirza's ID and by External ID, at 20 ms on
 * Auto, back to back in every round, against an account of `items` users (run-bench.ts gives them a
 * simulator of their own). The by-ID row also sets the External IDs the next row looks up.
 */
export function lookupSpecs(items: number): Spec[] {
	const common = { latencyMs: 20, client: 'node', mapping: 'auto', concurrency: 0, items, baseline: 'lat20 raw 10', cpuOnly: true } as const;
	return [
		{ ...common, id: 'lat20 node Auto automap by ID', lookup: 'id', note: 'Map Automatically, the user by ct_user_id' },
		{ ...common, id: 'lat20 node Auto automap by External ID', lookup: 'externalId', note: `Map Automatically, the user by External ID: one listing of the ${items} users, then answers from it` },
	];
}

/**
 * The same rows on n8n's previous default engine, for the README's legacy-vs-vm comparison: the
 * node with its 14 expressions, the node with 1, and the floor with 14 and with none.
 */
export function legacySpecs(latencyMs: number, items: number): Spec[] {
	const at = `lat${latencyMs}`;
	const legacy = (spec: Spec): Spec => ({ ...spec, id: `${spec.id} legacy`, engine: 'legacy' });
	const floorAt = latencyMs > 0 ? 32 : 10;
	const floors = floorSpecs(latencyMs, items).filter((s) => s.concurrency === floorAt);
	if (latencyMs > 0) {
		const auto = mainSpecs(latencyMs, items).find((s) => s.id === `${at} node Auto`) as Spec;
		return [auto, ...floors].map(legacy);
	}
	const c10 = mainSpecs(latencyMs, items).find((s) => s.id === `${at} node C10`) as Spec;
	return [legacy(c10), fixedFieldsSpec(items, 'legacy'), ...floors.map(legacy)];
}

// 10% of PUTs answered 429 with Retry-After '0' ("retry now"): the scenario measures how Auto's
// concurrency reacts to throttling, not how long it sleeps. With '1' every 429 pauses all items
// for a second (the client shares one throttle), so ~200 throttles would make this a sleep test
// of minutes. Max Attempts 10 (the option's maximum): the odds that one item draws 10 429s in a
// row are 1e-10, against 1e-5 per item (2% per run of 2,000) at the default 5.
export function throttledSpec(items: number): Spec {
	return {
		id: 'lat20 node Auto 429',
		latencyMs: 20,
		client: 'node',
		concurrency: 0,
		items,
		note: `${THROTTLE.rate * 100}% of PUTs answered 429, Retry-After '${THROTTLE.retryAfter}', seed ${THROTTLE.seed}; Max Attempts 10`,
		options: { maxAttempts: 10 },
		baseline: 'lat20 raw 10',
		cpuOnly: true,
		once: true,
	};
}

export function largeSpec(large: number): Spec {
	return {
		id: `lat0 node Auto ${large}`,
		latencyMs: 0,
		client: 'node',
		concurrency: 0,
		items: large,
		baseline: 'lat0 raw 10',
		cpuOnly: true,
		once: true,
	};
}

/**
 * Every row of one latency, each node row followed by the rows it is compared with (the floor at
 * its in-flight count, the same row on legacy), so that runs compared with each other run back to
 * back in every round and share the machine's load of the moment.
 */
export function latencyGroup(latencyMs: number, items: number, options: { large: number; legacy: boolean }): Spec[] {
	const at = `lat${latencyMs}`;
	const specs = [
		...mainSpecs(latencyMs, items),
		...floorSpecs(latencyMs, items),
		...(latencyMs === 0 ? [fixedFieldsSpec(items)] : []),
		...autoMapSpecs(items, options.large).filter((s) => s.latencyMs === latencyMs && s.items === items),
		...(options.legacy ? legacySpecs(latencyMs, items) : []),
	];
	const order = (latencyMs === 0
		? ['raw 1', 'raw 10', 'node C1', 'node C10', 'floor 14 expr C10', 'floor 0 expr C10', 'node C10 1 expr', 'node Auto', 'node Auto automap',
			'node C10 legacy', 'floor 14 expr C10 legacy', 'floor 0 expr C10 legacy', 'node C10 1 expr legacy']
		: ['raw 1', 'node C1', 'floor 14 expr C1', 'floor 0 expr C1', 'raw 10', 'node C10', 'floor 14 expr C10', 'floor 0 expr C10',
			'node Auto', 'floor 14 expr C32', 'floor 0 expr C32', 'node Auto automap', 'node Auto legacy', 'floor 14 expr C32 legacy', 'floor 0 expr C32 legacy']
	).map((id) => `${at} ${id}`);
	const rank = (spec: Spec): number => (order.includes(spec.id) ? order.indexOf(spec.id) : order.length);
	return specs.sort((a, b) => rank(a) - rank(b));
}
