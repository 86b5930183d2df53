/**
 * The user profile, one entry per field: everything the node knows about a field lives here, and
 * the parameters (Update Fields, Additional Fields, Create's required ones), error labels, the
 * request body, reading a user back (Fill Unset Fields From Current User) and Simplify are all
 * derived from it. To add a field: add its entry (and its body key to api/types.ts).
 *
 * Request and response names differ (documented table): a field is written as `key` and read back
 * from `response`, translated by `readBack` where the two spell the value differently.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ROLE_OPTIONS, parseRole, roleFromResponse } from './roles';
import { groupLocator, parseGroupChoice } from '../group/locator';
import type { ApiUser, UserBodyField } from '../../api/types';
import { toE164 } from '../../helpers/phone';
import {
	TIMEZONE_NAMES,
	parseBoolean,
	parseEmail,
	parseNonNegativeInteger,
	parseStatus,
	parseText,
	parseTimezone,
} from '../../helpers/validation';

/** What the run's Options say about reading values, for the fields that need it. */
export interface FieldSettings {
	/** Digits of the country code that national phone numbers belong to (see helpers/phone.ts). */
	defaultCountryCode: string;
}

/** A current value as a request value, or why it cannot be written back; undefined when absent. */
export type ReadBack = { value: unknown } | { unmappable: string } | undefined;

export interface UserField {
	/** Request body key (PUT, POST, PATCH). */
	key: UserBodyField;
	/** Node parameter name, inside Update Fields / Additional Fields. */
	param: string;
	/** Also the label error messages use, so the operator finds the field. */
	displayName: string;
	description: string;
	/** The parameter as the editor shows it, apart from its names and description. */
	ui: Omit<INodeProperties, 'displayName' | 'name' | 'description'>;
	/** Validates and normalises a value the operator set (throws an InputError naming `label`). */
	parse(value: unknown, label: string, settings: FieldSettings): unknown;
	/** Key of the value in a user as Convirza returns it (list row and get-one). */
	response: keyof ApiUser & string;
	/** Translates the response value back into a request value (default: the value as it is). */
	readBack?(raw: unknown, user: ApiUser): ReadBack;
	/** Set when Convirza refuses a create without the field: its description on Create. */
	requiredToCreate?: string;
	/** Its key in the Simplify view; fields the list row lacks are not in the view. */
	simplified?: string;
	/** Its value in the Simplify view (default: the response value as text, or null). */
	simplify?(raw: unknown, current: ReadBack, user: ApiUser): unknown;
	/** The Get Many query parameter that filters on this field (documented list parameters). */
	listFilter?: string;
}

export const asText = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

export const asId = (value: unknown): number | null => {
	const number = Number(value);
	return value !== null && value !== undefined && value !== '' && Number.isSafeInteger(number) ? number : null;
};

/** Reads a flag shown as "Yes"/"No" (documented) or as a real boolean; `other` judges anything else. */
const readFlag =
	(other: (raw: unknown) => ReadBack) =>
	(raw: unknown): ReadBack => {
		if (typeof raw === 'boolean') return { value: raw };
		if (raw === 'Yes' || raw === 'No') return { value: raw === 'Yes' };
		return other(raw);
	};

const currentValue = (current: ReadBack) => (current !== undefined && 'value' in current ? current.value : null);

/** The value of a resource locator (the group picker), whether or not n8n already extracted it. */
export function locatorValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && '__rl' in value) {
		return (value as { value?: unknown }).value;
	}
	return value;
}

const text = (maxLength?: number) => (value: unknown, label: string) => parseText(value, label, maxLength);

/**
 * In the order of Convirza's documented PUT body, which the request body and the Simplify view
 * follow; the editor lists the fields alphabetically. An item with several bad values is refused
 * for the first of them in this order.
 */
