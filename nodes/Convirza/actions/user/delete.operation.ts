import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './descriptions';
import { userNotFound } from '../../helpers/readUser';
import { parseUserId } from '../../helpers/validation';
import type { ConvirzaClient } from '../../transport';
import { requestOptions } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		...userLocator,
		description:
			'The Convirza user to delete. Convirza keeps deleted users with the status "deleted" (Get Many lists them with Filters → Status: Deleted).',
		displayOptions: { show },
	},
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

/**
 * DELETE /v3/users/{id} is a soft delete (documented): the user stays, with status "deleted".
 * Repeating it is harmless, so the transport may retry it like any idempotent request.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const userId = parseUserId(
		this.getNodeParameter('userId', itemIndex, undefined, { extractValue: true }),
	);
	await client.request(
		{ method: 'DELETE', path: `/users/${userId}`, notFound: userNotFound(userId) },
		itemIndex,
	);
	return { deleted: true, userId };
}
