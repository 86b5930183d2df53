import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getRecording from './getRecording.operation';
import { directoryServices, type DirectoryServices } from '../group/services';
import type { Resource } from '../operation';

/** Get Many's Group filter may name a group by name or External ID: the items share a group directory. */
export const resource: Resource<DirectoryServices> = {
	operations: { get, getAll, getRecording },
	services: directoryServices,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read one call by its ID, with the details you include',
				action: 'Get a call',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List calls in any date range, filtered by caller, tracking number, group, campaign or disposition',
				action: 'Get many calls',
			},
			{
				name: 'Get Recording',
				value: 'getRecording',
				description: "Download a call's recording as a file",
				action: 'Get a call recording',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...getRecording.description,
];
