/**
 * The user's Group given by name, path or External ID, through n8n's real engine: on Create,
 * Update, Update (Partial), Create or Update and the Get Many filter, in the form and with Map
 * Automatically (`group`, `group_external_id`). A name that matches no group, several or only an
 * inactive one fails the item before any write. One group directory serves the execution: the
 * group requests do not grow with the number of items.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { groupBy, jsonOf, runOperation, runUser, toErrorOutput } from '../kit';

let sim: ConvirzaSimulator;
afterEach(async () => sim.close());

const NEW_USER = { email: 'nina.park@acme-corp.example', firstName: 'Nina', lastName: 'Park', role: 'Standard' };
const writes = () => sim.log.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body]);
const groupRequests = () => sim.log.filter((r) => r.path.startsWith('/v3/groups')).map((r) => `${r.method} ${r.url}`);
const TREE = ['GET /v3/groups/tree?active=false', 'GET /v3/groups/tree?active=true'];
const errors = (run: { errors: Parameters<typeof jsonOf>[0] }) => jsonOf(run.errors).map((item) => item.error);

describe('the Group parameter by name or path', () => {
	beforeEach(async () => {
		sim = await startSimulator();
	});

	it('Create: finds the group by its name in any letter case, from the tree alone', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...NEW_USER, group: groupBy('name', '  sales TEAM ') } });
		expect(run.status).toBe('success');
		expect(groupRequests().sort()).toEqual(TREE);
		expect(writes()).toEqual([['POST', '/v3/users', expect.objectContaining({ ct_user_ou_id: 70035 })]]);
	});

	it.each([
		['West Region / Sales Team'],
		['acme corporation/west region/sales team'],
		['Acme Corporation › West Region › Sales Team'],
	])('finds the group by its path: "%s"', async (path) => {
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: groupBy('id', 10003), updateFields: { group: groupBy('name', path) } },
		});
		expect(run.status).toBe('success');
		expect(writes()).toEqual([['PATCH', '/v3/users/10003', { ct_user_ou_id: 70035 }]]);
	});

	it('fails the item before any write when no group, or only an inactive one, has the name', async () => {
		const run = await runUser(sim, 'create', {
			items: [{ team: 'Sales Tem' }, { team: 'Legacy Outbound' }, { team: 'East Region / Sales Team' }],
			parameters: { ...NEW_USER, group: groupBy('name', '={{ $json.team }}') },
			settings: toErrorOutput,
		});
		expect(writes()).toEqual([]);
		expect(errors(run)).toEqual([
			'No Convirza group is named "Sales Tem" (item 0)',
			'The only Convirza group named "Legacy Outbound" is inactive: Acme Corporation › East Region › Legacy Outbound (70041) (item 1)',
			'No Convirza group is named "East Region / Sales Team" (item 2)',
		]);
		expect(jsonOf(run.errors)[0].message).toContain('"West Region / Sales Team"');
	});

	it('Update and Create or Update resolve the group the same way', async () => {
		await runUser(sim, 'update', {
			parameters: { userId: groupBy('id', 10003), updateFields: { group: groupBy('name', 'Inbound Sales') }, options: { fillUnsetFields: false } },
		});
		await runUser(sim, 'upsert', {
			parameters: { ...NEW_USER, email: 'bob.chen@acme-corp.example', group: groupBy('name', 'West Region') },
		});
		expect(writes()).toEqual([
			['PUT', '/v3/users/10003', { ct_user_ou_id: 70040 }],
			['PUT', '/v3/users/10003', expect.objectContaining({ ct_user_ou_id: 65000 })],
		]);
	});

	it('the user Get Many filter takes a group by name', async () => {
		const run = await runUser(sim, 'getAll', { parameters: { returnAll: true, filters: { group: groupBy('name', 'East Region') } } });
		expect(sim.requests('GET', '/v3/users/list').map((r) => r.query.org_unit_id)).toEqual(['65001']);
		expect(run.items.length).toBeGreaterThan(0);
	});

	it('the Call Get Many filter takes a group by path, the same picker', async () => {
		const run = await runOperation(sim, 'call', 'getAll', { parameters: { limit: 1, filters: { group: groupBy('name', 'West Region / Support Team') } } });
		expect(run.error).toBeUndefined();
		expect(sim.requests('GET', '/v3/conversations/calls').map((r) => r.query.org_unit_id)).toEqual(['70036']);
	});
});

describe('the Group parameter by External ID', () => {
	beforeEach(async () => {
		sim = await startSimulator();
	});

	it('walks the tree once (the top group, then each parent\'s children) and sends the org unit ID', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...NEW_USER, group: groupBy('externalId', ' GRP-70036 ') } });
		expect(run.status).toBe('success');
		expect(groupRequests().sort()).toEqual([
			'GET /v3/groups/60001',
			'GET /v3/groups/list?org_unit_id=60001&limit=100&offset=0',
			'GET /v3/groups/list?org_unit_id=65000&limit=100&offset=0',
			'GET /v3/groups/list?org_unit_id=65001&limit=100&offset=0',
			...TREE,
		]);
		expect(writes()).toEqual([['POST', '/v3/users', expect.objectContaining({ ct_user_ou_id: 70036 })]]);
	});

	it('matches exactly: another letter case is another External ID', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...NEW_USER, group: groupBy('externalId', 'grp-70036') }, settings: toErrorOutput });
		expect(writes()).toEqual([]);
		expect(errors(run)).toEqual(['No Convirza group has the External ID "grp-70036" (item 0)']);
	});
});

describe('repeated names in a large hierarchy', () => {
	beforeEach(async () => {
		sim = await startSimulator({ largeHierarchy: true });
	});

	it('a name several groups have fails the item before any write, listing their paths and IDs', async () => {
		const run = await runUser(sim, 'create', {
			items: [{ team: 'Support' }, { team: 'North Region / Sales' }, { team: 'north region/sales/sales' }],
			parameters: { ...NEW_USER, email: '={{ "n" + $itemIndex + "@acme-corp.example" }}', group: groupBy('name', '={{ $json.team }}') },
			settings: { ...toErrorOutput },
		});
		const [support] = errors(run);
		const supports = sim.groupsNamed('Support');
		expect(support).toBe(
			`8 Convirza groups are named "Support": ${supports
				.slice(0, 10)
				.map((group) => `Acme Corporation › ${sim.group(Number(group.org_unit_parent_id))?.org_unit_name} › Support (${group.org_unit_id})`)
				.join('; ')} (item 0)`,
		);
		// "North Region / Sales" is the branch; the team "Sales" below it has a longer path.
		const northSales = sim.groupsNamed('Sales').filter((group) => sim.group(Number(group.org_unit_parent_id))?.org_unit_name === 'North Region');
		const teamSales = sim.groupsNamed('Sales').find((group) => group.org_unit_parent_id === northSales[0].org_unit_id);
		expect(writes()).toEqual([
			['POST', '/v3/users', expect.objectContaining({ username: 'n1@acme-corp.example', ct_user_ou_id: northSales[0].org_unit_id })],
			['POST', '/v3/users', expect.objectContaining({ username: 'n2@acme-corp.example', ct_user_ou_id: teamSales?.org_unit_id })],
		]);
	});

	it('an External ID several groups share fails the item, listing them', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...NEW_USER, group: groupBy('externalId', 'NS-1') }, settings: toErrorOutput });
		expect(writes()).toEqual([]);
		expect(errors(run)[0]).toMatch(/^5 Convirza groups have the External ID "NS-1": Acme Corporation › North Region › Sales › Inbound › Night Shift \(\d+\); /);
	});

	it('the group requests per execution do not grow with the number of items', async () => {
		const run = async (count: number) => {
			sim.clearLog();
			const result = await runUser(sim, 'updatePartial', {
				items: Array.from({ length: count }, (_, i) => ({ id: [10003, 10004, 10005, 10006, 10008, 10009][i % 6], team: i % 2 ? 'NOR-SALES-WEST' : 'SOU-BILLING-EAST' })),
				parameters: { userId: groupBy('id', '={{ $json.id }}'), updateFields: { group: groupBy('externalId', '={{ $json.team }}') } },
			});
			expect(result.error?.message).toBeUndefined();
			expect(sim.requests('PATCH', /^\/v3\/users\//)).toHaveLength(count);
			return groupRequests().length;
		};
		const few = await run(3);
		expect(await run(40)).toBe(few);
		// The tree (2), the top group (1) and one list per group with sub-groups: 1 + 2 + 8 + 40 + 40.
		expect(few).toBe(2 + 1 + 91);
	});
});

describe('Map Automatically: the user row\'s own group keys', () => {
	beforeEach(async () => {
		sim = await startSimulator();
	});

	const AUTO = { mappingMode: 'autoMapInputData' };
	const row = { username: 'nina.park@acme-corp.example', first_name: 'Nina', last_name: 'Park', role: 'Standard' };

	it('takes `group` as a name or path, `group_external_id` as an External ID, `ct_user_ou_id` and a number in `group` as IDs', async () => {
		const run = await runUser(sim, 'create', {
			items: [
				{ ...row, group: 'east region / inbound sales' },
				{ ...row, username: 'b@acme-corp.example', group_external_id: 'GRP-70036' },
				{ ...row, username: 'c@acme-corp.example', ct_user_ou_id: 65000 },
				{ ...row, username: 'd@acme-corp.example', group: 65001, ct_user_ou_id: 65001 },
			],
			parameters: { ...AUTO, options: { concurrency: 1 } },
		});
		expect(run.status).toBe('success');
		expect(writes().map(([, , body]) => (body as { ct_user_ou_id: number }).ct_user_ou_id)).toEqual([70040, 70036, 65000, 65001]);
	});

	it('refuses two group keys that name the group differently, before any request', async () => {
		const run = await runUser(sim, 'updatePartial', {
			items: [{ ct_user_id: 10003, group: 'Sales Team', group_external_id: 'GRP-70036' }, { ct_user_id: 10003, ct_user_ou_id: 70035, group: 'Sales Team' }],
			parameters: AUTO,
			settings: toErrorOutput,
		});
		expect(sim.log).toEqual([]);
		expect(errors(run)).toEqual([
			'The input item\'s "group_external_id" and "group" set the same field to different values (item 0)',
			'The input item\'s "group" and "ct_user_ou_id" set the same field to different values (item 1)',
		]);
	});

	it('a `group` that names no group fails the item, naming the key', async () => {
		const run = await runUser(sim, 'updatePartial', { items: [{ ct_user_id: 10003, group: 'Nowhere' }], parameters: AUTO, settings: toErrorOutput });
		expect(writes()).toEqual([]);
		expect(errors(run)).toEqual(['No Convirza group is named "Nowhere" (item 0)']);
	});
});
