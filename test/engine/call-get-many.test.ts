/**
 * Call → Get Many and Get through n8n's real engine against the simulator's 5,000 calls: ranges of
 * any length read 31 days at a time (95 days → 4 windows, a call on a seam once), every page of 200,
 * sorting by the node, Limit stopping at a window, each filter sent as Convirza names it (caller
 * numbers in national forms normalised to E.164), refusals before any request, one output item per
 * call linked to its input item.
 */
import { startSimulator, KNOWN_CALLERS, type ConvirzaSimulator } from '../simulator';
import { errorOf, FAST_RETRIES, groupBy, groupFromList, jsonOf, pairedOf, runOperation, toErrorOutput } from '../kit';

const NOW = Date.parse('2026-04-01T12:00:00.000Z');
const DAY = 24 * 3600 * 1000;
const CALLS = '/v3/conversations/calls';
const iso = (ms: number) => new Date(ms).toISOString();

let sim: ConvirzaSimulator;
beforeAll(async () => {
	sim = await startSimulator({ now: NOW });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.clearLog();
	sim.clearFaults();
});

const lists = () => sim.requests('GET', CALLS).map((r) => r.query);
const startOf = (call: Record<string, unknown>) => Date.parse(call.call_started as string);
const getMany = (parameters: object, extra: object = {}) =>
	runOperation(sim, 'call', 'getAll', { parameters: { options: FAST_RETRIES, ...parameters }, ...extra });
/** The calls the simulator holds in the caller's scope whose start is in [from, to]. */
const expectedIds = (from: number, to: number, where: (c: Record<string, unknown>) => boolean = () => true) =>
	sim.calls().filter((c) => c.org_unit_id !== 90001 && c.call_ended !== null && startOf(c) >= from && startOf(c) <= to && where(c)).map((c) => c.call_id);

describe('Call → Get Many: ranges and paging', () => {
	it('95 days, Return All: 4 windows, every page, each call once, newest first, linked to the item', async () => {
		const from = NOW - 95 * DAY;
		const run = await getMany({ returnAll: true, filters: { start: iso(from), end: iso(NOW) } });
		expect(run.status).toBe('success');
		const windows = [...new Set(lists().map((q) => `${q.start}/${q.end}`))];
		// Newest first: the newest window is read first.
		expect(windows).toEqual([
			`${iso(from + 93 * DAY)}/${iso(NOW)}`,
			`${iso(from + 62 * DAY)}/${iso(from + 93 * DAY)}`,
			`${iso(from + 31 * DAY)}/${iso(from + 62 * DAY)}`,
			`${iso(from)}/${iso(from + 31 * DAY)}`,
		]);
		expect(lists().every((q) => q.limit === '200')).toBe(true);
		const ids = jsonOf(run.items).map((c) => c.call_id);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(expectedIds(from, NOW).sort());
		const starts = jsonOf(run.items).map(startOf);
		expect(starts).toEqual([...starts].sort((a, b) => b - a));
		expect(new Set(pairedOf(run.items).map((p) => JSON.stringify(p)))).toEqual(new Set(['{"item":0}']));
	});

	it('a call exactly on a seam comes out once, though both windows list it', async () => {
		const from = NOW - 40 * DAY;
		const seam = sim.addCall({ started: from + 31 * DAY, caller_id: '+14255550188' });
		const run = await getMany({ returnAll: true, filters: { start: iso(from), end: iso(NOW), callerNumber: '+14255550188' } });
		expect(lists()).toHaveLength(2);
		expect(jsonOf(run.items).map((c) => c.call_id)).toEqual([seam.call_id]);
	});

	it('Oldest First; no range: Convirza\'s default window, no start or end sent', async () => {
		const run = await getMany({ returnAll: true, sort: 'oldest' });
		expect(lists()[0]).not.toHaveProperty('start');
		expect(lists()[0]).not.toHaveProperty('end');
		const starts = jsonOf(run.items).map(startOf);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		expect(starts.length).toBe(expectedIds(NOW - 7 * DAY, NOW).length);
	});

	it('Limit stops after the newest window that brings enough calls: the newest calls of the range', async () => {
		const from = NOW - 95 * DAY;
		const run = await getMany({ limit: 10, filters: { start: iso(from), end: iso(NOW) } });
		expect(new Set(lists().map((q) => q.start))).toEqual(new Set([iso(from + 93 * DAY)]));
		const newest = sim.calls().filter((c) => c.org_unit_id !== 90001).map((c) => c.call_id).slice(-10).reverse();
		expect(jsonOf(run.items).map((c) => c.call_id)).toEqual(newest);
	});

	it('Start only: up to now; End only: the 7 days before it', async () => {
		const before = Date.now();
		await getMany({ limit: 1, filters: { start: iso(before - 3 * DAY) } });
		const end = Date.parse(lists().at(-1)!.end);
		expect(end).toBeGreaterThanOrEqual(before);
		expect(end).toBeLessThanOrEqual(Date.now());
		sim.clearLog();
		await getMany({ limit: 1, filters: { end: iso(NOW - 3 * DAY) } });
		expect(lists()[0]).toMatchObject({ start: iso(NOW - 10 * DAY), end: iso(NOW - 3 * DAY) });
	});

	it('the picker\'s text is read in the workflow\'s time zone', async () => {
		await getMany({ limit: 1, filters: { start: '2026-03-30T00:00:00', end: '2026-03-31T00:00:00' } });
		// The harness's workflows run in n8n's default zone, America/New_York.
		expect(lists()[0]).toMatchObject({ start: '2026-03-30T04:00:00.000Z', end: '2026-03-31T04:00:00.000Z' });
	});

	it('a 500 on page 2 is retried; nothing lost, nothing twice', async () => {
		sim.injectAfter('GET', CALLS, 1, { status: 500 });
		const run = await getMany({ returnAll: true, filters: { start: iso(NOW - 20 * DAY), end: iso(NOW) } });
		expect(sim.requests('GET', CALLS).map((r) => [r.query.offset, r.status]).slice(0, 3)).toEqual([['0', 200], ['200', 500], ['200', 200]]);
		expect(jsonOf(run.items)).toHaveLength(expectedIds(NOW - 20 * DAY, NOW).length);
	});
});

