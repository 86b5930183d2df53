import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { profileChangeParameters } from './descriptions';
import { applyProfileChange, readProfileChange, type ProfileChange } from './profileChange';
import type { UserServices } from './services';

const show = { resource: ['user'], operation: ['updatePartial'] };

export const description: INodeProperties[] = profileChangeParameters(
	show,
	{
		user: 'The Convirza user to change',
		fields:
			'The fields to change; only these are sent (PATCH) and every other field keeps its value. Convirza advises PATCH for changing one or two fields, and Update (PUT) for setting the whole profile in one call.',
	},
	[],
);

export { readProfileChange as read };

/** Only the fields set are sent; everything else keeps its value. */
export async function execute(
	this: IExecuteFunctions,
	change: ProfileChange,
	itemIndex: number,
	run: UserServices,
): Promise<IDataObject> {
	return await applyProfileChange(change, itemIndex, run, async (_userId, body) => ({ method: 'PATCH', body }));
}
