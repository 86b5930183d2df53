/**
 * The User and Group pickers (listSearch methods) run the way n8n's editor runs them: n8n-core's
 * real LoadOptionsContext, the saved credential, requests to the simulator. Search text, the
 * pagination token, empty results, and what an API error looks like in the list.
 */
import type { INodeListSearchResult } from 'n8n-workflow';

import { searchGroups, searchUsers } from '../../nodes/Convirza/methods/listSearch';
import { startSimulator, type ApiUserListRow, type ConvirzaSimulator } from '../simulator';
import { call } from '../simulator/test-helpers';
import { loadOptionsContext } from './loadOptionsContext';
import { standardToken, unknownToken } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const names = (result: INodeListSearchResult) => result.results.map((entry) => entry.name);

/** Every user the admin's unfiltered list shows, asked of the simulator directly. */
async function everyListedUser(simulator: ConvirzaSimulator): Promise<ApiUserListRow[]> {
	const users: ApiUserListRow[] = [];
	for (;;) {
		const { json } = await call(simulator, 'GET', `/v3/users/list?limit=200&offset=${users.length}`);
		const page = json.data.users as ApiUserListRow[];
		users.push(...page);
		if (page.length < 200) return users;
	}
}

describe('searchUsers (User picker)', () => {
	it('lists users by name, labelled with their email, valued by their ID', async () => {
		const result = await searchUsers.call(loadOptionsContext(sim));

		expect(sim.log.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/v3/users/list', { limit: '100', offset: '0', sort_by: 'name', sort_order: 'asc' }],
		]);
		expect(result.results[0]).toEqual({ name: 'Alice Morgan (alice.morgan@acme-corp.example)', value: '10002' });
		expect(result.results).toHaveLength(10);
		expect(result.paginationToken).toBeUndefined();
	});

	it('searches names and emails alike, only emails when the text contains "@"', async () => {
		const byName = await searchUsers.call(loadOptionsContext(sim), ' chen ');
		const byEmail = await searchUsers.call(loadOptionsContext(sim), 'john.doe@');
		expect(sim.log.map((r) => [r.query.name, r.query.email])).toEqual([
			['chen', undefined],
			[undefined, 'chen'],
			[undefined, 'john.doe@'],
		]);
		expect(names(byName)).toEqual(['Bob Chen (bob.chen@acme-corp.example)']);
		expect(byEmail.results).toEqual([{ name: 'John Doe (john.doe@example.com)', value: '10001' }]);
	});

	it('finds a user by an email fragment without "@", listing them once', async () => {
		sim.setUser(10003, { username: 'quinn.doe@acme-corp.example' });
		const result = await searchUsers.call(loadOptionsContext(sim), 'doe');
		// John Doe matches by name and by email; the email search adds only the user whose name does not match.
		expect(names(result)).toEqual([
			'John Doe (john.doe@example.com)',
			`${sim.user(10003)?.first_name} ${sim.user(10003)?.last_name} (quinn.doe@acme-corp.example)`,
		]);
	});

	it('finds a user by their numeric ID, first, besides name and email matches', async () => {
		const result = await searchUsers.call(loadOptionsContext(sim), '10004');
		expect(sim.log.map((r) => [r.method, r.path]).sort()).toEqual([
			['GET', '/v3/users/10004'],
			['GET', '/v3/users/list'],
			['GET', '/v3/users/list'],
		]);
		expect(result.results[0].value).toBe('10004');
		expect(result.results).toHaveLength(1);
		// An ID no user has is simply no result.
		expect((await searchUsers.call(loadOptionsContext(sim), '99999')).results).toEqual([]);
	});

	it('paged to the end over 450 users, lists every user whose name or email has the text, each once', async () => {
		sim.addUsers(450);
		const context = loadOptionsContext(sim);
		const listed: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await searchUsers.call(context, 'e', token);
			listed.push(...page.results.map((entry) => String(entry.value)));
			token = page.paginationToken;
			pages++;
		} while (token !== undefined);

		const matching = (await everyListedUser(sim))
			.filter((user) => `${user.first_name} ${user.last_name} ${user.email}`.toLowerCase().includes('e'))
			.map((user) => String(user.ct_user_id));
		// Both searches run out of pages at different times: the email search goes on alone for a while.
		expect(pages).toBeGreaterThan(3);
		expect(matching.length).toBeGreaterThan(300);
		expect(listed.filter((id, index) => listed.indexOf(id) !== index)).toEqual([]);
		expect([...listed].sort()).toEqual([...matching].sort());
	});

	it('the user found by ID on the first page is not listed again by a later page of email matches', async () => {
		for (const id of sim.addUsers(150)) sim.setUser(id, { username: `team.10001.${id}@acme-corp.example` });
		// Sorted by name, Zed comes after the 100 email matches of the first page.
		sim.setUser(10001, { first_name: 'Zed', username: 'zed.10001@example.com' });
		const context = loadOptionsContext(sim);
		const first = await searchUsers.call(context, '10001');
		const second = await searchUsers.call(context, '10001', first.paginationToken);

		expect(first.results[0]).toEqual({ name: 'Zed Doe (zed.10001@example.com)', value: '10001' });
		expect(second.paginationToken).toBeUndefined();
		const listed = [...first.results, ...second.results].map((entry) => entry.value);
		expect(new Set(listed).size).toBe(listed.length);
		expect(listed).toHaveLength(151);
	});

	it('an unmatched search gives an empty list without a token', async () => {
		const result = await searchUsers.call(loadOptionsContext(sim), 'zzz-nobody');
		expect(result).toEqual({ results: [], paginationToken: undefined });
	});

	it('an API error surfaces with Convirza’s reason and how to fix it', async () => {
		const forbidden = searchUsers.call(loadOptionsContext(sim, { credential: standardToken(sim) }));
		await expect(forbidden).rejects.toMatchObject({
			message: 'Convirza error 403: Insufficient permissions: Admin role required',
			description: expect.stringMatching(/need an Admin token/),
		});
		const unauthorized = searchUsers.call(loadOptionsContext(sim, { credential: unknownToken(sim) }));
		await expect(unauthorized).rejects.toMatchObject({
			message: expect.stringMatching(/^Convirza error 401: /),
			description: expect.stringMatching(/access token is missing, expired or revoked/),
		});
	});
});

