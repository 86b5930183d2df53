/**
 * The User parameter By Email and By External ID, through n8n's real engine against the simulator
 * (whose list filters emails by substring and leaves deleted users out unless asked, or, switched,
 * includes them as Convirza's undocumented default list might): every mode on
 * every operation that takes a User, exact matching, the "none" and "several" errors, and the
 * per-execution directory that keeps 2,000 lookups to one listing of the account.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { jsonOf, pairedOf, runUser } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byExternalId = (value: string) => ({ __rl: true, mode: 'externalId', value });

const listRequests = () => sim.requests('GET', '/v3/users/list');
const writes = () => sim.log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

/** Each operation that takes a User, with what it must do to user 10001 (John Doe). */
const OPERATIONS: Array<[string, INodeParameters, string | undefined]> = [
	['get', {}, undefined],
	['update', { updateFields: { firstName: 'Johnny' }, options: { fillUnsetFields: false } }, 'PUT /v3/users/10001'],
	['updatePartial', { updateFields: { firstName: 'Johnny' } }, 'PATCH /v3/users/10001'],
	['delete', {}, 'DELETE /v3/users/10001'],
];

describe.each([
	['By Email', byEmail(' JOHN.DOE@Example.com ')],
	['By External ID', byExternalId(' EXT-12345 ')],
])('%s', (_mode, userId) => {
	it.each(OPERATIONS)('%s acts on the one user who matches', async (operation, parameters, write) => {
		const run = await runUser(sim, operation, { parameters: { ...parameters, userId } });

		expect(run.status).toBe('success');
		expect(writes()).toEqual(write ? [write] : []);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
		if (operation === 'get') expect(jsonOf(run.items)[0]).toMatchObject({ id: 10001, email: 'john.doe@example.com' });
		if (operation === 'delete') expect(jsonOf(run.items)).toEqual([{ deleted: true, userId: 10001 }]);
	});
});

