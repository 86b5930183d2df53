import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyParameter } from './descriptions';
import { fieldByParam, fieldParameter } from './fields';
import { parseRole, roleId } from './roles';
import { simplifyUser } from './simplify';
import type { UserListQuery } from '../../api/types';
import { listUsers } from '../../api/users';
import { InputError } from '../../helpers/InputError';
import { parseText } from '../../helpers/validation';
import type { UserServices } from './services';
import { nodeParameter } from '../parameters';
import { readGroupFilter, resolveGroupId, type GroupChoice } from '../group/locator';
import { filtersCollection, limitParameters, readLimit } from '../common/list';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['getAll'] };

// The filters that are profile fields take their list parameter from the field table.
const email = fieldByParam('email');
const group = fieldByParam('group');
const role = fieldByParam('role');
const status = fieldByParam('status');

/** The field's statuses, and "deleted" (soft-deleted users), which only the list can filter by. */
const STATUS_OPTIONS: INodePropertyOptions[] = [
	...(status.ui.options as INodePropertyOptions[]),
	{ name: 'Deleted', value: 'deleted' },
].sort((a, b) => a.name.localeCompare(b.name));
const SORT_BY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Created', value: 'created_on' },
	{ name: 'Email', value: 'email' },
	{ name: 'Name', value: 'name' },
];
const ORDER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];
const valuesOf = (options: INodePropertyOptions[]) => options.map((option) => String(option.value));

export const description: INodeProperties[] = [
	...limitParameters(show),
	filtersCollection(show, [
			{
				displayName: 'Email Contains',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. @acme.com',
				description: `Only users whose email contains this text (${email.listFilter})`,
			},
			{
				...fieldParameter(group),
				description: `Only users of this group and its sub-groups (${group.listFilter}). Without it, Convirza lists your own group and its sub-groups.`,
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. doe',
				description: 'Only users whose first and last name contain this text, in any letter case (name)',
			},
			{ ...fieldParameter(role), description: `Only users with this role (${role.listFilter})` },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 'active',
				description: `Only users with this status (${status.listFilter}). Deleted users are listed only when asked for.`,
			},
		]),
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
				options: ORDER_OPTIONS,
				default: 'desc',
				description: 'The sort direction (sort_order)',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: SORT_BY_OPTIONS,
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

function oneOf(value: unknown, parameter: string, options: INodePropertyOptions[]): string {
	const allowed = valuesOf(options);
	const word = parseText(value, parameter).toLowerCase();
	const match = allowed.find((candidate) => candidate === word);
	if (match === undefined) {
		throw new InputError(parameter, `must be one of ${allowed.join(', ')}, not "${word}"`, `Use one of: ${allowed.join(', ')}.`);
	}
	return match;
}

/** The list query from Filters and Sort. A parameter not set is left out, never sent empty. */
function listQuery(context: IExecuteFunctions, itemIndex: number): UserListQuery {
	const filters = nodeParameter<IDataObject>(context, 'filters', itemIndex, {}, { label: 'Filters' });
	const sort = nodeParameter<IDataObject>(context, 'sort', itemIndex, {}, { label: 'Sort' });
	const qs: IDataObject = {};
	const set = (name: string | undefined, value: string | number) => (qs[name as string] = value);

	if (!isBlank(filters.name)) qs.name = parseText(filters.name, 'Name Contains');
	if (!isBlank(filters.email)) set(email.listFilter, parseText(filters.email, 'Email Contains'));
	if (!isBlank(filters.role)) set(role.listFilter, roleId(parseRole(filters.role, role.displayName)));
	if (!isBlank(filters.status)) set(status.listFilter, oneOf(filters.status, status.displayName, STATUS_OPTIONS));
	if (!isBlank(sort.sortBy)) qs.sort_by = oneOf(sort.sortBy, 'Sort By', SORT_BY_OPTIONS);
	if (!isBlank(sort.sortOrder)) qs.sort_order = oneOf(sort.sortOrder, 'Order', ORDER_OPTIONS);
	return qs as UserListQuery;
}

interface ListInput {
	query: UserListQuery;
	/** The Group filter (org_unit_id), looked up first when given by name or External ID. */
	group?: GroupChoice;
	limit: number;
	simplify: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): ListInput {
	return {
		query: listQuery(this, itemIndex),
		group: readGroupFilter(this, 'filters.group', group.displayName, itemIndex),
		limit: readLimit(this, itemIndex),
		simplify: nodeParameter(this, 'simplify', itemIndex, true, { label: 'Simplify' }),
	};
}

/** One output item per user found (paged by the users API). */
export async function execute(
	this: IExecuteFunctions,
	{ query, group: choice, limit, simplify }: ListInput,
	itemIndex: number,
	{ client, groups }: UserServices,
): Promise<IDataObject[]> {
	const users: IDataObject[] = [];
	const filtered =
		choice === undefined
			? query
			: { ...query, [group.listFilter as string]: await resolveGroupId(choice, groups, group.displayName, itemIndex) };
	for await (const user of listUsers(client, filtered, { limit, itemIndex })) {
		users.push(simplify ? simplifyUser(user) : user);
	}
	return users;
}
