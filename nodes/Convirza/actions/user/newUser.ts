/** A new user's profile and creating it, shared by Create and Create or Update. */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBodySettings, toUserRequestBody, type DraftBody } from './body';
import { ignoreEmptyValuesOption, userProfileFields } from './descriptions';
import { changeOf, findUsersByEmail } from './directory';
import { USER_FIELDS, fieldParameter, type UserField } from './fields';
import { fieldsFromInput, inMode, mappingModeParameter, readMappingMode } from './mapping';
import type { UserRequestBody } from '../../api/types';
import { createUser, type UserChangeResponse } from '../../api/users';
import { InputError, ItemError } from '../../helpers/InputError';
import type { ConvirzaClient } from '../../transport';
import type { UserServices } from './services';
import { nodeParameter } from '../parameters';

/** Every new user needs these (Convirza refuses a create without them); the rest is optional. */
export const REQUIRED_TO_CREATE = USER_FIELDS.filter((field) => field.requiredToCreate !== undefined);

type Show = NonNullable<IDisplayOptions['show']>;

/** A field every new user must have, as a parameter of its own. */
export function requiredParameter(field: UserField, show: Show): INodeProperties {
	return {
		...fieldParameter(field),
		required: true,
		description: field.requiredToCreate ?? field.description,
		displayOptions: { show },
	};
}

/** The optional fields of a new user: all but those given as parameters of their own. */
export function additionalFieldsCollection(show: Show, required: readonly UserField[]): INodeProperties {
	const top = new Set(required.map((field) => field.param));
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Optional profile fields. Convirza gives fields not added here its defaults (e.g. status active).',
		displayOptions: { show },
		options: userProfileFields.filter((field) => !top.has(field.name)),
	};
}

/** Create's Ignore Empty Values: it applies to the additional fields (required ones are refused empty). */
export const ignoreEmptyAdditionalOption: INodeProperties = {
	...ignoreEmptyValuesOption,
	description:
		'Whether an additional field whose value is empty (e.g. an empty CRM field mapped by an expression) counts as not set, instead of being sent empty',
};

/** A new user's parameters, set in the node or taken from the input item (Mapping Mode). */
export function newProfileParameters(show: Show, required: readonly UserField[] = REQUIRED_TO_CREATE): INodeProperties[] {
	const below = inMode(show, 'defineBelow');
	return [
		mappingModeParameter(show),
		...required.map((field) => requiredParameter(field, below)),
		additionalFieldsCollection(below, required),
	];
}

/** The new user's body for item `itemIndex`: the required fields must have values. */
export function readNewProfile(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	required: readonly UserField[] = REQUIRED_TO_CREATE,
): DraftBody {
	const settings = readBodySettings(options);
	if (readMappingMode(context, itemIndex) === 'autoMapInputData') {
		const json = context.getInputData()[itemIndex].json;
		const { fields, keys } = fieldsFromInput(json, options.ignoreUnknownKeys === true);
		const body = toUserRequestBody(fields, settings, keys);
		const missing = required.find(({ key }) => body[key] === undefined || body[key] === '');
		if (missing !== undefined) {
			throw InputError.inInput(
				missing.key,
				'is missing or empty',
				`Every new Convirza user needs "${missing.displayName}": give each input item the key "${missing.key}" (or "${missing.param}").`,
			);
		}
		return body;
	}
	const additional = nodeParameter<IDataObject>(context, 'additionalFields', itemIndex, {}, { label: 'Additional Fields' });
	// The required parameters win over same-named keys that may linger in the collection's JSON.
	const fields: IDataObject = { ...additional };
	// Read whole: the Group's mode (by name, by External ID) is part of its value.
	for (const { param, displayName } of required) {
		fields[param] = nodeParameter(context, param, itemIndex, '', { label: displayName });
	}
	const body = toUserRequestBody(fields, settings);
	for (const { key, displayName } of required) {
		if (body[key] === undefined || body[key] === '') {
			throw new InputError(
				displayName,
				'is empty',
				`Every new Convirza user needs a value for "${displayName}": set it, or map it from the input.`,
			);
		}
	}
	return body;
}

/**
 * A create is not repeated after a failure that leaves open whether Convirza acted (the transport
 * refuses to): repeating it could create the user twice. The error says how to check instead.
 */
function ambiguousHint(email: string | undefined): string {
	return (
		`Convirza may have created the user ${email} before the request failed, so it was not sent again. ` +
		'Search for the email with User → Get Many (Filters → Email Contains) before running this item again.'
	);
}

/** POST /v3/users, noted in the execution's directory so that later items find the new user. */
export async function createProfile(
	{ client, users }: UserServices,
	body: UserRequestBody,
	itemIndex: number,
): Promise<{ userId: number | undefined; response: UserChangeResponse }> {
	const response = await createUser(client, body, ambiguousHint(body.username), itemIndex);
	const id = Number(response.data?.userId);
	const userId = Number.isSafeInteger(id) && id > 0 ? id : undefined;
	if (userId !== undefined) users.remember(userId, { status: 'active', ...changeOf(body) });
	return { userId, response };
}

/**
 * Convirza keeps a deleted user's email, so an email that no listed user has can still be refused
 * as taken. When a deleted user holds `email`, the error that says so and what to do; otherwise
 * undefined.
 */
export async function deletedHolderError(
	client: ConvirzaClient,
	email: string,
	itemIndex: number,
): Promise<ItemError | undefined> {
	const [holder] = await findUsersByEmail(client, email, { deleted: true, itemIndex });
	if (holder === undefined) return undefined;
	return new ItemError(
		`The email "${email}" belongs to a deleted Convirza user (ID ${holder.id})`,
		`Convirza keeps a deleted user's email. To use it, reactivate that user with User → Update (User By ID ${holder.id}, Status: Active), or use another email.`,
	);
}
