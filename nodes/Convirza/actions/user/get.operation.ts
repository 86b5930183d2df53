import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyParameter } from './descriptions';
import { readUserRef, resolveUserId, userLocator, type UserRef } from './locator';
import { simplifyUser } from './simplify';
import { getUser } from '../../api/users';
import type { UserServices } from './services';
import { nodeParameter } from '../parameters';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...userLocator, description: 'The Convirza user to read', displayOptions: { show } },
	{ ...simplifyParameter, displayOptions: { show } },
	optionsCollection(show),
];

interface GetInput {
	user: UserRef;
	simplify: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): GetInput {
	return {
		user: readUserRef(this, itemIndex),
		simplify: nodeParameter(this, 'simplify', itemIndex, true, { label: 'Simplify' }),
	};
}

export async function execute(
	this: IExecuteFunctions,
	{ user, simplify }: GetInput,
	itemIndex: number,
	{ client, users }: UserServices,
): Promise<IDataObject> {
	const found = await getUser(client, await resolveUserId(user, users, itemIndex), itemIndex);
	return simplify ? simplifyUser(found) : found;
}
