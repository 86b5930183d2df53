/**
 * Mapping Mode "Map Automatically" through n8n's real engine: the profile comes from the input
 * item's keys (Convirza's names or the node's), with the same validation as fields set in the node,
 * no expression anywhere; unknown keys are refused by name unless Ignore Unknown Keys is on; the
 * user comes from the item too (Find User By).
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { ALL_FIELDS_BODY, jsonOf, pairedOf, runUser } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const AUTO = { mappingMode: 'autoMapInputData' };
const bodies = (method: string) => sim.log.filter((r) => r.method === method).map((r) => [r.path, r.body]);

describe('Map Automatically: Update', () => {
	it("sends the item's fields under Convirza's names or the node's, validated as in the node", async () => {
		const run = await runUser(sim, 'update', {
			items: [
				{ ct_user_id: 10001, ...ALL_FIELDS_BODY, ct_user_ou_id: '70036', agent_ring_to: '+1 (206) 555-0199' },
				{ ct_user_id: ' 10003 ', firstName: ' Robert ', agentRingTo: '720.555.0144', role: 'read only' },
			],
			parameters: { ...AUTO, options: { fillUnsetFields: false, concurrency: 1 } },
		});

		expect(run.status).toBe('success');
		expect(bodies('PUT')).toEqual([
			['/v3/users/10001', ALL_FIELDS_BODY],
			['/v3/users/10003', { first_name: 'Robert', role: 'ReadOnly', agent_ring_to: '+17205550144' }],
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('keeps Fill Unset Fields: only the keys given change, the rest is read and sent back', async () => {
		const before = sim.user(10001);
		await runUser(sim, 'update', { items: [{ ct_user_id: 10001, user_ext_id: 'CRM-9' }], parameters: AUTO });
		expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/users/10001', 'PUT /v3/users/10001']);
		expect(sim.user(10001)).toEqual({ ...before, user_ext_id: 'CRM-9' });
	});

	it('refuses a key that is no field, naming it and the key meant, before any request', async () => {
		const run = await runUser(sim, 'update', {
			items: [{ ct_user_id: 10001, First_Name: 'Jo' }, { ct_user_id: 10003, first_name: 'Bo', title: 'VP' }],
			parameters: AUTO,
			settings: { onError: 'continueErrorOutput' },
		});
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The input item\'s "First_Name" is not a Convirza user field (item 0)',
			'The input item\'s "title" is not a Convirza user field (item 1)',
		]);
		expect(jsonOf(run.errors)[0].message).toMatch(/^Did you mean "first_name"\?/);
		expect(pairedOf(run.errors)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('skips unknown keys with Ignore Unknown Keys on', async () => {
		await runUser(sim, 'updatePartial', {
			items: [{ ct_user_id: 10001, first_name: 'Jo', title: 'VP', createdAt: 'x' }],
			parameters: { ...AUTO, options: { ignoreUnknownKeys: true } },
		});
		expect(bodies('PATCH')).toEqual([['/v3/users/10001', { first_name: 'Jo' }]]);
	});

	it('names the input key whose value is refused, and refuses two keys for one field that disagree', async () => {
		const run = await runUser(sim, 'updatePartial', {
			items: [
				{ ct_user_id: 10001, agent_ring_to: 'call me' },
				{ ct_user_id: 10001, first_name: 'Jo', firstName: 'Joe' },
				{ ct_user_id: 'abc', first_name: 'Jo' },
				{ first_name: 'Jo' },
			],
			parameters: AUTO,
			settings: { onError: 'continueErrorOutput' },
		});
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The input item\'s "agent_ring_to" contains letters: "call me" (item 0)',
			'The input item\'s "firstName" and "first_name" set the same field to different values (item 1)',
			'The input item\'s "ct_user_id" must be a positive whole number, not "abc" (item 2)',
			'The input item\'s "ct_user_id" is missing (item 3)',
		]);
	});

	it('finds the user by the email or External ID in the item, without an expression', async () => {
		await runUser(sim, 'updatePartial', {
			items: [{ email: 'JOHN.DOE@example.com', first_name: 'Johnny' }, { user_ext_id: 'EXT-12345', last_name: 'Doe-Smith' }],
			parameters: { ...AUTO, userFromInput: 'email', options: { concurrency: 1 } },
		});
		// The email that found the user is sent too: it is the same address.
		expect(bodies('PATCH')).toEqual([['/v3/users/10001', { username: 'JOHN.DOE@example.com', first_name: 'Johnny' }]]);
		const byExternalId = await runUser(sim, 'updatePartial', {
			items: [{ user_ext_id: 'EXT-12345', last_name: 'Doe-Smith' }],
			parameters: { ...AUTO, userFromInput: 'externalId' },
		});
		expect(jsonOf(byExternalId.items)[0]).toMatchObject({ data: { userId: 10001 } });
	});

	it('refuses an item whose External ID is empty: users with an empty one are nobody in particular', async () => {
		sim.setUser(10002, { user_ext_id: '' });
		const run = await runUser(sim, 'update', {
			items: [{ user_ext_id: ' ', first_name: 'Nobody' }],
			parameters: { ...AUTO, userFromInput: 'externalId' },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([`The input item's "user_ext_id" has no External ID (item 0)`]);
		expect(sim.user(10002)?.first_name).not.toBe('Nobody');
	});
});

describe('Map Automatically: Create and Create or Update', () => {
	const NEW = {
		username: 'nina.park@acme-corp.example',
		first_name: 'Nina',
		last_name: 'Park',
		role: 'Standard',
		ct_user_ou_id: 70035,
	};

	it('creates from the item, and names a missing required key', async () => {
		const run = await runUser(sim, 'create', {
			items: [NEW, { ...NEW, username: 'ola@acme-corp.example', last_name: '' }],
			parameters: { ...AUTO, options: { concurrency: 1 } },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(bodies('POST')).toEqual([['/v3/users', NEW]]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The input item\'s "last_name" is missing or empty (item 1)',
		]);
	});

	it.each(['create', 'upsert'])(
		'%s refuses a misspelled key with Ignore Unknown Keys left unset: a new user never silently lacks a field',
		async (operation) => {
			const run = await runUser(sim, operation, {
				items: [{ ...NEW, titel: 'VP' }, { ...NEW, username: 'ola@acme-corp.example', frist_name: 'Ola' }],
				parameters: { ...AUTO, options: { concurrency: 1 } },
				settings: { onError: 'continueErrorOutput' },
			});
			expect(sim.log).toEqual([]);
			expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
				'The input item\'s "titel" is not a Convirza user field (item 0)',
				'The input item\'s "frist_name" is not a Convirza user field (item 1)',
			]);
			expect(pairedOf(run.errors)).toEqual([{ item: 0 }, { item: 1 }]);
		},
	);

	it.each(['create', 'upsert'])('%s skips unknown keys with Ignore Unknown Keys on', async (operation) => {
		await runUser(sim, operation, { items: [{ ...NEW, titel: 'VP' }], parameters: { ...AUTO, options: { ignoreUnknownKeys: true } } });
		expect(bodies('POST')).toEqual([['/v3/users', NEW]]);
	});

	it('Create or Update matches on the email in the item', async () => {
		const run = await runUser(sim, 'upsert', {
			items: [NEW, { ...NEW, first_name: 'Nina-Marie' }],
			parameters: { ...AUTO, options: { concurrency: 10 } },
		});
		expect(jsonOf(run.items).map((item) => item.action)).toEqual(['created', 'updated']);
		const id = jsonOf(run.items)[0].userId as number;
		expect(jsonOf(run.items)[1].userId).toBe(id);
		expect(sim.user(id)).toMatchObject({ email: NEW.username, first_name: 'Nina-Marie' });
	});
});
