import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUserRef, resolveUserId, userLocator, type UserRef } from './locator';
import { deleteUser } from '../../api/users';
import type { UserServices } from './services';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		...userLocator,
		description:
			'The Convirza user to delete. Convirza keeps deleted users with the status "deleted" (Get Many lists them with Filters → Status: Deleted).',
		displayOptions: { show },
	},
	optionsCollection(show),
];

export function read(this: IExecuteFunctions, itemIndex: number): UserRef {
	return readUserRef(this, itemIndex);
}

/** Convirza deletes softly, so repeating a delete is harmless and the transport may retry it. */
export async function execute(
	this: IExecuteFunctions,
	user: UserRef,
	itemIndex: number,
	{ client, users }: UserServices,
): Promise<IDataObject> {
	const userId = await resolveUserId(user, users, itemIndex);
	await deleteUser(client, userId, itemIndex);
	users.remember(userId, { status: 'deleted' });
	return { deleted: true, userId };
}
