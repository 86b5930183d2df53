import type { IDataObject } from 'n8n-workflow';

import { InputError } from './InputError';
import {
	parseBoolean,
	parseEmail,
	parseNonNegativeInteger,
	parsePhone,
	parseRole,
	parseStatus,
	parseText,
	parseTimezone,
} from './validation';
import type { UserBodyField, UserRequestBody } from '../types';

interface FieldSpec {
	/** Name of the node parameter (inside "Update Fields" / "Additional Fields"). */
	param: string;
	/** Display name, used in error messages so the operator finds the field. */
	label: string;
	key: UserBodyField;
	parse: (value: unknown, label: string) => UserRequestBody[UserBodyField];
}

/** The value of a resource locator (group picker), whether or not n8n already extracted it. */
function locatorValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && '__rl' in value) {
		return (value as IDataObject).value;
	}
	return value;
}

/** Every body field of PUT/POST/PATCH /v3/users, with its parameter and validator. */
export const USER_FIELDS: readonly FieldSpec[] = [
	{ param: 'email', label: 'Email', key: 'username', parse: parseEmail },
	{ param: 'firstName', label: 'First Name', key: 'first_name', parse: (v, l) => parseText(v, l) },
	{ param: 'lastName', label: 'Last Name', key: 'last_name', parse: (v, l) => parseText(v, l) },
	{ param: 'role', label: 'Role', key: 'role', parse: parseRole },
	{ param: 'externalId', label: 'External ID', key: 'user_ext_id', parse: (v, l) => parseText(v, l) },
	{ param: 'status', label: 'Status', key: 'user_status', parse: parseStatus },
	{ param: 'aliases', label: 'Aliases', key: 'aliases', parse: (v, l) => parseText(v, l, 1000) },
	{ param: 'timezone', label: 'Timezone', key: 'timezone', parse: parseTimezone },
	{ param: 'agentRingTo', label: 'Agent Ring-To', key: 'agent_ring_to', parse: parsePhone },
	{
		param: 'agentCode',
		label: 'Agent Code',
		key: 'agent_code',
		parse: (v, l) => parseNonNegativeInteger(v, l, '10'),
	},
	{
		param: 'group',
		label: 'Group',
		key: 'ct_user_ou_id',
		parse: (v, l) => parseNonNegativeInteger(locatorValue(v), l, '70035'),
	},
	{ param: 'scoreCalls', label: 'Score Calls', key: 'score_call', parse: parseBoolean },
	{ param: 'accessAudio', label: 'Access Audio', key: 'access_audio', parse: parseBoolean },
];

export const FIELD_LABELS = Object.fromEntries(
	USER_FIELDS.map((field) => [field.key, field.label]),
) as Record<UserBodyField, string>;

function isEmpty(value: unknown): boolean {
	const raw = locatorValue(value);
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Builds the request body from the fields the operator set. With `ignoreEmpty`, a field whose value
 * is empty (an empty CRM field mapped by an expression) counts as not set, so it cannot wipe the
 * stored value; without it, an empty value is validated like any other (and refused where the
 * field cannot be empty). Only known keys are read, so keys like "__proto__" are never copied.
 */
export function toUserRequestBody(fields: IDataObject, ignoreEmpty: boolean): UserRequestBody {
	const body: Record<string, unknown> = {};
	for (const field of USER_FIELDS) {
		if (!Object.prototype.hasOwnProperty.call(fields, field.param)) continue;
		const value = fields[field.param];
		if (ignoreEmpty && isEmpty(value)) continue;
		if (value === undefined || value === null) {
			throw new InputError(
				field.label,
				'has no value',
				'Give it a value, remove it from the node, or turn on "Ignore Empty Values".',
			);
		}
		body[field.key] = field.parse(value, field.label);
	}
	return body as UserRequestBody;
}
