/**
 * `npm run bench` (issues 6 and 13): how fast the BUILT Convirza node updates users in bulk through
 * n8n's engine, next to a raw undici client sending the same PUTs (the network floor) and a minimal
 * n8n node (floor-node.ts: n8n's own floor). launch.js starts it on Node 24, where n8n's default
 * expression engine (vm: an isolated-vm sandbox) runs; the legacy rows repeat a few scenarios on
 * n8n's previous engine. The simulator runs in a child process, so CPU columns are the client side.
 * Short rows are the median of BENCH_REPEAT runs (default 3), taken in rounds so that each round
 * runs every scenario once and a busy spell of the machine hits node and floor rows alike.
 * Env: BENCH_ITEMS (default 2000), BENCH_LARGE_ITEMS (default 20000), BENCH_SKIP_LARGE=1,
 * BENCH_SCALE_ITEMS (issue 24's long runs, scale.ts: default 20000; `20000,100000` adds the
 * 100,000-item rows; 0 skips them), BENCH_ONLY=scale (only those rows), BENCH_REPEAT,
 * N8N_EXPRESSION_ENGINE (the main engine; default vm where isolated-vm loads).
 */
import { join } from 'node:path';

import { startExpressionEngine, stopExpressionEngine, type ExpressionEngineName } from '../harness';
import { expressionCosts, formatCosts } from './costs';
import { evaluateFloorTargets, evaluateLookupTargets } from './floor-targets';
import { canCollectGarbage } from './measure';
import { fixed, formatTable, formatTargets, writeResults, type Row } from './report';
import { compareWithRaw, runOnce, summarize, type Sample } from './run-spec';
import {
	THROTTLE,
	autoMapSpecs,
	floorSpecs,
	largeSpec,
	latencyGroup,
	lookupSpecs,
	mainSpecs,
	throttledSpec,
	type Spec,
} from './scenarios';
import { startSimProcess, type SimHandle } from './sim-client';
import { runScaleRows } from './scale';
import { evaluateScaleTargets } from './scale-targets';
import { evaluateTargets } from './targets';

function envCount(name: string, fallback: number): number {
	const n = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
	return n;
}

const N = envCount('BENCH_ITEMS', 2000);
const REPEAT = envCount('BENCH_REPEAT', 3);
const LARGE = process.env.BENCH_SKIP_LARGE === '1' ? 0 : envCount('BENCH_LARGE_ITEMS', 20_000);
const SCALE = (process.env.BENCH_SCALE_ITEMS ?? '20000')
	.split(',')
	.map(Number)
	.filter((n) => n !== 0);
if (SCALE.some((n) => !Number.isInteger(n) || n <= N)) {
	throw new Error(`BENCH_SCALE_ITEMS must be item counts above BENCH_ITEMS (${N}), comma-separated, or 0`);
}
const ONLY_SCALE = process.env.BENCH_ONLY === 'scale';

const started = Date.now();
const log = (text: string): void =>
	void process.stderr.write(`[bench ${fixed((Date.now() - started) / 1000, 0)}s] ${text}\n`);

const engineOf = (spec: Spec, main: ExpressionEngineName): ExpressionEngineName | '-' =>
	spec.client === 'raw' ? '-' : (spec.engine ?? main);

/** Runs a group of same-latency scenarios in REPEAT rounds; rows come back in the group's order. */
async function runGroup(sim: SimHandle, group: readonly Spec[], main: ExpressionEngineName): Promise<Row[]> {
	const samples = new Map<string, Sample[]>(group.map((spec) => [spec.id, []]));
	for (let round = 0; round < REPEAT; round++) {
		for (const spec of group) {
			if (round > 0 && spec.once) continue;
			log(`${spec.id} (${spec.items} items, ${engineOf(spec, main)}${spec.once ? '' : `, run ${round + 1}/${REPEAT}`})`);
			await sim.setLatency(spec.latencyMs);
			samples.get(spec.id)?.push(await runOnce(sim, spec, spec.engine ?? main));
		}
	}
	return group.map((spec) => summarize(spec, engineOf(spec, main), samples.get(spec.id) ?? []));
}

