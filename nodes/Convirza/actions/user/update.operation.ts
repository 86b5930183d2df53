import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fillUnsetFieldsOption, profileChangeParameters } from './descriptions';
import { fillFromCurrentUser } from './fillFromCurrent';
import { applyProfileChange, readProfileChange, type ProfileChange } from './profileChange';
import type { UserServices } from './services';

const show = { resource: ['user'], operation: ['update'] };

export const description: INodeProperties[] = profileChangeParameters(
	show,
	{
		user: 'The Convirza user to update',
		fields:
			'The profile fields to change. Fields you do not add keep their current values (see Fill Unset Fields From Current User).',
	},
	[fillUnsetFieldsOption],
);

export { readProfileChange as read };

/** PUT replaces the whole profile, so the fields not set are first filled from the current user. */
export async function execute(
	this: IExecuteFunctions,
	change: ProfileChange,
	itemIndex: number,
	run: UserServices,
): Promise<IDataObject> {
	return await applyProfileChange(change, itemIndex, run, async (userId, fieldsSet) => ({
		method: 'PUT',
		body:
			change.options.fillUnsetFields !== false
				? await fillFromCurrentUser(run.client, userId, fieldsSet, itemIndex)
				: fieldsSet,
	}));
}
