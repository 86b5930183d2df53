import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toCurrentProfile } from './currentProfile';
import {
	defaultCountryCodeOption,
	ignoreEmptyValuesOption,
	returnUpdatedUserOption,
	updateFieldsCollection,
	userLocator,
} from './descriptions';
import { USER_FIELDS, fieldByKey } from './fields';
import { readProfileChange, type ProfileChange } from './profileChange';
import { getUser, updateUser } from '../../api/users';
import type { UserRequestBody } from '../../api/types';
import { InputError } from '../../helpers/InputError';
import type { ConvirzaClient } from '../../transport';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['update'] };

const fillUnsetFieldsOption: INodeProperties = {
	displayName: 'Fill Unset Fields From Current User',
	name: 'fillUnsetFields',
	type: 'boolean',
	default: true,
	description:
		'Whether to read the user first and send their current values for the fields not set here. Convirza replaces the whole profile on update, so turning this off sends only the fields set here.',
};

export const description: INodeProperties[] = [
	{
		...userLocator,
		description: 'The Convirza user to update',
		displayOptions: { show },
	},
	updateFieldsCollection(
		show,
		'The profile fields to change. Fields you do not add keep their current values (see Fill Unset Fields From Current User).',
	),
	optionsCollection(show, [
		defaultCountryCodeOption,
		fillUnsetFieldsOption,
		ignoreEmptyValuesOption,
		returnUpdatedUserOption,
	]),
];

/**
 * Completes the body with the user's current values for every field the operator did not set, so
 * the full-replacement PUT blanks nothing. A current value that cannot be written back safely fails
 * the item and names the field to set.
 */
async function fillFromCurrentUser(
	client: ConvirzaClient,
	userId: number,
	body: UserRequestBody,
	itemIndex: number,
): Promise<UserRequestBody> {
	const missing = USER_FIELDS.filter((field) => !(field.key in body));
	if (missing.length === 0) return body;
	const current = toCurrentProfile(await getUser(client, userId, itemIndex));
	for (const { key } of missing) {
		const reason = current.unmappable[key];
		if (reason !== undefined) {
			const label = fieldByKey(key).displayName;
			throw new InputError(
				label,
				`must be set for this user: ${reason}`,
				`Add "${label}" to Update Fields with the value to keep.`,
			);
		}
	}
	return { ...current.body, ...body };
}

export { readProfileChange as read };

export async function execute(
	this: IExecuteFunctions,
	{ userId, body: fieldsSet, options }: ProfileChange,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const body =
		options.fillUnsetFields !== false
			? await fillFromCurrentUser(client, userId, fieldsSet, itemIndex)
			: fieldsSet;
	const response = await updateUser(client, 'PUT', userId, body, itemIndex);
	if (options.returnUpdatedUser === true) return await getUser(client, userId, itemIndex);
	return response as unknown as IDataObject;
}