describe('Call → Get Many: filters', () => {
	const window = { start: iso(NOW - 90 * DAY), end: iso(NOW) };
	it.each([
		['(206) 555-0123', '1'],
		['206.555.0123', '1'],
		['+1 206-555-0123', '49'],
		['001 206 555 0123', '44'],
	])('Caller Number %s (Default Country Code %s) → +12065550123, the contact\'s calls', async (written, country) => {
		const run = await getMany({ returnAll: true, filters: { ...window, callerNumber: written }, options: { ...FAST_RETRIES, defaultCountryCode: country } });
		expect(new Set(lists().map((q) => q.caller_id))).toEqual(new Set([KNOWN_CALLERS[0].number]));
		expect(jsonOf(run.items).map((c) => c.call_id)).toHaveLength(10);
	});

	it('a national London number with Default Country Code 44', async () => {
		const run = await getMany({ returnAll: true, filters: { ...window, callerNumber: '020 7946 0123' }, options: { ...FAST_RETRIES, defaultCountryCode: '44' } });
		expect(lists()[0].caller_id).toBe('+442079460123');
		expect(jsonOf(run.items).every((c) => c.caller_id === '+442079460123')).toBe(true);
		expect(run.items.length).toBeGreaterThan(3);
	});

	it('every filter as Convirza names it; Include passed on', async () => {
		const run = await getMany({
			limit: 5,
			filters: {
				start: iso(NOW - 30 * DAY), end: iso(NOW), group: groupFromList(65000), trackingNumber: '(800) 555-0101',
				ringTo: '206 555 0100', disposition: ['ANSWERED', 'VOICEMAIL'], campaignId: 3001, callFlowId: 4101,
			},
			include: ['tags', 'recordings'],
		});
		expect(lists()[0]).toEqual({
			start: iso(NOW - 30 * DAY), end: iso(NOW), org_unit_id: '65000', phone_number: '+18005550101', ring_to: '+12065550100',
			disposition: 'ANSWERED,VOICEMAIL', campaign_id: '3001', provisioned_route_id: '4101', include: 'tags,recordings', limit: '200', offset: '0',
		});
		expect(run.items.length).toBe(5);
		expect(jsonOf(run.items).every((c) => 'tags' in c && 'recording_details' in c && c.provisioned_route_id === 4101)).toBe(true);
	});

	it('bad input fails the item before any request, naming the parameter; other items go on', async () => {
		const run = await runOperation(sim, 'call', 'getAll', {
			items: [{ phone: 'call me' }, { phone: '(206) 555-0123' }],
			parameters: { limit: 1, filters: { ...window, callerNumber: '={{ $json.phone }}' } },
			settings: toErrorOutput,
		});
		expect(errorOf(run.errors[0]).error).toMatch(/^The "Caller Number" parameter/);
		expect(run.errors[0].pairedItem).toEqual({ item: 0 });
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
		expect(lists()).toHaveLength(1);
		sim.clearLog();
		const backwards = await getMany({ limit: 1, filters: { start: iso(NOW), end: iso(NOW - DAY) } }, { settings: toErrorOutput });
		expect(errorOf(backwards.errors[0]).error).toMatch(/^The "End" parameter must be after Start/);
		expect(lists()).toEqual([]);
	});

	it('a group out of scope: Convirza\'s 403, explained', async () => {
		const run = await getMany({ limit: 1, filters: { group: groupFromList(90001) } }, { settings: toErrorOutput });
		const error = errorOf(run.errors[0]);
		expect(error.error).toBe('Convirza error 403: Org unit is outside your scope');
		expect(error.message).toMatch(/outside your user's scope/);
	});

	it('a group by External ID: one walk of the hierarchy for every item, each item its own listing', async () => {
		const items = [{ team: 'GRP-70036' }, { team: 'GRP-70035' }, { team: 'GRP-70036' }];
		const run = await getMany({ limit: 1, filters: { group: groupBy('externalId', '={{ $json.team }}') } }, { items });
		expect(run.errors).toEqual([]);
		expect(lists().map((q) => q.org_unit_id)).toEqual(['70036', '70035', '70036']);
		expect(sim.requests('GET', '/v3/groups/60001')).toHaveLength(1);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a group name that matches no group fails its item naming it, and lists no call', async () => {
		const run = await getMany({ limit: 1, filters: { group: groupBy('name', 'Nowhere Team') } }, { settings: toErrorOutput });
		expect(errorOf(run.errors[0]).error).toBe('No Convirza group is named "Nowhere Team" (item 0)');
		expect(lists()).toEqual([]);
	});

	it('rows whose shape the node cannot read fail the item naming what came, never an empty list', async () => {
		sim.setCallShape({ startKey: 'start_time', listKey: 'rows' });
		const fine = await getMany({ limit: 3 });
		expect(fine.items).toHaveLength(3);
		sim.inject('GET', CALLS, { status: 200, body: { code: 200, message: 'Success', data: { items: [], more: [] } } });
		const run = await getMany({ limit: 3 }, { settings: toErrorOutput });
		expect(errorOf(run.errors[0]).error).toBe("Convirza's answer has no list of calls in a shape the node cannot read: it got an object with the keys items, more");
		sim.setCallShape({ startKey: 'call_started', listKey: 'calls' });
	});
});

describe('Call → Get', () => {
	it('one call by ID with Include; each input item its own call', async () => {
		const [a, b] = sim.calls().filter((c) => c.org_unit_id === 70035).slice(0, 2);
		const run = await runOperation(sim, 'call', 'get', {
			items: [{ id: a.call_id }, { id: b.call_id }],
			parameters: { callId: '={{ $json.id }}', include: ['transcription', 'call_flow'] },
		});
		expect(jsonOf(run.items).map((c) => c.call_id)).toEqual([a.call_id, b.call_id]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(run.items[0].json).toHaveProperty('call_flow');
		expect(lists()[0]).toEqual({ call_id: String(a.call_id), include: 'transcription,call_flow', limit: '1' });
	});

	it('an unknown ID fails its item', async () => {
		const run = await runOperation(sim, 'call', 'get', { parameters: { callId: '42' }, settings: toErrorOutput });
		expect(errorOf(run.errors[0])).toMatchObject({ error: 'No Convirza call has the ID 42' });
	});
});
