// POST /v3/groups, GET|PUT|PATCH|DELETE /v3/groups/{id}, org-list, and the large hierarchy.
import { startSimulator, type ConvirzaSimulator } from './index';
import { call, expectError, expectSuccess } from './test-helpers';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => {
	await sim.close();
});

const create = async (body: unknown, token?: string) => await call(sim, 'POST', '/v3/groups', { body, token });

describe('POST /v3/groups', () => {
	test('creates an active group under an active parent in scope: data.orgUnitId, the documented row after', async () => {
		const data = expectSuccess(await create({ org_unit_name: 'Sales North', org_unit_parent_id: 65000, org_unit_ext_id: 'T-1', phone_number: '+12065550100', industry_id: 2 }));
		expect(data).toEqual({ orgUnitId: 90002 });
		expect(expectSuccess(await call(sim, 'GET', '/v3/groups/90002'))).toEqual(sim.group(90002));
		expect(sim.group(90002)).toMatchObject({ org_unit_name: 'Sales North', org_unit_parent_id: 65000, top_ou_id: 60001, org_unit_status: 'active', org_unit_ext_id: 'T-1', industry_name: 'Healthcare' });
		expect(sim.groupWrites).toEqual([{ method: 'POST', path: '/v3/groups', orgUnitId: 90002, requestId: expect.any(String) }]);
	});
	test('names are unique among siblings (any letter case), not across the tree', async () => {
		expectError(await create({ org_unit_name: ' sales team', org_unit_parent_id: 65000 }), 400, 'Bad Request', 'A group named "Sales Team" already exists under this parent (org unit 70035)', '/v3/groups');
		expectSuccess(await create({ org_unit_name: 'Sales Team', org_unit_parent_id: 65001 }));
	});
	test('the parent must be active (400) and in scope (401, as documented for this endpoint)', async () => {
		expectError(await create({ org_unit_name: 'X', org_unit_parent_id: 70041 }), 400, 'Bad Request', 'Parent org unit must be active', '/v3/groups');
		expectError(await create({ org_unit_name: 'X', org_unit_parent_id: 90001 }), 401, 'Unauthorized', 'Org unit is outside your scope', '/v3/groups');
		expectError(await create({ org_unit_name: 'X', org_unit_parent_id: 123 }), 401, 'Unauthorized', 'Org unit is outside your scope', '/v3/groups');
	});
	test('required fields, types and unknown fields; Admin only', async () => {
		expectError(await create({ org_unit_parent_id: 65000 }), 400, 'Bad Request', 'Missing required field: org_unit_name', '/v3/groups');
		expectError(await create({ org_unit_name: 'X', org_unit_parent_id: 65000, phone_number: '206 555' }), 400, 'Bad Request', /^phone_number must be/, '/v3/groups');
		expectError(await create({ org_unit_name: 'X', org_unit_parent_id: 65000, color: 'red' }), 400, 'Bad Request', 'Unknown field: color', '/v3/groups');
		expectError(await create({ org_unit_name: 'X', org_unit_parent_id: 70035 }, sim.tokens.standard), 403, 'Forbidden', 'Insufficient permissions: Admin role required', '/v3/groups');
		expect(sim.groupWrites).toEqual([]);
	});
});

describe('/v3/groups/{id}', () => {
	test('GET: 404 unknown, 403 outside your scope', async () => {
		expectError(await call(sim, 'GET', '/v3/groups/4242'), 404, 'Not Found', 'Group not found', '/v3/groups/4242');
		expectError(await call(sim, 'GET', '/v3/groups/90001'), 403, 'Forbidden', 'Org unit is outside your scope', '/v3/groups/90001');
	});
	test('PATCH changes the fields sent; a sibling\'s name and a move below itself are refused', async () => {
		expectSuccess(await call(sim, 'PATCH', '/v3/groups/70036', { body: { city: 'Seattle', org_unit_ext_id: null } }));
		expect(sim.group(70036)).toMatchObject({ org_unit_name: 'Support Team', city: 'Seattle', org_unit_ext_id: null });
		expectError(await call(sim, 'PATCH', '/v3/groups/70036', { body: { org_unit_name: 'SALES TEAM' } }), 400, 'Bad Request', /already exists under this parent/, '/v3/groups/70036');
		expectError(await call(sim, 'PATCH', '/v3/groups/65000', { body: { org_unit_parent_id: 70035 } }), 400, 'Bad Request', 'A group cannot be moved below itself', '/v3/groups/65000');
		expectError(await call(sim, 'PATCH', '/v3/groups/65000', { body: {} }), 400, 'Bad Request', 'Request body must contain at least one field', '/v3/groups/65000');
	});
	test('PUT needs the name; a move goes under another active group in scope', async () => {
		expectError(await call(sim, 'PUT', '/v3/groups/70036', { body: { city: 'X' } }), 400, 'Bad Request', 'Missing required field: org_unit_name', '/v3/groups/70036');
		expectSuccess(await call(sim, 'PUT', '/v3/groups/70036', { body: { org_unit_name: 'Support', org_unit_parent_id: 65001 } }));
		expect(sim.group(70036)).toMatchObject({ org_unit_name: 'Support', org_unit_parent_id: 65001 });
		expect(expectSuccess(await call(sim, 'GET', '/v3/users/list?org_unit_id=65001')).users.map((u: { ct_user_id: number }) => u.ct_user_id)).toContain(10003);
	});
	test('DELETE removes an empty group only', async () => {
		expectError(await call(sim, 'DELETE', '/v3/groups/65000'), 400, 'Bad Request', /^Group has sub-groups/, '/v3/groups/65000');
		expectError(await call(sim, 'DELETE', '/v3/groups/70035'), 400, 'Bad Request', /^Group has users/, '/v3/groups/70035');
		expectSuccess(await call(sim, 'DELETE', '/v3/groups/70041'));
		expect(sim.group(70041)).toBeUndefined();
	});
	test('GET /v3/groups/org-list/: every unit ID in scope, the unit itself first', async () => {
		expect(expectSuccess(await call(sim, 'GET', '/v3/groups/org-list/?org_unit_id=65001'))).toEqual({ orgUnits: [65001, 70040, 70041] });
	});
});

describe('the large hierarchy (option largeHierarchy)', () => {
	test('288 groups under Acme, deterministic, names repeating at different levels; the seed unchanged', async () => {
		const big = await startSimulator({ largeHierarchy: true });
		try {
			const tree = expectSuccess(await call(big, 'GET', '/v3/groups/tree')).groups as Array<{ org_unit_id: number; text: string; group_level: number }>;
			expect(tree).toHaveLength(7 + 288);
			expect(tree.filter((g) => g.org_unit_id < 80001).map((g) => g.org_unit_id).sort()).toEqual([60001, 65000, 65001, 70035, 70036, 70040, 70041]);
			const levels = (name: string) => [...new Set(tree.filter((g) => g.text === name).map((g) => g.group_level))].sort();
			expect(levels('Sales')).toEqual([3, 4]);
			expect(levels('West')).toEqual([3, 4]);
			expect(big.group(80001)).toMatchObject({ org_unit_name: 'North Region', org_unit_parent_id: 60001, org_unit_ext_id: 'REG-NORTH' });
			expect(big.groupsNamed('Night Shift').filter((g) => g.org_unit_ext_id === 'NS-1')).toHaveLength(5);
			expect(big.groupsNamed('Retention').every((g) => g.org_unit_ext_id === null)).toBe(true);
		} finally {
			await big.close();
		}
	});
});
