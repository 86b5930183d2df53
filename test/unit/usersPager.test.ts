/**
 * The one paging rule of GET /users/list, which Get Many, the lookups and the User picker follow:
 * the next page starts where this one ended, unless this one was short or reached Convirza's total.
 */
import { listUsers, listUsersPage } from '../../nodes/Convirza/api/users';
import type { ConvirzaClient } from '../../nodes/Convirza/transport';

/** A client whose list holds `count` users and reports the total only when `withTotal`. */
function listOf(count: number, withTotal = true) {
	const asked: Array<[number, number]> = [];
	const client = {
		request: async ({ qs }: { qs: { limit: number; offset: number } }) => {
			asked.push([qs.limit, qs.offset]);
			const length = Math.max(0, Math.min(qs.limit, count - qs.offset));
			const ids = Array.from({ length }, (_, i) => qs.offset + i + 1);
			const users = ids.map((id) => ({ ct_user_id: id }));
			return { data: withTotal ? { users, total: count } : { users } };
		},
	} as unknown as ConvirzaClient;
	return { client, asked };
}

describe('listUsersPage: where the next page starts', () => {
	it.each([
		['a full page before the total', 250, true, { offset: 0, limit: 100 }, 100],
		['a full page that reaches the total', 200, true, { offset: 100, limit: 100 }, undefined],
		['a short page', 150, true, { offset: 100, limit: 100 }, undefined],
		['a full page and no total: ask on', 250, false, { offset: 100, limit: 100 }, 200],
		['a short page and no total: the end', 150, false, { offset: 100, limit: 100 }, undefined],
		['an empty page', 100, true, { offset: 100, limit: 100 }, undefined],
	])('%s', async (_case, count, withTotal, page, next) => {
		const { client } = listOf(count, withTotal);
		expect((await listUsersPage(client, {}, page)).next).toBe(next);
	});
});

describe('listUsers: the pager', () => {
	const all = async (client: ConvirzaClient, limit?: number) => {
		const ids: number[] = [];
		for await (const user of listUsers(client, {}, { limit })) ids.push(Number(user.ct_user_id));
		return ids;
	};

	it('pages 200 at a time to the total, never asking for an empty page', async () => {
		const { client, asked } = listOf(400);
		expect(await all(client)).toHaveLength(400);
		expect(asked).toEqual([
			[200, 0],
			[200, 200],
		]);
	});

	it('without a total, stops at the first short page', async () => {
		const { client, asked } = listOf(450, false);
		const ids = await all(client);
		expect(ids).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
		expect(asked).toEqual([
			[200, 0],
			[200, 200],
			[200, 400],
		]);
	});

	it('asks for no more than the limit', async () => {
		const { client, asked } = listOf(1000);
		expect(await all(client, 250)).toHaveLength(250);
		expect(asked).toEqual([
			[200, 0],
			[50, 200],
		]);
	});
});
