/**
 * What one expression costs per item on each engine, derived from rows of the same run (0 ms,
 * 10 in flight, CPU per item): the floor with 14 expressions minus the floor with none, and the
 * node with 14 minus the node with 1; each divided by the expressions it saves.
 */
import { fixed, type Row } from './report';

export interface ExpressionCost {
	engine: string;
	/** (floor 14 expr − floor 0 expr) / 14, CPU ms per item */
	floorMsPerExpression?: number;
	/** (node 14 expr − node 1 expr) / 13, CPU ms per item */
	nodeMsPerExpression?: number;
}

export function expressionCosts(rows: readonly Row[], engines: readonly string[], mainEngine: string): ExpressionCost[] {
	return engines.map((engine) => {
		const suffix = engine === mainEngine ? '' : ` ${engine}`;
		const cpu = (id: string): number | undefined => rows.find((r) => r.id === `${id}${suffix}`)?.cpuMsPerItem;
		const per = (a: number | undefined, b: number | undefined, n: number): number | undefined =>
			a === undefined || b === undefined ? undefined : (a - b) / n;
		return {
			engine,
			floorMsPerExpression: per(cpu('lat0 floor 14 expr C10'), cpu('lat0 floor 0 expr C10'), 14),
			nodeMsPerExpression: per(cpu('lat0 node C10'), cpu('lat0 node C10 1 expr'), 13),
		};
	});
}

export function formatCosts(costs: readonly ExpressionCost[]): string {
	return costs
		.map((c) => `${c.engine}: one expression costs ${fixed(c.floorMsPerExpression, 3)} ms CPU per item in the floor ` +
			`((floor 14 expr − floor 0 expr) / 14), ${fixed(c.nodeMsPerExpression, 3)} ms in the node ((C10 − C10 1 expr) / 13)`)
		.join('\n');
}
