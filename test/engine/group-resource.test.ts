/**
 * The Group resource through n8n's real engine against the simulator: Get Many (every level or
 * one group's children, each row with its path), Get, Create (the parent checked first, phones in
 * E.164, never sent twice), Update (PATCH, the fields given) and Create or Update (External ID, or
 * name within the parent; same-key items in input order).
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { FAST_RETRIES, groupBy, jsonOf, pairedOf, runGroup, toErrorOutput } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const writes = () => sim.log.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body]);
const errors = (run: { errors: Parameters<typeof jsonOf>[0] }) => jsonOf(run.errors).map((item) => item.error);
const ACME = 'Acme Corporation';

describe('Group → Get Many', () => {
	it('lists every level, parents first, each row as Convirza lists it with its path', async () => {
		const run = await runGroup(sim, 'getAll', { parameters: { returnAll: true } });
		expect(jsonOf(run.items).map((row) => [row.org_unit_id, row.path, row.org_unit_ext_id, row.org_unit_status])).toEqual([
			[60001, ACME, 'ACC-60001', 'active'],
			[65000, `${ACME} › West Region`, 'REG-65000', 'active'],
			[70035, `${ACME} › West Region › Sales Team`, 'GRP-70035', 'active'],
			[70036, `${ACME} › West Region › Support Team`, 'GRP-70036', 'active'],
			[65001, `${ACME} › East Region`, 'REG-65001', 'active'],
			[70040, `${ACME} › East Region › Inbound Sales`, 'GRP-70040', 'active'],
			[70041, `${ACME} › East Region › Legacy Outbound`, 'GRP-70041', 'inactive'],
		]);
		expect(jsonOf(run.items)[2]).toEqual({ ...sim.group(70035), path: `${ACME} › West Region › Sales Team` });
		expect(pairedOf(run.items).every((paired) => JSON.stringify(paired) === '{"item":0}')).toBe(true);
	});

	it('filters every level by Name Contains and Status, up to the Limit', async () => {
		const run = await runGroup(sim, 'getAll', { parameters: { limit: 2, filters: { name: 'SALES', status: 'active' } } });
		expect(jsonOf(run.items).map((row) => row.org_unit_id)).toEqual([70035, 70040]);
		const inactive = await runGroup(sim, 'getAll', { parameters: { returnAll: true, filters: { status: 'inactive' } } });
		expect(jsonOf(inactive.items).map((row) => row.org_unit_id)).toEqual([70041]);
	});

	it('lists the direct children of a group given by name, filtered by Convirza', async () => {
		const run = await runGroup(sim, 'getAll', {
			parameters: { levels: 'children', parentGroup: groupBy('name', 'east region'), returnAll: true, filters: { name: 'legacy' } },
		});
		expect(sim.requests('GET', '/v3/groups/list').map((r) => r.query)).toEqual([
			{ org_unit_id: '65001', group_name: 'legacy', limit: '100', offset: '0' },
		]);
		expect(jsonOf(run.items)).toEqual([{ ...sim.group(70041), path: `${ACME} › East Region › Legacy Outbound` }]);
	});
});

describe('Group → Get', () => {
	it.each([
		['by ID', groupBy('id', ' 70040 ')],
		['by External ID', groupBy('externalId', 'GRP-70040')],
		['by path', groupBy('name', 'East Region › Inbound Sales')],
	])('reads the group %s, with its path', async (_mode, groupId) => {
		const run = await runGroup(sim, 'get', { parameters: { groupId } });
		expect(sim.requests('GET', '/v3/groups/70040')).toHaveLength(1);
		expect(jsonOf(run.items)).toEqual([{ ...sim.group(70040), path: `${ACME} › East Region › Inbound Sales` }]);
	});

	it('a group outside your hierarchy: Convirza\'s 403 and what it means', async () => {
		const run = await runGroup(sim, 'get', { parameters: { groupId: groupBy('id', 90001) }, settings: toErrorOutput });
		expect(jsonOf(run.errors)[0]).toMatchObject({
			error: 'Convirza error 403: Org unit is outside your scope',
			message: expect.stringMatching(/^The group is outside your account's hierarchy/),
		});
	});
});

describe('Group → Create', () => {
	it('creates the group under the parent (by name), phone in E.164 with the Default Country Code', async () => {
		const run = await runGroup(sim, 'create', {
			parameters: {
				name: ' Sales North ',
				parentGroup: groupBy('name', 'West Region'),
				additionalFields: { externalId: 'TERR-N1', city: 'Seattle', state: 'WA', zip: '98101', phoneNumber: '030 9018 2000', industryId: 3, address: '' },
				options: { defaultCountryCode: '49' },
			},
		});
		expect(writes()).toEqual([
			[
				'POST',
				'/v3/groups',
				{ org_unit_name: 'Sales North', org_unit_ext_id: 'TERR-N1', city: 'Seattle', state: 'WA', zip: '98101', phone_number: '+493090182000', industry_id: 3, org_unit_parent_id: 65000 },
			],
		]);
		const [created] = sim.groupWrites;
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ code: 200, data: { orgUnitId: created.orgUnitId } })]);
		expect(sim.group(created.orgUnitId)).toMatchObject({ org_unit_name: 'Sales North', org_unit_parent_id: 65000, org_unit_status: 'active' });
	});

	it('refuses, before any write, a name the parent has already, an inactive parent, and a parent not in your hierarchy', async () => {
		const run = await runGroup(sim, 'create', {
			items: [{ name: 'sales team', parent: 65000 }, { name: 'X', parent: 70041 }, { name: 'X', parent: 90001 }],
			parameters: { name: '={{ $json.name }}', parentGroup: groupBy('id', '={{ $json.parent }}') },
			settings: toErrorOutput,
		});
		expect(writes()).toEqual([]);
		expect(errors(run)).toEqual([
			`A group named "sales team" under ${ACME} › West Region exists already (ID 70035) (item 0)`,
			`The parent group ${ACME} › East Region › Legacy Outbound (70041) is inactive (item 1)`,
			'No group in your Convirza hierarchy has the ID 90001 (item 2)',
		]);
	});

	it('a create whose outcome is unclear is not sent again, by this item or a later one', async () => {
		sim.inject('POST', '/v3/groups', { reset: 'after' });
		const run = await runGroup(sim, 'create', {
			items: [{}, {}],
			parameters: { name: 'Night Desk', parentGroup: groupBy('id', 65001), options: { ...FAST_RETRIES, concurrency: 1 } },
			settings: toErrorOutput,
		});
		expect(sim.requests('POST', '/v3/groups')).toHaveLength(1);
		expect(sim.groupWrites).toHaveLength(1);
		const [first, second] = jsonOf(run.errors);
		expect(first.message).toMatch(/^Convirza may have created the group "Night Desk" under Acme Corporation › East Region before the request failed, so it was not sent again\./);
		expect(second.error).toBe(`An earlier item's create of the group "Night Desk" under ${ACME} › East Region failed without a clear answer, so it is not sent again (item 1)`);
	});

	it('the next items find a group created by an earlier one', async () => {
		const run = await runGroup(sim, 'create', {
			items: [{ name: 'Team A', parent: 'West Region' }, { name: 'Team B', parent: 'West Region / Team A' }],
			parameters: { name: '={{ $json.name }}', parentGroup: groupBy('name', '={{ $json.parent }}'), options: { concurrency: 1 } },
		});
		expect(run.status).toBe('success');
		const [a, b] = sim.groupWrites.map((write) => write.orgUnitId);
		expect(sim.group(b)).toMatchObject({ org_unit_name: 'Team B', org_unit_parent_id: a });
		expect(sim.requests('GET', '/v3/groups/tree')).toHaveLength(2);
	});
});

describe('Group → Update', () => {
	it('sends only the fields set, as PATCH, to the group named by External ID', async () => {
		const run = await runGroup(sim, 'update', {
			parameters: { groupId: groupBy('externalId', 'GRP-70041'), updateFields: { name: 'Outbound (old)', phoneNumber: '(206) 555-0100', city: '' } },
		});
		expect(writes()).toEqual([['PATCH', '/v3/groups/70041', { org_unit_name: 'Outbound (old)', phone_number: '+12065550100' }]]);
		expect(jsonOf(run.items)).toEqual([expect.objectContaining({ code: 200, data: { orgUnitId: 70041 } })]);
		expect(sim.group(70041)).toMatchObject({ org_unit_name: 'Outbound (old)', org_unit_status: 'inactive' });
	});

	it('refuses an update that sets nothing, before any request', async () => {
		const run = await runGroup(sim, 'update', { parameters: { groupId: groupBy('id', 70035), updateFields: { city: ' ' } }, settings: toErrorOutput });
		expect(sim.log).toEqual([]);
		expect(errors(run)).toEqual(['The "Update Fields" parameter has no value to send for this item (item 0)']);
	});
});

describe('Group → Create or Update', () => {
	it('matches on the name within the parent: creates the first time, updates the next item, in input order', async () => {
		const run = await runGroup(sim, 'upsert', {
			items: [{ team: 'Sales West', city: 'Seattle' }, { team: 'SALES WEST', city: 'Tacoma' }, { team: 'Sales Team', city: 'Spokane' }],
			parameters: {
				matchOn: 'name',
				name: '={{ $json.team }}',
				parentGroup: groupBy('name', 'West Region'),
				additionalFields: { city: '={{ $json.city }}' },
			},
		});
		const created = sim.groupWrites.find((write) => write.method === 'POST')?.orgUnitId;
		expect(jsonOf(run.items).map((item) => [item.action, item.groupId])).toEqual([
			['created', created],
			['updated', created],
			['updated', 70035],
		]);
		expect(jsonOf(run.items)[0]).toMatchObject({ code: 200, data: { orgUnitId: created } });
		// The two items of one team in input order; the other team's item runs alongside.
		const lane = writes().filter(([, path]) => path !== '/v3/groups/70035');
		expect(lane).toEqual([
			['POST', '/v3/groups', { org_unit_name: 'Sales West', city: 'Seattle', org_unit_parent_id: 65000 }],
			['PATCH', `/v3/groups/${created}`, { org_unit_name: 'SALES WEST', city: 'Tacoma' }],
		]);
		expect(writes()).toContainEqual(['PATCH', '/v3/groups/70035', { org_unit_name: 'Sales Team', city: 'Spokane' }]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('matches on External ID anywhere in the hierarchy: the found group is renamed, a new one created', async () => {
		const run = await runGroup(sim, 'upsert', {
			items: [{ code: 'GRP-70036', team: 'Support West' }, { code: 'TERR-9', team: 'Territory 9' }],
			parameters: { matchOn: 'externalId', externalId: '={{ $json.code }}', name: '={{ $json.team }}', parentGroup: groupBy('list', 65001) },
		});
		const created = sim.groupWrites.find((write) => write.method === 'POST')?.orgUnitId;
		expect(jsonOf(run.items).map((item) => [item.action, item.groupId])).toEqual([
			['updated', 70036],
			['created', created],
		]);
		expect(sim.group(70036)).toMatchObject({ org_unit_name: 'Support West', org_unit_parent_id: 65000 });
		expect(sim.group(created as number)).toMatchObject({ org_unit_name: 'Territory 9', org_unit_ext_id: 'TERR-9', org_unit_parent_id: 65001 });
	});

	it('several groups with the External ID: the item fails, listing them, and nothing is written', async () => {
		await sim.close();
		sim = await startSimulator({ largeHierarchy: true });
		const run = await runGroup(sim, 'upsert', {
			parameters: { matchOn: 'externalId', externalId: 'NS-2', name: 'Night Shift', parentGroup: groupBy('name', 'South Region') },
			settings: toErrorOutput,
		});
		expect(writes()).toEqual([]);
		expect(errors(run)[0]).toMatch(/^5 Convirza groups have the External ID "NS-2": Acme Corporation › South Region › Sales › Inbound › Night Shift \(\d+\);/);
	});
});
