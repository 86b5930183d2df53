/**
 * A group's fields (the documented POST /v3/groups body), one entry each: parameter, label, body
 * key and validator. Create's Additional Fields, Update Fields and Create or Update derive from it.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { GroupRequestBody } from '../../api/types';
import { toE164 } from '../../helpers/phone';
import { parseNonNegativeInteger, parseText } from '../../helpers/validation';
import { byDisplayName } from '../common/requestOptions';
import type { BodySettings } from '../user/body';

export interface GroupField {
	key: keyof GroupRequestBody & string;
	param: string;
	displayName: string;
	description: string;
	ui: Omit<INodeProperties, 'displayName' | 'name' | 'description'>;
	parse(value: unknown, label: string, settings: BodySettings): unknown;
}

const text = (value: unknown, label: string) => parseText(value, label);

export const GROUP_FIELDS: readonly GroupField[] = [
	{
		key: 'org_unit_name',
		param: 'name',
		displayName: 'Name',
		description: "The group's name (org_unit_name). Names are unique among the groups under one parent.",
		ui: { type: 'string', default: '', placeholder: 'e.g. Sales West' },
		parse: text,
	},
	{
		key: 'org_unit_ext_id',
		param: 'externalId',
		displayName: 'External ID',
		description: 'Your own ID for the group, such as the CRM territory or team code (org_unit_ext_id)',
		ui: { type: 'string', default: '', placeholder: 'e.g. TERR-WEST-01' },
		parse: text,
	},
	{
		key: 'address',
		param: 'address',
		displayName: 'Address',
		description: "The group's street address (address)",
		ui: { type: 'string', default: '' },
		parse: text,
	},
	{
		key: 'city',
		param: 'city',
		displayName: 'City',
		description: "The group's city (city)",
		ui: { type: 'string', default: '' },
		parse: text,
	},
	{
		key: 'state',
		param: 'state',
		displayName: 'State',
		description: "The group's state or region (state)",
		ui: { type: 'string', default: '', placeholder: 'e.g. WA' },
		parse: text,
	},
	{
		key: 'zip',
		param: 'zip',
		displayName: 'Zip',
		description: "The group's postal code (zip)",
		ui: { type: 'string', default: '', placeholder: 'e.g. 98101' },
		parse: text,
	},
	{
		key: 'phone_number',
		param: 'phoneNumber',
		displayName: 'Phone Number',
		description:
			'The group\'s phone number (phone_number), sent in international E.164 form. A number without "+" or an international prefix belongs to the Default Country Code option\'s country.',
		ui: { type: 'string', default: '', placeholder: 'e.g. +12065550100' },
		parse: (value, label, settings) => toE164(value, label, settings.defaultCountryCode),
	},
	{
		key: 'industry_id',
		param: 'industryId',
		displayName: 'Industry ID',
		description: "Convirza's numeric ID of the group's industry (industry_id)",
		ui: { type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 1 },
		parse: (value, label) => parseNonNegativeInteger(value, label, '3'),
	},
];

export const NAME = GROUP_FIELDS[0];
export const EXTERNAL_ID = GROUP_FIELDS[1];

export function groupFieldParameter(field: GroupField): INodeProperties {
	return { displayName: field.displayName, name: field.param, description: field.description, ...field.ui };
}

/** The optional fields as a collection, leaving out those the operation asks for on their own. */
export function groupFieldsCollection(
	name: string,
	displayName: string,
	description: string,
	leaveOut: readonly GroupField[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options: GROUP_FIELDS.filter((field) => !leaveOut.includes(field)).map(groupFieldParameter).sort(byDisplayName),
	};
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The body from the fields set, by parameter name. With Ignore Empty Values an empty value counts
 * as not set (an empty CRM field must not wipe the stored value); only known fields are read.
 */
export function toGroupBody(fields: IDataObject, settings: BodySettings): GroupRequestBody {
	const body: Record<string, unknown> = {};
	for (const field of GROUP_FIELDS) {
		if (!Object.prototype.hasOwnProperty.call(fields, field.param)) continue;
		const value = fields[field.param];
		if (settings.ignoreEmpty && isBlank(value)) continue;
		body[field.key] = field.parse(value, field.displayName, settings);
	}
	return body as GroupRequestBody;
}
