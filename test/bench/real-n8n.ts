/**
 * `npm run bench:n8n`: issue 24's long-run scenario timed in the real n8n the end-to-end suite pins
 * (its CLI, task runner for the Code node, sqlite database and execution saving), not the in-process
 * engine of `npm run bench`. For each length in BENCH_N8N_ITEMS (default `2000,20000`), against a
 * simulator child process with 20 ms latency and an account of as many users as items, it imports and
 * runs with `n8n execute --id … --rawOutput`, in one fresh n8n user folder:
 *   A. Code (the profiles, keyed as Convirza names the fields) → Convirza, User → Update, Map Automatically, by ID
 *   B. the same Code node → n8n's HTTP Request node, one PUT per item with the Convirza credential
 * Each run must update every item with exactly one request; otherwise the script fails (exit 1) after
 * printing what it measured. Prints a markdown table, the linearity verdicts and the speedups, and writes
 * bench-results/real-n8n.json. n8n runs on the install's Node 24 whatever Node runs this script.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type { IDataObject, IRun } from 'n8n-workflow';

import type { ConvirzaSimulator } from '../simulator';
import { executeWorkflow } from '../e2e/kit/execute';
import { tokenCredential, type WorkflowFile } from '../e2e/kit/fixtures';
import { n8nCommandOk } from '../e2e/kit/n8nProcess';
import { nodeOutput, nodeRun } from '../e2e/kit/runOutput';
import { createUserFolder } from '../e2e/kit/userFolder';
import {
	CONVIRZA,
	HTTP,
	SOURCE,
	checkProfiles,
	convirzaWorkflow,
	expectedProfiles,
	httpWorkflow,
	type BenchTarget,
} from './real-n8n-workflows';
import { formatVerdicts, markdownTable, speedups, verdicts, type RealNode, type RealRun } from './real-n8n-report';
import { fixed, writeResults } from './report';
import { startSimProcess, type SimHandle } from './sim-client';

// The suite's own setup (CommonJS): packs the built package and finds the pinned n8n install.
const { prepareInstall } = require('../e2e/setup/global-setup') as {
	prepareInstall(options?: { quiet?: boolean }): { work: string; tarball: string; version: string };
};

function lengths(): number[] {
	const text = process.env.BENCH_N8N_ITEMS ?? '2000,20000';
	const values = text.split(',').map((part) => Number(part.trim()));
	if (values.some((n) => !Number.isInteger(n) || n < 1)) {
		throw new Error(`BENCH_N8N_ITEMS must be positive whole numbers separated by commas, e.g. 2000,20000 (got "${text}")`);
	}
	return values;
}

async function importInto(folder: string, what: 'credentials' | 'workflow', entries: object[]): Promise<void> {
	const file = join(folder, `${what}.json`);
	writeFileSync(file, JSON.stringify(entries));
	await n8nCommandOk(folder, [`import:${what}`, `--input=${file}`]);
}

/** A done update: the Convirza node's item and the HTTP node's (Convirza's answer as it is) both carry `code`. */
const succeeded = (json: IDataObject): boolean => json.code === 200;

function problemsOf(run: IRun, result: Omit<RealRun, 'problems'>, ids: readonly number[]): string[] {
	const { items } = result;
	const problems: string[] = [];
	if (run.status !== 'success') problems.push(`the execution ended "${run.status}": ${run.data.resultData.error?.message ?? ''}`);
	if (result.succeeded !== items) problems.push(`${result.succeeded} of ${items} items succeeded`);
	if (result.requests !== items) problems.push(`${result.requests} requests for ${items} items`);
	if (result.statuses['200'] !== items) problems.push(`statuses ${JSON.stringify(result.statuses)}`);
	const built = nodeOutput(run, SOURCE).map((item) => item.json);
	if (!isDeepStrictEqual(built, expectedProfiles(ids))) problems.push("the Code node's items are not the bench's profiles");
	return problems;
}