describe('pickers keep the editor responsive', () => {
	it('retry a busy Convirza once, then show the error instead of waiting for a minute', async () => {
		sim.inject('GET', '/v3/users/list', { status: 503 }, { status: 503 }, { status: 503 });
		await expect(searchUsers.call(loadOptionsContext(sim))).rejects.toMatchObject({
			message: 'Convirza error 503: Injected fault',
			description: expect.stringMatching(/Gave up after 2 attempts/),
		});
		expect(sim.log.map((r) => r.status)).toEqual([503, 503]);
	});
});

describe('searchGroups (Group picker)', () => {
	const ACTIVE_ACME_GROUPS = [
		{ name: 'Acme Corporation (60001)', value: '60001' },
		{ name: 'Acme Corporation › West Region (65000)', value: '65000' },
		{ name: 'Acme Corporation › West Region › Sales Team (70035)', value: '70035' },
		{ name: 'Acme Corporation › West Region › Support Team (70036)', value: '70036' },
		{ name: 'Acme Corporation › East Region (65001)', value: '65001' },
		{ name: 'Acme Corporation › East Region › Inbound Sales (70040)', value: '70040' },
	];

	it.each(['flat', 'nested'] as const)('lists active groups labelled with their path (%s tree)', async (shape) => {
		sim.setGroupTreeShape(shape);
		const result = await searchGroups.call(loadOptionsContext(sim, { path: 'parameters.group' }));
		expect(sim.log.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/v3/groups/tree', { active: 'true' }]]);
		expect(result.results).toEqual(ACTIVE_ACME_GROUPS);
	});

	it('filters by any part of the path, or by ID; no match gives an empty list', async () => {
		const context = loadOptionsContext(sim, { path: 'parameters.group' });
		expect(names(await searchGroups.call(context, 'SALES'))).toEqual([
			'Acme Corporation › West Region › Sales Team (70035)',
			'Acme Corporation › East Region › Inbound Sales (70040)',
		]);
		expect(names(await searchGroups.call(context, 'west'))).toHaveLength(3);
		expect(names(await searchGroups.call(context, '70036'))).toEqual([
			'Acme Corporation › West Region › Support Team (70036)',
		]);
		expect((await searchGroups.call(context, 'nothing like it')).results).toEqual([]);
	});

	it('an API error surfaces with Convirza’s reason', async () => {
		const context = loadOptionsContext(sim, { path: 'parameters.group', credential: unknownToken(sim) });
		await expect(searchGroups.call(context)).rejects.toMatchObject({
			message: expect.stringMatching(/^Convirza error 401: /),
		});
	});
});
