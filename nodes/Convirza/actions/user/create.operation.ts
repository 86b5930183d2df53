import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { resolveGroup, type DraftBody } from './body';
import { defaultCountryCodeOption } from './descriptions';
import { ignoreUnknownKeysOption } from './mapping';
import {
	createProfile,
	deletedHolderError,
	ignoreEmptyAdditionalOption,
	newProfileParameters,
	readNewProfile,
} from './newUser';
import { getUser } from '../../api/users';
import { isEmailTaken } from '../../transport/apiError';
import type { UserServices } from './services';
import { readOptions } from '../parameters';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['user'], operation: ['create'] };

const ownOptions: INodeProperties[] = [
	defaultCountryCodeOption,
	ignoreEmptyAdditionalOption,
	ignoreUnknownKeysOption,
	{
		displayName: 'Return Created User',
		name: 'returnCreatedUser',
		type: 'boolean',
		default: false,
		description:
			"Whether to read the new user after creating them and output their profile instead of Convirza's confirmation",
	},
];

export const description: INodeProperties[] = [...newProfileParameters(show), optionsCollection(show, ownOptions)];

interface CreateInput {
	body: DraftBody;
	returnCreatedUser: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): CreateInput {
	const options = readOptions(this, itemIndex, ownOptions);
	return { body: readNewProfile(this, itemIndex, options), returnCreatedUser: options.returnCreatedUser === true };
}

export async function execute(
	this: IExecuteFunctions,
	{ body: draft, returnCreatedUser }: CreateInput,
	itemIndex: number,
	run: UserServices,
): Promise<IDataObject> {
	const body = await resolveGroup(draft, run.groups, itemIndex);
	let created: Awaited<ReturnType<typeof createProfile>>;
	try {
		created = await createProfile(run, body, itemIndex);
	} catch (error) {
		const deleted = isEmailTaken(error) ? await deletedHolderError(run.client, body.username as string, itemIndex) : undefined;
		throw deleted ?? error;
	}
	const { userId, response } = created;
	if (!returnCreatedUser) return response as unknown as IDataObject;

	if (userId === undefined) {
		throw new NodeOperationError(this.getNode(), 'Convirza created the user but returned no user ID', {
			description: `The user ${body.username} exists now: do not create them again. Find them with User → Get Many (Filters → Email Contains), or turn off "Return Created User".`,
			itemIndex,
		});
	}
	try {
		return await getUser(run.client, userId, itemIndex);
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
