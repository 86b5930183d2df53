/**
 * One scenario run (a Sample), and the row a scenario's runs add up to: the median of the runs'
 * wall time and of their CPU per item, with min–max beside each, compared with its raw row.
 */
import { settleExpressionEngine, useExpressionEngine, type ExpressionEngineName } from '../harness';
import { AUTO_MAP } from './auto-map';
import { floorNode } from './floor-node';
import { measure, type Measurement } from './measure';
import { runNode } from './node-run';
import { rawUndici } from './raw-undici';
import type { Row } from './report';
import { partialRecord, upsertPartialParameters } from './scale';
import type { Spec } from './scenarios';
import type { SimHandle } from './sim-client';
import type { SimStats } from './sim-process';
import { contacts, fixedFieldsParameters, nodeParameters } from './workload';

const KB = 1024;

export interface Sample {
	m: Measurement;
	ok: number;
	failed: number;
	nodeMs?: number;
	sim: SimStats;
}

let runCounter = 0;

function parametersFor(spec: Spec) {
	if (spec.mapping === 'fixed') return fixedFieldsParameters(spec.concurrency);
	if (spec.mapping === 'auto') return AUTO_MAP.parameters(spec.concurrency, spec.lookup);
	if (spec.mapping === 'upsertPartial') return upsertPartialParameters(spec.concurrency);
	return nodeParameters(spec.concurrency, spec.options);
}

export async function runOnce(sim: SimHandle, spec: Spec, engine: ExpressionEngineName): Promise<Sample> {
	const people = contacts(sim.userIds.slice(0, spec.items), ++runCounter);
	const items =
		spec.mapping === 'auto' ? people.map((c) => AUTO_MAP.item(c, spec.lookup))
		: spec.mapping === 'upsertPartial' ? people.map(partialRecord)
		: people;
	await useExpressionEngine(engine);
	await sim.begin();
	const { result, m } = await measure(
		async () =>
			spec.client === 'raw'
				? await rawUndici(sim.baseUrl, sim.token, people, spec.concurrency)
				: await runNode(
					sim,
					items,
					parametersFor(spec),
					spec.client === 'floor' ? floorNode(spec.floor ?? 'expressions', spec.concurrency) : undefined,
				),
		settleExpressionEngine,
	);
	const stats = await sim.end();
	return { m, ok: result.ok, failed: result.failed, nodeMs: 'nodeMs' in result ? result.nodeMs : undefined, sim: stats };
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const range = (values: readonly number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** The row for a scenario's runs; `overheadMsPerItem` and `ratio` come from `compareWithRaw`. */
export function summarize(spec: Spec, engine: ExpressionEngineName | '-', samples: readonly Sample[]): Row {
	const cpu = samples.map((s) => s.m.cpuMs / spec.items);
	const wall = samples.map((s) => s.m.wallMs);
	const nodeMs = samples.map((s) => s.nodeMs).filter((n): n is number => n !== undefined);
	// memory and simulator stats: from the run with the median CPU per item
	const byCpu = [...samples].sort((a, b) => a.m.cpuMs - b.m.cpuMs);
	const mid = byCpu[Math.floor((byCpu.length - 1) / 2)];
	const wallMs = median(wall);
	return {
		id: spec.id,
		engine,
		latencyMs: spec.latencyMs,
		client: spec.client,
		concurrency: spec.concurrency === 0 ? 'Auto' : String(spec.concurrency),
		note: spec.note ?? '',
		items: spec.items,
		runs: samples.length,
		ok: Math.min(...samples.map((s) => s.ok)),
		failed: Math.max(...samples.map((s) => s.failed)),
		wallMs,
		wallMsRange: range(wall),
		wallMsRuns: wall,
		nodeMs: nodeMs.length ? median(nodeMs) : undefined,
		itemsPerSec: spec.items / (wallMs / 1000),
		cpuMsPerItem: median(cpu),
		cpuMsPerItemRange: range(cpu),
		cpuMsPerItemRuns: cpu,
		baseline: spec.baseline,
		cpuOnly: spec.cpuOnly === true,
		peakRssMb: mid.m.peakRssMb,
		peakHeapMb: mid.m.peakHeapMb,
		peakHeapDeltaKbPerItem: (mid.m.peakHeapDeltaMb * KB) / spec.items,
		retainedKbPerItem: mid.m.retainedHeapMb === null ? null : (mid.m.retainedHeapMb * KB) / spec.items,
		sim: { ...mid.sim, cpuMsPerItem: mid.sim.cpuMs / spec.items },
	};
}

/** CPU overhead per item over the raw row, and the wall-time ratio unless the row is `cpuOnly`. */
export function compareWithRaw(rows: Row[]): void {
	for (const row of rows) {
		const base = rows.find((r) => r.id === row.baseline);
		if (!base) continue;
		row.overheadMsPerItem = row.cpuMsPerItem - base.cpuMsPerItem;
		if (!row.cpuOnly) row.ratio = row.wallMs / base.wallMs;
	}
}
