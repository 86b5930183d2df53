/**
 * The User parameter of every operation on one user: picked from the list, or given by Convirza's
 * numeric ID, by email, or by External ID (what a CRM knows a person by). Reading it checks the
 * value without any request; resolving it looks the user up through the execution's directory.
 */
import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import type { DirectoryEntry, LookupKey, UserDirectory } from './directory';
import { InputError, ItemError } from '../../helpers/InputError';
import { parseEmail, parseText, parseUserId } from '../../helpers/validation';
import { nodeParameter } from '../parameters';

const PARAMETER = 'User';

export const userLocator: INodeProperties = {
	displayName: PARAMETER,
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
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. jane.doe@example.com',
			hint: "The user's login email, matched exactly in any letter case",
		},
		{
			displayName: 'By External ID',
			name: 'externalId',
			type: 'string',
			placeholder: 'e.g. CRM-00123',
			hint: 'Your own ID for the user, such as the CRM contact ID (External ID), matched exactly',
		},
	],
};

/** Who an item means: Convirza's user ID, or what to look the user up by. */
export type UserRef = { by: 'id'; id: number } | LookupKey;

/** The User parameter of item `itemIndex`, checked (no request is made). */
export function readUserRef(context: IExecuteFunctions, itemIndex: number): UserRef {
	const locator = nodeParameter<INodeParameterResourceLocator | string>(context, 'userId', itemIndex, '', {
		label: PARAMETER,
	});
	// An expression may give the whole parameter as a plain value: that is an ID, as before modes.
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	switch (mode) {
		case 'email':
			return { by: 'email', email: parseEmail(value, PARAMETER) };
		case 'externalId':
			return { by: 'externalId', externalId: parseExternalId(value) };
		default:
			return { by: 'id', id: parseUserId(value, PARAMETER) };
	}
}

/**
 * An External ID to look a user up by: never empty, since an empty one would name whichever users
 * have none (`source` says where the value comes from, for the fix).
 */
export function parseExternalId(value: unknown, source = 'the User parameter'): string {
	const externalId = parseText(value, PARAMETER);
	if (externalId === '') {
		throw new InputError(
			PARAMETER,
			'has no External ID',
			`Map the CRM contact ID (or whatever you store as External ID) into ${source}.`,
		);
	}
	return externalId;
}

/** How a lookup key reads in a message: `the email "x"`, `the External ID "y"`. */
export function describeKey(key: LookupKey): string {
	return key.by === 'email' ? `the email "${key.email}"` : `the External ID "${key.externalId}"`;
}

/** Exactly one user, or an error that says none or lists them: the node never picks one of several. */
export function onlyMatch(key: LookupKey, found: DirectoryEntry[], parameter = PARAMETER): DirectoryEntry {
	if (found.length === 1) return found[0];
	if (found.length === 0) {
		throw new ItemError(
			`No Convirza user has ${describeKey(key)}`,
			`The "${parameter}" parameter found no user. Deleted users are not matched (Get Many lists them with Filters → Status: Deleted).`,
		);
	}
	throw new ItemError(
		`${found.length} Convirza users have ${describeKey(key)}: ${found.map((entry) => entry.id).join(', ')}`,
		`The "${parameter}" parameter must name one user, and the node never picks one of several. Give each user their own value, or pick the user By ID.`,
	);
}

/** The user ID an item means, looking it up when it was given by email or External ID. */
export async function resolveUserId(ref: UserRef, users: UserDirectory, itemIndex: number): Promise<number> {
	if (ref.by === 'id') return ref.id;
	return onlyMatch(ref, await users.find(ref, itemIndex)).id;
}
