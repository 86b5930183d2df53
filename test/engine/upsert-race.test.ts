/**
 * Create or Update when two executions race (issue 15): a CRM fires "contact created" and "contact
 * updated" together, so n8n runs the workflow twice at once with the same new contact. Two real
 * WorkflowExecute runs share one simulator, which holds the creates until both executions have
 * looked the email up and found no one: the first create then applies, the second is refused for
 * the taken email, and its execution looks the email up again and updates that user instead.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, startConvirza } from './convirzaWorkflow';
import { groupFromList, jsonOf, pairedOf, toErrorOutput } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const EMAIL = 'nina.park@acme-corp.example';

const parameters = (matchOn: 'email' | 'externalId'): INodeParameters => ({
	operation: 'upsert',
	matchOn,
	email: '={{ $json.email }}',
	firstName: '={{ $json.first }}',
	lastName: 'Park',
	role: 'Standard',
	group: groupFromList(70035),
	...(matchOn === 'externalId' ? { externalId: '={{ $json.crm }}' } : {}),
	additionalFields: { aliases: '={{ $json.aliases }}' },
});

/** Runs two executions of one workflow at once, each with one contact, their creates held together. */
async function race(matchOn: 'email' | 'externalId', contacts: [object, object]) {
	const creates = sim.hold('POST', '/v3/users');
	const start = (contact: object) =>
		startConvirza(sim, { items: [contact], parameters: parameters(matchOn), settings: toErrorOutput }).result;
	const first = start(contacts[0]);
	await creates.arrived(1);
	// The first create is held, not applied: the second execution's lookup finds no one either.
	const second = start(contacts[1]);
	await creates.arrived(2);
	await creates.release();
	const runs = await Promise.all([first, second]);
	return runs.map((run) => ({ items: run.output(CONVIRZA, 0), errors: run.output(CONVIRZA, 1) }));
}

describe('two executions create or update one new contact at once', () => {
	it('matching on Email: one user exists, one execution created, the other updated, its values last', async () => {
		const [a, b] = await race('email', [
			{ email: EMAIL, first: 'Nina', aliases: 'first execution' },
			{ email: EMAIL, first: 'Nina-Marie', aliases: 'second execution' },
		]);

		// In the order Convirza answered: both lookups (no one has the email), then the two creates, then
		// the second execution's lookup straight from Convirza (the first created them), then its update.
		const answered = sim.answers.map((r) => `${r.method} ${r.path}${r.query.email ? ` ${r.query.email}` : ''} ${r.status}`);
		const created = sim.writes.find((write) => write.method === 'POST')?.userId as number;
		expect(answered).toEqual([
			`GET /v3/users/list ${EMAIL} 200`,
			`GET /v3/users/list ${EMAIL} 200`,
			'POST /v3/users 200',
			'POST /v3/users 400',
			`GET /v3/users/list ${EMAIL} 200`,
			`GET /v3/users/${created} 200`,
			`PUT /v3/users/${created} 200`,
		]);
		expect(sim.writes.filter((write) => write.method === 'POST')).toHaveLength(1);

		expect(jsonOf(a.items)).toMatchObject([{ action: 'created', userId: created }]);
		expect(jsonOf(b.items)).toMatchObject([{ action: 'updated', userId: created }]);
		expect([a.errors, b.errors]).toEqual([[], []]);
		expect(pairedOf(b.items)).toEqual([{ item: 0 }]);
		// The updating execution wrote last: the stored profile holds its values.
		expect(sim.user(created)).toMatchObject({ email: EMAIL, first_name: 'Nina-Marie', aliases: 'second execution' });
	});

	it('matching on External ID with one External ID: the second updates the user the first created', async () => {
		const [a, b] = await race('externalId', [
			{ email: EMAIL, crm: 'CRM-9', first: 'Nina', aliases: 'first execution' },
			{ email: EMAIL, crm: 'CRM-9', first: 'Nina-Marie', aliases: 'second execution' },
		]);
		const created = sim.writes.find((write) => write.method === 'POST')?.userId as number;
		expect(jsonOf(a.items)).toMatchObject([{ action: 'created', userId: created }]);
		expect(jsonOf(b.items)).toMatchObject([{ action: 'updated', userId: created }]);
		expect(sim.user(created)).toMatchObject({ user_ext_id: 'CRM-9', first_name: 'Nina-Marie' });
	});

	it('matching on External ID, two contacts with one email but different External IDs: never overwritten', async () => {
		const [a, b] = await race('externalId', [
			{ email: EMAIL, crm: 'CRM-1', first: 'Nina', aliases: 'first' },
			{ email: EMAIL, crm: 'CRM-2', first: 'Nora', aliases: 'second' },
		]);
		const created = sim.writes.find((write) => write.method === 'POST')?.userId as number;
		expect(jsonOf(a.items)).toMatchObject([{ action: 'created', userId: created }]);
		expect(b.items).toEqual([]);
		expect(jsonOf(b.errors)).toMatchObject([
			{
				error: `The email "${EMAIL}" belongs to Convirza user ${created}, whose External ID is "CRM-1", not "CRM-2" (item 0)`,
			},
		]);
		expect(sim.requests('PUT', `/v3/users/${created}`)).toEqual([]);
		expect(sim.user(created)).toMatchObject({ user_ext_id: 'CRM-1', first_name: 'Nina' });
	});
});
