/** Rows, targets, the printed table and bench-results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SimStats } from './sim-process';

export interface Row {
	/** e.g. 'lat20 node C10' */
	id: string;
	/** the expression engine the row ran on; '-' for raw undici (no n8n) */
	engine: string;
	latencyMs: number;
	/** floor = the minimal n8n node of floor-node.ts */
	client: 'node' | 'raw' | 'floor';
	/** '1', '10', 'Auto' */
	concurrency: string;
	note: string;
	items: number;
	/** runs the medians are taken over */
	runs: number;
	/** fewest items answered 200 in any run */
	ok: number;
	failed: number;
	/** median over the runs, and min–max */
	wallMs: number;
	wallMsRange: [number, number];
	/** every run's wall time, in round order (round k of every row ran in the same round) */
	wallMsRuns: number[];
	/** the node's own execution time (engine's executionTime), median over the runs; not for raw rows */
	nodeMs?: number;
	itemsPerSec: number;
	/** median over the runs, and min–max */
	cpuMsPerItem: number;
	cpuMsPerItemRange: [number, number];
	cpuMsPerItemRuns: number[];
	/** CPU ms/item minus the baseline raw row's */
	overheadMsPerItem?: number;
	/** wall time over the baseline raw row's */
	ratio?: number;
	baseline?: string;
	/** compared with the raw row on CPU per item only */
	cpuOnly: boolean;
	peakRssMb: number;
	peakHeapMb: number;
	peakHeapDeltaKbPerItem: number;
	retainedKbPerItem: number | null;
	sim: SimStats & { cpuMsPerItem: number };
}

export interface Target {
	name: string;
	/** undefined: the scenario it needs does not exist yet */
	pass: boolean | undefined;
	detail: string;
}

const fixed = (n: number | null | undefined, digits: number): string =>
	n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);

const spread = (r: Row, [min, max]: [number, number], digits: number, scale = 1): string =>
	r.runs < 2 ? '-' : `${fixed(min / scale, digits)}–${fixed(max / scale, digits)}`;

const COLUMNS: [string, (row: Row) => string][] = [
	['scenario', (r) => r.id],
	['items', (r) => String(r.items)],
	['ok', (r) => String(r.ok)],
	['runs', (r) => String(r.runs)],
	['wall s', (r) => fixed(r.wallMs / 1000, 2)],
	['wall min–max', (r) => spread(r, r.wallMsRange, 2, 1000)],
	['node s', (r) => fixed(r.nodeMs === undefined ? undefined : r.nodeMs / 1000, 2)],
	['items/s', (r) => fixed(r.itemsPerSec, 0)],
	['start/s', (r) => fixed(r.sim.writeRate.start, 0)],
	['end/s', (r) => fixed(r.sim.writeRate.end, 0)],
	['CPU ms/it', (r) => fixed(r.cpuMsPerItem, 3)],
	['CPU min–max', (r) => spread(r, r.cpuMsPerItemRange, 2)],
	['ovh ms/it', (r) => fixed(r.overheadMsPerItem, 3)],
	['node/raw', (r) => (r.ratio === undefined ? '-' : `${fixed(r.ratio, 2)}x`)],
	['requests', (r) => String(r.sim.requests)],
	['sim max', (r) => String(r.sim.maxInFlight)],
	['sim mean', (r) => fixed(r.sim.meanBusyInFlight, 1)],
	['429s', (r) => String(r.sim.statuses['429'] ?? 0)],
	['RSS MB', (r) => fixed(r.peakRssMb, 0)],
	['heap MB', (r) => fixed(r.peakHeapMb, 0)],
	['peak KB/it', (r) => fixed(r.peakHeapDeltaKbPerItem, 1)],
	['kept KB/it', (r) => fixed(r.retainedKbPerItem, 2)],
];

export function formatTable(rows: readonly Row[]): string {
	const cells = [COLUMNS.map(([title]) => title), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))];
	const widths = COLUMNS.map((_, c) => Math.max(...cells.map((line) => line[c].length)));
	const lines = cells.map((line) =>
		line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
	);
	lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
	return lines.join('\n');
}

const verdict = (pass: boolean | undefined): string =>
	pass === undefined ? 'NOT MEASURED YET' : pass ? 'PASS' : 'FAIL';

export function formatTargets(targets: readonly Target[]): string {
	return targets.map((t) => `${verdict(t.pass)}  ${t.name}: ${t.detail}`).join('\n');
}

export function writeResults(root: string, report: object, name = 'latest.json'): string {
	const folder = join(root, 'bench-results');
	mkdirSync(folder, { recursive: true });
	const file = join(folder, name);
	writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
	return file;
}

export { fixed };
