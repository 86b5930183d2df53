import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator, userProfileFields } from './descriptions';
import { InputError } from '../../helpers/InputError';
import { FIELD_LABELS, USER_FIELDS, toUserRequestBody } from '../../helpers/userBody';
import { toCurrentProfile, userFromResponse } from '../../helpers/userMapping';
import { parseUserId } from '../../helpers/validation';
import type { ConvirzaClient } from '../../transport';
import type { ApiUser, UserRequestBody } from '../../types';
import { requestOptions } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['update'] };

const clearAliases: INodeProperties = {
	displayName: 'Clear Aliases',
	name: 'clearAliases',
	type: 'boolean',
	default: false,
	description: 'Whether to remove all aliases of the user (sends aliases as null)',
};

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

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
		options: [...userProfileFields, clearAliases].sort(byDisplayName),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: ([
			{
				displayName: 'Fill Unset Fields From Current User',
				name: 'fillUnsetFields',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the user first and send their current values for the fields not set here. Convirza replaces the whole profile on update, so turning this off sends only the fields set here.',
			},
			{
				displayName: 'Ignore Empty Values',
				name: 'ignoreEmptyValues',
				type: 'boolean',
				default: true,
				description:
					'Whether a field whose value is empty (e.g. an empty CRM field mapped by an expression) counts as not set, instead of being sent empty',
			},
			{
				displayName: 'Return Updated User',
				name: 'returnUpdatedUser',
				type: 'boolean',
				default: false,
				description:
					"Whether to read the user after the update and output their profile instead of Convirza's confirmation",
			},
			...requestOptions,
		] as INodeProperties[]).sort(byDisplayName),
	},
];

const ALL_FIELDS = USER_FIELDS.map((field) => field.key);

function notFound(userId: number): string {
	return `No Convirza user has the ID ${userId}. Check the User parameter (deleted users keep their ID).`;
}

async function readUser(client: ConvirzaClient, userId: number, itemIndex: number): Promise<ApiUser> {
	const response = await client.request(
		{ method: 'GET', path: `/users/${userId}`, notFound: notFound(userId) },
		itemIndex,
	);
	const user = userFromResponse(response.data);
	if (user === undefined) {
		throw new InputError(
			'Fill Unset Fields From Current User',
			'could not be applied: Convirza returned no user profile',
			'Set every field in "Update Fields", or turn this option off to send only the fields set.',
		);
	}
	return user;
}

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
	const missing = ALL_FIELDS.filter((key) => !(key in body));
	if (missing.length === 0) return body;
	const current = toCurrentProfile(await readUser(client, userId, itemIndex));
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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const userId = parseUserId(
		this.getNodeParameter('userId', itemIndex, undefined, { extractValue: true }),
	);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ignoreEmpty = options.ignoreEmptyValues !== false;

	let body = toUserRequestBody(fields, ignoreEmpty);
	if (fields.clearAliases === true) {
		if (body.aliases !== undefined) {
			throw new InputError('Clear Aliases', 'cannot be used together with Aliases', 'Remove one of the two.');
		}
		body.aliases = null;
	}
	if (Object.keys(body).length === 0) {
		throw new InputError(
			'Update Fields',
			'has no value to send for this item',
			ignoreEmpty
				? 'Add at least one field. Fields whose value was empty were skipped because "Ignore Empty Values" is on.'
				: 'Add at least one field to update.',
		);
	}
	if (options.fillUnsetFields !== false) {
		body = await fillFromCurrentUser(client, userId, body, itemIndex);
	}

	const response = await client.request(
		{ method: 'PUT', path: `/users/${userId}`, body: body as IDataObject, notFound: notFound(userId) },
		itemIndex,
	);
	if (options.returnUpdatedUser === true) return await readUser(client, userId, itemIndex);
	return response as unknown as IDataObject;
}
