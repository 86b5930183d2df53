import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyParameter, userLocator } from './descriptions';
import { readUser } from '../../helpers/readUser';
import { simplifyUser } from '../../helpers/simplifyUser';
import { parseUserId } from '../../helpers/validation';
import type { ConvirzaClient } from '../../transport';
import { requestOptions } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...userLocator, description: 'The Convirza user to read', displayOptions: { show } },
	{ ...simplifyParameter, displayOptions: { show } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: requestOptions,
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const userId = parseUserId(
		this.getNodeParameter('userId', itemIndex, undefined, { extractValue: true }),
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const user = await readUser(this, client, userId, itemIndex);
	return simplify ? simplifyUser(user) : user;
}
