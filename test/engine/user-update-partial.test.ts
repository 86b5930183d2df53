/**
 * User → Update (Partial) through n8n's real engine against the simulator: PATCH /v3/users/{id}
 * with only the fields set, Clear Aliases, the empty-update refusal, the documented errors,
 * continue-on-fail.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { byId } from './convirzaWorkflow';
import { FAST_RETRIES, groupFromList, jsonOf, pairedOf, runUser, standardToken, unknownToken } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const patches = () => sim.requests('PATCH', /^\/v3\/users\//);

describe('User → Update (Partial)', () => {
	it('sends only the fields set, and nothing else changes', async () => {
		const before = sim.user(10001);
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: byId(10001), updateFields: { firstName: ' Johnny ', agentRingTo: '+1 (425) 555-0000' } },
		});

		expect(run.status).toBe('success');
		// No read first: PATCH keeps every field it is not given.
		expect(sim.log.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
			['PATCH', '/v3/users/10001', {}, { first_name: 'Johnny', agent_ring_to: '+14255550000' }],
		]);
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({ code: 200, message: 'Success', data: { userId: 10001 } }),
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
		expect(sim.user(10001)).toEqual({ ...before, first_name: 'Johnny', agent_ring_to: '+14255550000' });
	});

	it('sends every profile field with the same validation as Update', async () => {
		await runUser(sim, 'updatePartial', {
			parameters: {
				userId: byId(10003),
				updateFields: {
					accessAudio: false,
					agentCode: 7,
					aliases: 'Bobby',
					email: 'bob.chen@new.example',
					externalId: 'CRM-7',
					group: groupFromList(70040),
					lastName: 'Chen-Li',
					role: 'readonly',
					scoreCalls: true,
					status: 'inactive',
					timezone: 'europe/berlin',
				},
			},
		});
		expect(patches()[0].body).toEqual({
			access_audio: false,
			agent_code: 7,
			aliases: 'Bobby',
			username: 'bob.chen@new.example',
			user_ext_id: 'CRM-7',
			ct_user_ou_id: 70040,
			last_name: 'Chen-Li',
			role: 'ReadOnly',
			score_call: true,
			user_status: 'inactive',
			timezone: 'Europe/Berlin',
		});
	});

	it('Clear Aliases sends aliases: null', async () => {
		await runUser(sim, 'updatePartial', { parameters: { userId: byId(10009), updateFields: { clearAliases: true } } });
		expect(patches()[0].body).toEqual({ aliases: null });
		expect(sim.user(10009)?.aliases).toBeNull();
	});

	it('refuses Clear Aliases together with Aliases', async () => {
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: byId(10009), updateFields: { clearAliases: true, aliases: 'x' } },
		});
		expect(run.error?.message).toBe('The "Clear Aliases" parameter cannot be used together with Aliases (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	it('refuses an update without any field, before any request', async () => {
		const run = await runUser(sim, 'updatePartial', { parameters: { userId: byId(10001) } });
		expect(run.error?.message).toBe('The "Update Fields" parameter has no value to send for this item (item 0)');
		expect(run.error?.description).toBe(
			'Add at least one field. Fields whose value was empty were skipped because "Ignore Empty Values" is on.',
		);
		expect(sim.log).toHaveLength(0);
	});

	it('skips empty mapped values, and refuses the item when nothing is left', async () => {
		const run = await runUser(sim, 'updatePartial', {
			items: [{ first: 'Jo', last: '' }, { first: '', last: '' }],
			parameters: {
				userId: byId(10001),
				updateFields: { firstName: '={{ $json.first }}', lastName: '={{ $json.last }}' },
				options: { concurrency: 1 },
			},
			settings: { onError: 'continueErrorOutput' },
		});
		expect(patches().map((r) => r.body)).toEqual([{ first_name: 'Jo' }]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
		expect(pairedOf(run.errors)).toEqual([{ item: 1 }]);
		expect(jsonOf(run.errors)[0].error).toBe('The "Update Fields" parameter has no value to send for this item (item 1)');
	});

	it('Return Updated User reads the user after the PATCH', async () => {
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: byId(10001), updateFields: { lastName: 'Dough' }, options: { returnUpdatedUser: true } },
		});
		expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /v3/users/10001', 'GET /v3/users/10001']);
		expect(jsonOf(run.items)).toEqual([sim.user(10001)]);
		expect(jsonOf(run.items)[0].last_name).toBe('Dough');
	});

	it('retries a lost answer: the PATCH is idempotent', async () => {
		sim.inject('PATCH', '/v3/users/10001', { reset: 'after' });
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: byId(10001), updateFields: { firstName: 'Jon' }, options: FAST_RETRIES },
		});
		expect(run.status).toBe('success');
		expect(patches()).toHaveLength(2);
	});

	it('400: another user has the email', async () => {
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: byId(10001), updateFields: { email: 'bob.chen@acme-corp.example' } },
		});
		expect(run.error?.message).toBe('Convirza error 400: Email already in use');
		expect(run.error?.description).toMatch(/^Another Convirza user already has this email/);
		expect(sim.writes).toHaveLength(0);
	});

	it("400: the group is outside the caller's hierarchy", async () => {
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId: byId(10001), updateFields: { group: groupFromList(90001) } },
		});
		expect(run.error?.message).toBe('Convirza error 400: Org unit is outside your hierarchy');
		expect(run.error?.description).toMatch(/inside your account's hierarchy/);
	});

	it('404: says which ID Convirza does not know', async () => {
		const run = await runUser(sim, 'updatePartial', { parameters: { userId: byId(99999), updateFields: { firstName: 'X' } } });
		expect(run.error?.message).toBe('Convirza error 404: User not found');
		expect(run.error?.description).toMatch(/^No Convirza user has the ID 99999\./);
	});

	it('401 and 403: token unknown, token not Admin', async () => {
		const parameters = { userId: byId(10001), updateFields: { firstName: 'X' } };
		const unknown = await runUser(sim, 'updatePartial', { parameters, credential: unknownToken(sim) });
		expect(unknown.error?.message).toMatch(/^Convirza error 401: /);
		const standard = await runUser(sim, 'updatePartial', { parameters, credential: standardToken(sim) });
		expect(standard.error?.message).toBe('Convirza error 403: Insufficient permissions: Admin role required');
		expect(sim.writes).toHaveLength(0);
	});

	it('continue-on-fail: good items are changed, bad ones go to the error output, all linked', async () => {
		const run = await runUser(sim, 'updatePartial', {
			items: [
				{ id: 10001, phone: '+14255550001' },
				{ id: 10003, phone: 'call me' },
				{ id: 99999, phone: '+14255550003' },
				{ id: 10004, phone: '+14255550004' },
			],
			parameters: { userId: byId('={{ $json.id }}'), updateFields: { agentRingTo: '={{ $json.phone }}' } },
			settings: { onError: 'continueErrorOutput' },
		});

		expect(jsonOf(run.items).map((item) => (item.data as { userId: number }).userId)).toEqual([10001, 10004]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(pairedOf(run.errors)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The "Agent Ring-To" parameter contains letters: "call me" (item 1)',
			'Convirza error 404: User not found',
		]);
		expect(sim.user(10001)?.agent_ring_to).toBe('+14255550001');
		expect(sim.user(10003)?.agent_ring_to).toBe('+17205550143');
		expect(sim.user(10004)?.agent_ring_to).toBe('+14255550004');
	});
});
