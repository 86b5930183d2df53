import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza } from './convirzaWorkflow';
import { ALL_FIELDS, ALL_FIELDS_BODY, calls } from '../kit';

let sim: ConvirzaSimulator;
afterEach(async () => await sim.close());

/** John Doe (10001) as stored before any test touches him, in request-side names. */
const JOHN = {
	username: 'john.doe@example.com',
	first_name: 'John',
	last_name: 'Doe',
	role: 'Standard',
	user_ext_id: 'EXT-12345',
	user_status: 'active',
	aliases: null,
	timezone: 'America/Los_Angeles',
	agent_ring_to: '+14255551234',
	agent_code: 1,
	ct_user_ou_id: 70035,
	score_call: true,
	access_audio: true,
};

const FIELD_PARAMS = Object.keys(ALL_FIELDS) as Array<keyof typeof ALL_FIELDS>;
const BODY_KEY: Record<keyof typeof ALL_FIELDS, keyof typeof JOHN> = {
	accessAudio: 'access_audio',
	agentCode: 'agent_code',
	agentRingTo: 'agent_ring_to',
	aliases: 'aliases',
	email: 'username',
	externalId: 'user_ext_id',
	firstName: 'first_name',
	group: 'ct_user_ou_id',
	lastName: 'last_name',
	role: 'role',
	scoreCalls: 'score_call',
	status: 'user_status',
	timezone: 'timezone',
};

describe('Fill Unset Fields From Current User (default on)', () => {
	beforeEach(async () => (sim = await startSimulator()));

	it.each(FIELD_PARAMS)('keeps the current value when only "%s" is left unset: one GET, one PUT', async (unset) => {
		const fields: INodeParameters = { ...ALL_FIELDS };
		delete fields[unset];
		const result = await runConvirza(sim, { items: [{}], parameters: { userId: byId(10001), updateFields: fields } });

		expect(result.error).toBeUndefined();
		expect(calls(sim)).toEqual(['GET /v3/users/10001', 'PUT /v3/users/10001']);
		const key = BODY_KEY[unset];
		const sent = sim.log[1].body as Record<string, unknown>;
		const expected: Record<string, unknown> = { ...ALL_FIELDS_BODY, [key]: JOHN[key] };
		// aliases is null for John: a null current value is left out (PUT keeps absent fields).
		if (JOHN[key] === null) delete expected[key];
		expect(sent).toEqual(expected);
		expect(sim.userRecord(10001)?.[key]).toEqual(JOHN[key]);
	});

	it('one field set: the rest of the profile survives untouched', async () => {
		await runConvirza(sim, { items: [{}], parameters: { userId: byId(10001), updateFields: { firstName: 'Johnny' } } });
		const { aliases, ...sentWithoutNull } = JOHN;
		expect(aliases).toBeNull();
		expect(sim.log[1].body).toEqual({ ...sentWithoutNull, first_name: 'Johnny' });
		expect(sim.userRecord(10001)).toMatchObject({ ...JOHN, first_name: 'Johnny' });
	});

	it('never guesses an unknown role: the item fails naming Role, and nothing is written', async () => {
		sim.setUser(10003, { roleDisplay: 'Supervisor' });
		const result = await runConvirza(sim, {
			items: [{}],
			parameters: { userId: byId(10003), updateFields: { firstName: 'Bobby' } },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(calls(sim)).toEqual(['GET /v3/users/10003']);
		expect(result.output(CONVIRZA, 0)).toEqual([]);
		const [failed] = result.output(CONVIRZA, 1);
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json.error).toBe(
			'The "Role" parameter must be set for this user: Convirza shows the role as "Supervisor", which has no known request value (item 0)',
		);
		expect(failed.json.message).toBe('Add "Role" to Update Fields with the value to keep.');
	});

	it('an unknown role is no obstacle when the operator sets Role', async () => {
		sim.setUser(10003, { roleDisplay: 'Supervisor' });
		const result = await runConvirza(sim, {
			items: [{}],
			parameters: { userId: byId(10003), updateFields: { firstName: 'Bobby', role: 'Standard' } },
		});
		expect(result.error).toBeUndefined();
		expect(sim.log[1].body).toMatchObject({ first_name: 'Bobby', role: 'Standard' });
	});

	it("a deleted user's status is not written back: the operator must choose one", async () => {
		const result = await runConvirza(sim, {
			items: [{}],
			parameters: { userId: byId(10007), updateFields: { firstName: 'Frankie' } },
			settings: { onError: 'continueRegularOutput' },
		});
		expect(calls(sim)).toEqual(['GET /v3/users/10007']);
		expect(result.output(CONVIRZA)[0].json.error).toMatch(/^The "Status" parameter must be set for this user: the user's current status is "deleted"/);
	});
});

describe('a profile read without some fields', () => {
	beforeEach(async () => (sim = await startSimulator()));

	it('leaves those fields out of the PUT, so Convirza keeps them (never sends them empty)', async () => {
		// A get-one answer shaped like the documented list row: no timezone, aliases or agent_code.
		const { timezone, aliases, agent_code, ...listRow } = sim.user(10001)!;
		expect([timezone, aliases, agent_code]).toEqual(['America/Los_Angeles', null, 1]);
		sim.inject('GET', '/v3/users/10001', {
			status: 200,
			body: { code: 200, message: 'Success', data: listRow, request_id: 'r-1', timestamp: '2026-01-01T00:00:00.000Z' },
		});
		await runConvirza(sim, { items: [{}], parameters: { userId: byId(10001), updateFields: { firstName: 'Jon' } } });

		const sent = sim.log[1].body as Record<string, unknown>;
		expect(Object.keys(sent)).not.toEqual(expect.arrayContaining(['timezone']));
		expect(sent).not.toHaveProperty('agent_code');
		expect(sent).not.toHaveProperty('aliases');
		expect(sim.userRecord(10001)).toMatchObject({ first_name: 'Jon', timezone: 'America/Los_Angeles', agent_code: 1 });
	});
});

describe.each(['data', 'data.user', 'data.users'] as const)('reading the user when get-one answers as %s', (shape) => {
	beforeEach(async () => (sim = await startSimulator({ getUserShape: shape })));

	it('fills from it', async () => {
		await runConvirza(sim, { items: [{}], parameters: { userId: byId(10001), updateFields: { lastName: 'Dough' } } });
		expect(sim.log[1].body).toMatchObject({ username: 'john.doe@example.com', last_name: 'Dough', ct_user_ou_id: 70035 });
	});
});
