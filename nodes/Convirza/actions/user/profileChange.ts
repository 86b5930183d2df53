import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBodySettings, resolveGroup, toUpdateBody, type DraftBody } from './body';
import { fillUnsetFieldsOption, profileChangeOptions } from './descriptions';
import { changeOf } from './directory';
import { readUserRef, resolveUserId, type UserRef } from './locator';
import { USER_ID_KEY, fieldsFromInput, readMappingMode, userRefFromInput } from './mapping';
import type { UserRequestBody } from '../../api/types';
import { getUser, updateUser } from '../../api/users';
import type { UserServices } from './services';
import { updateInOneRequestOption } from './updateRequest';
import { nodeParameter, readOptions } from '../parameters';

/** What Update and Update (Partial) read for an item before sending anything. */
export interface ProfileChange {
	user: UserRef;
	/** The Update Fields set, as body fields (an empty value left out unless Ignore Empty Values is off). */
	body: DraftBody;
	options: IDataObject;
}

/** Every option either operation may have (Update adds Fill Unset Fields and Update in One Request). */
const OPTIONS = [...profileChangeOptions(), fillUnsetFieldsOption, updateInOneRequestOption];

export function readProfileChange(this: IExecuteFunctions, itemIndex: number): ProfileChange {
	const options = readOptions(this, itemIndex, OPTIONS);
	const settings = readBodySettings(options);
	if (readMappingMode(this, itemIndex) === 'autoMapInputData') {
		const json = this.getInputData()[itemIndex].json;
		const user = userRefFromInput(this, json, itemIndex);
		const consumed = user.by === 'id' ? [USER_ID_KEY] : [];
		const { fields, keys } = fieldsFromInput(json, options.ignoreUnknownKeys === true, consumed, ['clearAliases']);
		return { user, body: toUpdateBody(fields, settings, keys), options };
	}
	const fields = nodeParameter<IDataObject>(this, 'updateFields', itemIndex, {}, { label: 'Update Fields' });
	return { user: readUserRef(this, itemIndex), body: toUpdateBody(fields, settings), options };
}

/**
 * Finds the user, sends the change the operation builds for them, notes it for later lookups in
 * the execution, and outputs Convirza's confirmation (or, with Return Updated User, the profile).
 */
export async function applyProfileChange(
	{ user, body: draft, options }: ProfileChange,
	itemIndex: number,
	{ client, users, groups }: UserServices,
	build: (userId: number, fieldsSet: UserRequestBody) => Promise<{ method: 'PUT' | 'PATCH'; body: UserRequestBody }>,
): Promise<IDataObject> {
	const fieldsSet = await resolveGroup(draft, groups, itemIndex);
	const userId = await resolveUserId(user, users, itemIndex);
	const { method, body } = await build(userId, fieldsSet);
	const response = await updateUser(client, method, userId, body, itemIndex);
	users.remember(userId, changeOf(fieldsSet));
	if (options.returnUpdatedUser === true) return await getUser(client, userId, itemIndex);
	return response as unknown as IDataObject;
}
