import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	defaultCountryCodeOption,
	ignoreEmptyValuesOption,
	returnUpdatedUserOption,
	updateFieldsCollection,
	userLocator,
} from './descriptions';
import { readProfileChange, type ProfileChange } from './profileChange';
import { getUser, updateUser } from '../../api/users';
import type { ConvirzaClient } from '../../transport';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['updatePartial'] };

export const description: INodeProperties[] = [
	{ ...userLocator, description: 'The Convirza user to change', displayOptions: { show } },
	updateFieldsCollection(
		show,
		'The fields to change; only these are sent (PATCH) and every other field keeps its value. Convirza advises PATCH for changing one or two fields, and Update (PUT) for setting the whole profile in one call.',
	),
	optionsCollection(show, [defaultCountryCodeOption, ignoreEmptyValuesOption, returnUpdatedUserOption]),
];

export { readProfileChange as read };

/** Only the fields set are sent; everything else keeps its value. */
export async function execute(
	this: IExecuteFunctions,
	{ userId, body, options }: ProfileChange,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const response = await updateUser(client, 'PATCH', userId, body, itemIndex);
	if (options.returnUpdatedUser === true) return await getUser(client, userId, itemIndex);
	return response as unknown as IDataObject;
}
