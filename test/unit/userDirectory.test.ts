/**
 * The execution's user directory decides who a lookup key names. An empty email or External ID
 * names nobody, though Convirza may list users with an empty one.
 */
import { UserDirectory } from '../../nodes/Convirza/actions/user/directory';
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
