import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getGroupTree } from '../api/groups';
import type { ApiUser, UserListQuery } from '../api/types';
import { getUser, listUsersPage } from '../api/users';
import { flattenGroupTree } from '../helpers/groupTree';
import { ConvirzaClient, type RequestPolicy } from '../transport';

const PAGE_SIZE = 100;

/** Someone is waiting in the editor: retry a hiccup once, briefly, rather than hang for a minute. */
const PICKER_POLICY: RequestPolicy = {
	maxAttempts: 2,
	maxRetryWaitMs: 3_000,
	timeoutMs: 10_000,
	retryDelayMs: 300,
};

/**
 * Where the next page of each search starts, "<name offset>,<email offset>" (-1: that search is done),
 * and ",id" when the first page listed the user whose ID is the search text (later pages leave them out).
 */
interface Paging {
	name: number;
	email: number;
	idListed: boolean;
}

function pagingOf(token: string | undefined): Paging {
	const [name, email, id] = (token ?? '0,0').split(',');
	const offset = (text: string | undefined) => (Number.isSafeInteger(Number(text)) ? Number(text) : 0);
	return { name: offset(name), email: offset(email), idListed: id === 'id' };
}

const userResult = (user: ApiUser) => ({
	name: `${user.first_name ?? ''} ${user.last_name ?? ''} (${user.email ?? 'no email'})`.trim(),
	value: String(user.ct_user_id),
});

/** The user with this ID, if the text is one and they exist; a miss is no error in a search. */
async function userById(client: ConvirzaClient, text: string): Promise<ApiUser[]> {
	if (!/^[1-9]\d{0,14}$/.test(text)) return [];
	try {
		return [await getUser(client, Number(text))];
	} catch {
		return [];
	}
}

/**
 * Users for the User picker. The list endpoint filters by name and by email separately, so a search
 * text asks both (a text with "@" only the email), plus the user with that ID when it is a number.
 * The email results leave out users whose name matches too: the name search lists them, on this page
 * or another (it pages on its own, so it may have run out of pages before the email search). The
 * pagination token holds where each of the two searches goes on.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new ConvirzaClient(this, PICKER_POLICY);
	const text = filter?.trim() ?? '';
	const sorted: UserListQuery = { sort_by: 'name', sort_order: 'asc' };
	const paging = pagingOf(paginationToken);
	const searchesNames = !text.includes('@');
	const byName = searchesNames ? paging.name : -1;
	const byEmail = text === '' ? -1 : paging.email;

	const page = async (query: UserListQuery, offset: number) =>
		offset < 0 ? undefined : await listUsersPage(client, { ...sorted, ...query }, { offset, limit: PAGE_SIZE });
	const [names, emails, exact] = await Promise.all([
		page(text ? { name: text } : {}, byName),
		page({ email: text }, byEmail),
		paginationToken === undefined ? userById(client, text) : Promise.resolve([]),
	]);
	const nameMatches = (user: ApiUser) =>
		`${user.first_name ?? ''} ${user.last_name ?? ''}`.toLowerCase().includes(text.toLowerCase());
	const idListed = paging.idListed || exact.length > 0;
	const users = [
		...exact,
		...(names?.users ?? []),
		...(emails?.users ?? []).filter((user) => !searchesNames || !nameMatches(user)),
	];
	const seen = new Set<number>(paginationToken !== undefined && idListed ? [Number(text)] : []);
	const unique = users.filter((user) => !seen.has(Number(user.ct_user_id)) && seen.add(Number(user.ct_user_id)));

	const nextName = names?.next ?? -1;
	const nextEmail = emails?.next ?? -1;
	return {
		results: unique.map(userResult),
		paginationToken:
			nextName < 0 && nextEmail < 0 ? undefined : `${nextName},${nextEmail}${idListed ? ',id' : ''}`,
	};
}

/** Active groups for the Group picker, labelled with their path so the hierarchy shows. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tree = await getGroupTree(new ConvirzaClient(this, PICKER_POLICY), true);
	const text = filter?.trim().toLowerCase();
	const groups = flattenGroupTree(tree).filter(
		(group) => !text || group.path.toLowerCase().includes(text) || String(group.id) === text,
	);
	return {
		results: groups.map((group) => ({ name: `${group.path} (${group.id})`, value: String(group.id) })),
	};
}
