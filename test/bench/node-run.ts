/**
 * Runs the BUILT node (dist/) through n8n-core's real WorkflowExecute: Manual Trigger → Code
 * (emits the contacts) → Convirza "Update user" → No Op, with a token credential.
 */
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { CONVIRZA, runConvirza } from '../engine/convirzaWorkflow';
import type { RunResult } from '../harness';
import type { ConvirzaSimulator } from '../simulator';
import type { SimHandle } from './sim-client';
import type { Contact } from './workload';

const built = require('../../dist/nodes/Convirza/Convirza.node.js') as { Convirza: new () => INodeType };

export interface NodeRunResult {
	ok: number;
	failed: number;
	/** 'success' | 'error' | ..., as n8n records the execution */
	status: string;
	/** the Convirza node's own execution time as n8n records it, ms */
	nodeMs: number;
	/** held so the retained-heap measurement sees the outputs */
	run: RunResult;
}

export async function runNode(
	sim: SimHandle,
	/** contacts, or the items of auto-map.ts */
	items: readonly Contact[] | readonly object[],
	parameters: INodeParameters,
	/** another implementation under the node's name (the floor, floor-node.ts) */
	nodeType: INodeType = new built.Convirza(),
): Promise<NodeRunResult> {
	// tokenCredential() reads only these two fields of the simulator.
	const target = { baseUrl: sim.baseUrl, tokens: { admin: sim.token } } as unknown as ConvirzaSimulator;
	const run = await runConvirza(target, {
		items: items as unknown as object[],
		parameters,
		nodeType,
	});
	const output = run.output(CONVIRZA);
	const ok = output.filter((item) => item.json.code === 200).length;
	return {
		ok,
		failed: items.length - ok,
		status: run.status,
		nodeMs: run.runData[CONVIRZA]?.[0]?.executionTime ?? NaN,
		run,
	};
}
