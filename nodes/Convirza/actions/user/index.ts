import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';
import type { OperationModule } from '../types';

export const operations: Record<string, OperationModule> = { update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description:
					"Replace a user's profile (PUT). Fields you do not set keep their current values.",
				action: 'Update a user',
			},
		],
		default: 'update',
	},
	...update.description,
];