function describe(main: ExpressionEngineName, fallbackNote: string | undefined): string {
	return [
		`Convirza node bench: ${N} items per scenario${LARGE ? `, ${LARGE} for the memory rows` : ''}${SCALE.length ? `, ${SCALE.join(' and ')} for the long-run (scale) rows` : ''}; node = dist/ through n8n-core WorkflowExecute; Node ${process.version}.`,
		'scale rows: 20 ms, Auto, an account of as many users as items; start/s, end/s = writes answered per second over the first and last fifth of the run.',
		`Expression engine: ${main}${main === 'vm' ? " (n8n 2.x's default: isolated-vm sandbox, started as n8n's CLI starts it)" : ''}, except the rows of the legacy table.`,
		...(fallbackNote ? [`NOTE: ${fallbackNote}`] : []),
		'Each item is exactly one PUT /v3/users/{id} to a distinct user: all 13 Update Fields and the User set by expression (14 per item), Fill Unset Fields off.',
		'raw = undici Pool with keep-alive, N requests in flight, same bodies. CPU = this process only (simulator runs in a child process);',
		"ovh = CPU/item minus the raw row's (C1 vs raw 1, C10, C32 and Auto vs raw 10); node/raw = wall-time ratio, same latency.",
		`runs = runs the medians are over (BENCH_REPEAT=${REPEAT}, in rounds); min–max = their spread. Compare rows from the same run only.`,
		'sim max/mean = in-flight requests the simulator saw (max; mean while busy). kept = heap still held after GC with the output referenced.',
		"floor = a minimal n8n node (floor-node.ts): same engine, credential and httpRequestWithAuthentication, nothing else; n8n's own cost.",
	].join('\n');
}

function tables(rows: readonly Row[], main: ExpressionEngineName): string {
	const mainRows = rows.filter((r) => r.engine === main || r.engine === '-');
	const legacyRows = main === 'legacy' ? [] : rows.filter((r) => r.engine === 'legacy');
	const title = (engine: string) => `Engine ${engine}, Node ${process.version}:`;
	return [
		`${title(main)}\n${formatTable(mainRows)}`,
		...(legacyRows.length ? [`${title('legacy')} (n8n's previous default, N8N_EXPRESSION_ENGINE=legacy)\n${formatTable(legacyRows)}`] : []),
	].join('\n\n');
}

/** The rows of issues 6, 12 and 13: both latencies, throttling, lookups, the memory rows. */
async function runIssueRows(sim: SimHandle, engine: ExpressionEngineName, compare: boolean): Promise<Row[]> {
	const rows: Row[] = [];
	for (const latencyMs of [0, 20]) {
		rows.push(...(await runGroup(sim, latencyGroup(latencyMs, N, { large: LARGE, legacy: compare }), engine)));
	}
	await sim.injectRandom('PUT', /^\/v3\/users\/\d+$/, {
		rate: THROTTLE.rate,
		seed: THROTTLE.seed,
		faults: [{ status: 429, retryAfter: THROTTLE.retryAfter }],
	});
	rows.push(...(await runGroup(sim, [throttledSpec(N)], engine)));
	await sim.clearFaults();
	// Issue 12's lookup rows against an account of N users, as the issue states them.
	const lookupSim = await startSimProcess({ latencyMs: 20, users: N });
	try {
		rows.push(...(await runGroup(lookupSim, lookupSpecs(N), engine)));
	} finally {
		await lookupSim.close();
	}
	if (LARGE > 0) {
		const autoLarge = autoMapSpecs(N, LARGE).filter((s) => s.items === LARGE);
		rows.push(...(await runGroup(sim, [largeSpec(LARGE), ...autoLarge], engine)));
	}
	return rows;
}

