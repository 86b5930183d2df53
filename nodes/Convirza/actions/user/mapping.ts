/**
 * "Map Automatically": the profile comes from the input item's JSON instead of per-field parameters.
 *
 * n8n 2.x evaluates every expression in a sandbox (its default `vm` engine), about half a millisecond
 * each per item, so a CRM sync that maps 13 fields by expression spends most of its time there. With
 * this mode the node reads whole records, no expression at all, as n8n's database nodes and
 * Airtable do. The switch uses the values and labels of n8n's resource mapper ("Map Each Field
 * Below" / "Map Automatically"), but as an options parameter rather than a resource mapper: the
 * saved Update Fields / Additional Fields keep working unchanged, and "only the fields you add are
 * sent" stays true (a resource mapper lists every field).
 *
 * A key is a field when it is Convirza's name for it (`first_name`, `last_name`, as in the
 * documented request body) or the node's own parameter name (`firstName`, `agentRingTo`). Any
 * other key is refused, naming it, unless Ignore Unknown Keys is on: a typo must not drop a change.
 */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { USER_FIELDS, fieldByParam } from './fields';
import { parseExternalId, type UserRef } from './locator';
import { InputError } from '../../helpers/InputError';
import { parseEmail, parseUserId } from '../../helpers/validation';
import { nodeParameter } from '../parameters';

export type MappingMode = 'defineBelow' | 'autoMapInputData';

const EXAMPLES = ['firstName', 'agentRingTo'].map(fieldByParam);
const EXAMPLE_KEYS = EXAMPLES.map((field) => field.key).join(', ');
const EXAMPLE_PARAMS = EXAMPLES.map((field) => field.param).join(', ');

type Show = NonNullable<IDisplayOptions['show']>;

export function mappingModeParameter(show: Show): INodeProperties {
	return {
		displayName: 'Mapping Mode',
		name: 'mappingMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Map Each Field Below',
				value: 'defineBelow',
				description: 'Set each field in this node, with a value or an expression',
			},
			{
				name: 'Map Automatically',
				value: 'autoMapInputData',
				description:
					`Take the fields from the input item's keys, named as Convirza names them (${EXAMPLE_KEYS}, …) or as this node does (${EXAMPLE_PARAMS}, …). Fastest for whole records: no expression per field.`,
			},
		],
		default: 'defineBelow',
		displayOptions: { show },
	};
}

/** Show a parameter only in one mapping mode (parameters of operations that have the switch). */
export const inMode = (show: Show, mode: MappingMode): Show => ({ ...show, mappingMode: [mode] });

/** Options of the automatic mode only. */
export const ignoreUnknownKeysOption: INodeProperties = {
	displayName: 'Ignore Unknown Keys',
	name: 'ignoreUnknownKeys',
	type: 'boolean',
	default: false,
	displayOptions: { show: { '/mappingMode': ['autoMapInputData'] } },
	description:
		'Whether keys of the input item that are not Convirza user fields are skipped. Off: such a key fails the item and is named, so that a misspelled field cannot silently drop a change.',
};

export function readMappingMode(context: IExecuteFunctions, itemIndex: number): MappingMode {
	return nodeParameter<string>(context, 'mappingMode', itemIndex, 'defineBelow') === 'autoMapInputData'
		? 'autoMapInputData'
		: 'defineBelow';
}

/**
 * The keys a user row names its group by (documented list row: `group`, the name, and
 * `group_external_id`), as the Group parameter's modes. `group` is also the node's parameter name,
 * which took the org unit ID: a number there still is one; text is a name or path.
 */
const GROUP_KEYS: Record<string, (value: IDataObject[string]) => IDataObject[string]> = {
	group: (value) => (typeof value === 'number' ? value : { __rl: true, mode: 'name', value }),
	group_external_id: (value) => ({ __rl: true, mode: 'externalId', value }),
};

/** Input key → the field parameter it sets: Convirza's body names and the node's parameter names. */
const KEYS = new Map<string, string>([
	...USER_FIELDS.flatMap((field): Array<[string, string]> => [
		[field.key, field.param],
		[field.param, field.param],
	]),
	...Object.keys(GROUP_KEYS).map((key): [string, string] => [key, fieldByParam('group').param]),
]);

