/**
 * User → Get Many through n8n's real engine against the simulator: GET /v3/users/list with true
 * limit/offset paging (200 per page), every filter and sort sent as Convirza names them and nothing
 * sent empty, one output item per user linked to the input item that asked, the documented errors,
 * continue-on-fail.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { FAST_RETRIES, groupFromList, jsonOf, pairedOf, runUser, standardToken, unknownToken, JOHN_SIMPLIFIED } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const lists = () => sim.requests('GET', '/v3/users/list');
const pages = () => lists().map((r) => [Number(r.query.limit), Number(r.query.offset)]);
const ids = (items: ReturnType<typeof jsonOf>) => items.map((user) => user.id);

/** The Acme users that are not deleted, newest first (Convirza's default order). */
const ACME_NEWEST_FIRST = [10001, 10011, 10010, 10009, 10008, 10006, 10005, 10004, 10003, 10002];

describe('User → Get Many: paging', () => {
	it('defaults: one request for 50, no filter sent, simplified users linked to the input item', async () => {
		const run = await runUser(sim, 'getAll');

		expect(run.status).toBe('success');
		expect(sim.log.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/v3/users/list', { limit: '50', offset: '0' }],
		]);
		expect(ids(jsonOf(run.items))).toEqual(ACME_NEWEST_FIRST);
		expect(jsonOf(run.items)[0]).toEqual(JOHN_SIMPLIFIED);
		expect(new Set(pairedOf(run.items).map((paired) => JSON.stringify(paired)))).toEqual(new Set(['{"item":0}']));
	});

	it('Return All pages through more than 450 users, 200 at a time, until the total', async () => {
		sim.addUsers(500);
		const run = await runUser(sim, 'getAll', { parameters: { returnAll: true } });

		expect(pages()).toEqual([
			[200, 0],
			[200, 200],
			[200, 400],
		]);
		const all = ids(jsonOf(run.items));
		expect(all).toHaveLength(510);
		expect(new Set(all).size).toBe(510);
		expect(run.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Return All stops at the total without asking for an empty page', async () => {
		sim.addUsers(390);
		const run = await runUser(sim, 'getAll', { parameters: { returnAll: true } });
		expect(pages()).toEqual([
			[200, 0],
			[200, 200],
		]);
		expect(run.items).toHaveLength(400);
	});

	it.each([
		['smaller than a page', 150, [[150, 0]], 150],
		['equal to a page', 200, [[200, 0]], 200],
		['larger than a page', 450, [[200, 0], [200, 200], [50, 400]], 450],
		['larger than all users', 1000, [[200, 0], [200, 200], [200, 400]], 510],
	])('Limit %s (%i)', async (_case, limit, expectedPages, count) => {
		sim.addUsers(500);
		const run = await runUser(sim, 'getAll', { parameters: { returnAll: false, limit } });
		expect(pages()).toEqual(expectedPages);
		expect(run.items).toHaveLength(count);
		expect(new Set(ids(jsonOf(run.items))).size).toBe(count);
	});

	it('a page that fails with 503 is retried: nothing lost, nothing duplicated', async () => {
		sim.addUsers(300);
		sim.inject('GET', '/v3/users/list', { status: 503, retryAfter: '0' });
		const run = await runUser(sim, 'getAll', { parameters: { returnAll: true, options: FAST_RETRIES } });
		expect(pages()).toEqual([
			[200, 0],
			[200, 0],
			[200, 200],
		]);
		expect(new Set(ids(jsonOf(run.items))).size).toBe(310);
	});
});