async function main(): Promise<void> {
	if (!canCollectGarbage) log('note: run with node --expose-gc for the retained-heap column');
	const engine = await startExpressionEngine();
	const fallbackNote = process.env.BENCH_FALLBACK_NOTE;
	if (fallbackNote) log(`NOTE: ${fallbackNote}`);
	log(`expression engine ${engine} on Node ${process.version}`);
	const compare = engine === 'vm';
	const sim = await startSimProcess({ latencyMs: 0, users: Math.max(N, LARGE) });
	const rows: Row[] = [];
	try {
		log(`simulator pid ${sim.pid} at ${sim.baseUrl}, ${sim.userIds.length} bench users; warming up`);
		for (const spec of [...mainSpecs(0, Math.min(N, 500)), ...floorSpecs(0, Math.min(N, 500))]) {
			await runOnce(sim, spec, engine);
		}
		if (ONLY_SCALE) log('BENCH_ONLY=scale: only the long-run rows');
		else rows.push(...(await runIssueRows(sim, engine, compare)));
		if (SCALE.length > 0) rows.push(...(await runScaleRows(SCALE, N, (scaleSim, group) => runGroup(scaleSim, group, engine))));
	} finally {
		await sim.close();
		await stopExpressionEngine();
	}
	compareWithRaw(rows);

	// BENCH_ONLY=scale: the other issues' rows did not run, so their targets are not judged
	const issue6 = ONLY_SCALE ? [] : evaluateTargets(rows, { items: N, large: LARGE });
	const issue13 = ONLY_SCALE ? [] : evaluateFloorTargets(rows, { items: N, large: LARGE });
	const issue12 = ONLY_SCALE ? [] : evaluateLookupTargets(rows, N);
	const issue24 = SCALE.length > 0 ? evaluateScaleTargets(rows, N, SCALE) : [];
	const costs = expressionCosts(rows, compare ? ['vm', 'legacy'] : [engine], engine);
	const header = describe(engine, fallbackNote);
	const timelines = ['lat20 node Auto', 'lat20 node Auto 429']
		.map((id) => rows.find((row) => row.id === id))
		.filter((row): row is Row => row !== undefined)
		.map((row) => `in-flight per 250 ms (max), ${row.id}: ${row.sim.timeline.join(' ')}`);
	// one line per kind of row: "floor 14 expr: ..." for every latency, in-flight count and engine
	const kind = (id: string): string => id.replace(/^lat\d+ /, '').replace(/^scale \d+ /, 'scale ').replace(/ C\d+/, '').replace(/ (legacy|vm)$/, '');
	const notes = [...new Set(rows.filter((row) => row.note !== '').map((row) => `${kind(row.id)}: ${row.note}`))];
	const totalSeconds = (Date.now() - started) / 1000;
	console.log([
		'', header, '', tables(rows, engine), '', [...notes, ...timelines].join('\n'), '',
		...(ONLY_SCALE ? [] : [
			`Cost of one expression per item (0 ms, 10 in flight):\n${formatCosts(costs)}`, '',
			`Targets of issue 13 (engine ${engine}; vs n8n's floor, ratios within this run):\n${formatTargets(issue13)}`, '',
			`Target of issue 12 (engine ${engine}; ratio within this run):\n${formatTargets(issue12)}`, '',
			`Targets of issue 6 (engine ${engine}; vs raw undici):\n${formatTargets(issue6)}`, '',
		]),
		...(issue24.length ? [`Targets of issue 24 (engine ${engine}; long runs, ratios within this run):\n${formatTargets(issue24)}`, ''] : []),
		`Bench took ${fixed(totalSeconds / 60, 1)} min.`,
	].join('\n'));
	const file = writeResults(join(__dirname, '..', '..'), {
		when: new Date().toISOString(),
		node: process.version,
		engine,
		fallbackNote,
		items: N,
		largeItems: LARGE,
		repeat: REPEAT,
		throttle: THROTTLE,
		description: header,
		rows,
		expressionCosts: costs,
		scaleItems: SCALE,
		targets: { issue13, issue12, issue6, issue24 },
		totalSeconds,
	});
	const failed = [...issue13, ...issue12, ...issue6, ...issue24].filter((t) => t.pass === false).length;
	log(`written ${file}; ${failed} target(s) failed`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
