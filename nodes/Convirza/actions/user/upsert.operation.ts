import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveGroup, type DraftBody } from './body';
import { defaultCountryCodeOption } from './descriptions';
import { changeOf, findUsersByEmail, type DirectoryEntry, type LookupKey } from './directory';
import { fieldByParam } from './fields';
import { onlyMatch } from './locator';
import { ignoreUnknownKeysOption, inMode, mappingModeParameter } from './mapping';
import {
	REQUIRED_TO_CREATE,
	additionalFieldsCollection,
	createProfile,
	deletedHolderError,
	ignoreEmptyAdditionalOption,
	readNewProfile,
	requiredParameter,
} from './newUser';
import type { UserRequestBody } from '../../api/types';
import { updateUser, type UserChangeResponse } from '../../api/users';
import { ItemError } from '../../helpers/InputError';
import { isEmailTaken } from '../../transport/apiError';
import { itemFailure } from '../itemError';
import type { UserServices } from './services';
import { updateInOneRequestOption, updateRequest } from './updateRequest';
import { nodeParameter, readOptions } from '../parameters';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['upsert'] };
const EMAIL = fieldByParam('email');
const EXTERNAL_ID = fieldByParam('externalId');

/** Matching on External ID makes it a field every item must have. */
const MATCHED_EXTERNAL_ID = { ...EXTERNAL_ID, requiredToCreate: `${EXTERNAL_ID.description}. Users are matched on it.` };
const REQUIRED_BY_MATCH = {
	email: REQUIRED_TO_CREATE,
	externalId: [...REQUIRED_TO_CREATE, MATCHED_EXTERNAL_ID],
};
const below = inMode(show, 'defineBelow');
const ownOptions = [defaultCountryCodeOption, ignoreEmptyAdditionalOption, ignoreUnknownKeysOption, updateInOneRequestOption];

export const description: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Email',
				value: 'email',
				description: 'The user whose login email is the Email below, in any letter case',
			},
			{
				name: 'External ID',
				value: 'externalId',
				description:
					'The user whose External ID is the one below. Convirza does not keep External IDs unique: prefer Email for webhook-triggered workflows.',
			},
		],
		default: 'email',
		description:
			'How to find the user to update. No match: the user is created. Several matches: the item fails and lists them.',
		displayOptions: { show },
	},
	mappingModeParameter(show),
	...REQUIRED_TO_CREATE.map((field) => requiredParameter(field, below)),
	requiredParameter(MATCHED_EXTERNAL_ID, { ...below, matchOn: ['externalId'] }),
	additionalFieldsCollection({ ...below, matchOn: ['email'] }, REQUIRED_BY_MATCH.email),
	additionalFieldsCollection({ ...below, matchOn: ['externalId'] }, REQUIRED_BY_MATCH.externalId),
	optionsCollection(show, ownOptions),
];

interface UpsertInput {
	key: LookupKey;
	body: DraftBody;
	options: IDataObject;
}

/** An item ready to write: its group resolved. */
interface Resolved {
	key: LookupKey;
	body: UserRequestBody;
	options: IDataObject;
}

export function read(this: IExecuteFunctions, itemIndex: number): UpsertInput {
	const matchOn = nodeParameter<string>(this, 'matchOn', itemIndex, 'email') === 'externalId' ? 'externalId' : 'email';
	const options = readOptions(this, itemIndex, ownOptions);
	const body = readNewProfile(this, itemIndex, options, REQUIRED_BY_MATCH[matchOn]);
	const sent = body as Record<string, unknown>;
	const key: LookupKey =
		matchOn === 'email'
			? { by: 'email', email: String(sent[EMAIL.key]) }
			: { by: 'externalId', externalId: String(sent[EXTERNAL_ID.key]) };
	return { key, body, options };
}

type Action = 'created' | 'updated';

/** Convirza's confirmation, with what was done to which user in front. */
const outcome = (action: Action, userId: number | undefined, response: UserChangeResponse): IDataObject => ({
	action,
	userId: userId ?? null,
	...(response as unknown as IDataObject),
});

