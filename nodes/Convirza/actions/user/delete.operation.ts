import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './descriptions';
import { userIdParameter, userNotFound } from '../../helpers/readUser';
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

/**
 * DELETE /v3/users/{id} is a soft delete (documented): the user stays, with status "deleted".
 * Repeating it is harmless, so the transport may retry it like any idempotent request.
 */
export function read(this: IExecuteFunctions, itemIndex: number): number {
	return userIdParameter(this, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	userId: number,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	await client.request(
		{ method: 'DELETE', path: `/users/${userId}`, notFound: userNotFound(userId) },
		itemIndex,
	);
	return { deleted: true, userId };
}
