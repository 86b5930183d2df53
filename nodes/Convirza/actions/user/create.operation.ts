import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readBodySettings, toUserRequestBody } from './body';
import { defaultCountryCodeOption, ignoreEmptyValuesOption, userProfileFields } from './descriptions';
import { USER_FIELDS, fieldParameter } from './fields';
import { createUser, getUser } from '../../api/users';
import type { UserRequestBody } from '../../api/types';
import { InputError } from '../../helpers/InputError';
import type { ConvirzaClient } from '../../transport';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['create'] };

/** Every new user needs these (Convirza refuses a create without them); the rest is optional. */
const REQUIRED = USER_FIELDS.filter((field) => field.requiredToCreate !== undefined);
const REQUIRED_PARAMS = new Set(REQUIRED.map((field) => field.param));

export const description: INodeProperties[] = [
	...REQUIRED.map((field) => ({
		...fieldParameter(field),
		required: true,
		description: field.requiredToCreate as string,
		displayOptions: { show },
	})),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Optional profile fields. Convirza gives fields not added here its defaults (e.g. status active).',
		displayOptions: { show },
		options: userProfileFields.filter((field) => !REQUIRED_PARAMS.has(field.name)),
	},
	optionsCollection(show, [
		defaultCountryCodeOption,
		{
			...ignoreEmptyValuesOption,
			description:
				'Whether an additional field whose value is empty (e.g. an empty CRM field mapped by an expression) counts as not set, instead of being sent empty',
		},
		{
			displayName: 'Return Created User',
			name: 'returnCreatedUser',
			type: 'boolean',
			default: false,
			description:
				"Whether to read the new user after creating them and output their profile instead of Convirza's confirmation",
		},
	]),
];

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

interface CreateInput {
	body: UserRequestBody;
	returnCreatedUser: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): CreateInput {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// The required parameters win over same-named keys that may linger in the collection's JSON.
	const fields: IDataObject = { ...additional };
	for (const { param } of REQUIRED) {
		fields[param] = this.getNodeParameter(param, itemIndex, '', { extractValue: true });
	}
	const body = toUserRequestBody(fields, readBodySettings(options));
	for (const { key, displayName } of REQUIRED) {
		if (body[key] === undefined || body[key] === '') {
			throw new InputError(
				displayName,
				'is empty',
				`Every new Convirza user needs a value for "${displayName}": set it, or map it from the input.`,
			);
		}
	}
	return { body, returnCreatedUser: options.returnCreatedUser === true };
}

export async function execute(
	this: IExecuteFunctions,
	{ body, returnCreatedUser }: CreateInput,
	itemIndex: number,
	client: ConvirzaClient,
): Promise<IDataObject> {
	const response = await createUser(client, body, ambiguousHint(body.username), itemIndex);
	if (!returnCreatedUser) return response as unknown as IDataObject;

	const userId = Number(response.data?.userId);
	if (!Number.isSafeInteger(userId) || userId <= 0) {
		throw new NodeOperationError(this.getNode(), 'Convirza created the user but returned no user ID', {
			description: `The user ${body.username} exists now: do not create them again. Find them with User → Get Many (Filters → Email Contains), or turn off "Return Created User".`,
			itemIndex,
		});
	}
	try {
		return await getUser(client, userId, itemIndex);
	} catch (error) {
		// The item fails, but running it again must not look like the way to get the profile.
		throw new NodeOperationError(
			this.getNode(),
			`Convirza created the user (ID ${userId}), but reading them back failed: ${(error as Error).message}`,
			{
				description: `Do not create ${body.username} again: read them with User → Get (ID ${userId}), or turn off "Return Created User".`,
				itemIndex,
			},
		);
	}
}
