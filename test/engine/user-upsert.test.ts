/**
 * User → Create or Update through n8n's real engine against the simulator: matching on Email or
 * External ID, creating or updating (PUT with unset fields filled), the output shape, items that
 * share a key under concurrency, and what happens when Convirza refuses the create because the email
 * is taken (by a user the lookup did not see, a deleted user, another account, or another person).
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { groupFromList, jsonOf, pairedOf, runUser } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const PROFILE = {
	email: '={{ $json.email }}',
	firstName: '={{ $json.first }}',
	lastName: 'Park',
	role: 'Standard',
	group: groupFromList(70035),
};
const upsert = (items: object[], parameters: INodeParameters = {}) =>
	runUser(sim, 'upsert', {
		items,
		parameters: { ...PROFILE, ...parameters },
		settings: { onError: 'continueErrorOutput' },
	});
const writes = () => sim.log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('User → Create or Update, Match On Email', () => {
	it('creates the user when no one has the email, and says so', async () => {
		const run = await upsert([{ email: 'nina.park@acme-corp.example', first: 'Nina' }]);

		expect(writes()).toEqual(['POST /v3/users']);
		const [created] = sim.writes;
		expect(jsonOf(run.items)).toEqual([
			{
				action: 'created',
				userId: created.userId,
				code: 200,
				message: 'Success',
				data: { userId: created.userId },
				request_id: expect.any(String),
				timestamp: expect.any(String),
			},
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
	});

	it('updates the user who has the email (any letter case) as Update does: nothing not set is blanked', async () => {
		const before = sim.user(10001);
		const run = await upsert([{ email: 'John.Doe@Example.com', first: 'Johnny' }]);

		expect(writes()).toEqual(['PUT /v3/users/10001']);
		expect(jsonOf(run.items)[0]).toMatchObject({ action: 'updated', userId: 10001, data: { userId: 10001 } });
		expect(sim.user(10001)).toEqual({
			...before,
			email: 'John.Doe@Example.com',
			first_name: 'Johnny',
			last_name: 'Park',
		});
	});

	it('two items with one new email under Concurrency 10 create one user, then update them, in input order', async () => {
		const items = [
			{ email: 'nina.park@acme-corp.example', first: 'Nina' },
			{ email: 'ola@acme-corp.example', first: 'Ola' },
			{ email: 'NINA.PARK@acme-corp.example', first: 'Nina-Marie' },
		];
		const run = await upsert(items, { options: { concurrency: 10 } });

		expect(sim.writes.filter((w) => w.method === 'POST')).toHaveLength(2);
		expect(jsonOf(run.items).map((item) => item.action)).toEqual(['created', 'created', 'updated']);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const nina = jsonOf(run.items)[0].userId as number;
		expect(jsonOf(run.items)[2].userId).toBe(nina);
		expect(sim.user(nina)?.first_name).toBe('Nina-Marie');
	});

	it('refuses an empty required field before any request', async () => {
		const run = await upsert([{ email: '', first: 'Nina' }]);
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual(['The "Email" parameter is empty (item 0)']);
	});

	it('an email a deleted user holds: the item fails, naming that user, and says what to do', async () => {
		const run = await upsert([{ email: 'frank.miller@acme-corp.example', first: 'Frank' }]);

		expect(writes()).toEqual(['POST /v3/users']);
		// The error output carries the input item's keys too.
		expect(jsonOf(run.errors)).toMatchObject([
			{
				error: 'The email "frank.miller@acme-corp.example" belongs to a deleted Convirza user (ID 10007) (item 0)',
				message: expect.stringMatching(/reactivate that user with User → Update \(User By ID 10007, Status: Active\)/),
			},
		]);
	});

	it('an email of a user outside your groups: the item fails with both facts', async () => {
		const run = await upsert([{ email: 'kate.novak@othercorp.example', first: 'Kate' }]);
		expect(writes()).toEqual(['POST /v3/users']);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'Convirza refused to create the user (Convirza error 400: Email already in use), and no user in your groups has the email "kate.novak@othercorp.example" (item 0)',
		]);
		expect(jsonOf(run.errors)[0].message).toBe('The email may belong to a user of another Convirza account. Use another email.');
	});

	it('a create refused for another reason fails with Convirza\'s own answer: the email is not looked up, nothing updated', async () => {
		sim.inject('POST', '/v3/users', { status: 400, body: { statusCode: 400, message: 'Bad Request', error: 'Timezone not allowed' } });
		const run = await upsert([{ email: 'nina.park@acme-corp.example', first: 'Nina' }]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual(['Convirza error 400: Timezone not allowed']);
		const post = sim.log.findIndex((r) => r.method === 'POST');
		expect(sim.log.slice(post).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/users']);
	});

});

describe('User → Create or Update, Match On External ID', () => {
	const byExternalId = (externalId: string) => ({ matchOn: 'externalId', externalId });

	it('updates the user with that External ID, and creates one when there is none', async () => {
		const found = await upsert([{ email: 'bob.chen@acme-corp.example', first: 'Robert' }], byExternalId('EXT-10003'));
		expect(jsonOf(found.items)[0]).toMatchObject({ action: 'updated', userId: 10003 });

		sim.clearLog();
		const created = await upsert([{ email: 'nina.park@acme-corp.example', first: 'Nina' }], byExternalId('CRM-NEW'));
		expect(sim.log.find((r) => r.method === 'POST')?.body).toMatchObject({ user_ext_id: 'CRM-NEW' });
		expect(jsonOf(created.items)[0]).toMatchObject({ action: 'created' });
	});

	it('two items with one new External ID and different emails under Concurrency 10: one user, created then updated', async () => {
		// The emails differ, so Convirza's "email already taken" cannot rescue a lost ordering here: only
		// the second item waiting for the first (the same-key queue) keeps it from creating a second user.
		const items = [
			{ email: 'nina.park@acme-corp.example', first: 'Nina' },
			{ email: 'nina.p@home.example', first: 'Nina-Marie' },
		];
		const run = await upsert(items, { ...byExternalId('CRM-NEW'), options: { concurrency: 10 } });

		expect(writes()).toEqual(['POST /v3/users', expect.stringMatching(/^PUT \/v3\/users\/\d+$/)]);
		expect(jsonOf(run.items).map((item) => item.action)).toEqual(['created', 'updated']);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }]);
		const nina = jsonOf(run.items)[0].userId as number;
		expect(jsonOf(run.items)[1].userId).toBe(nina);
		expect(sim.user(nina)).toMatchObject({ email: 'nina.p@home.example', first_name: 'Nina-Marie', user_ext_id: 'CRM-NEW' });
	});

	it('several users with the External ID: the item fails listing them, nothing is written', async () => {
		sim.setUser(10006, { user_ext_id: 'EXT-10003' });
		const run = await upsert([{ email: 'bob.chen@acme-corp.example', first: 'Robert' }], byExternalId('EXT-10003'));
		expect(writes()).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'2 Convirza users have the External ID "EXT-10003": 10003, 10006 (item 0)',
		]);
		expect(jsonOf(run.errors)[0].message).toMatch(/^The "Match On" parameter must name one user/);
	});

	it('the email is taken by a user without an External ID: that user is updated, once', async () => {
		const run = await upsert([{ email: 'isabel.duarte@acme-corp.example', first: 'Isa' }], byExternalId('CRM-77'));

		expect(writes()).toEqual(['POST /v3/users', 'PUT /v3/users/10010']);
		expect(jsonOf(run.items)[0]).toMatchObject({ action: 'updated', userId: 10010 });
		expect(sim.user(10010)).toMatchObject({ user_ext_id: 'CRM-77', first_name: 'Isa' });
	});

	it('the email is taken by a user created since the listing, whose External ID differs only by spaces: that user is updated', async () => {
		// The listing saw no one (the user was created by another execution a moment later)
		sim.inject('GET', '/v3/users/list', { status: 200, body: { code: 200, message: 'Success', data: { users: [], total: 0 } } });
		sim.setUser(10010, { user_ext_id: ' CRM-77 ' });
		const run = await upsert([{ email: 'isabel.duarte@acme-corp.example', first: 'Isa' }], byExternalId('CRM-77'));

		expect(writes()).toEqual(['POST /v3/users', 'PUT /v3/users/10010']);
		expect(jsonOf(run.items)[0]).toMatchObject({ action: 'updated', userId: 10010 });
	});

	it("the email is taken by another person (another External ID): their record is never overwritten", async () => {
		const before = sim.user(10003);
		const run = await upsert([{ email: 'bob.chen@acme-corp.example', first: 'Robert' }], byExternalId('CRM-77'));

		expect(writes()).toEqual(['POST /v3/users']);
		expect(sim.user(10003)).toEqual(before);
		expect(jsonOf(run.errors)).toMatchObject([
			{
				error: 'The email "bob.chen@acme-corp.example" belongs to Convirza user 10003, whose External ID is "EXT-10003", not "CRM-77" (item 0)',
				message: expect.stringMatching(/does not overwrite another person/),
			},
		]);
	});

	it('a second refusal fails the item with both answers: no loop', async () => {
		sim.inject('PUT', '/v3/users/10010', { status: 400, body: { statusCode: 400, message: 'Bad Request', error: 'Timezone not allowed' } });
		const run = await upsert([{ email: 'isabel.duarte@acme-corp.example', first: 'Isa' }], byExternalId('CRM-77'));

		expect(writes()).toEqual(['POST /v3/users', 'PUT /v3/users/10010']);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'Convirza refused to create the user (Convirza error 400: Email already in use) and then to update user 10010, who has the email "isabel.duarte@acme-corp.example": Convirza error 400: Timezone not allowed (item 0)',
		]);
		expect(jsonOf(run.errors)[0].message).toBe('Nothing was changed. Correct what Convirza named, then run the item again.');
	});
});

describe('User → Create, an email taken', () => {
	it('by a deleted user: the error names that user and says what to do', async () => {
		const run = await runUser(sim, 'create', {
			parameters: { ...PROFILE, email: 'frank.miller@acme-corp.example', firstName: 'Frank' },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(writes()).toEqual(['POST /v3/users']);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The email "frank.miller@acme-corp.example" belongs to a deleted Convirza user (ID 10007) (item 0)',
		]);
	});

	it("by a listed user: Convirza's own refusal, with its advice", async () => {
		const run = await runUser(sim, 'create', {
			parameters: { ...PROFILE, email: 'bob.chen@acme-corp.example', firstName: 'Bob' },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(jsonOf(run.errors)).toMatchObject([
			{
				error: 'Convirza error 400: Email already in use',
				message: expect.stringMatching(/^Another Convirza user already has this email/),
			},
		]);
	});
});
