import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readGroupChoice } from './common';
import { groupLocator, resolveGroupId, type GroupChoice } from './locator';
import type { GroupServices } from './services';
import { listGroups } from '../../api/groups';
import type { ApiGroup, GroupListQuery } from '../../api/types';
import { InputError } from '../../helpers/InputError';
import { parseText } from '../../helpers/validation';
import { limitParameters, readLimit } from '../common/list';
import { optionsCollection } from '../common/requestOptions';
import { nodeParameter } from '../parameters';

const show = { resource: ['group'], operation: ['getAll'] };
const PARENT = 'Parent Group';
const STATUSES = ['active', 'inactive'] as const;

export const description: INodeProperties[] = [
	{
		displayName: 'Levels',
		name: 'levels',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Levels',
				value: 'all',
				description: 'Every group in your hierarchy, parents before their sub-groups',
			},
			{
				name: 'Direct Children of a Group',
				value: 'children',
				description: 'Only the groups directly under one group',
			},
		],
		default: 'all',
		displayOptions: { show },
	},
	{
		...groupLocator('parentGroup', PARENT, 'The group whose direct children are listed (org_unit_id)'),
		required: true,
		displayOptions: { show: { ...show, levels: ['children'] } },
	},
	...limitParameters(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. sales',
				description: 'Only groups whose name contains this text, in any letter case (group_name)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Inactive', value: 'inactive' },
				],
				default: 'active',
				description: 'Only groups with this status (status)',
			},
		],
	},
	optionsCollection(show),
];

interface ListInput {
	/** Whose direct children; undefined: every level. */
	parent?: GroupChoice;
	name?: string;
	status?: (typeof STATUSES)[number];
	limit: number;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export function read(this: IExecuteFunctions, itemIndex: number): ListInput {
	const filters = nodeParameter<IDataObject>(this, 'filters', itemIndex, {}, { label: 'Filters' });
	const input: ListInput = { limit: readLimit(this, itemIndex) };
	if (nodeParameter<string>(this, 'levels', itemIndex, 'all') === 'children') {
		input.parent = readGroupChoice(this, 'parentGroup', PARENT, itemIndex);
	}
	if (!isBlank(filters.name)) input.name = parseText(filters.name, 'Name Contains');
	if (!isBlank(filters.status)) {
		const status = parseText(filters.status, 'Status').toLowerCase();
		if (!STATUSES.includes(status as ListInput['status'] & string)) {
			throw new InputError('Status', `must be active or inactive, not "${status}"`, 'Use active or inactive.');
		}
		input.status = status as ListInput['status'];
	}
	return input;
}

/**
 * One output item per group, each with its `path`. The direct children of a group are one list
 * (Convirza filters them); every level comes from the execution's walk of the tree, filtered here
 * the way Convirza filters (name: part of it, any letter case).
 */
export async function execute(
	this: IExecuteFunctions,
	{ parent, name, status, limit }: ListInput,
	itemIndex: number,
	{ client, groups }: GroupServices,
): Promise<IDataObject[]> {
	let rows: ApiGroup[];
	if (parent !== undefined) {
		const query: GroupListQuery = { org_unit_id: await resolveGroupId(parent, groups, PARENT, itemIndex, true) };
		if (name !== undefined) query.group_name = name;
		if (status !== undefined) query.status = status;
		rows = [];
		for await (const row of listGroups(client, query, { limit, itemIndex })) rows.push(row);
	} else {
		const wanted = (await groups.all(itemIndex)).filter(
			(group) =>
				(name === undefined || group.name.toLowerCase().includes(name.toLowerCase())) &&
				(status === undefined || group.active === (status === 'active')),
		);
		rows = await groups.rowsOf(wanted.slice(0, limit), itemIndex);
	}
	const paths = await Promise.all(rows.map(async (row) => await groups.pathOfId(Number(row.org_unit_id), itemIndex)));
	return rows.map((row, index) => ({ ...row, path: paths[index] }));
}
