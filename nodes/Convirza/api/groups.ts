/**
 * Convirza's groups (org units) endpoints, the only place that knows their paths, their answer
 * shapes and how the list pages. The Group resource, the group directory and the Group picker use
 * these functions.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { ApiGroup, ConvirzaEnvelope, GroupListQuery, GroupRequestBody, GroupTreeNode } from './types';
import { offsetPages } from './paging';
import type { ConvirzaClient } from '../transport';

/** Rows per list request. The list's limit range is not documented: the users list's default. */
export const GROUPS_PAGE_SIZE = 100;

export type GroupChangeResponse = ConvirzaEnvelope<{ orgUnitId?: number }>;

export function groupNotFound(groupId: number): string {
	return `No Convirza group has the ID ${groupId}. Check the Group parameter, or pick the group from the list.`;
}

/** `groupId` must be validated (a positive integer) by the caller: it becomes part of the path. */
const groupPath = (groupId: number) => `/groups/${groupId}`;

const keysOf = (data: unknown) =>
	typeof data === 'object' && data !== null ? `an answer with ${Object.keys(data).join(', ') || 'no keys'}` : `${JSON.stringify(data)}`;

function unreadable(client: ConvirzaClient, what: string, data: unknown, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(client.node, `Convirza's ${what} could not be read: it sent ${keysOf(data)}`, {
		description: 'Check that the Base URL of the credential points to the Convirza API.',
		itemIndex,
	});
}

/**
 * GET /v3/groups/tree: every group in the caller's hierarchy (`active`: only the active ones). The
 * rows are `data.groups` (documented); an answer without them fails rather than read as no groups.
 */
export async function getGroupTree(client: ConvirzaClient, active: boolean, itemIndex?: number): Promise<GroupTreeNode[]> {
	const response = await client.request(
		{ method: 'GET', path: '/groups/tree', qs: { active: String(active) } },
		itemIndex,
	);
	const groups = (response.data as IDataObject | undefined)?.groups;
	if (!Array.isArray(groups)) throw unreadable(client, 'group tree', response.data, itemIndex);
	return groups as GroupTreeNode[];
}

/** GET /v3/groups/{id} (answer not documented): `data` is the group, or holds it as `group` or `groups[0]`. */
export function groupFromResponse(data: unknown): ApiGroup | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const record = data as IDataObject;
	if (typeof record.group === 'object' && record.group !== null) return record.group as ApiGroup;
	if (Array.isArray(record.groups)) return record.groups[0] as ApiGroup | undefined;
	return 'org_unit_id' in record ? (record as ApiGroup) : undefined;
}

export async function getGroup(client: ConvirzaClient, groupId: number, itemIndex?: number): Promise<ApiGroup> {
	const response = await client.request(
		{ method: 'GET', path: groupPath(groupId), notFound: groupNotFound(groupId) },
		itemIndex,
	);
	const group = groupFromResponse(response.data);
	if (group === undefined) throw unreadable(client, `answer for the group ${groupId}`, response.data, itemIndex);
	return group;
}

/**
 * The rows of a list answer. Documented as rows plus `data.total` without naming the array:
 * `groups` (inferred, as the tree's), `orgUnits` or `rows` are read, or `data` itself as an array.
 */
function rowsOf(data: unknown): ApiGroup[] | undefined {
	if (Array.isArray(data)) return data as ApiGroup[];
	const record = (data ?? {}) as IDataObject;
	const rows = [record.groups, record.orgUnits, record.rows].find(Array.isArray);
	return rows as ApiGroup[] | undefined;
}

export interface GroupPage {
	groups: ApiGroup[];
	/** The offset the next page starts at; undefined at the end. */
	next?: number;
}

/**
 * One page of GET /v3/groups/list: the direct children of `org_unit_id`. Convirza's `total` says
 * where the list ends; without it, a short page does (a page shorter than asked for, with `total`
 * beyond it, means Convirza caps the page size, and the next page follows).
 */
export async function listGroupsPage(
	client: ConvirzaClient,
	query: GroupListQuery,
	page: { offset: number; limit: number },
	itemIndex?: number,
): Promise<GroupPage> {
	const response = await client.request(
		{ method: 'GET', path: '/groups/list', qs: { ...query, limit: page.limit, offset: page.offset } },
		itemIndex,
	);
	const groups = rowsOf(response.data);
	if (groups === undefined) throw unreadable(client, 'group list', response.data, itemIndex);
	const total = Number((response.data as IDataObject).total ?? Number.NaN);
	const end = page.offset + groups.length;
	const last = groups.length === 0 || (Number.isFinite(total) ? end >= total : groups.length < page.limit);
	return { groups, next: last ? undefined : end };
}

/** Every direct child of `query.org_unit_id` matching the query, up to `limit`. */
export function listGroups(
	client: ConvirzaClient,
	query: GroupListQuery,
	options: { limit?: number; itemIndex?: number } = {},
): AsyncGenerator<ApiGroup> {
	const page = async (offset: number, limit: number) => {
		const { groups, next } = await listGroupsPage(client, query, { offset, limit }, options.itemIndex);
		return { rows: groups, next };
	};
	return offsetPages(page, options.limit ?? Number.POSITIVE_INFINITY, GROUPS_PAGE_SIZE);
}

/**
 * POST /v3/groups. Not safe to repeat: the transport sends it again only when Convirza certainly
 * did not act, and otherwise fails with `ambiguous`, which says how to check.
 */
export async function createGroup(
	client: ConvirzaClient,
	body: GroupRequestBody,
	ambiguous: string,
	itemIndex?: number,
): Promise<GroupChangeResponse> {
	return await client.request({ method: 'POST', path: '/groups', body: body as IDataObject, ambiguous }, itemIndex);
}

/**
 * PATCH /v3/groups/{id}: exists in Convirza's reference, its body is not documented. Inferred: any
 * subset of the create keys, changing only those. Safe to repeat.
 */
export async function updateGroup(
	client: ConvirzaClient,
	groupId: number,
	body: GroupRequestBody,
	itemIndex?: number,
): Promise<GroupChangeResponse> {
	return await client.request(
		{ method: 'PATCH', path: groupPath(groupId), body: body as IDataObject, notFound: groupNotFound(groupId) },
		itemIndex,
	);
}