export const USER_FIELDS: readonly UserField[] = [
	{
		key: 'username',
		param: 'email',
		displayName: 'Email',
		description: "The user's login email (username). It must not belong to another Convirza user.",
		ui: { type: 'string', default: '', placeholder: 'e.g. name@email.com' },
		parse: parseEmail,
		response: 'email',
		requiredToCreate: "The new user's login email (username). No other Convirza user may have it.",
		simplified: 'email',
		listFilter: 'email',
	},
	{
		key: 'first_name',
		param: 'firstName',
		displayName: 'First Name',
		description: "The user's first name (first_name)",
		ui: { type: 'string', default: '' },
		parse: text(),
		response: 'first_name',
		requiredToCreate: "The new user's first name (first_name)",
		simplified: 'firstName',
	},
	{
		key: 'last_name',
		param: 'lastName',
		displayName: 'Last Name',
		description: "The user's last name (last_name)",
		ui: { type: 'string', default: '' },
		parse: text(),
		response: 'last_name',
		requiredToCreate: "The new user's last name (last_name)",
		simplified: 'lastName',
	},
	{
		key: 'role',
		param: 'role',
		displayName: 'Role',
		description: "The user's role (role): Admin, Standard or ReadOnly",
		ui: { type: 'options', options: ROLE_OPTIONS, default: 'Standard' },
		parse: parseRole,
		response: 'role',
		// Display names are only partly documented ("Standard User"): map the known ones, never guess.
		readBack: (raw, user) => {
			const role = roleFromResponse(raw, user.role_id);
			return role
				? { value: role }
				: { unmappable: `Convirza shows the role as "${String(raw)}", which has no known request value` };
		},
		requiredToCreate: "The new user's role (role): Admin, Standard or ReadOnly",
		simplified: 'role',
		simplify: (raw, current) => currentValue(current) ?? asText(raw),
		listFilter: 'role_id',
	},
	{
		key: 'user_ext_id',
		param: 'externalId',
		displayName: 'External ID',
		description: 'Your own ID for the user, such as the CRM contact ID (user_ext_id)',
		ui: { type: 'string', default: '', placeholder: 'e.g. CRM-00123' },
		parse: text(),
		response: 'user_ext_id',
		simplified: 'externalId',
	},
	{
		key: 'user_status',
		param: 'status',
		displayName: 'Status',
		description: 'Whether the user is active or inactive (user_status)',
		ui: {
			type: 'options',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Inactive', value: 'inactive' },
			],
			default: 'active',
		},
		parse: parseStatus,
		response: 'status',
		// "deleted" is a status too (soft delete), but not one an update may write.
		readBack: (raw) =>
			raw === 'active' || raw === 'inactive'
				? { value: raw }
				: { unmappable: `the user's current status is "${String(raw)}"` },
		simplified: 'status',
		listFilter: 'user_status',
	},
	{
		key: 'aliases',
		param: 'aliases',
		displayName: 'Aliases',
		description: 'Other names the user is known by (aliases). To remove them, use Clear Aliases instead.',
		ui: { type: 'string', default: '' },
		parse: text(1000),
		response: 'aliases',
	},
	{
		key: 'timezone',
		param: 'timezone',
		displayName: 'Timezone',
		description: "The user's IANA time zone (timezone), e.g. America/Los_Angeles",
		ui: { type: 'options', options: TIMEZONE_NAMES.map((zone) => ({ name: zone, value: zone })), default: 'UTC' },
		parse: parseTimezone,
		response: 'timezone',
	},
	{
		key: 'agent_ring_to',
		param: 'agentRingTo',
		displayName: 'Agent Ring-To',
		description:
			'Phone number calls are forwarded to (agent_ring_to), sent in international E.164 form. A number without "+" or an international prefix belongs to the Default Country Code option\'s country.',
		ui: { type: 'string', default: '', placeholder: 'e.g. +14255551234' },
		parse: (value, label, settings) => toE164(value, label, settings.defaultCountryCode),
		response: 'agent_ring_to',
		simplified: 'agentRingTo',
	},
	{
		key: 'agent_code',
		param: 'agentCode',
		displayName: 'Agent Code',
		description: "The agent's numeric code in IVR flows (agent_code), a whole number of 0 or more",
		ui: { type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0 },
		parse: (value, label) => parseNonNegativeInteger(value, label, '10'),
		response: 'agent_code',
	},
	{
		key: 'ct_user_ou_id',
		param: 'group',
		displayName: 'Group',
		description:
			"The group (org unit) the user belongs to (ct_user_ou_id): from the list, by ID, by name or path, or by External ID. It must be inside your account's hierarchy.",
		ui: { type: 'resourceLocator', default: { mode: 'list', value: '' }, modes: groupLocator('group', 'Group', '').modes },
		// By name or External ID the value is looked up before the request (see body.ts, resolveGroup).
		parse: (value, label) => parseGroupChoice(value, label),
		response: 'group_org_unit_id',
		requiredToCreate:
			"The group (org unit) the new user belongs to (ct_user_ou_id). It must be inside your account's hierarchy.",
		simplified: 'group',
		simplify: (raw, _current, user) => ({ id: asId(raw), name: asText(user.group) }),
		listFilter: 'org_unit_id',
	},
	{
		key: 'score_call',
		param: 'scoreCalls',
		displayName: 'Score Calls',
		description: 'Whether the user has access to call scorecards (score_call)',
		ui: { type: 'boolean', default: false },
		parse: parseBoolean,
		// Pairing inferred from the docs: score_call (request) is shown as assign_scorecard.
		response: 'assign_scorecard',
		// Never written back unknown; as the pairing itself is inferred, an odd value counts as absent.
		readBack: readFlag(() => undefined),
		simplified: 'scoreCalls',
		simplify: (_raw, current) => currentValue(current),
	},
	{
		key: 'access_audio',
		param: 'accessAudio',
		displayName: 'Access Audio',
		description: 'Whether the user may play call recordings (access_audio)',
		ui: { type: 'boolean', default: false },
		parse: parseBoolean,
		response: 'access_audio',
		readBack: readFlag((raw) => ({ unmappable: `Convirza shows it as "${String(raw)}"` })),
		simplified: 'accessAudio',
		simplify: (_raw, current) => currentValue(current),
	},
];

const BY_KEY = new Map(USER_FIELDS.map((field) => [field.key, field]));
const BY_PARAM = new Map(USER_FIELDS.map((field) => [field.param, field]));

export function fieldByKey(key: UserBodyField): UserField {
	return BY_KEY.get(key) as UserField;
}

export function fieldByParam(param: string): UserField {
	return BY_PARAM.get(param) as UserField;
}

/** The field's node parameter, as Update Fields and Additional Fields list it. */
export function fieldParameter(field: UserField): INodeProperties {
	return { displayName: field.displayName, name: field.param, description: field.description, ...field.ui };
}

/** The field read back from a user as Convirza returns it (absent or null: undefined). */
export function readBackField(field: UserField, user: ApiUser): ReadBack {
	const raw = user[field.response];
	if (raw === undefined || raw === null) return undefined;
	return field.readBack ? field.readBack(raw, user) : { value: raw };
}
