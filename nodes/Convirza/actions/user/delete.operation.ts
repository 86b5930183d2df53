import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userIdParameter, userLocator } from './descriptions';
import { deleteUser } from '../../api/users';
import type { ConvirzaClient } from '../../transport';
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

export function read(this: IExecuteFunctions, itemIndex: number): number {
	return userIdParameter(this, itemIndex);
}

/** Convirza deletes softly, so repeating a delete is harmless and the transport may retry it. */
export async function execute(
	this: IExecuteFunctions,
	userId: number,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	await deleteUser(client, userId, itemIndex);
	return { deleted: true, userId };
}
