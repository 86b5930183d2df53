/**
 * Issue 19's scenario: Call → Get Many with Return All over 10,000 calls in one 30-day window (50
 * pages of 200), the built node against n8n's floor for the same 50 page requests (a minimal node
 * that sends them with httpRequestWithAuthentication one after the other and outputs each row as an
 * item, nothing else). Both through n8n-core's WorkflowExecute, the simulator in a child process, no
 * latency; alternating, BENCH_REPEAT rounds (default 5), medians. Also the heap the run's 10,000
 * output items hold after a full GC (run with node --expose-gc).
 *
 *   .ci/node24/bin/node --expose-gc -r ts-node/register/transpile-only test/bench/calls-get-many.ts
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { CONVIRZA, runConvirza } from '../engine/convirzaWorkflow';
import type { ConvirzaSimulator } from '../simulator';
import { canCollectGarbage, measure, type Measurement } from './measure';
import { startSimProcess, type SimHandle } from './sim-client';

const built = require('../../dist/nodes/Convirza/Convirza.node.js') as { Convirza: new () => INodeType };

const CALLS = 10_000;
/** Fixture calls for 10,000 visible to the Admin: one in 13 belongs to the other account. */
const FIXTURE_CALLS = 10_833;
const NOW = Date.parse('2026-04-01T12:00:00.000Z');
const START = new Date(NOW - 30 * 24 * 3600 * 1000).toISOString();
const END = new Date(NOW).toISOString();
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

/** The floor: the same page requests, rows out as items, nothing more. */
const floor: INodeType = {
	description: new built.Convirza().description,
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('convirzaApi');
		const output: INodeExecutionData[] = [];
		for (let offset = 0; ; offset += 200) {
			const page = (await this.helpers.httpRequestWithAuthentication.call(this, 'convirzaApi', {
				method: 'GET',
				url: `${baseUrl}/conversations/calls`,
				qs: { start: START, end: END, limit: 200, offset },
				json: true,
			})) as { data: { calls: IDataObject[]; total: number } };
			for (const json of page.data.calls) output.push({ json, pairedItem: { item: 0 } });
			if (page.data.calls.length < 200 || offset + 200 >= page.data.total) break;
		}
		return [output];
	},
};

async function once(sim: SimHandle, nodeType: INodeType): Promise<{ m: Measurement; rows: number }> {
	const target = { baseUrl: sim.baseUrl, tokens: { admin: sim.token } } as unknown as ConvirzaSimulator;
	const { result, m } = await measure(async () => {
		const run = await runConvirza(target, {
			items: [{}],
			parameters: { resource: 'call', operation: 'getAll', returnAll: true, filters: { start: START, end: END } },
			nodeType,
		});
		if (run.status !== 'success') throw new Error(`run ${run.status}`);
		return run;
	});
	return { m, rows: result.output(CONVIRZA).length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
	const sim = await startSimProcess({ latencyMs: 0, users: 0, calls: { count: FIXTURE_CALLS, now: NOW } });
	try {
		const samples = { node: [] as Measurement[], floor: [] as Measurement[] };
		await once(sim, floor); // warm-up: JIT, sockets
		for (let round = 0; round < REPEAT; round++) {
			for (const [name, type] of [['node', new built.Convirza()], ['floor', floor]] as const) {
				await sim.begin();
				const { m, rows } = await once(sim, type);
				const stats = await sim.end();
				if (rows !== CALLS) throw new Error(`${name}: ${rows} rows, expected ${CALLS}`);
				if (stats.requests !== 50) throw new Error(`${name}: ${stats.requests} requests, expected 50`);
				samples[name].push(m);
			}
		}
		const row = (name: 'node' | 'floor') => {
			const list = samples[name];
			return {
				wallMs: median(list.map((m) => m.wallMs)),
				cpuMs: median(list.map((m) => m.cpuMs)),
				peakHeapDeltaMb: median(list.map((m) => m.peakHeapDeltaMb)),
				retainedHeapMb: canCollectGarbage ? median(list.map((m) => m.retainedHeapMb ?? NaN)) : null,
			};
		};
		const node = row('node');
		const base = row('floor');
		const fmt = (n: number | null) => (n === null ? 'n/a' : n.toFixed(1));
		console.log(`Call → Get Many, Return All, ${CALLS} calls in one 30-day window (50 pages of 200), ${REPEAT} rounds, medians, Node ${process.version}`);
		console.log('| client | wall ms | CPU ms | peak heap Δ MB | retained heap MB per 10,000 rows |');
		console.log('|---|---|---|---|---|');
		console.log(`| node | ${fmt(node.wallMs)} | ${fmt(node.cpuMs)} | ${fmt(node.peakHeapDeltaMb)} | ${fmt(node.retainedHeapMb)} |`);
		console.log(`| floor | ${fmt(base.wallMs)} | ${fmt(base.cpuMs)} | ${fmt(base.peakHeapDeltaMb)} | ${fmt(base.retainedHeapMb)} |`);
		console.log(`node / floor: wall ${(node.wallMs / base.wallMs).toFixed(2)}×, CPU ${(node.cpuMs / base.cpuMs).toFixed(2)}× (target ≤ 1.1×)`);
	} finally {
		await sim.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