describe('User → Get Many: filters and sort', () => {
	it('sends every filter and sort under its Convirza name', async () => {
		const run = await runUser(sim, 'getAll', {
			parameters: {
				filters: { group: groupFromList(65000), name: 'a', email: 'acme', role: 'Standard', status: 'active' },
				sort: { sortBy: 'name', sortOrder: 'asc' },
			},
		});
		expect(lists().map((r) => r.query)).toEqual([
			{
				org_unit_id: '65000',
				name: 'a',
				email: 'acme',
				role_id: '2',
				user_status: 'active',
				sort_by: 'name',
				sort_order: 'asc',
				limit: '50',
				offset: '0',
			},
		]);
		// Standard, active, in West Region or below, "a" in the name, sorted by name.
		expect(jsonOf(run.items).map((user) => `${user.firstName} ${user.lastName}`)).toEqual([
			'Emma Schmidt',
			'Jamal Wright',
		]);
	});

	it.each([
		['Admin', '1'],
		['Standard', '2'],
		['ReadOnly', '3'],
		['read only', '3'],
	])('Role %s is sent as role_id %s', async (role, roleId) => {
		await runUser(sim, 'getAll', { parameters: { filters: { role } } });
		expect(lists()[0].query).toEqual({ role_id: roleId, limit: '50', offset: '0' });
	});

	it.each(['active', 'inactive', 'deleted'])('Status %s is sent as user_status', async (status) => {
		const run = await runUser(sim, 'getAll', { parameters: { filters: { status } } });
		expect(lists()[0].query).toEqual({ user_status: status, limit: '50', offset: '0' });
		expect(jsonOf(run.items).every((user) => user.status === status)).toBe(true);
	});

	it.each([
		[{ sortBy: 'created_on' }, { sort_by: 'created_on' }],
		[{ sortBy: 'email' }, { sort_by: 'email' }],
		[{ sortOrder: 'desc' }, { sort_order: 'desc' }],
		[{ sortBy: 'name', sortOrder: 'asc' }, { sort_by: 'name', sort_order: 'asc' }],
	])('Sort %j is sent as %j', async (sort, query) => {
		await runUser(sim, 'getAll', { parameters: { sort } });
		expect(lists()[0].query).toEqual({ ...query, limit: '50', offset: '0' });
	});

	it('never sends a parameter empty: empty filters, typed or mapped, are left out', async () => {
		const run = await runUser(sim, 'getAll', {
			items: [{ name: '', email: '  ', group: '' }],
			parameters: {
				filters: {
					name: '={{ $json.name }}',
					email: '={{ $json.email }}',
					group: { __rl: true, mode: 'id', value: '={{ $json.group }}' },
				},
				sort: { sortBy: '' },
			},
		});
		expect(run.status).toBe('success');
		expect(lists().map((r) => r.url)).toEqual(['/v3/users/list?limit=50&offset=0']);
	});

	it('each input item gets its own search, and its users are linked to it', async () => {
		const run = await runUser(sim, 'getAll', {
			items: [{ q: 'john' }, { q: 'nobody' }, { q: 'chen' }],
			parameters: { filters: { name: '={{ $json.q }}' } },
		});
		expect(lists().map((r) => r.query.name).sort()).toEqual(['chen', 'john', 'nobody']);
		expect(ids(jsonOf(run.items))).toEqual([10001, 10003]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 2 }]);
	});

	it('outputs the users exactly as Convirza lists them with Simplify off', async () => {
		const run = await runUser(sim, 'getAll', { parameters: { simplify: false, filters: { name: 'john' } } });
		// The list row is the get-one user without the three fields only get-one has.
		const { timezone, aliases, agent_code, ...listRow } = sim.user(10001)!;
		expect(jsonOf(run.items)).toEqual([listRow]);
	});
});

describe('User → Get Many: errors', () => {
	it('refuses an unknown mapped role or a Limit below 1 before any request', async () => {
		const badRole = await runUser(sim, 'getAll', { items: [{ r: 'Boss' }], parameters: { filters: { role: '={{ $json.r }}' } } });
		expect(badRole.error?.message).toBe('The "Role" parameter must be a Convirza role, not "Boss" (item 0)');
		const badLimit = await runUser(sim, 'getAll', { items: [{ n: 0 }], parameters: { limit: '={{ $json.n }}' } });
		expect(badLimit.error?.message).toBe('The "Limit" parameter must be 1 or more (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	it("400: the group is outside the caller's hierarchy", async () => {
		const run = await runUser(sim, 'getAll', { parameters: { filters: { group: groupFromList(90001) } } });
		expect(run.error?.message).toBe('Convirza error 400: Org unit is outside your hierarchy');
		expect(run.error?.description).toMatch(/inside your account's hierarchy/);
	});

	it('401 and 403: token unknown, token not Admin', async () => {
		const unknown = await runUser(sim, 'getAll', { credential: unknownToken(sim) });
		expect(unknown.error?.message).toMatch(/^Convirza error 401: /);
		const standard = await runUser(sim, 'getAll', { credential: standardToken(sim) });
		expect(standard.error?.message).toBe('Convirza error 403: Insufficient permissions: Admin role required');
	});

	it('continue-on-fail: good searches go on, the bad one goes to the error output, all linked', async () => {
		const run = await runUser(sim, 'getAll', {
			items: [{ group: 70036 }, { group: 90001 }, { group: 70040 }],
			parameters: { filters: { group: { __rl: true, mode: 'id', value: '={{ $json.group }}' } } },
			settings: { onError: 'continueErrorOutput' },
		});

		// Support Team: Bob Chen, Hiro Tanaka; Inbound Sales: Carla Rodríguez, Isabel Duarte.
		expect(jsonOf(run.items).map((user) => [user.id, (user.group as { id: number }).id])).toEqual([
			[10009, 70036],
			[10003, 70036],
			[10010, 70040],
			[10004, 70040],
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 2 }, { item: 2 }]);
		expect(pairedOf(run.errors)).toEqual([{ item: 1 }]);
		expect(jsonOf(run.errors)[0].error).toBe('Convirza error 400: Org unit is outside your hierarchy');
	});
});
