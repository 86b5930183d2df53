import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { TIMEZONE_NAMES } from '../../helpers/validation';

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

/** Convirza's roles (documented: Admin, Standard, ReadOnly), for the Role field and the Role filter. */
export const ROLE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Admin', value: 'Admin', description: 'Full access, including user management' },
	{ name: 'Read Only', value: 'ReadOnly', description: 'Can view but not change anything' },
	{ name: 'Standard', value: 'Standard', description: 'Regular access without administration' },
];

const TIMEZONE_OPTIONS = TIMEZONE_NAMES.map((zone) => ({ name: zone, value: zone }));

/**
 * The user's profile fields, as they appear in "Update Fields" (and, later, in create's
 * "Additional Fields"). Each maps to one body field; see helpers/userBody.ts.
 */
export const userProfileFields: INodeProperties[] = [
	{
		displayName: 'Access Audio',
		name: 'accessAudio',
		type: 'boolean',
		default: false,
		description: 'Whether the user may play call recordings (access_audio)',
	},
	{
		displayName: 'Agent Code',
		name: 'agentCode',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: "The agent's numeric code in IVR flows (agent_code), a whole number of 0 or more",
	},
	{
		displayName: 'Agent Ring-To',
		name: 'agentRingTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. +14255551234',
		description:
			'Phone number calls are forwarded to (agent_ring_to): 7 to 15 digits with an optional leading +. Spaces, dashes, dots and parentheses are removed.',
	},
	{
		displayName: 'Aliases',
		name: 'aliases',
		type: 'string',
		default: '',
		description: 'Other names the user is known by (aliases). To remove them, use Clear Aliases instead.',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description:
			"The user's login email (username). It must not belong to another Convirza user.",
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. CRM-00123',
		description: 'Your own ID for the user, such as the CRM contact ID (user_ext_id)',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: "The user's first name (first_name)",
	},
	{
		displayName: 'Group',
		name: 'group',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			"The group (org unit) the user belongs to (ct_user_ou_id). It must be inside your account's hierarchy.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group...',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 70035',
				hint: 'The numeric org unit ID of the group',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Not a valid group ID' },
					},
				],
			},
		],
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: "The user's last name (last_name)",
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: ROLE_OPTIONS,
		default: 'Standard',
		description: "The user's role (role): Admin, Standard or ReadOnly",
	},
	{
		displayName: 'Score Calls',
		name: 'scoreCalls',
		type: 'boolean',
		default: false,
		description: 'Whether the user has access to call scorecards (score_call)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Inactive', value: 'inactive' },
		],
		default: 'active',
		description: 'Whether the user is active or inactive (user_status)',
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'options',
		options: TIMEZONE_OPTIONS,
		default: 'UTC',
		description: "The user's IANA time zone (timezone), e.g. America/Los_Angeles",
	},
];

/** The Group picker of the profile fields, for the parameters that pick a group outside them. */
export const groupLocator = userProfileFields.find((field) => field.name === 'group') as INodeProperties;

/** Removes the aliases (sends null): an empty Aliases value is skipped or refused instead. */
export const clearAliasesField: INodeProperties = {
	displayName: 'Clear Aliases',
	name: 'clearAliases',
	type: 'boolean',
	default: false,
	description: 'Whether to remove all aliases of the user (sends aliases as null)',
};

export { byDisplayName } from '../common/requestOptions';

/** Update and Update (Partial): empty mapped values count as not set. */
export const ignoreEmptyValuesOption: INodeProperties = {
	displayName: 'Ignore Empty Values',
	name: 'ignoreEmptyValues',
	type: 'boolean',
	default: true,
	description:
		'Whether a field whose value is empty (e.g. an empty CRM field mapped by an expression) counts as not set, instead of being sent empty',
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
	hint: 'On: id, email, firstName, lastName, role, status, group, externalId, agentRingTo, accessAudio, scoreCalls, createdAt. Off: the user exactly as Convirza returns it.',
};
