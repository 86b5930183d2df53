import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as group from './actions/group';
import * as user from './actions/user';
import { searchGroups, searchUsers } from './methods/listSearch';

export class Convirza implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Convirza',
		name: 'convirza',
		icon: { light: 'file:convirza.svg', dark: 'file:convirza.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage users and groups in Convirza call tracking and conversation analytics',
		defaults: { name: 'Convirza' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'convirzaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Group', value: 'group' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...group.description,
			...user.description,
		],
	};

	methods = {
		listSearch: { searchUsers, searchGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
