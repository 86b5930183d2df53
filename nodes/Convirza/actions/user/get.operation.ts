import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyParameter, userIdParameter, userLocator } from './descriptions';
import { simplifyUser } from './simplify';
import { getUser } from '../../api/users';
import type { ConvirzaClient } from '../../transport';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...userLocator, description: 'The Convirza user to read', displayOptions: { show } },
	{ ...simplifyParameter, displayOptions: { show } },
	optionsCollection(show),
];

interface GetInput {
	userId: number;
	simplify: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): GetInput {
	return {
		userId: userIdParameter(this, itemIndex),
		simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
	};
}

export async function execute(
	this: IExecuteFunctions,
	{ userId, simplify }: GetInput,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const user = await getUser(client, userId, itemIndex);
	return simplify ? simplifyUser(user) : user;
}
