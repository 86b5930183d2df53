import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fillFromCurrentUser } from './fillFromCurrent';
import type { UserRequestBody } from '../../api/types';
import type { ConvirzaClient } from '../../transport';

/**
 * Update and Create or Update: change a user with one PATCH of the fields set, instead of reading
 * them and sending the whole profile with PUT. Off by default: PUT is Convirza's documented update
 * (the mission endpoint), while PATCH is only listed in its API reference as the partial update, its
 * body inferred ("any subset of the PUT fields"). On a partial record the PATCH is one request where
 * PUT needs two (GET the user, then PUT), and it blanks nothing either: unset fields are not sent.
 */
export const updateInOneRequestOption: INodeProperties = {
	displayName: 'Update in One Request (PATCH)',
	name: 'updateInOneRequest',
	type: 'boolean',
	default: false,
	description:
		"Whether to update a user with one PATCH request that sends only the fields set, instead of reading the user and sending the whole profile with PUT. Faster for partial records. Convirza documents PUT; PATCH is its partial update, inferred from the API reference.",
};

export interface UpdateRequest {
	method: 'PUT' | 'PATCH';
	body: UserRequestBody;
}

/**
 * The request that changes a found user: PATCH with the fields set when Update in One Request is
 * on; otherwise PUT, completed from the current user first unless `fillUnsetFields` is off (Update's
 * option; Create or Update always fills, so that its full-replacement PUT blanks nothing).
 */
export async function updateRequest(
	client: ConvirzaClient,
	userId: number,
	fieldsSet: UserRequestBody,
	options: IDataObject,
	itemIndex: number,
	whereToSet?: string,
): Promise<UpdateRequest> {
	if (options.updateInOneRequest === true) return { method: 'PATCH', body: fieldsSet };
	if (options.fillUnsetFields === false) return { method: 'PUT', body: fieldsSet };
	return { method: 'PUT', body: await fillFromCurrentUser(client, userId, fieldsSet, itemIndex, whereToSet) };
}
