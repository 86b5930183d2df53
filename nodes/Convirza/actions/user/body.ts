import type { IDataObject } from 'n8n-workflow';

import { USER_FIELDS, fieldByParam, locatorValue, type FieldSettings } from './fields';
import type { UserRequestBody } from '../../api/types';
import { InputError } from '../../helpers/InputError';
import { parseDefaultCountryCode } from '../../helpers/phone';
import type { GroupDirectory } from '../group/directory';
import { resolveGroupId, type GroupChoice } from '../group/locator';

const GROUP = fieldByParam('group');

/** A request body as read from an item: its group may still be named by name or External ID. */
export type DraftBody = Omit<UserRequestBody, 'ct_user_ou_id'> & { ct_user_ou_id?: GroupChoice };

/**
 * The body to send: a group named by name or External ID becomes its org unit ID, looked up in the
 * execution's group directory. Every write resolves its body first, so a group that names no one
 * or several fails the item before anything is written.
 */
export async function resolveGroup(draft: DraftBody, groups: GroupDirectory, itemIndex: number): Promise<UserRequestBody> {
	const choice = draft.ct_user_ou_id;
	if (choice === undefined || typeof choice === 'number') return draft as UserRequestBody;
	return { ...draft, ct_user_ou_id: await resolveGroupId(choice, groups, GROUP.displayName, itemIndex) };
}

/** How the Options of an operation that sends profile fields shape the body. */
export interface BodySettings extends FieldSettings {
	/** Whether an empty value counts as not set (Ignore Empty Values). */
	ignoreEmpty: boolean;
}

/** The body settings from an operation's Options (defaults: Ignore Empty Values on, country code 1). */
export function readBodySettings(options: IDataObject): BodySettings {
	const code = options.defaultCountryCode;
	return {
		ignoreEmpty: options.ignoreEmptyValues !== false,
		// Convirza is US-based: numbers written without an international prefix are North American.
		defaultCountryCode:
			code === undefined || code === '' ? '1' : parseDefaultCountryCode(code, 'Default Country Code'),
	};
}

function isEmpty(value: unknown): boolean {
	const raw = locatorValue(value);
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Builds the request body from the fields the operator set, named by their parameters. With
 * `ignoreEmpty`, a field whose value is empty (an empty CRM field mapped by an expression) counts as
 * not set, so it cannot wipe the stored value; without it, an empty value is validated like any
 * other (and refused where the field cannot be empty). Only known keys are read, so keys like
 * "__proto__" are never copied.
 */
export function toUserRequestBody(
	fields: IDataObject,
	settings: BodySettings,
	inputKeys?: Record<string, string>,
): DraftBody {
	const body: Record<string, unknown> = {};
	for (const field of USER_FIELDS) {
		if (!Object.prototype.hasOwnProperty.call(fields, field.param)) continue;
		const value = fields[field.param];
		if (settings.ignoreEmpty && isEmpty(value)) continue;
		const parse = () => {
			if (value === undefined || value === null) {
				throw new InputError(
					field.displayName,
					'has no value',
					'Give it a value, remove it from the node, or turn on "Ignore Empty Values".',
				);
			}
			return field.parse(value, field.displayName, settings);
		};
		// Map Automatically: the error names the input key the value came from.
		const key = inputKeys?.[field.param];
		body[field.key] = key === undefined ? parse() : InputError.forInputKey(key, parse);
	}
	return body as DraftBody;
}

/**
 * The body of an update (PUT or PATCH), built out of "Update Fields": the fields set, plus `aliases: null`
 * for Clear Aliases. An update that would send nothing is refused before any request.
 */
export function toUpdateBody(
	fields: IDataObject,
	settings: BodySettings,
	inputKeys?: Record<string, string>,
): DraftBody {
	const body = toUserRequestBody(fields, settings, inputKeys);
	if (fields.clearAliases === true) {
		if (body.aliases !== undefined) {
			throw new InputError('Clear Aliases', 'cannot be used together with Aliases', 'Remove one of the two.');
		}
		body.aliases = null;
	}
	if (Object.keys(body).length === 0) throw nothingToSend(settings);
	return body;
}

/** An update whose Update Fields leave nothing to send: refused before any request. */
export function nothingToSend(settings: BodySettings): InputError {
	return new InputError(
		'Update Fields',
		'has no value to send for this item',
		settings.ignoreEmpty
			? 'Add at least one field. Fields whose value was empty were skipped because "Ignore Empty Values" is on.'
			: 'Add at least one field to update.',
	);
}
