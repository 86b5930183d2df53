/**
 * The targets of issue 24, judged on the scale rows of one run (scale.ts): long runs cost per item
 * what short ones do, the node's CPU per item at the longest run stays at n8n's floor, Create or
 * Update on partial records costs one request per record plus the listing, and the memory a run
 * keeps per item does not grow with its length.
 */
import { fixed, type Row, type Target } from './report';
import { SCALE_SCENARIOS, scaleId, type ScaleScenario } from './scale';

const s = (r: Row): string => `${fixed(r.wallMs / 1000, 1)} s`;
const rates = (r: Row): string => `${fixed(r.sim.writeRate.start, 0)} → ${fixed(r.sim.writeRate.end, 0)} items/s`;
const allOk = (...rows: Row[]): boolean => rows.every((r) => r.ok === r.items);

/** 1.15× up to 20,000 items (ten times the base), 1.2× beyond (fifty times), as the issue sets them. */
const linearLimit = (items: number): number => (items <= 20_000 ? 1.15 : 1.2);

export function evaluateScaleTargets(rows: readonly Row[], base: number, lengths: readonly number[]): Target[] {
	const row = (items: number, scenario: ScaleScenario): Row | undefined => rows.find((r) => r.id === scaleId(items, scenario));
	const targets: Target[] = [];
	const add = (name: string, pass: boolean | undefined, detail: string): void => void targets.push({ name, pass, detail });

	for (const items of lengths) {
		const times = items / base;
		for (const scenario of SCALE_SCENARIOS.filter((x) => x !== 'floor')) {
			const name = `${items} items ${scenario} within ${linearLimit(items)}× of ${times} × its ${base}-item time`;
			const small = row(base, scenario);
			const large = row(items, scenario);
			if (!small || !large) {
				add(name, undefined, 'scenario missing');
				continue;
			}
			const ratio = large.wallMs / (times * small.wallMs);
			const floorSmall = row(base, 'floor');
			const floorLarge = row(items, 'floor');
			const floor = floorSmall && floorLarge ? `; n8n floor ${fixed(floorLarge.wallMs / (times * floorSmall.wallMs), 2)}×` : '';
			add(name, ratio <= linearLimit(items) && allOk(small, large),
				`${fixed(ratio, 2)}× (${s(large)} vs ${times} × ${s(small)}; ${rates(large)})${floor}`);
		}
	}

	const longest = Math.max(base, ...lengths);
	const node = row(longest, 'by ID');
	const floor = row(longest, 'floor');
	const cpuName = `${longest} items: node CPU per item ≤ 1.1× the n8n floor's (Map Automatically by ID)`;
	if (node && floor) {
		const ratio = node.cpuMsPerItem / floor.cpuMsPerItem;
		add(cpuName, ratio <= 1.1, `${fixed(ratio, 2)}× (${fixed(node.cpuMsPerItem, 3)} vs ${fixed(floor.cpuMsPerItem, 3)} ms/item)`);
	} else add(cpuName, undefined, 'scenario missing');

	for (const items of [base, ...lengths]) {
		const upsert = row(items, 'upsert partial');
		const byId = row(items, 'by ID');
		const budget = items + Math.ceil(items / 200) + 1;
		const name = `${items} partial records, Create or Update in one request: ≤ ${budget} requests, within 1.15× of update by ID`;
		if (!upsert || !byId) {
			add(name, undefined, 'scenario missing');
			continue;
		}
		const ratio = upsert.wallMs / byId.wallMs;
		add(name, upsert.sim.requests <= budget && ratio <= 1.15 && allOk(upsert),
			`${upsert.sim.requests} requests (${upsert.sim.statuses['200'] ?? 0} answered 200); ${fixed(ratio, 2)}× (${s(upsert)} vs ${s(byId)} by ID)`);
	}

	const small = row(base, 'by ID');
	const perItem = (r: Row): number => r.retainedKbPerItem ?? r.peakHeapDeltaKbPerItem;
	for (const items of lengths) {
		const large = row(items, 'by ID');
		const name = `memory kept per item flat from ${base} to ${items} items (by ID, ≤ 1.2×)`;
		if (small && large) {
			add(name, perItem(large) / perItem(small) <= 1.2,
				`${fixed(perItem(small), 2)} vs ${fixed(perItem(large), 2)} KB/item; peak heap ${fixed(small.peakHeapMb, 0)} vs ${fixed(large.peakHeapMb, 0)} MB`);
		} else add(name, undefined, 'scenario missing');
	}
	return targets;
}
