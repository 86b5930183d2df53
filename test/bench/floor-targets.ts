/**
 * The targets of issue 13, judged on the rows of one run (ratios within that run; for repeated rows
 * the median of the per-round ratios, see `paired`), each printed with n8n's floor (floor-node.ts)
 * beside it: 2,000 PUTs of the full 13-field profile at 20 ms,
 * Fill Unset Fields off, on the bench's main engine. The "Map Automatically" rows exist once
 * auto-map.ts describes that mode; until then their targets print as not measured yet.
 */
import { fixed, type Row, type Target } from './report';
import { median } from './run-spec';

const s = (r: Row): string => `${fixed(r.wallMs / 1000, 2)} s`;
const ms = (r: Row): string => `${fixed(r.cpuMsPerItem, 3)} ms/item`;

/**
 * Compares two rows run by run when they ran in the same rounds (back to back, so a busy spell of
 * the machine slows both): the median of the per-round values, with their min–max. Otherwise the
 * medians are compared.
 */
function paired(a: Row, b: Row, per: (x: number, y: number) => number, runs: (r: Row) => number[], whole: number) {
	if (a.runs < 2 || a.runs !== b.runs) return { value: whole, spread: '' };
	const values = runs(a).map((x, k) => per(x, runs(b)[k]));
	return { value: median(values), spread: `, per round ${fixed(Math.min(...values), 2)}–${fixed(Math.max(...values), 2)}` };
}

const wallRatio = (a: Row, b: Row) => paired(a, b, (x, y) => x / y, (r) => r.wallMsRuns, a.wallMs / b.wallMs);
const cpuExtra = (a: Row, b: Row) => paired(a, b, (x, y) => x - y, (r) => r.cpuMsPerItemRuns, a.cpuMsPerItem - b.cpuMsPerItem);

export function evaluateFloorTargets(rows: readonly Row[], counts: { items: number; large: number }): Target[] {
	const row = (id: string): Row | undefined => rows.find((r) => r.id === id);
	const targets: Target[] = [];
	const add = (name: string, pass: boolean | undefined, detail: string): void => void targets.push({ name, pass, detail });

	const fields = row('lat20 node Auto');
	const auto = row('lat20 node Auto automap');
	const floor0 = row('lat20 floor 0 expr C32');
	const floor14 = row('lat20 floor 14 expr C32');
	const floorBeside = (f: Row | undefined, what: string): string =>
		f ? `floor ${what}: ${s(f)}, ${ms(f)}` : `floor ${what}: scenario missing`;

	const name1 = 'Map Automatically, Auto ≤ 1.25× the floor with no expression at 32 in flight';
	if (auto && floor0) {
		const { value, spread } = wallRatio(auto, floor0);
		add(name1, value <= 1.25 && auto.ok === auto.items, `${fixed(value, 2)}× (${s(auto)}${spread}); ${floorBeside(floor0, 'no expression, 32 in flight')}`);
	} else add(name1, undefined, floorBeside(floor0, 'no expression, 32 in flight'));

	const name2 = 'Map Automatically, Auto ≥ 3× faster than the same run mapping the fields by expression';
	const floorGain = floor0 && floor14 ? `; floor: ${fixed(wallRatio(floor14, floor0).value, 2)}× (${s(floor14)} with the 14 expressions vs ${s(floor0)} with none, 32 in flight)` : '';
	if (auto && fields) {
		const { value, spread } = wallRatio(fields, auto);
		add(name2, value >= 3 && auto.ok === auto.items, `${fixed(value, 2)}× (${s(fields)} by expression vs ${s(auto)}${spread})${floorGain}`);
	} else add(name2, undefined, `by expression: ${fields ? s(fields) : 'scenario missing'}${floorGain}`);

	for (const [node, inFlight] of [['C1', 1], ['C10', 10], ['Auto', 32]] as const) {
		const name = `Map Each Field Below (14 expressions), ${node === 'Auto' ? 'Auto' : `Concurrency ${inFlight}`} ≤ 1.1× the floor with the same expressions at ${inFlight} in flight`;
		const r = row(`lat20 node ${node}`);
		const f = row(`lat20 floor 14 expr C${inFlight}`);
		if (!r || !f) {
			add(name, false, 'scenario missing');
			continue;
		}
		const { value, spread } = wallRatio(r, f);
		add(name, value <= 1.1 && r.ok === r.items, `${fixed(value, 2)}× (${s(r)}, ${ms(r)}${spread}); ${floorBeside(f, `14 expressions, ${inFlight} in flight`)}`);
	}

	const name4 = 'Map Automatically, CPU per item ≤ floor with no expression + 0.3 ms';
	if (auto && floor0) {
		const { value, spread } = cpuExtra(auto, floor0);
		add(name4, value <= 0.3, `+${fixed(value, 3)} ms (${ms(auto)}${spread}); ${floorBeside(floor0, 'no expression, 32 in flight')}`);
	} else add(name4, undefined, floorBeside(floor0, 'no expression, 32 in flight'));

	if (counts.large > 0) {
		const name5 = `Map Automatically, memory per item flat from ${counts.items} to ${counts.large} items`;
		const small = row('lat0 node Auto automap');
		const large = row(`lat0 node Auto automap ${counts.large}`);
		if (small && large) {
			const perItem = (r: Row): number => r.retainedKbPerItem ?? r.peakHeapDeltaKbPerItem;
			add(name5, perItem(large) / perItem(small) <= 1.5,
				`kept ${fixed(small.retainedKbPerItem, 2)} vs ${fixed(large.retainedKbPerItem, 2)} KB/item (Map Each Field Below: see the memory target above)`);
		} else add(name5, undefined, 'Map Each Field Below: see the memory target above');
	}
	return targets;
}

/** Issue 12: updating 2,000 users found by External ID costs little more than by ID (same run, same rounds). */
export function evaluateLookupTargets(rows: readonly Row[], items: number): Target[] {
	const byId = rows.find((r) => r.id === 'lat20 node Auto automap by ID');
	const byExternalId = rows.find((r) => r.id === 'lat20 node Auto automap by External ID');
	const name = `${items} updates by External ID within 1.15× of the same updates by ID (20 ms, Auto, Map Automatically)`;
	if (!byId || !byExternalId) return [{ name, pass: undefined, detail: 'scenario missing' }];
	const { value, spread } = wallRatio(byExternalId, byId);
	const all = byId.ok === byId.items && byExternalId.ok === byExternalId.items;
	return [
		{
			name,
			pass: value <= 1.15 && all,
			detail: `${fixed(value, 2)}× (${s(byExternalId)} by External ID, ${byExternalId.sim.requests} requests, vs ${s(byId)} by ID${spread}); ${byExternalId.ok}/${byExternalId.items} succeeded`,
		},
	];
}
