import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as updatePartial from './updatePartial.operation';
import * as upsert from './upsert.operation';
import { userServices, type UserServices } from './services';
import type { Resource } from '../operation';

export const resource: Resource<UserServices> = {
	operations: { create, delete: del, get, getAll, update, updatePartial, upsert },
	services: userServices,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user (POST). Never sent twice: if the outcome is unclear, the error says how to check.',
				action: 'Create a user',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user. Convirza keeps them with the status "deleted".',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Read one user's profile",
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List users, filtered by group, name, email, role or status',
				action: 'Get many users',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Replace a user's profile (PUT). Fields you do not set keep their current values. Best for setting the whole profile in one call.",
				action: 'Update a user',
			},
			{
				name: 'Update (Partial)',
				value: 'updatePartial',
				description: 'Change only the fields you set (PATCH). Best for changing one or two fields.',
				action: 'Partially update a user',
			},
		],
		default: 'update',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
	...updatePartial.description,
	...upsert.description,
];
