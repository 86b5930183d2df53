/**
 * Convirza Trigger → New Call over large and long reads, through n8n's poll machinery: 10,000 calls in
 * one window, a 40-day gap read in 31-day windows, a poll budget that stops a read and the next poll
 * resuming it, the look back's edge, the filters sent, and Fetch Test Event.
 */
import { CALLS, DAY, MINUTE, fetchTestEvent, idsOf, newTrigger, activated, useTriggerTestBed } from './convirzaTrigger';
import { groupBy, groupFromList } from '../kit/runs';
import type { PollTrigger } from '../harness';
import { startSimulator } from '../simulator';

const bed = useTriggerTestBed(300);

/** `count` ended calls `gapMs` apart from `from` on, oldest first; IDs fall as start rises (Convirza's order ≠ time). */
function endedCalls(count: number, from: number, gapMs = 1000): number[] {
	const ids = Array.from({ length: count }, (_, i) => bed.sim.addCall({ call_id: 900_000 + i, started: from + (count - 1 - i) * gapMs, duration: 30 }).call_id);
	return ids.reverse();
}

const seenCount = (trigger: PollTrigger) => Object.keys((trigger.state.calls as { seen: object }).seen).length;

it('emits 10,000 calls of one window in one poll, each once, oldest first; memory shrinks once they leave the look back', async () => {
	// A simulator whose fixture fills the day after the activation: its clock runs a day ahead
	const busy = await startSimulator({ calls: 10_834, callDays: 1, now: bed.clock.now + DAY });
	try {
		const activation = bed.clock.now;
		const trigger = await activated(newTrigger(busy));
		const visible = busy.calls().filter((call) => call.org_unit_id !== 90_001 && Date.parse(String(call.call_started)) >= activation);
		const ids = visible.map((call) => call.call_id);
		expect(ids.length).toBeGreaterThanOrEqual(10_000);
		bed.clock.advance(DAY + MINUTE);
		busy.setNow(bed.clock.now);
		const tick = await trigger.tick();
		expect(tick.error).toBeUndefined();
		expect(idsOf(tick.items)).toEqual(ids);
		expect(busy.requests('GET', CALLS).filter((r) => r.query.limit === '200').length).toBe(Math.ceil(ids.length / 200));
		// only the IDs the next read can list again are kept: those of the last two hours (the look back)
		const lookBackFrom = bed.clock.now - 2 * 60 * MINUTE;
		expect(seenCount(trigger)).toBe(visible.filter((call) => Date.parse(String(call.call_started)) >= lookBackFrom).length);
		bed.clock.advance(MINUTE);
		busy.setNow(bed.clock.now);
		expect((await trigger.tick()).items).toEqual([]);
		bed.clock.advance(2 * 60 * MINUTE);
		busy.setNow(bed.clock.now);
		expect((await trigger.tick()).items).toEqual([]);
		expect(seenCount(trigger)).toBe(0);
	} finally {
		await busy.close();
	}
});

it('reads a 40-day gap (n8n was off) in 31-day windows and emits each call in it once, oldest first', async () => {
	const trigger = await activated(newTrigger(bed.sim));
	const start = bed.clock.now;
	const days = [0.5, 12, 30.99, 31.01, 38, 39.9];
	const ids = days.map((day) => bed.sim.addCall({ started: start + day * DAY, duration: 60 }).call_id);
	bed.clock.advance(40 * DAY);
	bed.sim.clearLog();
	const tick = await trigger.tick();
	expect(idsOf(tick.items)).toEqual(ids);
	const windows = bed.sim.requests('GET', CALLS).map((r) => ({ start: Date.parse(r.query.start), end: Date.parse(r.query.end) }));
	expect(windows).toEqual([
		{ start, end: start + 31 * DAY },
		{ start: start + 31 * DAY, end: start + 40 * DAY },
	]);
	bed.clock.advance(MINUTE);
	expect((await trigger.tick()).items).toEqual([]);
});

it('stops where the poll budget runs out and the next polls resume the read without loss or repeat', async () => {
	const trigger = await activated(newTrigger(bed.sim, { budgetMs: 0 }));
	const ids = endedCalls(450, bed.clock.now + 1_000, 100);
	const polls: number[][] = [];
	for (let i = 0; i < 4; i++) {
		bed.clock.advance(MINUTE);
		const { items, error } = await trigger.tick();
		expect(error).toBeUndefined();
		polls.push(idsOf(items) as number[]);
	}
	// a budget of 0 lets each poll read one page: 200, 200, 50, then nothing
	expect(polls.map((poll) => poll.length)).toEqual([200, 200, 50, 0]);
	const emitted = polls.flat();
	expect([...emitted].sort()).toEqual([...ids].sort());
	for (const poll of polls) expect(poll).toEqual(ids.filter((id) => poll.includes(id)));
});

it('reads the whole range in one poll where n8n gives no budget (n8n 1.x)', async () => {
	const trigger = await activated(newTrigger(bed.sim, { engine: 'n8n1' }));
	const ids = endedCalls(450, bed.clock.now + 1_000, 100);
	bed.clock.advance(MINUTE);
	expect(idsOf((await trigger.tick()).items)).toEqual(ids);
});

