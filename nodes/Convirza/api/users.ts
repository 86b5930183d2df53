/**
 * Convirza's users endpoints, the only place that knows their paths, their response shapes and how
 * the list pages. Every operation, the User picker and the lookups go through these functions.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { nextOffset, offsetPages } from './paging';
import type { ApiUser, ConvirzaEnvelope, UserListData, UserListQuery, UserRequestBody } from './types';
import type { ConvirzaClient } from '../transport';

/** The most users Convirza returns per list request (documented: limit 1–200). */
export const USERS_PAGE_SIZE = 200;

export type UserChangeResponse = ConvirzaEnvelope<{ userId?: number }>;

/** What a 404 on /users/{id} means, in the operator's terms. */
export function userNotFound(userId: number): string {
	return `No Convirza user has the ID ${userId}. Check the User parameter (deleted users keep their ID).`;
}

/** `userId` must be validated (a positive integer) by the caller: it becomes part of the path. */
const userPath = (userId: number) => `/users/${userId}`;

/** GET /v3/users/{id}: `data` is the user, or holds it as `user` or `users[0]` (inferred; accept all). */
export function userFromResponse(data: unknown): ApiUser | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const record = data as IDataObject;
	if (typeof record.user === 'object' && record.user !== null) return record.user as ApiUser;
	if (Array.isArray(record.users)) return record.users[0] as ApiUser | undefined;
	return 'ct_user_id' in record || 'email' in record ? (record as ApiUser) : undefined;
}

export async function getUser(client: ConvirzaClient, userId: number, itemIndex?: number): Promise<ApiUser> {
	const response = await client.request(
		{ method: 'GET', path: userPath(userId), notFound: userNotFound(userId) },
		itemIndex,
	);
	const user = userFromResponse(response.data);
	if (user === undefined) {
		throw new NodeOperationError(client.node, `Convirza returned no user profile for the ID ${userId}`, {
			description: 'The answer had no user in it. Check that the Base URL of the credential points to the Convirza API.',
			itemIndex,
		});
	}
	return user;
}

export interface UserPage {
	users: ApiUser[];
	/**
	 * The offset the next page starts at; undefined at the end: a short page, or Convirza's `total`
	 * reached. The one paging rule, followed by the pager below and by the User picker.
	 */
	next?: number;
}

/** One page of GET /v3/users/list. Unset query parameters are left out, never sent empty. */
export async function listUsersPage(
	client: ConvirzaClient,
	query: UserListQuery,
	page: { offset: number; limit: number },
	itemIndex?: number,
): Promise<UserPage> {
	const response = await client.request<UserListData>(
		{ method: 'GET', path: '/users/list', qs: { ...query, limit: page.limit, offset: page.offset } },
		itemIndex,
	);
	const users = Array.isArray(response.data?.users) ? response.data.users : [];
	const total = Number(response.data?.total ?? Number.NaN);
	return { users, next: nextOffset(page.offset, users.length, page.limit, Number.isFinite(total) ? total : undefined) };
}

/** Every user matching `query`, up to `limit`, paging with limit/offset 200 at a time to the last page. */
export async function* listUsers(
	client: ConvirzaClient,
	query: UserListQuery,
	options: { limit?: number; itemIndex?: number } = {},
): AsyncGenerator<ApiUser> {
	const { limit = Number.POSITIVE_INFINITY, itemIndex } = options;
	const page = async (offset: number, pageLimit: number) => {
		const { users, next } = await listUsersPage(client, query, { offset, limit: pageLimit }, itemIndex);
		return { rows: users, next };
	};
	yield* offsetPages(page, limit, USERS_PAGE_SIZE);
}

/**
 * POST /v3/users. Not safe to repeat: the transport sends it again only when Convirza certainly
 * did not act, and otherwise fails with `ambiguous`, which says how to check.
 */
export async function createUser(
	client: ConvirzaClient,
	body: UserRequestBody,
	ambiguous: string,
	itemIndex?: number,
): Promise<UserChangeResponse> {
	return await client.request({ method: 'POST', path: '/users', body: body as IDataObject, ambiguous }, itemIndex);
}

/**
 * PUT /v3/users/{id} replaces every field in the body (documented); PATCH changes only the fields
 * in the body (inferred: any subset of PUT's). Both are safe to repeat.
 */
export async function updateUser(
	client: ConvirzaClient,
	method: 'PUT' | 'PATCH',
	userId: number,
	body: UserRequestBody,
	itemIndex?: number,
): Promise<UserChangeResponse> {
	return await client.request(
		{ method, path: userPath(userId), body: body as IDataObject, notFound: userNotFound(userId) },
		itemIndex,
	);
}

/** DELETE /v3/users/{id}: a soft delete (documented), so repeating it is harmless. */
export async function deleteUser(client: ConvirzaClient, userId: number, itemIndex?: number): Promise<void> {
	await client.request({ method: 'DELETE', path: userPath(userId), notFound: userNotFound(userId) }, itemIndex);
}
