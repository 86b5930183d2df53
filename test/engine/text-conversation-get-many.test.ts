/**
 * Text Conversation → Get Many through n8n's real engine: Type, Search, Order, Start/End sent as
 * Convirza names them, pages of 200 up to the Limit, rows as Convirza returns them, bad input refused
 * before any request.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, ADMIN_USER_ID, type ConvirzaSimulator } from '../simulator';
import { errorOf, jsonOf, pairedOf, runOperation, toErrorOutput } from '../kit';

const NOW = Date.parse('2026-04-01T12:00:00.000Z');
const SMS = '/v3/conversations/sms';

let sim: ConvirzaSimulator;
beforeAll(async () => {
	sim = await startSimulator({ now: NOW, calls: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.clearLog());

const lists = () => sim.requests('GET', SMS).map((r) => r.query);
const getMany = (parameters: INodeParameters, extra: object = {}) => runOperation(sim, 'textConversation', 'getAll', { parameters, ...extra });

it('defaults: all open, newest message first, up to 50, rows unchanged, linked to the item', async () => {
	const run = await getMany({});
	expect(lists()).toEqual([{ type: 'allOpen', order: 'desc', limit: '50', offset: '0' }]);
	const open = sim.textConversations().filter((c) => c.closed_at === null);
	expect(jsonOf(run.items)).toEqual(open);
	expect(new Set(pairedOf(run.items).map((p) => JSON.stringify(p)))).toEqual(new Set(['{"item":0}']));
});

it('Type, Search, Order, Start/End as Convirza names them; Return All pages of 200', async () => {
	for (let i = 0; i < 230; i++) sim.addTextConversation({ contact_name: `Bulk ${i}`, ct_user_id: ADMIN_USER_ID, at: NOW - i * 60_000 });
	const run = await getMany({
		returnAll: true,
		type: 'assignedToYou',
		order: 'asc',
		filters: { search: 'bulk', start: '2026-03-01T00:00:00Z', end: '2026-04-02T00:00:00Z' },
	});
	expect(lists()).toEqual([
		{ type: 'assignedToYou', order: 'asc', search: 'bulk', start: '2026-03-01T00:00:00.000Z', end: '2026-04-02T00:00:00.000Z', limit: '200', offset: '0' },
		{ type: 'assignedToYou', order: 'asc', search: 'bulk', start: '2026-03-01T00:00:00.000Z', end: '2026-04-02T00:00:00.000Z', limit: '200', offset: '200' },
	]);
	expect(run.items).toHaveLength(230);
	const updated = jsonOf(run.items).map((c) => c.conversation_updated as string);
	expect(updated).toEqual([...updated].sort());
});

it('Closed and Unassigned', async () => {
	const closed = await getMany({ type: 'close', returnAll: true });
	expect(jsonOf(closed.items).every((c) => c.closed_at !== null)).toBe(true);
	const unassigned = await getMany({ type: 'unassigned', limit: 3 });
	expect(jsonOf(unassigned.items).every((c) => c.ct_user_id === null)).toBe(true);
	expect(lists().map((q) => q.type)).toEqual(['close', 'unassigned']);
});

it('a Search over 255 characters and End before Start fail the item before any request', async () => {
	const run = await runOperation(sim, 'textConversation', 'getAll', {
		items: [{ search: 'x'.repeat(256) }, { search: 'ok' }],
		parameters: { filters: { search: '={{ $json.search }}' } },
		settings: toErrorOutput,
	});
	expect(errorOf(run.errors[0]).error).toMatch(/^The "Search" parameter/);
	expect(lists()).toHaveLength(1);
	const backwards = await getMany({ filters: { start: '2026-03-02T00:00:00Z', end: '2026-03-01T00:00:00Z' } }, { settings: toErrorOutput });
	expect(errorOf(backwards.errors[0]).error).toMatch(/^The "End" parameter must be after Start/);
	expect(lists()).toHaveLength(1);
});
