import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza } from './convirzaWorkflow';
import { calls } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

/** A CRM contact whose phone and external ID are empty, mapped field by field with expressions. */
const contact = { id: 10003, first: 'Robert', last: '', phone: '', ext: null, tz: '   ' };
const mapped = {
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	agentRingTo: '={{ $json.phone }}',
	externalId: '={{ $json.ext }}',
	timezone: '={{ $json.tz }}',
};

describe('Ignore Empty Values', () => {
	it('on (default): empty CRM fields count as not set and cannot wipe stored values', async () => {
		const before = sim.userRecord(10003)!;
		const result = await runConvirza(sim, {
			items: [contact],
			parameters: { userId: byId('={{ $json.id }}'), updateFields: mapped, options: { fillUnsetFields: false } },
		});
		expect(result.error).toBeUndefined();
		expect(sim.log[0].body).toEqual({ first_name: 'Robert' });
		expect(sim.userRecord(10003)).toMatchObject({
			first_name: 'Robert',
			last_name: before.last_name,
			agent_ring_to: before.agent_ring_to,
			user_ext_id: before.user_ext_id,
			timezone: before.timezone,
		});
	});

	it('on, with the profile filled from the current user: the stored values are sent back unchanged', async () => {
		const before = sim.userRecord(10003)!;
		await runConvirza(sim, { items: [contact], parameters: { userId: byId('={{ $json.id }}'), updateFields: mapped } });
		expect(sim.log[1].body).toMatchObject({
			first_name: 'Robert',
			last_name: before.last_name,
			agent_ring_to: before.agent_ring_to,
			timezone: before.timezone,
		});
	});

	it('off: empty text is sent as given, and fields that cannot be empty are refused before any request', async () => {
		const result = await runConvirza(sim, {
			items: [
				{ id: 10003, ext: '' },
				{ id: 10006, phone: '' },
			],
			parameters: {
				userId: byId('={{ $json.id }}'),
				updateFields: { externalId: '={{ $json.ext }}', agentRingTo: '={{ $json.phone }}' },
				options: { ignoreEmptyValues: false, fillUnsetFields: false, concurrency: 1 },
			},
			settings: { onError: 'continueErrorOutput' },
		});
		// Item 0 has no phone at all (undefined): refused; item 1 has no ext: refused. Nothing was sent.
		expect(calls(sim)).toEqual([]);
		expect(result.output(CONVIRZA, 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['The "Agent Ring-To" parameter has no value (item 0)', { item: 0 }],
			['The "External ID" parameter has no value (item 1)', { item: 1 }],
		]);
	});

	it('off: an explicitly empty External ID is sent as empty text', async () => {
		await runConvirza(sim, {
			items: [{ id: 10003, ext: '' }],
			parameters: {
				userId: byId('={{ $json.id }}'),
				updateFields: { externalId: '={{ $json.ext }}' },
				options: { ignoreEmptyValues: false, fillUnsetFields: false },
			},
		});
		expect(sim.log[0].rawBody).toBe('{"user_ext_id":""}');
	});

	it('an item whose mapped fields are all empty fails clearly instead of sending nothing useful', async () => {
		const result = await runConvirza(sim, {
			items: [{ id: 10003, first: '', last: '' }],
			parameters: {
				userId: byId('={{ $json.id }}'),
				updateFields: { firstName: '={{ $json.first }}', lastName: '={{ $json.last }}' },
			},
			settings: { onError: 'continueRegularOutput' },
		});
		expect(calls(sim)).toEqual([]);
		const [item] = result.output(CONVIRZA);
		expect(item.json.error).toBe('The "Update Fields" parameter has no value to send for this item (item 0)');
		expect(item.json.message).toBe(
			'Add at least one field. Fields whose value was empty were skipped because "Ignore Empty Values" is on.',
		);
	});
});