describe('matching', () => {
	it("matches the whole email, though Convirza's filter also returns users whose email only contains it", async () => {
		sim.setUser(10003, { username: 'xjohn.doe@example.com' });
		const run = await runUser(sim, 'get', { parameters: { userId: byEmail('john.doe@example.com') } });

		expect(listRequests().map((r) => r.query.email)).toEqual(['john.doe@example.com']);
		expect(jsonOf(run.items).map((user) => user.id)).toEqual([10001]);
	});

	it.each([
		['email', byEmail('nobody@example.com'), 'No Convirza user has the email "nobody@example.com" (item 0)'],
		['External ID', byExternalId('CRM-404'), 'No Convirza user has the External ID "CRM-404" (item 0)'],
		['email of a deleted user', byEmail('frank.miller@acme-corp.example'), 'No Convirza user has the email "frank.miller@acme-corp.example" (item 0)'],
		['External ID of a deleted user', byExternalId('EXT-10007'), 'No Convirza user has the External ID "EXT-10007" (item 0)'],
	])('no user with that %s: the item fails, naming it, and nothing is written', async (_case, userId, message) => {
		const run = await runUser(sim, 'updatePartial', {
			parameters: { userId, updateFields: { firstName: 'X' } },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(writes()).toEqual([]);
		expect(jsonOf(run.errors)).toEqual([
			{ error: message, message: expect.stringMatching(/^The "User" parameter found no user\. Deleted users are not matched/) },
		]);
	});

	it.each([
		['External ID', () => sim.setUser(10006, { user_ext_id: 'EXT-12345' }), byExternalId('EXT-12345'), '2 Convirza users have the External ID "EXT-12345": 10001, 10006 (item 0)'],
		['email', () => sim.setUser(10006, { username: 'John.Doe@example.com' }), byEmail('john.doe@example.com'), '2 Convirza users have the email "john.doe@example.com": 10001, 10006 (item 0)'],
	])('several users with that %s: the item fails listing them, and none is picked', async (_case, arrange, userId, message) => {
		arrange();
		const run = await runUser(sim, 'delete', { parameters: { userId }, settings: { onError: 'continueErrorOutput' } });
		expect(writes()).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([message]);
		expect(jsonOf(run.errors)[0].message).toMatch(/never picks one/);
	});

	describe("deleted users never match, though Convirza's default list may include them (undocumented)", () => {
		beforeEach(() => sim.setDefaultListIncludesDeleted(true));
		const FRANK = 'frank.miller@acme-corp.example';
		const untouched = () => expect(sim.log.filter((r) => r.path === '/v3/users/10007' && r.method !== 'GET')).toEqual([]);

		it.each([
			['By Email, asked one by one', [byEmail(FRANK)], `No Convirza user has the email "${FRANK}" (item 0)`],
			['By External ID, from the listing', [byExternalId('EXT-10007')], 'No Convirza user has the External ID "EXT-10007" (item 0)'],
			[
				'By Email, from the listing (6 items)',
				[FRANK, 'john.doe@example.com', 'bob.chen@acme-corp.example', 'grace.kim@acme-corp.example', 'hiro.tanaka@acme-corp.example', 'jamal.wright@acme-corp.example'].map(byEmail),
				`No Convirza user has the email "${FRANK}" (item 0)`,
			],
		])('%s', async (_case, users, message) => {
			const run = await runUser(sim, 'updatePartial', {
				items: users.map((user) => ({ user })),
				parameters: { userId: '={{ $json.user }}', updateFields: { firstName: 'X' } },
				settings: { onError: 'continueErrorOutput' },
			});
			expect(jsonOf(run.errors).map((item) => item.error)).toEqual([message]);
			expect(run.items).toHaveLength(users.length - 1);
			untouched();
		});

		it('Create or Update never updates them: matching on Email, nor on External ID', async () => {
			const profile = { firstName: 'Frank', lastName: 'Miller', role: 'Standard', group: { __rl: true, mode: 'id', value: '70035' } };
			const byMail = await runUser(sim, 'upsert', {
				parameters: { ...profile, email: FRANK },
				settings: { onError: 'continueErrorOutput' },
			});
			expect(jsonOf(byMail.errors).map((item) => item.error)).toEqual([
				`The email "${FRANK}" belongs to a deleted Convirza user (ID 10007) (item 0)`,
			]);
			const byExternal = await runUser(sim, 'upsert', {
				parameters: { ...profile, email: 'frank.m@acme-corp.example', matchOn: 'externalId', externalId: 'EXT-10007' },
			});
			expect(jsonOf(byExternal.items)).toMatchObject([{ action: 'created' }]);
			expect(jsonOf(byExternal.items)[0].userId).not.toBe(10007);
			untouched();
		});
	});

	it('an expression giving the whole User parameter as a plain value reads it as an ID, as before the modes', async () => {
		const run = await runUser(sim, 'get', {
			items: [{ id: 10003 }, { id: ' 10001 ' }, { id: 'john.doe@example.com' }, { id: null }, {}],
			parameters: { userId: '={{ $json.id }}', options: { concurrency: 1 } },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(jsonOf(run.items).map((user) => user.id)).toEqual([10003, 10001]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The "User" parameter must be a positive whole number, not "john.doe@example.com" (item 2)',
			'The "User" parameter must be text, not null (item 3)',
			'The "User" parameter must be text, not undefined (item 4)',
		]);
		expect(listRequests()).toEqual([]);
	});

	it('refuses an email that is no address, before any request', async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byEmail('john.doe') }, settings: { onError: 'continueErrorOutput' } });
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual(['The "User" parameter is not a valid email address: "john.doe" (item 0)']);
	});

	it('refuses an empty External ID before any request, even where users have an empty one', async () => {
		sim.setUser(10002, { user_ext_id: '' });
		const run = await runUser(sim, 'update', {
			parameters: { userId: byExternalId('  '), updateFields: { firstName: 'Nobody' } },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual(['The "User" parameter has no External ID (item 0)']);
		expect(jsonOf(run.errors)[0].message).toBe('Map the CRM contact ID (or whatever you store as External ID) into the User parameter.');
	});

	it('an expression in User that fails names the User parameter, before any request', async () => {
		const run = await runUser(sim, 'get', {
			parameters: { userId: { __rl: true, mode: 'id', value: '={{ $json.crm.id.toFixed() }}' } },
			settings: { onError: 'continueErrorOutput' },
		});
		expect(sim.log).toEqual([]);
		expect(jsonOf(run.errors)[0].error).toMatch(/^The "User" parameter/);
	});
});

describe('the execution directory', () => {
	it('a few email lookups ask Convirza one by one with the email filter', async () => {
		const emails = ['john.doe@example.com', 'bob.chen@acme-corp.example'];
		await runUser(sim, 'get', {
			items: emails.map((email) => ({ email })),
			parameters: { userId: byEmail('={{ $json.email }}'), options: { concurrency: 1 } },
		});
		expect(listRequests().map((r) => r.query.email)).toEqual(emails);
	});

	it('2,000 updates by External ID against 2,000 users list the account once: at most ⌈2000/200⌉ + 1 list requests', async () => {
		const ids = sim.addUsers(1988); // with the 12 seeded users: 2,000 in all
		// Whole records (Map Automatically), so that 2,000 items cost no expression evaluation.
		const run = await runUser(sim, 'updatePartial', {
			items: ids.map((id) => ({ user_ext_id: `EXT-${id}`, last_name: `Agent ${id}` })),
			parameters: { mappingMode: 'autoMapInputData', userFromInput: 'externalId', options: { concurrency: 10 } },
		});

		expect(run.status).toBe('success');
		expect(listRequests().length).toBeLessThanOrEqual(Math.ceil(2000 / 200) + 1);
		expect(listRequests().every((r) => r.query.email === undefined)).toBe(true);
		expect(sim.requests('PATCH', /^\/v3\/users\/\d+$/)).toHaveLength(ids.length);
		expect(jsonOf(run.items).map((item) => (item.data as { userId: number }).userId)).toEqual(ids);
		expect(sim.user(ids[1500])?.last_name).toBe(`Agent ${ids[1500]}`);
	}, 120_000);

	it("is kept true by the execution's own changes: a user re-emailed by one item is found by the next", async () => {
		// Six items: beyond a few lookups, so the directory answers from its one listing.
		const items = [
			{ find: 'bob.chen@acme-corp.example', email: 'robert.chen@acme-corp.example' },
			{ find: 'john.doe@example.com' },
			{ find: 'robert.chen@acme-corp.example' },
			{ find: 'alice.morgan@acme-corp.example' },
			{ find: 'bob.chen@acme-corp.example' },
			{ find: 'emma.schmidt@acme-corp.example' },
		];
		const run = await runUser(sim, 'updatePartial', {
			items,
			parameters: {
				userId: byEmail('={{ $json.find }}'),
				updateFields: { email: '={{ $json.email ?? "" }}', aliases: 'seen' },
				options: { concurrency: 1 },
			},
			settings: { onError: 'continueErrorOutput' },
		});

		expect(listRequests()).toHaveLength(1);
		expect(jsonOf(run.items).map((item) => (item.data as { userId: number }).userId)).toEqual([10003, 10001, 10003, 10002, 10006]);
		// Bob's old address no longer names anyone.
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual(['No Convirza user has the email "bob.chen@acme-corp.example" (item 4)']);
		expect(sim.user(10003)?.email).toBe('robert.chen@acme-corp.example');
	});
});
