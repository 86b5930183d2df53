import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { userFromResponse } from './userMapping';
import { parseUserId } from './validation';
import type { ConvirzaClient } from '../transport';
import type { ApiUser } from '../types';

/** The User parameter (resource locator) of item `itemIndex`, validated as a Convirza user ID. */
export function userIdParameter(context: IExecuteFunctions, itemIndex: number): number {
	return parseUserId(context.getNodeParameter('userId', itemIndex, undefined, { extractValue: true }));
}

/** What a 404 on /users/{id} means, in the operator's terms. */
export function userNotFound(userId: number): string {
	return `No Convirza user has the ID ${userId}. Check the User parameter (deleted users keep their ID).`;
}

/** GET /v3/users/{id}: the user object, whichever documented-or-inferred shape `data` has. */
export async function readUser(
	context: IExecuteFunctions,
	client: ConvirzaClient,
	userId: number,
	itemIndex: number,
): Promise<ApiUser> {
	const response = await client.request(
		{ method: 'GET', path: `/users/${userId}`, notFound: userNotFound(userId) },
		itemIndex,
	);
	const user = userFromResponse(response.data);
	if (user === undefined) {
		throw new NodeOperationError(context.getNode(), `Convirza returned no user profile for the ID ${userId}`, {
			description: 'The answer had no user in it. Check that the Base URL of the credential points to the Convirza API.',
			itemIndex,
		});
	}
	return user;
}
