/**
 * Issue 24's rows: long runs at 20 ms, Auto, Map Automatically, against an account of as many users
 * as items (a simulator of that size for each run length, as in the issue): updates by ID, by
 * External ID, Create or Update on Email with partial records in one-request mode (PATCH), and n8n's
 * floor (no expression, 32 in flight). The base length (BENCH_ITEMS, 2,000) runs in BENCH_REPEAT
 * rounds, the long ones (BENCH_SCALE_ITEMS: 20,000 by default, `20000,100000` for the big rows) once.
 * In every account the by-ID row runs first and sets the External IDs and emails the next rows find.
 */
import type { INodeParameters } from 'n8n-workflow';

import { AUTO_MAP } from './auto-map';
import type { Row } from './report';
import type { Spec } from './scenarios';
import { startSimProcess, type SimHandle } from './sim-client';
import type { Contact } from './workload';

export type ScaleScenario = 'floor' | 'by ID' | 'by External ID' | 'upsert partial';

export const SCALE_SCENARIOS: readonly ScaleScenario[] = ['floor', 'by ID', 'by External ID', 'upsert partial'];

export const scaleId = (items: number, scenario: ScaleScenario): string => `lat20 scale ${items} ${scenario}`;

const NOTES: Record<ScaleScenario, string> = {
	floor: 'scale: n8n floor, the body from the input item, 32 in flight',
	'by ID': 'scale: Map Automatically, the user by ct_user_id',
	'by External ID': 'scale: Map Automatically, the user by External ID (one listing of the account)',
	'upsert partial': 'scale: Create or Update on Email, 6 fields per record, Update in One Request (PATCH)',
};

export function scaleSpecs(items: number, once: boolean): Spec[] {
	return SCALE_SCENARIOS.map((scenario): Spec => ({
		id: scaleId(items, scenario),
		latencyMs: 20,
		items,
		once,
		note: NOTES[scenario],
		baseline: 'lat20 raw 10',
		cpuOnly: true,
		concurrency: scenario === 'floor' ? 32 : 0,
		...(scenario === 'floor'
			? { client: 'floor', floor: 'item' }
			: scenario === 'upsert partial'
				? { client: 'node', mapping: 'upsertPartial' }
				: { client: 'node', mapping: 'auto', lookup: scenario === 'by ID' ? 'id' : 'externalId' }),
	}));
}

/** A partial CRM record: the 5 fields Create needs and the External ID, keyed as Convirza names them. */
export function partialRecord(contact: Contact): Record<string, unknown> {
	const { username, first_name, last_name, role, ct_user_ou_id } = AUTO_MAP.item(contact, 'id');
	return { username, first_name, last_name, role, ct_user_ou_id, user_ext_id: `BENCH-${contact.id}` };
}

export function upsertPartialParameters(concurrency: number): INodeParameters {
	return {
		operation: 'upsert',
		matchOn: 'email',
		mappingMode: 'autoMapInputData',
		options: { concurrency, updateInOneRequest: true },
	};
}

/** Runs the rows of every run length, each length against a fresh account of its size. */
export async function runScaleRows(
	lengths: readonly number[],
	base: number,
	runGroup: (sim: SimHandle, group: readonly Spec[]) => Promise<Row[]>,
): Promise<Row[]> {
	const rows: Row[] = [];
	for (const items of [base, ...lengths]) {
		const sim = await startSimProcess({ latencyMs: 20, users: items });
		try {
			rows.push(...(await runGroup(sim, scaleSpecs(items, items !== base))));
		} finally {
			await sim.close();
		}
	}
	return rows;
}
