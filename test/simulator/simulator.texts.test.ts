// GET /v3/conversations/sms (the documented answer, type, search, order, paging, range) and the
// text-conversation test controls.
import { startSimulator, ADMIN_USER_ID, type ApiTextConversation, type ConvirzaSimulator } from './index';
import { call, expectError, expectSuccess } from './test-helpers';

const NOW = Date.parse('2026-04-01T12:00:00.000Z');
const PATH = '/v3/conversations/sms';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator({ now: NOW });
});
afterEach(async () => {
	await sim.close();
});

async function list(query: string, token?: string): Promise<{ total: number; conversation: ApiTextConversation[] }> {
	return expectSuccess(await call(sim, 'GET', `${PATH}?${query}`, { token }));
}
const ids = (rows: ApiTextConversation[]) => rows.map((r) => r.conversation_id);

test('documented answer: data.total and data.conversation[], 7 by default, newest last message first, open only', async () => {
	const data = await list('');
	expect(Object.keys(data)).toEqual(['total', 'conversation']);
	expect(data.conversation).toHaveLength(7);
	const open = sim.textConversations().filter((c) => c.closed_at === null);
	expect(data.total).toBe(open.length);
	expect(ids(data.conversation)).toEqual(ids(open.slice(0, 7)));
	expect(Object.keys(data.conversation[0]).sort()).toEqual([
		'agent', 'avg_response_time', 'closed_at', 'conversation_id', 'conversation_started', 'conversation_status',
		'conversation_updated', 'ct_user_id', 'first_response_time', 'message', 'phone_number', 'pin', 'sms_type',
		'source', 'source_name', 'unread_count',
	]);
	expect(data.conversation[0].phone_number).toMatch(/^\d+$/);
});

test('type: assigned to the caller, unassigned, closed', async () => {
	const all = sim.textConversations();
	const mine = (await list('type=assignedToYou&limit=200')).conversation;
	expect(mine.length).toBeGreaterThan(0);
	expect(mine.every((c) => c.ct_user_id === ADMIN_USER_ID && c.closed_at === null)).toBe(true);
	const unassigned = (await list('type=unassigned&limit=200')).conversation;
	expect(unassigned.every((c) => c.ct_user_id === null && c.closed_at === null)).toBe(true);
	const closed = (await list('type=close&limit=200')).conversation;
	expect(closed).toHaveLength(all.filter((c) => c.closed_at !== null).length);
	expect(closed.length).toBeGreaterThan(0);
});

test('search on name or number, order asc, offset, range on the last message', async () => {
	expect(ids((await list('search=whitfield&limit=200')).conversation)).toEqual([5001]);
	expect(ids((await list('search=206-555-0123&limit=200')).conversation)).toEqual([5001]);
	const asc = (await list('order=asc&limit=200')).conversation.map((c) => c.conversation_updated);
	expect(asc).toEqual([...asc].sort());
	const page = await list('limit=2&offset=1');
	expect(ids(page.conversation)).toEqual(ids((await list('limit=3')).conversation).slice(1));
	const from = new Date(NOW - 5 * 24 * 3600 * 1000).toISOString();
	const recent = (await list(`start=${from}&end=${new Date(NOW).toISOString()}&limit=200`)).conversation;
	expect(recent.length).toBeGreaterThan(0);
	expect(recent.every((c) => c.conversation_updated >= from)).toBe(true);
});

test.each([
	['type=open', "Query parameter 'type' must be one of allOpen, assignedToYou, unassigned, close"],
	['order=newest', "Query parameter 'order' must be one of desc, asc"],
	['limit=201', "Query parameter 'limit' must be an integer between 1 and 200"],
	[`search=${'a'.repeat(256)}`, "Query parameter 'search' must be at most 255 characters"],
	['start=2026-03-02T00:00:00Z&end=2026-03-01T00:00:00Z', "'end' must be after 'start'"],
])('400 for ?%s', async (query, error) => {
	expectError(await call(sim, 'GET', `${PATH}?${query}`), 400, 'Bad Request', error, PATH);
});

test('a Standard user sees only the conversations of the Sales Team; assigned to them means to them', async () => {
	sim.addTextConversation({ org_unit_id: 65001, contact_name: 'East Only' });
	const theirs = await list('type=assignedToYou&limit=200', sim.tokens.standard);
	expect(theirs.conversation.every((c) => c.ct_user_id === 10001)).toBe(true);
	expect((await list('search=east%20only', sim.tokens.standard)).total).toBe(0);
	expect((await list('search=east%20only')).total).toBe(1);
});

test('adding and updating: a new message moves the conversation to the top, closing moves it to Closed', async () => {
	const added = sim.addTextConversation({ phone_number: '14255550100', contact_name: 'Nia Cole', message: 'Hi there' });
	expect(added).toMatchObject({ conversation_updated: new Date(NOW).toISOString(), message: 'Hi there', unread_count: 1, closed_at: null });
	expect(ids((await list('limit=1')).conversation)).toEqual([added.conversation_id]);
	const old = sim.textConversations().filter((c) => c.closed_at === null).at(-1)!;
	sim.setNow(NOW + 60_000);
	const updated = sim.updateTextConversation(old.conversation_id, { message: 'Any news?' });
	expect(updated.conversation_updated).toBe(new Date(NOW + 60_000).toISOString());
	expect(updated.unread_count).toBe(old.unread_count + 1);
	expect(ids((await list('limit=1')).conversation)).toEqual([old.conversation_id]);
	sim.updateTextConversation(old.conversation_id, { closed: true });
	expect(ids((await list('type=close&limit=1')).conversation)).toEqual([old.conversation_id]);
});
