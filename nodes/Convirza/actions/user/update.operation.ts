import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	byDisplayName,
	clearAliasesField,
	ignoreEmptyValuesOption,
	returnUpdatedUserOption,
	userLocator,
	userProfileFields,
} from './descriptions';
import { readProfileChange, type ProfileChange } from './profileChange';
import { InputError } from '../../helpers/InputError';
import { readUser, userNotFound } from '../../helpers/readUser';
import { FIELD_LABELS, USER_FIELDS } from '../../helpers/userBody';
import { toCurrentProfile } from '../../helpers/userMapping';
import type { ConvirzaClient } from '../../transport';
import type { UserRequestBody } from '../../types';
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
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'The profile fields to change. Fields you do not add keep their current values (see Fill Unset Fields From Current User).',
		displayOptions: { show },
		options: [...userProfileFields, clearAliasesField].sort(byDisplayName),
	},
	optionsCollection(show, [fillUnsetFieldsOption, ignoreEmptyValuesOption, returnUpdatedUserOption]),
];

const ALL_FIELDS = USER_FIELDS.map((field) => field.key);

/**
 * Completes the body with the user's current values for every field the operator did not set, so
 * the full-replacement PUT blanks nothing. A current value that cannot be written back safely fails
 * the item and names the field to set.
 */
async function fillFromCurrentUser(
	context: IExecuteFunctions,
	client: ConvirzaClient,
	userId: number,
	body: UserRequestBody,
	itemIndex: number,
): Promise<UserRequestBody> {
	const missing = ALL_FIELDS.filter((key) => !(key in body));
	if (missing.length === 0) return body;
	const current = toCurrentProfile(await readUser(context, client, userId, itemIndex));
	for (const key of missing) {
		const reason = current.unmappable[key];
		if (reason !== undefined) {
			throw new InputError(
				FIELD_LABELS[key],
				`must be set for this user: ${reason}`,
				`Add "${FIELD_LABELS[key]}" to Update Fields with the value to keep.`,
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
			? await fillFromCurrentUser(this, client, userId, fieldsSet, itemIndex)
			: fieldsSet;

	const response = await client.request(
		{ method: 'PUT', path: `/users/${userId}`, body: body as IDataObject, notFound: userNotFound(userId) },
		itemIndex,
	);
	if (options.returnUpdatedUser === true) return await readUser(this, client, userId, itemIndex);
	return response as unknown as IDataObject;
}
