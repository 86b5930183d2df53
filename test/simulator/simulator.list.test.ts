// GET /v3/users/list (filters, sort, paging, 400s) and the groups endpoints.
import { startSimulator, type ConvirzaSimulator } from './index';
import { call, expectError, expectSuccess, ids } from './test-helpers';

let sim: ConvirzaSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});

async function list(query: string): Promise<{ users: Array<{ ct_user_id: number }>; total: number }> {
	return expectSuccess(await call(sim, 'GET', `/v3/users/list${query}`));
}

describe('GET /v3/users/list', () => {
	test('default: caller\'s unit incl. sub-groups, not deleted, created_on desc, data {users, total}', async () => {
		const data = await list('');
		expect(Object.keys(data).sort()).toEqual(['total', 'users']);
		expect(ids(data.users)).toEqual([10001, 10011, 10010, 10009, 10008, 10006, 10005, 10004, 10003, 10002]);
		expect(data.total).toBe(10);
		expect(Object.keys(data.users[0])).toHaveLength(23); // the documented list row, no get-one extras
		expect(data.users[0]).not.toHaveProperty('timezone');
	});
	test('org_unit_id includes sub-groups', async () => {
		expect(ids((await list('?org_unit_id=65000&sort_order=asc')).users)).toEqual([10003, 10006, 10009, 10011, 10001]);
		expect(ids((await list('?org_unit_id=70040')).users)).toEqual([10010, 10004]);
	});
	test('name: partial, case-insensitive, over first + last', async () => {
		expect(ids((await list('?name=ROD')).users)).toEqual([10004]);
		expect(ids((await list('?name=ce%20mor')).users)).toEqual([10002]);
	});
	test('email: partial', async () => {
		expect(ids((await list('?email=EXAMPLE.COM')).users)).toEqual([10001]);
		expect((await list('?email=acme-corp')).total).toBe(9);
	});
	test('role_id 1/2/3', async () => {
		expect(ids((await list('?role_id=1')).users)).toEqual([10008, 10002]);
		expect(ids((await list('?role_id=3')).users)).toEqual([10009, 10004]);
		expect((await list('?role_id=2')).total).toBe(6);
	});
	test('user_status active/inactive/deleted', async () => {
		expect(ids((await list('?user_status=inactive')).users)).toEqual([10005]);
		expect(ids((await list('?user_status=deleted')).users)).toEqual([10007]);
		expect((await list('?user_status=active')).total).toBe(9);
	});
	test('switch: the default list includes deleted users; a status filter still filters', async () => {
		sim.setDefaultListIncludesDeleted(true);
		try {
			expect(ids((await list('?email=frank')).users)).toEqual([10007]);
			expect((await list('')).total).toBe(11);
			expect(ids((await list('?user_status=inactive')).users)).toEqual([10005]);
		} finally {
			sim.setDefaultListIncludesDeleted(false);
		}
	});
	test('sort_by name / email, sort_order asc / desc', async () => {
		const byName = [10002, 10003, 10004, 10005, 10006, 10008, 10009, 10010, 10011, 10001];
		expect(ids((await list('?sort_by=name&sort_order=asc')).users)).toEqual(byName);
		expect(ids((await list('?sort_by=name')).users)).toEqual([...byName].reverse());
		expect(ids((await list('?sort_by=email&sort_order=asc&limit=3')).users)).toEqual([10002, 10003, 10004]);
	});
	test('limit + offset page through; total is the unpaged count', async () => {
		const page = await list('?limit=3&offset=8');
		expect(ids(page.users)).toEqual([10003, 10002]);
		expect(page.total).toBe(10);
	});
	test('paging over 460 extra users: 200 per page max, every user exactly once', async () => {
		const big = await startSimulator({ extraUsers: 460 });
		try {
			const seen: number[] = [];
			for (let offset = 0; ; offset += 200) {
				const data = expectSuccess(await call(big, 'GET', `/v3/users/list?limit=200&offset=${offset}`));
				expect(data.total).toBe(470);
				seen.push(...ids(data.users));
				if (data.users.length < 200) break;
			}
			expect(seen).toHaveLength(470);
			expect(new Set(seen).size).toBe(470);
			expect(big.addUsers(2)).toEqual([10473, 10474]);
		} finally {
			await big.close();
		}
	});
	test.each([
		['limit=0', "Query parameter 'limit' must be an integer between 1 and 200"],
		['limit=201', "Query parameter 'limit' must be an integer between 1 and 200"],
		['limit=ten', "Query parameter 'limit' must be an integer between 1 and 200"],
		['offset=-1', "Query parameter 'offset' must be an integer >= 0"],
		['role_id=4', "Query parameter 'role_id' must be one of 1, 2, 3"],
		['user_status=gone', "Query parameter 'user_status' must be one of active, inactive, deleted"],
		['sort_by=created_at', "Query parameter 'sort_by' must be one of created_on, name, email"],
		['sort_order=up', "Query parameter 'sort_order' must be one of desc, asc"],
		['name=', "Query parameter 'name' must not be empty"],
		['org_unit_id=&name=&limit=', "Query parameter 'org_unit_id' must not be empty"],
		['org_unit_id=90001', 'Org unit is outside your hierarchy'],
	])('400 for ?%s', async (query, error) => {
		expectError(await call(sim, 'GET', `/v3/users/list?${query}`), 400, 'Bad Request', error, '/v3/users/list');
	});
});

