import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { USER_FIELDS, fieldParameter } from './fields';
import { userLocator } from './locator';
import { ignoreUnknownKeysOption, inMode, mappingModeParameter, userFromInputParameter } from './mapping';
import { byDisplayName, optionsCollection } from '../common/requestOptions';

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

/**
 * Update and Update (Partial): the user and the fields to change (Clear Aliases among them), set in
 * the node or taken from the input item (Mapping Mode), and the options both have plus `ownOptions`.
 */
export function profileChangeParameters(
	show: NonNullable<IDisplayOptions['show']>,
	descriptions: { user: string; fields: string },
	ownOptions: INodeProperties[] = [],
): INodeProperties[] {
	return [
		mappingModeParameter(show),
		{ ...userLocator, description: descriptions.user, displayOptions: { show: inMode(show, 'defineBelow') } },
		userFromInputParameter(inMode(show, 'autoMapInputData')),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: descriptions.fields,
			displayOptions: { show: inMode(show, 'defineBelow') },
			options: [...userProfileFields, clearAliasesField].sort(byDisplayName),
		},
		optionsCollection(show, [...profileChangeOptions(), ...ownOptions]),
	];
}

/** The options Update and Update (Partial) both have. */
export const profileChangeOptions = () => [
	defaultCountryCodeOption,
	ignoreEmptyValuesOption,
	ignoreUnknownKeysOption,
	returnUpdatedUserOption,
];

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

/** Update only (PATCH changes only what it is given). */
export const fillUnsetFieldsOption: INodeProperties = {
	displayName: 'Fill Unset Fields From Current User',
	name: 'fillUnsetFields',
	type: 'boolean',
	default: true,
	description:
		'Whether to read the user first and send their current values for the fields not set here. Convirza replaces the whole profile on update, so turning this off sends only the fields set here. Not used with Update in One Request.',
};
