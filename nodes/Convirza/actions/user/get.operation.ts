import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyParameter, userLocator } from './descriptions';
import { readUser, userIdParameter } from '../../helpers/readUser';
import { simplifyUser } from '../../helpers/simplifyUser';
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
	const user = await readUser(this, client, userId, itemIndex);
	return simplify ? simplifyUser(user) : user;
}
