import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { USER_FIELDS, fieldParameter } from './fields';
import { parseUserId } from '../../helpers/validation';
import { byDisplayName } from '../common/requestOptions';

/** "Pick one user": searchable list or a numeric ID. Shared by every operation on one user. */
export const userLocator: INodeProperties = {
	displayName: 'User',
	name: 'userId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Convirza user to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a user...',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 10001',
			hint: 'The numeric Convirza user ID (ct_user_id)',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*[1-9][0-9]*\\s*$', errorMessage: 'Not a valid user ID' },
				},
			],
		},
	],
};

/** The User parameter (resource locator) of item `itemIndex`, validated as a Convirza user ID. */
export function userIdParameter(context: IExecuteFunctions, itemIndex: number): number {
	return parseUserId(context.getNodeParameter('userId', itemIndex, undefined, { extractValue: true }));
}

/** The profile fields as Update Fields and Create's Additional Fields list them (see fields.ts). */
export const userProfileFields: INodeProperties[] = USER_FIELDS.map(fieldParameter).sort(byDisplayName);

/** Removes the aliases (sends null): an empty Aliases value is skipped or refused instead. */
export const clearAliasesField: INodeProperties = {
	displayName: 'Clear Aliases',
	name: 'clearAliases',
	type: 'boolean',
	default: false,
	description: 'Whether to remove all aliases of the user (sends aliases as null)',
};

/** Update and Update (Partial): the fields to change, Clear Aliases among them. */
export function updateFieldsCollection(show: NonNullable<IDisplayOptions['show']>, description: string): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		displayOptions: { show },
		options: [...userProfileFields, clearAliasesField].sort(byDisplayName),
	};
}

/** Update and Update (Partial): empty mapped values count as not set. */
export const ignoreEmptyValuesOption: INodeProperties = {
	displayName: 'Ignore Empty Values',
	name: 'ignoreEmptyValues',
	type: 'boolean',
	default: true,
	description:
		'Whether a field whose value is empty (e.g. an empty CRM field mapped by an expression) counts as not set, instead of being sent empty',
};

/** Every operation that may send Agent Ring-To: the country of numbers written without one. */
export const defaultCountryCodeOption: INodeProperties = {
	displayName: 'Default Country Code',
	name: 'defaultCountryCode',
	type: 'string',
	default: '1',
	placeholder: 'e.g. 49',
	description:
		'Country calling code for phone numbers written without "+" or an international prefix, e.g. 1 (USA, Canada) or 49 (Germany). "(425) 555-0199" becomes "+14255550199" with 1; "030 9018 2000" becomes "+493090182000" with 49.',
};

/** Update and Update (Partial): output the profile after the change. */
export const returnUpdatedUserOption: INodeProperties = {
	displayName: 'Return Updated User',
	name: 'returnUpdatedUser',
	type: 'boolean',
	default: false,
	description:
		"Whether to read the user after the update and output their profile instead of Convirza's confirmation",
};

/** Get and Get Many: the same switch, the same compact view (helpers/simplifyUser.ts). */
export const simplifyParameter: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: 'On: id, email, firstName, lastName, role, externalId, status, agentRingTo, group, scoreCalls, accessAudio, createdAt. Off: the user exactly as Convirza returns it.',
};
