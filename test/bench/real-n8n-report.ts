/** `npm run bench:n8n`'s results: the table, the linearity verdicts and the speedups. */
import { fixed } from './report';

export type RealNode = 'Convirza' | 'HTTP Request';

export interface RealRun {
	node: RealNode;
	items: number;
	/** the Convirza or HTTP Request node's own executionTime in the run data, ms */
	nodeMs: number;
	/** the Code node's executionTime, ms */
	codeMs: number;
	/** the whole execution, startedAt to stoppedAt in the run data, ms */
	executionMs: number;
	/** `n8n execute` from spawn to exit (n8n's start-up and shut-down included), ms */
	commandMs: number;
	/** items over the node's own time */
	itemsPerSec: number;
	/** PUTs answered per second over the first and the last fifth of the writing (the simulator's log) */
	writeRate: { start: number; end: number };
	/** requests the simulator saw during the run, and their statuses */
	requests: number;
	statuses: Record<string, number>;
	maxInFlight: number;
	/** the node's output items that report success */
	succeeded: number;
	/** what went wrong (wrong counts, failed items); empty when the run is sound */
	problems: string[];
}

export interface Verdict {
	node: RealNode;
	items: number;
	base: number;
	/** the long run's node time over (items / base) times the base run's */
	ratio: number;
	limit: number;
	pass: boolean;
}

const COLUMNS: [string, (run: RealRun) => string][] = [
	['node', (r) => r.node],
	['items', (r) => String(r.items)],
	['ok', (r) => String(r.succeeded)],
	['requests', (r) => String(r.requests)],
	['node s', (r) => fixed(r.nodeMs / 1000, 2)],
	['execution s', (r) => fixed(r.executionMs / 1000, 2)],
	['n8n execute s', (r) => fixed(r.commandMs / 1000, 1)],
	['Code s', (r) => fixed(r.codeMs / 1000, 2)],
	['items/s', (r) => fixed(r.itemsPerSec, 0)],
	['writes/s first 5th', (r) => fixed(r.writeRate.start, 0)],
	['writes/s last 5th', (r) => fixed(r.writeRate.end, 0)],
	['sim max in flight', (r) => String(r.maxInFlight)],
];

export function markdownTable(runs: readonly RealRun[]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [
		line(COLUMNS.map(([title]) => title)),
		line(COLUMNS.map(() => '---')),
		...runs.map((run) => line(COLUMNS.map(([, cell]) => cell(run)))),
	].join('\n');
}

/**
 * Issue 24's targets, applied to the node's own time: a run of up to ten times the base length within
 * 1.15× of that multiple of the base time, a longer one within 1.2×. The base is the shortest length.
 */
export function verdicts(runs: readonly RealRun[]): Verdict[] {
	const base = Math.min(...runs.map((run) => run.items));
	return runs.flatMap((run): Verdict[] => {
		const first = runs.find((other) => other.node === run.node && other.items === base);
		if (!first || run.items === base) return [];
		const multiple = run.items / base;
		const ratio = run.nodeMs / (multiple * first.nodeMs);
		const limit = multiple <= 10 ? 1.15 : 1.2;
		return [{ node: run.node, items: run.items, base, ratio, limit, pass: ratio <= limit }];
	});
}

const count = (n: number): string => n.toLocaleString('en-US');

export function formatVerdicts(list: readonly Verdict[]): string {
	return list
		.map(
			(v) =>
				`${v.pass ? 'PASS' : 'FAIL'}  ${v.node} node: ${count(v.items)} within ${v.limit}× of ${v.items / v.base} times ` +
				`the ${count(v.base)}-item time: ${fixed(v.ratio, 2)}×`,
		)
		.join('\n');
}

/** The HTTP Request node's time over the Convirza node's, per length. */
export function speedups(runs: readonly RealRun[]): Array<{ items: number; speedup: number }> {
	return runs
		.filter((run) => run.node === 'Convirza')
		.flatMap((ours) => {
			const http = runs.find((run) => run.node === 'HTTP Request' && run.items === ours.items);
			return http ? [{ items: ours.items, speedup: http.nodeMs / ours.nodeMs }] : [];
		});
}