/** A near miss ("First_Name", "firstname") points to the key meant, in the naming style it was written in. */
const loose = (key: string) => key.toLowerCase().replace(/_/g, '');
const LOOSE = new Map(USER_FIELDS.map((field) => [loose(field.key), field]));
for (const field of USER_FIELDS) LOOSE.set(loose(field.param), field);

function unknownKey(key: string): InputError {
	const near = LOOSE.get(loose(key));
	const meant = near && (key.includes('_') ? near.key : near.param);
	return InputError.inInput(
		key,
		'is not a Convirza user field',
		(meant ? `Did you mean "${meant}"? ` : '') +
			`Use Convirza's field names (${USER_FIELDS.map((field) => field.key).join(', ')}) or this node's, or turn on "Ignore Unknown Keys".`,
	);
}

export interface InputFields {
	/** The fields set, keyed by parameter name so that they are read exactly as fields set in the node. */
	fields: IDataObject;
	/** Parameter name → the input key it came from, so that an error names the key. */
	keys: Record<string, string>;
}

/**
 * The profile fields an input item sets. `consumed` keys belong to something else (the user's ID)
 * and `extra` keys are parameters of the operation beyond the fields (Clear Aliases).
 */
export function fieldsFromInput(
	json: IDataObject,
	ignoreUnknown: boolean,
	consumed: readonly string[] = [],
	extra: readonly string[] = [],
): InputFields {
	const fields: IDataObject = {};
	const given: IDataObject = {};
	const source: Record<string, string> = {};
	for (const key of Object.keys(json)) {
		if (consumed.includes(key)) continue;
		const param = KEYS.get(key) ?? (extra.includes(key) ? key : undefined);
		if (param === undefined) {
			if (ignoreUnknown) continue;
			throw unknownKey(key);
		}
		if (param in fields && given[param] !== json[key]) {
			throw InputError.inInput(
				key,
				`and "${source[param]}" set the same field to different values`,
				'Keep one of the two keys.',
			);
		}
		const convert = Object.prototype.hasOwnProperty.call(GROUP_KEYS, key) ? GROUP_KEYS[key] : undefined;
		fields[param] = convert === undefined ? json[key] : convert(json[key]);
		given[param] = json[key];
		source[param] = key;
	}
	return { fields, keys: source };
}

/** The input keys the user ID is taken from in automatic mode. */
export const USER_ID_KEY = 'ct_user_id';

const keysOf = (param: string) => {
	const field = fieldByParam(param);
	return [field.key, field.param];
};

/** How Update and Update (Partial) find the user in automatic mode. */
export function userFromInputParameter(show: Show): INodeProperties {
	return {
		displayName: 'Find User By',
		name: 'userFromInput',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Convirza User ID',
				value: 'id',
				description: "The input item's ct_user_id (it is not sent as a field)",
			},
			{
				name: 'Email',
				value: 'email',
				description: "The input item's email (username or email), matched exactly in any letter case",
			},
			{
				name: 'External ID',
				value: 'externalId',
				description: `The input item's External ID (${keysOf('externalId').join(' or ')}), matched exactly`,
			},
		],
		default: 'id',
	};
}

/** The user an input item names in automatic mode (Find User By), checked without any request. */
export function userRefFromInput(context: IExecuteFunctions, json: IDataObject, itemIndex: number): UserRef {
	const by = nodeParameter<string>(context, 'userFromInput', itemIndex, 'id');
	const read = <T>(keys: string[], parse: (value: unknown) => T): T => {
		const key = keys.find((candidate) => json[candidate] !== undefined && json[candidate] !== null);
		if (key === undefined) {
			throw InputError.inInput(keys.join('" or "'), 'is missing', '"Find User By" takes the user from this key of each input item.');
		}
		return InputError.forInputKey(key, () => parse(json[key]));
	};
	if (by === 'email') return { by: 'email', email: read(keysOf('email'), (value) => parseEmail(value, 'User')) };
	if (by === 'externalId') {
		const externalId = read(keysOf('externalId'), (value) => parseExternalId(value, 'this key of each input item'));
		return { by: 'externalId', externalId };
	}
	return { by: 'id', id: read([USER_ID_KEY], (value) => parseUserId(value)) };
}
