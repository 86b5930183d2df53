/**
 * The execution's user directory decides who a lookup key names. An empty email or External ID
 * names nobody, though Convirza may list users with an empty one.
 */
import { changeOf, FEW_LOOKUPS, findUsersByEmail, UserDirectory } from '../../nodes/Convirza/actions/user/directory';
import type { ConvirzaClient } from '../../nodes/Convirza/transport';

const USERS = [
	{ ct_user_id: 1, email: 'ana@example.com', user_ext_id: '', status: 'active' },
	{ ct_user_id: 2, email: 'bo@example.com', user_ext_id: null, status: 'active' },
	{ ct_user_id: 3, email: 'cy@example.com', user_ext_id: ' CRM-3 ', status: 'active' },
	{ ct_user_id: 4, email: 'dee@example.com', user_ext_id: 'CRM-3', status: 'deleted' },
];

/** A directory over USERS, listed in one page; past the few-lookups threshold so it lists. */
const directory = () =>
	new UserDirectory(
		{ request: async () => ({ data: { users: USERS, total: USERS.length } }) } as unknown as ConvirzaClient,
		1_000,
	);

describe('UserDirectory', () => {
	it.each(['', '   '])('an External ID of %j names nobody', async (externalId) => {
		expect(await directory().find({ by: 'externalId', externalId })).toEqual([]);
	});

	it('an External ID names who holds it, trimmed, and never a deleted user', async () => {
		expect((await directory().find({ by: 'externalId', externalId: 'CRM-3' })).map((entry) => entry.id)).toEqual([3]);
	});

	it("a user's change moves their keys: the old External ID names nobody, an emptied one is no key", async () => {
		const users = directory();
		await users.find({ by: 'email', email: 'ana@example.com' });
		users.remember(3, { externalId: '' });
		users.remember(1, { externalId: 'CRM-1' });
		expect(await users.find({ by: 'externalId', externalId: 'CRM-3' })).toEqual([]);
		expect((await users.find({ by: 'externalId', externalId: 'CRM-1' })).map((entry) => entry.id)).toEqual([1]);
		expect(await users.find({ by: 'externalId', externalId: '' })).toEqual([]);
	});

	it('a change noted before any listing started never overrides the listing, which is read after it', async () => {
		const users = directory();
		// e.g. item 1 updated user 3 by ID; Convirza has changed them again since, as the listing shows
		users.remember(3, { externalId: 'CRM-OLD' });
		expect((await users.find({ by: 'externalId', externalId: 'CRM-3' })).map((entry) => entry.id)).toEqual([3]);
		expect(await users.find({ by: 'externalId', externalId: 'CRM-OLD' })).toEqual([]);
	});

	it('a change noted while the listing is under way is applied on top of it', async () => {
		let answer!: () => void;
		const listed = new Promise<void>((resolve) => (answer = resolve));
		const users = new UserDirectory(
			{
				request: async () => {
					await listed;
					return { data: { users: USERS, total: USERS.length } };
				},
			} as unknown as ConvirzaClient,
			1_000,
		);
		const lookup = users.find({ by: 'externalId', externalId: 'CRM-1' });
		users.remember(1, { externalId: 'CRM-1' });
		answer();
		expect((await lookup).map((entry) => entry.id)).toEqual([1]);
	});
});

/** A fake client answering every list request with `users` and noting each request's query. */
function listing(users: object[], fail = 0) {
	const queries: Array<Record<string, unknown>> = [];
	let failures = fail;
	const client = {
		request: async ({ qs }: { qs: Record<string, unknown> }) => {
			queries.push(qs);
			if (failures-- > 0) throw new Error('Convirza did not answer');
			return { data: { users, total: users.length } };
		},
	} as unknown as ConvirzaClient;
	return { client, queries };
}
const ids = (entries: Array<{ id: number }>) => entries.map((entry) => entry.id);

