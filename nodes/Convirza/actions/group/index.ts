import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import { groupServices, type GroupServices } from './services';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import type { Resource } from '../operation';

export const resource: Resource<GroupServices> = {
	operations: { create, get, getAll, update, upsert },
	services: groupServices,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a group under a parent group (POST). Never sent twice: if the outcome is unclear, the error says how to check.',
				action: 'Create a group',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one group',
				action: 'Get a group',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List groups, at every level or under one group, with their paths',
				action: 'Get many groups',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change only the fields you set (PATCH)',
				action: 'Update a group',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
