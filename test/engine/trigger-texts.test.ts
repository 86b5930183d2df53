/**
 * Convirza Trigger → New Text Message through n8n's poll machinery: a conversation is emitted when its
 * last message is newer than the last one the trigger emitted for it, once, oldest first, across
 * polls, failed polls, the poll budget and restarts; Fetch Test Event shows the newest conversation.
 */
import { ENGINES, MINUTE, TEXTS, fetchTestEvent, idsOf, newTrigger, activated, useTriggerTestBed } from './convirzaTrigger';
import type { PollTrigger } from '../harness';

const bed = useTriggerTestBed(0);

const onText = (parameters: object = {}) => ({ parameters: { event: 'newTextMessage', ...parameters } });

async function tick(trigger: PollTrigger) {
	bed.clock.advance(MINUTE);
	const { items, error } = await trigger.tick();
	expect(error).toBeUndefined();
	return items;
}

describe.each(ENGINES)('on %s n8n', (engine) => {
	it('emits a conversation each time it has a newer message, once, oldest first', async () => {
		const existing = bed.sim.textConversations()[0].conversation_id;
		const trigger = await activated(newTrigger(bed.sim, { engine, ...onText() }));
		expect(await tick(trigger)).toEqual([]);
		bed.sim.updateTextConversation(existing, { message: 'Are you open on Sunday?', at: bed.clock.now + 10_000 });
		const added = bed.sim.addTextConversation({ message: 'Hi there', at: bed.clock.now + 5_000 }).conversation_id;
		const items = await tick(trigger);
		expect(idsOf(items)).toEqual([added, existing]);
		expect(items[1]).toMatchObject({ message: 'Are you open on Sunday?' });
		expect(await tick(trigger)).toEqual([]);
		bed.sim.updateTextConversation(existing, { message: 'Hello?', at: bed.clock.now + 1_000 });
		expect(idsOf(await tick(trigger))).toEqual([existing]);
		expect(await tick(trigger)).toEqual([]);
	});

	it('moves nothing when a poll fails on its second page, and survives a restart', async () => {
		let trigger = await activated(newTrigger(bed.sim, { engine, ...onText() }));
		const ids = Array.from({ length: 250 }, (_, i) => bed.sim.addTextConversation({ message: `m${i}`, at: bed.clock.now + 1_000 + i }).conversation_id);
		bed.clock.advance(5 * MINUTE);
		bed.sim.injectAfter('GET', TEXTS, 1, { status: 400, body: { statusCode: 400, message: 'Bad Request', error: 'Injected' } });
		const stateBefore = trigger.state;
		const failed = await trigger.tick();
		expect(failed.error?.message).toMatch(/Injected/);
		expect(trigger.state).toEqual(stateBefore);
		trigger = trigger.restart();
		expect(idsOf(await tick(trigger))).toEqual(ids);
		trigger = trigger.restart();
		expect(await tick(trigger)).toEqual([]);
	});
});

it('resumes a read the poll budget cut short, without loss or repeat', async () => {
	const trigger = await activated(newTrigger(bed.sim, { budgetMs: 0, ...onText() }));
	const ids = Array.from({ length: 450 }, (_, i) => bed.sim.addTextConversation({ message: `m${i}`, at: bed.clock.now + 1_000 + i }).conversation_id);
	const emitted: number[] = [];
	const sizes: number[] = [];
	for (let i = 0; i < 4; i++) {
		const items = await tick(trigger);
		sizes.push(items.length);
		emitted.push(...(idsOf(items) as number[]));
	}
	expect(sizes).toEqual([200, 200, 50, 0]);
	expect([...emitted].sort()).toEqual([...ids].sort());
});

it('asks for the chosen Type, newest message first', async () => {
	const trigger = await activated(newTrigger(bed.sim, onText({ type: 'unassigned' })));
	await tick(trigger);
	for (const request of bed.sim.requests('GET', TEXTS)) expect(request.query).toMatchObject({ type: 'unassigned', order: 'desc' });
});

it('Fetch Test Event returns the conversation with the newest message and changes nothing', async () => {
	const trigger = await activated(newTrigger(bed.sim, onText()));
	const staticData = JSON.parse(trigger.stored).staticData;
	const before = JSON.stringify(staticData);
	const newest = bed.sim.textConversations()[0].conversation_id;
	const { items } = await fetchTestEvent(bed.sim, { event: 'newTextMessage' }, staticData);
	expect(idsOf(items)).toEqual([newest]);
	expect(JSON.stringify(staticData)).toBe(before);
});