describe('UserDirectory: who a key names', () => {
	const MIXED = [
		{ ct_user_id: 9, email: ' Ana.Lee@Example.com ', status: 'active' },
		{ ct_user_id: 5, email: 'ana.lee@example.com', status: 'active' },
		// rows that are no user: no usable ID
		{ ct_user_id: 0, email: 'ana.lee@example.com', status: 'active' },
		{ ct_user_id: 'n/a', email: 'ana.lee@example.com', status: 'active' },
		{ email: 'ana.lee@example.com', status: 'active' },
	];

	it('an email names its holders in any letter case and spacing, lowest ID first; rows without a usable ID are no one', async () => {
		const { client } = listing(MIXED);
		const users = new UserDirectory(client, 1_000);
		expect(ids(await users.find({ by: 'email', email: 'ANA.LEE@example.com ' }))).toEqual([5, 9]);
	});

	it('the same by a filtered query when the execution makes few lookups (up to FEW_LOOKUPS)', async () => {
		const { client, queries } = listing(MIXED);
		const users = new UserDirectory(client, FEW_LOOKUPS);
		expect(ids(await users.find({ by: 'email', email: ' ana.lee@example.com' }))).toEqual([5, 9]);
		expect(queries).toEqual([{ email: 'ana.lee@example.com', limit: expect.any(Number), offset: 0 }]);
	});

	it('more lookups than that: one listing of the account serves them all', async () => {
		const { client, queries } = listing(MIXED);
		const users = new UserDirectory(client, FEW_LOOKUPS + 1);
		await users.find({ by: 'email', email: 'ana.lee@example.com' });
		await users.find({ by: 'email', email: 'bo@example.com' });
		expect(queries).toEqual([{ limit: expect.any(Number), offset: 0 }]);
	});

	it('a user the execution deleted is no longer named', async () => {
		const users = new UserDirectory(listing(MIXED).client, 1_000);
		await users.find({ by: 'email', email: 'ana.lee@example.com' });
		users.remember(5, { status: 'deleted' });
		expect(ids(await users.find({ by: 'email', email: 'ana.lee@example.com' }))).toEqual([9]);
	});

	it('a listing that failed is tried again by the next lookup', async () => {
		const { client, queries } = listing(MIXED, 1);
		const users = new UserDirectory(client, 1_000);
		await expect(users.find({ by: 'email', email: 'ana.lee@example.com' })).rejects.toThrow('Convirza did not answer');
		expect(ids(await users.find({ by: 'email', email: 'ana.lee@example.com' }))).toEqual([5, 9]);
		expect(queries).toHaveLength(2);
	});
});

describe('findUsersByEmail', () => {
	const NO_EMAIL = [
		{ ct_user_id: 1, email: '', status: 'active' },
		{ ct_user_id: 2, email: null, status: 'active' },
	];

	it.each(['', '  '])('an email of %j names nobody, though users without an email are listed', async (email) => {
		expect(await findUsersByEmail(listing(NO_EMAIL).client, email)).toEqual([]);
	});

	it('asks for the deleted users when told, and then names them', async () => {
		const { client, queries } = listing([{ ct_user_id: 7, email: 'gone@example.com', status: 'deleted' }]);
		expect(await findUsersByEmail(client, 'gone@example.com')).toEqual([]);
		expect(ids(await findUsersByEmail(client, 'gone@example.com', { deleted: true }))).toEqual([7]);
		expect(queries.map((query) => query.user_status)).toEqual([undefined, 'deleted']);
	});
});

describe('changeOf', () => {
	it('notes only the keys a body sent: email, External ID and status', () => {
		expect(changeOf({})).toEqual({});
		expect(changeOf({ first_name: 'Ana' } as never)).toEqual({});
		expect(changeOf({ username: 'a@example.com', user_ext_id: 'CRM-1', user_status: 'inactive' } as never)).toEqual({
			email: 'a@example.com',
			externalId: 'CRM-1',
			status: 'inactive',
		});
		expect(changeOf({ user_ext_id: '' } as never)).toEqual({ externalId: '' });
	});
});
