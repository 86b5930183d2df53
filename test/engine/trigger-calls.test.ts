/**
 * Convirza Trigger → New Call through n8n's poll machinery, on each engine (n8n 2.x durable, n8n 2.x
 * as installed, n8n 1.x without a poll budget), with static data stored as n8n stores it: each call
 * once, oldest first, across polls, late calls, failed polls, polls run twice and restarts.
 */
import { CALLS, ENGINES, MINUTE, idsOf, newTrigger, activated, useTriggerTestBed } from './convirzaTrigger';
import type { PollTrigger } from '../harness';

const bed = useTriggerTestBed(300);

/** A call that started at `startedAt` and has ended; its ID. */
const endedCall = (startedAt: number) => bed.sim.addCall({ started: startedAt, duration: 60 }).call_id;

/**
 * `count` ended calls, one a second from `from` on, oldest first; their IDs fall as their start
 * rises, so Convirza's order here (by ID) is newest first and only the trigger's sorting puts them right.
 */
function endedCalls(count: number, from: number): number[] {
	const ids = Array.from({ length: count }, (_, i) => bed.sim.addCall({ call_id: 900_000 + i, started: from + (count - 1 - i) * 1000, duration: 30 }).call_id);
	return ids.reverse();
}

/** Ticks a minute apart until one emits nothing; every ID emitted, in order. */
async function drain(trigger: PollTrigger, limit = 10): Promise<number[]> {
	const emitted: number[] = [];
	for (let i = 0; i < limit; i++) {
		bed.clock.advance(MINUTE);
		const { items, error } = await trigger.tick();
		expect(error).toBeUndefined();
		if (items.length === 0) return emitted;
		emitted.push(...(idsOf(items) as number[]));
	}
	throw new Error(`still emitting after ${limit} polls`);
}

describe.each(ENGINES)('on %s n8n', (engine) => {
	it('emits nothing from before the activation, then each new call once', async () => {
		const before = endedCall(bed.clock.now - 5 * MINUTE);
		const trigger = await activated(newTrigger(bed.sim, { engine }));
		bed.clock.advance(MINUTE);
		expect((await trigger.tick()).items).toEqual([]);
		const first = endedCall(bed.clock.now - 30_000);
		bed.clock.advance(MINUTE);
		const tick = await trigger.tick();
		expect(idsOf(tick.items)).toEqual([first]);
		expect(tick.items[0]).toMatchObject({ call_id: first, call_started: expect.any(String) });
		expect(await drain(trigger)).toEqual([]);
		expect(idsOf(tick.items)).not.toContain(before);
	});

	it('emits a call made between the activation and the first scheduled poll', async () => {
		const trigger = await activated(newTrigger(bed.sim, { engine }));
		const call = endedCall(bed.clock.now + 10_000);
		bed.clock.advance(MINUTE);
		expect(idsOf((await trigger.tick()).items)).toEqual([call]);
		expect(await drain(trigger)).toEqual([]);
	});

	it('emits a call that was in progress during a poll once it has ended, oldest first', async () => {
		const trigger = await activated(newTrigger(bed.sim, { engine }));
		const long = bed.sim.addCall({ started: bed.clock.now + 5_000, inProgress: true }).call_id;
		const short = endedCall(bed.clock.now + 20_000);
		bed.clock.advance(MINUTE);
		expect(idsOf((await trigger.tick()).items)).toEqual([short]);
		bed.clock.advance(30 * MINUTE);
		bed.sim.endCall(long);
		const later = endedCall(bed.clock.now - 1_000);
		bed.clock.advance(MINUTE);
		// the long call started first, so it comes first
		expect(idsOf((await trigger.tick()).items)).toEqual([long, later]);
		expect(await drain(trigger)).toEqual([]);
	});

	it('moves nothing when a poll fails on its second page; the next poll emits every call once, oldest first', async () => {
		const trigger = await activated(newTrigger(bed.sim, { engine }));
		const ids = endedCalls(450, bed.clock.now + 1_000);
		bed.clock.advance(10 * MINUTE);
		const stateBefore = trigger.state;
		bed.sim.injectAfter('GET', CALLS, 1, { status: 400, body: { statusCode: 400, message: 'Bad Request', error: 'Injected' } });
		const failed = await trigger.tick();
		expect(failed.items).toEqual([]);
		expect(failed.error?.message).toMatch(/Injected|Bad Request|400/);
		expect(trigger.state).toEqual(stateBefore);
		expect(await drain(trigger)).toEqual(ids);
	});

	it('emits nothing new when the same poll runs twice, at the same time or a minute later', async () => {
		const trigger = await activated(newTrigger(bed.sim, { engine }));
		const ids = endedCalls(3, bed.clock.now + 1_000);
		bed.clock.advance(MINUTE);
		expect(idsOf((await trigger.tick()).items)).toEqual(ids);
		expect((await trigger.tick()).items).toEqual([]);
		bed.clock.advance(MINUTE);
		expect((await trigger.tick()).items).toEqual([]);
	});

	it('survives a restart between any two polls: what n8n stored is enough to emit each call once', async () => {
		let trigger = await activated(newTrigger(bed.sim, { engine }));
		const emitted: number[] = [];
		const made: number[] = [];
		for (let round = 0; round < 6; round++) {
			if (round % 2 === 0) made.push(endedCall(bed.clock.now + 1_000));
			if (round === 3) made.push(bed.sim.addCall({ started: bed.clock.now - 3 * MINUTE, ended: bed.clock.now }).call_id); // listed late
			bed.clock.advance(MINUTE);
			const { items, error } = await trigger.tick();
			expect(error).toBeUndefined();
			emitted.push(...(idsOf(items) as number[]));
			trigger = trigger.restart();
		}
		expect([...emitted].sort()).toEqual([...made].sort());
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(await drain(trigger)).toEqual([]);
	});
});

describe.each(['durable', 'classic'] as const)('two polls of one trigger at once (%s)', (engine) => {
	it('lets one read and the other return nothing, so each call is emitted once', async () => {
		const trigger = await activated(newTrigger(bed.sim, { engine }));
		const ids = endedCalls(2, bed.clock.now + 1_000);
		bed.clock.advance(MINUTE);
		const held = bed.sim.hold('GET', CALLS);
		const first = trigger.tick();
		await held.arrived();
		const second = await trigger.tick();
		await held.release();
		expect(second.items).toEqual([]);
		expect(idsOf((await first).items)).toEqual(ids);
		expect(await drain(trigger)).toEqual([]);
	});
});
