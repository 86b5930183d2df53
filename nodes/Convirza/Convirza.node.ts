import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as call from './actions/call';
import * as group from './actions/group';
import * as textConversation from './actions/textConversation';
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
		description: 'Manage users and groups, and read calls, recordings and texts in Convirza call tracking',
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
					{ name: 'Call', value: 'call' },
					{ name: 'Group', value: 'group' },
					{ name: 'Text Conversation', value: 'textConversation' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...call.description,
			...group.description,
			...textConversation.description,
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
