import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fillUnsetFieldsOption, profileChangeParameters } from './descriptions';
import { applyProfileChange, readProfileChange, type ProfileChange } from './profileChange';
import type { UserServices } from './services';
import { updateInOneRequestOption, updateRequest } from './updateRequest';

const show = { resource: ['user'], operation: ['update'] };

export const description: INodeProperties[] = profileChangeParameters(
	show,
	{
		user: 'The Convirza user to update',
		fields:
			'The profile fields to change. Fields you do not add keep their current values (see Fill Unset Fields From Current User).',
	},
	[fillUnsetFieldsOption, updateInOneRequestOption],
);

export { readProfileChange as read };

/**
 * PUT replaces the whole profile, so the fields not set are first filled from the current user; or,
 * with Update in One Request, one PATCH of the fields set.
 */
export async function execute(
	this: IExecuteFunctions,
	change: ProfileChange,
	itemIndex: number,
	run: UserServices,
): Promise<IDataObject> {
	return await applyProfileChange(change, itemIndex, run, async (userId, fieldsSet) =>
		await updateRequest(run.client, userId, fieldsSet, change.options, itemIndex),
	);
}
