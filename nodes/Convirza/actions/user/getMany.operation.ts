import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ROLE_OPTIONS, groupLocator, simplifyParameter } from './descriptions';
import { InputError } from '../../helpers/InputError';
import { simplifyUser } from '../../helpers/simplifyUser';
import { ROLE_IDS } from '../../helpers/userMapping';
import { parseNonNegativeInteger, parseRole, parseText } from '../../helpers/validation';
import type { ConvirzaClient } from '../../transport';
import type { ApiUser, UserListData } from '../../types';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['getAll'] };

/** The most users Convirza returns per request (documented: limit 1–200). */
const PAGE_SIZE = 200;


const STATUSES = ['active', 'inactive', 'deleted'] as const;
const SORT_FIELDS = ['created_on', 'name', 'email'] as const;
const SORT_ORDERS = ['asc', 'desc'] as const;

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Email Contains',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. @acme.com',
				description: 'Only users whose email contains this text (email)',
			},
			{
				...groupLocator,
				description:
					'Only users of this group and its sub-groups (org_unit_id). Without it, Convirza lists your own group and its sub-groups.',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. doe',
				description: 'Only users whose first and last name contain this text, in any letter case (name)',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: ROLE_OPTIONS,
				default: 'Standard',
				description: 'Only users with this role (role_id)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Deleted', value: 'deleted' },
					{ name: 'Inactive', value: 'inactive' },
				],
				default: 'active',
				description: 'Only users with this status (user_status). Deleted users are listed only when asked for.',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Rule',
		default: {},
		description: 'Without sorting, Convirza lists the newest users first',
		displayOptions: { show },
		options: [
			{
				displayName: 'Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
				description: 'The sort direction (sort_order)',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Created', value: 'created_on' },
					{ name: 'Email', value: 'email' },
					{ name: 'Name', value: 'name' },
				],
				default: 'created_on',
				description: 'The field to sort by (sort_by)',
			},
		],
	},
	{ ...simplifyParameter, displayOptions: { show } },
	optionsCollection(show),
];

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function oneOf<T extends string>(value: unknown, parameter: string, allowed: readonly T[]): T {
	const word = parseText(value, parameter).toLowerCase();
	const match = allowed.find((candidate) => candidate === word);
	if (match === undefined) {
		throw new InputError(parameter, `must be one of ${allowed.join(', ')}, not "${word}"`, `Use one of: ${allowed.join(', ')}.`);
	}
	return match;
}

/** The query of GET /v3/users/list. A parameter not set is left out, never sent empty. */
function listQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = context.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};

	const group = context.getNodeParameter('filters.group', itemIndex, '', { extractValue: true });
	if (!isBlank(group)) qs.org_unit_id = parseNonNegativeInteger(group, 'Group', '70035');
	if (!isBlank(filters.name)) qs.name = parseText(filters.name, 'Name Contains');
	if (!isBlank(filters.email)) qs.email = parseText(filters.email, 'Email Contains');
	if (!isBlank(filters.role)) qs.role_id = ROLE_IDS[parseRole(filters.role, 'Role')];
	if (!isBlank(filters.status)) qs.user_status = oneOf(filters.status, 'Status', STATUSES);
	if (!isBlank(sort.sortBy)) qs.sort_by = oneOf(sort.sortBy, 'Sort By', SORT_FIELDS);
	if (!isBlank(sort.sortOrder)) qs.sort_order = oneOf(sort.sortOrder, 'Order', SORT_ORDERS);
	return qs;
}

function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	const limit = parseNonNegativeInteger(context.getNodeParameter('limit', itemIndex, 50), 'Limit', '50');
	if (limit < 1) throw new InputError('Limit', 'must be 1 or more', 'Use a whole number of 1 or more, or turn on Return All.');
	return limit;
}

/**
 * Pages through the list with limit/offset, 200 users per request, until the limit is reached,
 * Convirza's `total` is reached, or a page comes back short (the end, should `total` be missing).
 */
interface ListInput {
	qs: IDataObject;
	limit: number;
	simplify: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): ListInput {
	return {
		qs: listQuery(this, itemIndex),
		limit: readLimit(this, itemIndex),
		simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
	};
}

export async function execute(
	this: IExecuteFunctions,
	{ qs, limit, simplify }: ListInput,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject[]> {

	const users: ApiUser[] = [];
	let offset = 0;
	while (users.length < limit) {
		const pageLimit = Math.min(PAGE_SIZE, limit - users.length);
		const response = await client.request<UserListData>(
			{ method: 'GET', path: '/users/list', qs: { ...qs, limit: pageLimit, offset } },
			itemIndex,
		);
		const page = Array.isArray(response.data?.users) ? response.data.users : [];
		users.push(...page);
		offset += page.length;
		const total = Number(response.data?.total ?? Number.NaN);
		if (page.length < pageLimit || (Number.isFinite(total) && offset >= total)) break;
	}
	const wanted = users.slice(0, limit);
	return simplify ? wanted.map(simplifyUser) : wanted;
}