async function timeRun(folder: string, sim: SimHandle, workflow: WorkflowFile, node: RealNode, items: number): Promise<RealRun> {
	const nodeName = node === 'Convirza' ? CONVIRZA : HTTP;
	process.stderr.write(`[bench:n8n] ${node} node, ${items} items…\n`);
	await sim.begin();
	const spawned = Date.now();
	// a bound for a hung n8n, generous for a loaded 2-core machine
	const { run } = await executeWorkflow(folder, workflow.id, { timeoutMs: 120_000 + items * 60 });
	const commandMs = Date.now() - spawned;
	const stats = await sim.end();
	const task = nodeRun(run, nodeName);
	const nodeMs = task.executionTime;
	const result = {
		node,
		items,
		nodeMs,
		codeMs: nodeRun(run, SOURCE).executionTime,
		executionMs: new Date(run.stoppedAt ?? NaN).getTime() - new Date(run.startedAt).getTime(),
		commandMs,
		itemsPerSec: items / (nodeMs / 1000),
		writeRate: stats.writeRate,
		requests: stats.requests,
		statuses: stats.statuses,
		maxInFlight: stats.maxInFlight,
		succeeded: nodeOutput(run, nodeName).filter((item) => succeeded(item.json)).length,
	};
	return { ...result, problems: problemsOf(run, result, sim.userIds.slice(0, items)) };
}

/** Both workflows at one length, against a fresh simulator account of as many users as items. */
async function benchLength(folder: string, items: number): Promise<RealRun[]> {
	const sim = await startSimProcess({ latencyMs: 20, users: items });
	try {
		const ids = sim.userIds.slice(0, items);
		checkProfiles(ids);
		// tokenCredential reads only these two fields of the simulator
		const simulator = { baseUrl: sim.baseUrl, tokens: { admin: sim.token } } as unknown as ConvirzaSimulator;
		const credential = { ...tokenCredential(simulator), id: `bench-${items}`, name: `Convirza bench (${items} users)` };
		const target: BenchTarget = { items, baseUrl: sim.baseUrl, userIds: ids, credential };
		const workflows = { convirza: convirzaWorkflow(target), http: httpWorkflow(target) };
		await importInto(folder, 'credentials', [credential]);
		await importInto(folder, 'workflow', [workflows.convirza, workflows.http]);
		return [
			await timeRun(folder, sim, workflows.convirza, 'Convirza', items),
			await timeRun(folder, sim, workflows.http, 'HTTP Request', items),
		];
	} finally {
		await sim.close();
	}
}

const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');

async function main(): Promise<void> {
	const items = lengths();
	const loadAtStart = load();
	const prepared = prepareInstall({ quiet: true });
	const runs: RealRun[] = [];
	try {
		process.stderr.write(`[bench:n8n] n8n ${prepared.version}, lengths ${items.join(', ')}; load average ${loadAtStart}\n`);
		const folder = await createUserFolder('bench');
		for (const n of items) runs.push(...(await benchLength(folder, n)));
	} finally {
		rmSync(prepared.work, { recursive: true, force: true });
	}
	const loadAtEnd = load();
	const judged = verdicts(runs);
	const ratios = speedups(runs);

	console.log(`\n## n8n ${prepared.version}: Map Automatically by ID vs HTTP Request, 20 ms API, Concurrency Auto\n`);
	console.log(markdownTable(runs));
	console.log(`\n${formatVerdicts(judged)}`);
	for (const { items: n, speedup } of ratios) console.log(`Convirza vs HTTP Request at ${n} items: ${fixed(speedup, 2)}× faster`);
	console.log(`\nLoad average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAtEnd} at the end.`);
	const file = writeResults(
		join(__dirname, '..', '..'),
		{ n8nVersion: prepared.version, date: new Date().toISOString(), loadAverage: { start: loadAtStart, end: loadAtEnd }, runs, verdicts: judged, speedups: ratios },
		'real-n8n.json',
	);
	console.log(`Results: ${file}`);

	const problems = runs.flatMap((run) => run.problems.map((problem) => `${run.node} node, ${run.items} items: ${problem}`));
	if (problems.length > 0) throw new Error(`the bench did not do what it measures:\n${problems.join('\n')}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
