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
import { readUser, userNotFound } from '../../helpers/readUser';
import type { ConvirzaClient } from '../../transport';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['updatePartial'] };

export const description: INodeProperties[] = [
	{ ...userLocator, description: 'The Convirza user to change', displayOptions: { show } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'The fields to change; only these are sent (PATCH) and every other field keeps its value. Convirza advises PATCH for changing one or two fields, and Update (PUT) for setting the whole profile in one call.',
		displayOptions: { show },
		options: [...userProfileFields, clearAliasesField].sort(byDisplayName),
	},
	optionsCollection(show, [ignoreEmptyValuesOption, returnUpdatedUserOption]),
];

export { readProfileChange as read };

/** PATCH /v3/users/{id}: only the fields set are sent (body inferred: any subset of PUT's fields). */
export async function execute(
	this: IExecuteFunctions,
	{ userId, body, options }: ProfileChange,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const response = await client.request(
		{ method: 'PATCH', path: `/users/${userId}`, body: body as IDataObject, notFound: userNotFound(userId) },
		itemIndex,
	);
	if (options.returnUpdatedUser === true) return await readUser(this, client, userId, itemIndex);
	return response as unknown as IDataObject;
}