it('emits a call that ends at the look back edge, misses one that lasts longer, and forgets IDs the look back has passed', async () => {
	const trigger = await activated(newTrigger(bed.sim, { parameters: { options: { lookBackMinutes: 10 } } }));
	const started = bed.clock.now + MINUTE;
	const atEdge = bed.sim.addCall({ started, inProgress: true }).call_id;
	const beyond = bed.sim.addCall({ started, inProgress: true }).call_id;
	const emitted: number[] = [];
	for (let minute = 1; minute <= 20; minute++) {
		bed.clock.advance(MINUTE);
		// a poll at minute m reads from m - 11 (the last poll's end, minus 10 minutes): minute 12 reads from 1
		if (minute === 12) bed.sim.endCall(atEdge, bed.clock.now - 30_000);
		if (minute === 13) bed.sim.endCall(beyond, bed.clock.now - 30_000);
		emitted.push(...(idsOf((await trigger.tick()).items) as number[]));
	}
	expect(emitted).toEqual([atEdge]);
	expect(seenCount(trigger)).toBe(0);
});

it('sends the filters of Call → Get Many: group, tracking number in E.164, dispositions, include', async () => {
	const parameters = {
		filters: { group: groupFromList(70035), trackingNumber: '(800) 555-0101', disposition: ['ANSWERED', 'VOICEMAIL'] },
		include: ['recordings', 'tags'],
	};
	const trigger = await activated(newTrigger(bed.sim, { parameters }));
	const call = bed.sim.addCall({ started: bed.clock.now + 1_000, provisioned_route_id: 4101, disposition: 'VOICEMAIL' }).call_id;
	bed.sim.addCall({ started: bed.clock.now + 2_000, provisioned_route_id: 4102 });
	bed.clock.advance(MINUTE);
	const tick = await trigger.tick();
	expect(idsOf(tick.items)).toEqual([call]);
	expect(tick.items[0]).toHaveProperty('tags');
	for (const request of bed.sim.requests('GET', CALLS)) {
		expect(request.query).toMatchObject({ org_unit_id: '70035', phone_number: '+18005550101', disposition: 'ANSWERED,VOICEMAIL', include: 'recordings,tags' });
	}
});

it('takes the Group by path or External ID, looked up in the hierarchy on every poll', async () => {
	for (const group of [groupBy('name', 'West Region / Support Team'), groupBy('externalId', 'GRP-70036')]) {
		bed.sim.clearLog();
		const trigger = await activated(newTrigger(bed.sim, { parameters: { filters: { group } } }));
		bed.clock.advance(MINUTE);
		await trigger.tick();
		const calls = bed.sim.requests('GET', CALLS);
		expect(calls.length).toBeGreaterThanOrEqual(2);
		for (const request of calls) expect(request.query.org_unit_id).toBe('70036');
		// the activation and the poll each looked it up: a renamed or moved group is followed
		if (group.mode === 'name') expect(bed.sim.requests('GET', '/v3/groups/tree')).toHaveLength(4);
	}
});

it('fails the activation naming the group when no group has that name, and reads no call', async () => {
	const trigger = newTrigger(bed.sim, { parameters: { filters: { group: groupBy('name', 'Nowhere Team') } } });
	const { error } = await trigger.activate();
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toBe('No Convirza group is named "Nowhere Team"');
	expect(bed.sim.requests('GET', CALLS)).toEqual([]);
});

it('fails the activation with the parameter named when a filter cannot be read, before any request', async () => {
	const trigger = newTrigger(bed.sim, { parameters: { filters: { trackingNumber: 'call me' } } });
	const { error } = await trigger.activate();
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toMatch(/Tracking Number/);
	expect(bed.sim.requests('GET', CALLS)).toEqual([]);
});

describe('Fetch Test Event', () => {
	it('returns the newest call, however old, and leaves the static data as it was', async () => {
		const trigger = await activated(newTrigger(bed.sim));
		endedCalls(3, bed.clock.now + 1_000);
		bed.clock.advance(MINUTE);
		await trigger.tick();
		const staticData = JSON.parse(trigger.stored).staticData;
		const before = JSON.stringify(staticData);
		const newest = bed.sim.calls().at(-1)?.call_id;
		bed.clock.advance(3 * DAY);
		const { run, items } = await fetchTestEvent(bed.sim, {}, staticData);
		expect(run.status).toBe('success');
		expect(idsOf(items)).toEqual([newest]);
		expect(JSON.stringify(staticData)).toBe(before);
		// widening from an hour to a day, then a week, where the newest call is
		expect(bed.sim.requests('GET', CALLS).slice(-3).map((r) => Date.parse(r.query.end) - Date.parse(r.query.start))).toEqual([60 * MINUTE, DAY, 7 * DAY]);
	});

	it('says so when no call in the last 31 days matches the filters', async () => {
		bed.clock.advance(100 * DAY);
		const { run } = await fetchTestEvent(bed.sim, {});
		expect(run.status).toBe('error');
		expect(run.nodeError('Convirza Trigger')?.message).toBe('No call in the last 31 days matches the filters');
	});
});
