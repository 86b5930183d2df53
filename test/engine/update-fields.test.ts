import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza } from './convirzaWorkflow';
import { ALL_FIELDS, ALL_FIELDS_BODY, calls } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

describe('User → Update: every field reaches the PUT body', () => {
	it('maps all fields byte for byte and, with every field set, sends the PUT alone', async () => {
		const result = await runConvirza(sim, {
			items: [{}],
			parameters: { userId: byId('10001'), updateFields: ALL_FIELDS },
		});

		expect(result.error).toBeUndefined();
		expect(calls(sim)).toEqual(['PUT /v3/users/10001']);
		const [put] = sim.log;
		expect(put.rawBody).toBe(JSON.stringify(ALL_FIELDS_BODY));
		expect(put.headers['content-type']).toMatch(/^application\/json/);
		expect(put.headers.authorization).toBe(`Bearer ${sim.tokens.admin}`);

		const [item] = result.output(CONVIRZA);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toEqual({
			code: 200,
			message: 'Success',
			data: { userId: 10001 },
			request_id: put.requestId,
			timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		expect(sim.userRecord(10001)).toMatchObject(ALL_FIELDS_BODY);
	});

	it('with Fill Unset Fields off, sends only the fields set', async () => {
		await runConvirza(sim, {
			items: [{}],
			parameters: {
				userId: byId(10001),
				updateFields: { firstName: 'Johnny', agentCode: 0 },
				options: { fillUnsetFields: false },
			},
		});
		expect(calls(sim)).toEqual(['PUT /v3/users/10001']);
		expect(sim.log[0].rawBody).toBe('{"first_name":"Johnny","agent_code":0}');
		expect(sim.userRecord(10001)).toMatchObject({ first_name: 'Johnny', last_name: 'Doe', agent_code: 0 });
	});

	it('Clear Aliases sends aliases as null', async () => {
		await runConvirza(sim, {
			items: [{}],
			parameters: {
				userId: byId(10009),
				updateFields: { clearAliases: true },
				options: { fillUnsetFields: false },
			},
		});
		expect(sim.log[0].rawBody).toBe('{"aliases":null}');
		expect(sim.userRecord(10009)?.aliases).toBeNull();
	});

	it('maps CRM values per item through expressions, each item to its own user', async () => {
		const contacts = [
			{ convirzaId: 10003, first: 'Robert', phone: '720.555.0144', title: 'standard' },
			{ convirzaId: ' 10006 ', first: 'Emmy', phone: '+49 30 9018 2000', title: 'Admin' },
			{ convirzaId: '10011', first: 'Jay', phone: '(206) 555-0177', title: 'read only' },
		];
		const result = await runConvirza(sim, {
			items: contacts,
			parameters: {
				userId: byId('={{ $json.convirzaId }}'),
				updateFields: {
					firstName: '={{ $json.first }}',
					agentRingTo: '={{ $json.phone }}',
					role: '={{ $json.title }}',
				},
				options: { fillUnsetFields: false, concurrency: 1 },
			},
		});

		expect(calls(sim)).toEqual(['PUT /v3/users/10003', 'PUT /v3/users/10006', 'PUT /v3/users/10011']);
		expect(sim.log.map((entry) => entry.body)).toEqual([
			{ first_name: 'Robert', role: 'Standard', agent_ring_to: '+17205550144' },
			{ first_name: 'Emmy', role: 'Admin', agent_ring_to: '+493090182000' },
			{ first_name: 'Jay', role: 'ReadOnly', agent_ring_to: '+12065550177' },
		]);
		const output = result.output(CONVIRZA);
		expect(output.map((item) => [item.json.data, item.pairedItem])).toEqual([
			[{ userId: 10003 }, { item: 0 }],
			[{ userId: 10006 }, { item: 1 }],
			[{ userId: 10011 }, { item: 2 }],
		]);
	});

	it('Return Updated User outputs the fresh profile instead of the confirmation', async () => {
		const result = await runConvirza(sim, {
			items: [{}],
			parameters: {
				userId: byId(10001),
				updateFields: { lastName: 'Dough' },
				options: { returnUpdatedUser: true },
			},
		});
		expect(calls(sim)).toEqual(['GET /v3/users/10001', 'PUT /v3/users/10001', 'GET /v3/users/10001']);
		const [item] = result.output(CONVIRZA);
		expect(item.json).toEqual(sim.user(10001));
		expect(item.json).toMatchObject({ ct_user_id: 10001, last_name: 'Dough', email: 'john.doe@example.com' });
		expect(item.pairedItem).toEqual({ item: 0 });
	});
});
