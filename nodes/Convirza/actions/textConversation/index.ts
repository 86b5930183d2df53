import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import { clientServices, type Resource } from '../operation';

export const resource: Resource = {
	operations: { getAll },
	services: clientServices,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['textConversation'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List text (SMS) conversations: open, assigned to you, unassigned or closed',
				action: 'Get many text conversations',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
