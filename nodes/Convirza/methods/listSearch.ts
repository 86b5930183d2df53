import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getActiveGroupTree } from '../api/groups';
import type { UserListQuery } from '../api/types';
import { listUsersPage } from '../api/users';
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
 * Users for the User picker, searched by name, or by email when the text contains "@" (the list
 * endpoint filters each separately). The pagination token is the next offset.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const query: UserListQuery = { sort_by: 'name', sort_order: 'asc' };
	const text = filter?.trim();
	if (text) query[text.includes('@') ? 'email' : 'name'] = text;

	const client = new ConvirzaClient(this, PICKER_POLICY);
	const { users, total = 0 } = await listUsersPage(client, query, { offset, limit: PAGE_SIZE });
	const nextOffset = offset + users.length;
	return {
		results: users.map((user) => ({
			name: `${user.first_name ?? ''} ${user.last_name ?? ''} (${user.email ?? 'no email'})`.trim(),
			value: String(user.ct_user_id),
		})),
		paginationToken: users.length > 0 && nextOffset < total ? String(nextOffset) : undefined,
	};
}

/** Active groups for the Group picker, labelled with their path so the hierarchy shows. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tree = await getActiveGroupTree(new ConvirzaClient(this, PICKER_POLICY));
	const text = filter?.trim().toLowerCase();
	const groups = flattenGroupTree(tree).filter(
		(group) => !text || group.path.toLowerCase().includes(text) || String(group.id) === text,
	);
	return {
		results: groups.map((group) => ({ name: `${group.path} (${group.id})`, value: String(group.id) })),
	};
}
