/** The targets of issue 6, judged on the rows of one run (ratios within that run). */
import { fixed, type Row, type Target } from './report';

/** The time target is for 2,000 items; other BENCH_ITEMS scale it. */
const AUTO_SECONDS_PER_2000 = 3;

/**
 * What the minimal n8n node (floor-node.ts) reached on the same measure: the part of a target that
 * n8n's engine, expressions and request helper take before the node does anything.
 */
function floorNote(rows: readonly Row[], ids: readonly [string, string], show: (row: Row) => string): string {
	const [withExpressions, without] = ids.map((id) => rows.find((r) => r.id === id));
	if (!withExpressions || !without) return '';
	return `; n8n floor (minimal node): ${show(withExpressions)} with the 14 expressions, ${show(without)} with none`;
}

export function evaluateTargets(rows: readonly Row[], counts: { items: number; large: number }): Target[] {
	const row = (id: string): Row | undefined => rows.find((r) => r.id === id);
	const targets: Target[] = [];
	const add = (name: string, pass: boolean, detail: string): void => void targets.push({ name, pass, detail });
	const missing = (name: string): void => add(name, false, 'scenario missing');

	const incomplete = rows.filter((r) => r.ok !== r.items && r.client !== 'raw');
	add(
		'every node scenario updates every item',
		incomplete.length === 0,
		incomplete.length === 0
			? `${rows.filter((r) => r.client !== 'raw').length} node and floor scenarios, every item answered 200`
			: incomplete.map((r) => `${r.id}: ${r.ok}/${r.items}`).join(', '),
	);

	const limitS = (AUTO_SECONDS_PER_2000 * counts.items) / 2000;
	const auto20 = row('lat20 node Auto');
	if (auto20) {
		add(`20 ms: Auto ≤ ${fixed(limitS, 1)} s`, auto20.wallMs <= limitS * 1000 && auto20.ok === auto20.items,
			`${fixed(auto20.wallMs / 1000, 2)} s (node alone ${fixed((auto20.nodeMs ?? NaN) / 1000, 2)} s)` +
			floorNote(rows, ['lat20 floor 14 expr C32', 'lat20 floor 0 expr C32'], (r) => `${fixed(r.wallMs / 1000, 2)} s`));
	} else missing('20 ms: Auto');

	for (const [concurrency, limit] of [[10, 1.3], [1, 1.2]] as const) {
		const r = row(`lat20 node C${concurrency}`);
		if (!r || r.ratio === undefined) {
			missing(`20 ms: Concurrency ${concurrency}`);
			continue;
		}
		add(`20 ms: Concurrency ${concurrency} ≤ ${limit}x raw undici at ${concurrency} in flight`,
			r.ratio <= limit, `${fixed(r.ratio, 3)}x (${fixed(r.wallMs / 1000, 2)} s vs raw)` +
			(concurrency === 10 ? floorNote(rows, ['lat20 floor 14 expr C10', 'lat20 floor 0 expr C10'], (f) => `${fixed(f.ratio, 3)}x`) : ''));
	}

	const zero = ['lat0 node C1', 'lat0 node C10', 'lat0 node Auto'].map(row).filter((r): r is Row => r !== undefined);
	if (zero.length === 3) {
		const worst = Math.max(...zero.map((r) => r.overheadMsPerItem ?? Infinity));
		add('0 ms: node CPU overhead ≤ 1 ms/item', worst <= 1,
			zero.map((r) => `${r.concurrency}: ${fixed(r.overheadMsPerItem, 3)} (node ${fixed(r.cpuMsPerItem, 3)} − raw ${fixed(r.cpuMsPerItem - (r.overheadMsPerItem ?? 0), 3)})`).join('; ') +
			floorNote(rows, ['lat0 floor 14 expr C10', 'lat0 floor 0 expr C10'], (f) => `+${fixed(f.overheadMsPerItem, 3)} ms/item`));
	} else missing('0 ms: node CPU overhead');

	const throttled = row('lat20 node Auto 429');
	if (throttled && auto20) {
		const hits = throttled.sim.statuses['429'] ?? 0;
		const reduced = throttled.sim.meanBusyInFlight < auto20.sim.meanBusyInFlight;
		add('429s: Auto reduces in-flight and fails no item',
			hits > 0 && reduced && throttled.ok === throttled.items && throttled.failed === 0,
			`${throttled.ok}/${throttled.items} ok after ${hits} 429s; in-flight mean ${fixed(throttled.sim.meanBusyInFlight, 1)} ` +
			`(max ${throttled.sim.maxInFlight}) vs ${fixed(auto20.sim.meanBusyInFlight, 1)} (max ${auto20.sim.maxInFlight}) without 429s; ` +
			`${fixed(throttled.wallMs / 1000, 2)} s`);
	} else missing('429s');

	if (counts.large > 0) {
		const small = row('lat0 node Auto');
		const large = row(`lat0 node Auto ${counts.large}`);
		if (small && large) {
			const perItem = (r: Row): number => r.retainedKbPerItem ?? r.peakHeapDeltaKbPerItem;
			const growth = perItem(large) / perItem(small);
			add(`memory grows only with output items (${counts.items} vs ${counts.large})`, growth <= 1.5,
				`kept ${fixed(small.retainedKbPerItem, 2)} vs ${fixed(large.retainedKbPerItem, 2)} KB/item; ` +
				`peak heap ${fixed(small.peakHeapDeltaKbPerItem, 1)} vs ${fixed(large.peakHeapDeltaKbPerItem, 1)} KB/item ` +
				`(${fixed(small.peakHeapMb, 0)} vs ${fixed(large.peakHeapMb, 0)} MB)`);
		} else missing('memory');
	}
	return targets;
}
