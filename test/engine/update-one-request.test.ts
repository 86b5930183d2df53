/**
 * Update in One Request (PATCH) through n8n's real engine against the simulator: Update and Create or
 * Update change a found user with one PATCH of the fields given, never a GET and a full PUT, never a
 * field blanked; Create or Update on Email over N partial records costs at most the account's listing
 * pages and one request per item.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { byId } from './convirzaWorkflow';
import { groupFromList, jsonOf, pairedOf, runUser } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const ONE_REQUEST = { updateInOneRequest: true };
const requests = () => sim.log.map((r) => `${r.method} ${r.path}`);

describe('User → Update, Update in One Request', () => {
	it('sends one PATCH per user with only the fields given; every other field keeps its value', async () => {
		const ids = sim.addUsers(3);
		const before = ids.map((id) => sim.user(id));
		const run = await runUser(sim, 'update', {
			items: ids.map((id) => ({ id, first: `Renamed ${id}`, phone: '', ext: `CRM-${id}` })),
			parameters: {
				userId: byId('={{ $json.id }}'),
				// The empty phone counts as not set (Ignore Empty Values): it must not blank the stored one.
				updateFields: { firstName: '={{ $json.first }}', agentRingTo: '={{ $json.phone }}', externalId: '={{ $json.ext }}' },
				options: ONE_REQUEST,
			},
		});

		expect(run.status).toBe('success');
		expect(sim.log.map((r) => [r.method, r.path, r.body])).toEqual(
			ids.map((id) => ['PATCH', `/v3/users/${id}`, { first_name: `Renamed ${id}`, user_ext_id: `CRM-${id}` }]),
		);
		expect(ids.map((id) => sim.user(id))).toEqual(
			before.map((user) => ({ ...user, first_name: `Renamed ${user?.ct_user_id}`, user_ext_id: `CRM-${user?.ct_user_id}` })),
		);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('Map Automatically: one PATCH of the item\'s fields, the user by External ID', async () => {
		const [id] = sim.addUsers(1);
		const before = sim.user(id);
		await runUser(sim, 'update', {
			items: [{ user_ext_id: `EXT-${id}`, last_name: 'Okafor' }],
			parameters: { mappingMode: 'autoMapInputData', userFromInput: 'externalId', options: ONE_REQUEST },
		});

		expect(sim.log.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body])).toEqual([
			['PATCH', `/v3/users/${id}`, { user_ext_id: `EXT-${id}`, last_name: 'Okafor' }],
		]);
		expect(sim.user(id)).toEqual({ ...before, last_name: 'Okafor' });
	});

	it('off (the default): reads the user and sends the whole profile with PUT', async () => {
		await runUser(sim, 'update', { parameters: { userId: byId(10001), updateFields: { firstName: 'Johnny' } } });

		expect(requests()).toEqual(['GET /v3/users/10001', 'PUT /v3/users/10001']);
	});
});

describe('User → Create or Update on Email, Update in One Request', () => {
	const partialProfile = {
		email: '={{ $json.email }}',
		firstName: '={{ $json.first }}',
		lastName: '={{ $json.last }}',
		role: 'Standard',
		group: groupFromList(70035),
		additionalFields: { externalId: '={{ $json.crmId }}' },
	};

	it('N partial records: one PATCH per matched user with only the fields given, at most N + ⌈N/200⌉ + 1 requests', async () => {
		const existing = sim.addUsers(230);
		const before = new Map(existing.map((id) => [id, sim.user(id)]));
		const fresh = Array.from({ length: 20 }, (_, k) => `new.${k}@acme-corp.example`);
		const items = [
			...existing.map((id) => ({ email: sim.user(id)?.email, first: 'Synced', last: `CRM ${id}`, crmId: `CRM-${id}` })),
			...fresh.map((email, k) => ({ email, first: 'New', last: `Person ${k}`, crmId: `CRM-NEW-${k}` })),
		];
		const n = items.length;

		const run = await runUser(sim, 'upsert', { items, parameters: { ...partialProfile, options: ONE_REQUEST } });

		expect(run.status).toBe('success');
		expect(run.items).toHaveLength(n);
		expect(sim.log.length).toBeLessThanOrEqual(n + Math.ceil(n / 200) + 1);
		const patches = sim.log.filter((r) => r.method === 'PATCH');
		expect(patches.map((r) => r.path).sort()).toEqual(existing.map((id) => `/v3/users/${id}`).sort());
		expect(sim.log.filter((r) => r.method === 'PUT')).toEqual([]);
		expect(sim.log.filter((r) => r.method === 'POST')).toHaveLength(fresh.length);
		for (const id of existing) {
			const user = before.get(id);
			const patch = patches.find((r) => r.path === `/v3/users/${id}`);
			expect(patch?.body).toEqual({
				username: user?.email,
				first_name: 'Synced',
				last_name: `CRM ${id}`,
				role: 'Standard',
				ct_user_ou_id: 70035,
				user_ext_id: `CRM-${id}`,
			});
		}
		// What the records did not carry (time zone, ring-to, agent code, ...) is untouched.
		const [first] = existing;
		expect(sim.user(first)).toMatchObject({
			timezone: before.get(first)?.timezone,
			agent_ring_to: before.get(first)?.agent_ring_to,
			agent_code: before.get(first)?.agent_code,
			first_name: 'Synced',
		});
		expect(jsonOf(run.items).map((item) => item.action)).toEqual([
			...existing.map(() => 'updated'),
			...fresh.map(() => 'created'),
		]);
	});

	it('off (the default): the found user is read, then updated with the whole profile (PUT)', async () => {
		await runUser(sim, 'upsert', {
			items: [{ email: 'john.doe@example.com', first: 'Johnny', last: 'Doe', crmId: 'CRM-1' }],
			parameters: partialProfile,
		});

		expect(requests().filter((r) => !r.startsWith('GET /v3/users/list'))).toEqual([
			'GET /v3/users/10001',
			'PUT /v3/users/10001',
		]);
	});
});