describe('groups', () => {
	const ACTIVE_TREE = [
		{ org_unit_id: 60001, text: 'Acme Corporation', code: '1', group_level: 1 },
		{ org_unit_id: 65000, text: 'West Region', code: '1.1', group_level: 2 },
		{ org_unit_id: 70035, text: 'Sales Team', code: '1.1.1', group_level: 3 },
		{ org_unit_id: 70036, text: 'Support Team', code: '1.1.2', group_level: 3 },
		{ org_unit_id: 65001, text: 'East Region', code: '1.2', group_level: 2 },
		{ org_unit_id: 70040, text: 'Inbound Sales', code: '1.2.1', group_level: 3 },
	];
	test('GET /v3/groups/tree?active=true: documented flat data.groups[]', async () => {
		expect(expectSuccess(await call(sim, 'GET', '/v3/groups/tree?active=true'))).toEqual({ groups: ACTIVE_TREE });
	});
	test('without active=true inactive groups are included', async () => {
		const data = expectSuccess(await call(sim, 'GET', '/v3/groups/tree'));
		expect(data.groups).toContainEqual({ org_unit_id: 70041, text: 'Legacy Outbound', code: '1.2.2', group_level: 3 });
	});
	test('tree is scoped to the caller (Standard token in Sales Team)', async () => {
		const data = expectSuccess(await call(sim, 'GET', '/v3/groups/tree?active=true', { token: sim.tokens.standard }));
		expect(data).toEqual({ groups: [{ org_unit_id: 70035, text: 'Sales Team', code: '1', group_level: 3 }] });
	});
	test('nested shape: children with org_unit_name (option and setGroupTreeShape)', async () => {
		const s = await startSimulator({ groupTreeShape: 'nested' });
		try {
			const root = expectSuccess(await call(s, 'GET', '/v3/groups/tree?active=true')).groups[0];
			expect(root).toMatchObject({ org_unit_id: 60001, org_unit_name: 'Acme Corporation', group_level: 1 });
			expect(root.children.map((c: { org_unit_name: string }) => c.org_unit_name)).toEqual(['West Region', 'East Region']);
			expect(root.children[1].children).toEqual([
				{ org_unit_id: 70040, org_unit_name: 'Inbound Sales', org_unit_parent_id: 65001, org_unit_status: 'active', code: '1.2.1', group_level: 3, children: [] },
			]);
			s.setGroupTreeShape('flat');
			expect(expectSuccess(await call(s, 'GET', '/v3/groups/tree?active=true')).groups).toEqual(ACTIVE_TREE);
		} finally {
			await s.close();
		}
	});
	test('GET /v3/groups/list: direct children of the caller\'s unit by default, documented rows, data.total', async () => {
		const common = { org_unit_parent_id: 60001, top_ou_id: 60001, org_unit_status: 'active', billing_id: 60001, address: null, city: null, state: null, zip: null, phone_number: null, industry_id: null, industry_name: null, org_unit_created: expect.any(String), org_unit_modified: expect.any(String) };
		expect(expectSuccess(await call(sim, 'GET', '/v3/groups/list'))).toEqual({
			groups: [
				{ ...common, org_unit_id: 65000, org_unit_name: 'West Region', org_unit_ext_id: 'REG-65000' },
				{ ...common, org_unit_id: 65001, org_unit_name: 'East Region', org_unit_ext_id: 'REG-65001' },
			],
			total: 2,
		});
	});
	test('groups/list filters: org_unit_id, status, group_name, paging', async () => {
		const rows = async (q: string): Promise<number[]> =>
			expectSuccess(await call(sim, 'GET', `/v3/groups/list?${q}`)).groups.map((g: { org_unit_id: number }) => g.org_unit_id);
		expect(await rows('org_unit_id=65001')).toEqual([70040, 70041]);
		expect(await rows('org_unit_id=65001&status=inactive')).toEqual([70041]);
		expect(await rows('org_unit_id=65001&group_name=INBOUND')).toEqual([70040]);
		const page = expectSuccess(await call(sim, 'GET', '/v3/groups/list?org_unit_id=65001&limit=1&offset=1'));
		expect(page.groups.map((g: { org_unit_id: number }) => g.org_unit_id)).toEqual([70041]);
		expect(page.total).toBe(2);
	});
	test('groups/list 400: the docs\' empty parameters, and a unit outside the hierarchy', async () => {
		const empty = '/v3/groups/list?group_name=&org_unit_id=&status=&limit=&offset=';
		expectError(await call(sim, 'GET', empty), 400, 'Bad Request', "Query parameter 'group_name' must not be empty", '/v3/groups/list');
		expectError(await call(sim, 'GET', '/v3/groups/list?org_unit_id=90001'), 400, 'Bad Request', 'Org unit is outside your hierarchy', '/v3/groups/list');
	});
});