/**
 * Updates the user that was found the way Update does: PUT, with the fields not set filled from
 * them, or one PATCH of the fields set (Update in One Request).
 */
async function updateFound(run: UserServices, userId: number, { body, options }: Resolved, itemIndex: number) {
	const request = await updateRequest(run.client, userId, body, { ...options, fillUnsetFields: true }, itemIndex, 'Additional Fields');
	const response = await updateUser(run.client, request.method, userId, request.body, itemIndex);
	run.users.remember(userId, changeOf(body));
	return outcome('updated', userId, response);
}

/**
 * The create was refused because the email is taken: typically another execution created the same
 * contact a moment ago (a CRM fires "created" and "updated" webhooks together). What the operator
 * wants is one request away, so the email is looked up again, straight from Convirza, and that user
 * updated, once. Matching on External ID, the user found must not be another person: their External
 * ID must be empty or the item's.
 */
async function updateEmailHolder(
	run: UserServices,
	input: Resolved,
	refusal: Error,
	itemIndex: number,
): Promise<IDataObject> {
	const { key, body } = input;
	const email = String((body as Record<string, unknown>)[EMAIL.key]);
	const holders = await findUsersByEmail(run.client, email, { itemIndex });
	if (holders.length === 0) {
		throw (
			(await deletedHolderError(run.client, email, itemIndex)) ??
			new ItemError(
				`Convirza refused to create the user (${refusal.message}), and no user in your groups has the email "${email}"`,
				'The email may belong to a user of another Convirza account. Use another email.',
			)
		);
	}
	const holder = onlyMatch({ by: 'email', email }, holders, EMAIL.displayName);
	if (key.by === 'externalId') refuseOtherPerson(holder, key, email);
	try {
		return await updateFound(run, holder.id, input, itemIndex);
	} catch (error) {
		// No second round: the item fails with both answers.
		throw itemFailure(
			run.client.node,
			new ItemError(
				`Convirza refused to create the user (${refusal.message}) and then to update user ${holder.id}, who has the email "${email}": ${(error as Error).message}`,
				'Nothing was changed. Correct what Convirza named, then run the item again.',
			),
			itemIndex,
		);
	}
}

/** Never overwrite another person's record: the email's holder has a different External ID. */
function refuseOtherPerson(holder: DirectoryEntry, key: { externalId: string }, email: string): void {
	const theirs = holder.externalId?.trim() ?? '';
	if (theirs === '' || theirs === key.externalId) return;
	throw new ItemError(
		`The email "${email}" belongs to Convirza user ${holder.id}, whose External ID is "${theirs}", not "${key.externalId}"`,
		'Two records of your CRM share this email. The node does not overwrite another person: correct the email or the External ID, then run the item again.',
	);
}

/**
 * Finds the user by the Match On key and updates them, or creates them when no one has it. Items
 * with the same key run one after the other in input order, so the second sees the first's create.
 */
export async function execute(
	this: IExecuteFunctions,
	input: UpsertInput,
	itemIndex: number,
	run: UserServices,
): Promise<IDataObject> {
	const { key, options } = input;
	const body = await resolveGroup(input.body, run.groups, itemIndex);
	const resolved: Resolved = { key, body, options };
	const lane = key.by === 'email' ? `email:${key.email.toLowerCase()}` : `externalId:${key.externalId}`;
	return await run.inOrder.run(lane, async () => {
		const found = await run.users.find(key, itemIndex);
		if (found.length > 0) {
			return await updateFound(run, onlyMatch(key, found, 'Match On').id, resolved, itemIndex);
		}
		const created = await createProfile(run, body, itemIndex).then(
			({ userId, response }) => outcome('created', userId, response),
			(error: unknown) => error as Error,
		);
		if (!(created instanceof Error)) return created;
		if (!isEmailTaken(created)) throw created;
		return await updateEmailHolder(run, resolved, created, itemIndex);
	});
}
