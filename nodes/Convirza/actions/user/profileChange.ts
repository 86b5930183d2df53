import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBodySettings, toUpdateBody } from './body';
import { changeOf } from './directory';
import { readUserRef, resolveUserId, type UserRef } from './locator';
import type { UserRequestBody } from '../../api/types';
import { getUser, updateUser } from '../../api/users';
import type { RunServices } from '../operation';

/** What Update and Update (Partial) read for an item before sending anything. */
export interface ProfileChange {
	user: UserRef;
	/** The Update Fields set, as body fields (an empty value left out unless Ignore Empty Values is off). */
	body: UserRequestBody;
	options: IDataObject;
}

export function readProfileChange(this: IExecuteFunctions, itemIndex: number): ProfileChange {
	const user = readUserRef(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { user, body: toUpdateBody(fields, readBodySettings(options)), options };
}

/**
 * Finds the user, sends the change the operation builds for them, notes it for later lookups in
 * the execution, and outputs Convirza's confirmation (or, with Return Updated User, the profile).
 */
export async function applyProfileChange(
	{ user, body: fieldsSet, options }: ProfileChange,
	itemIndex: number,
	{ client, users }: RunServices,
	build: (userId: number, fieldsSet: UserRequestBody) => Promise<{ method: 'PUT' | 'PATCH'; body: UserRequestBody }>,
): Promise<IDataObject> {
	const userId = await resolveUserId(user, users, itemIndex);
	const { method, body } = await build(userId, fieldsSet);
	const response = await updateUser(client, method, userId, body, itemIndex);
	users.remember(userId, changeOf(fieldsSet));
	if (options.returnUpdatedUser === true) return await getUser(client, userId, itemIndex);
	return response as unknown as IDataObject;
}
