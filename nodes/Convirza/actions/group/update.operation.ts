import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldOptions, readGroupChoice, readSettings } from './common';
import { groupFieldsCollection, toGroupBody } from './fields';
import { groupLocator, resolveGroupId, type GroupChoice } from './locator';
import { changeGroup } from './changes';
import type { GroupServices } from './services';
import type { GroupRequestBody } from '../../api/types';
import { nothingToSend } from '../user/body';
import { nodeParameter } from '../parameters';

const show = { resource: ['group'], operation: ['update'] };
const GROUP = 'Group';

export const description: INodeProperties[] = [
	{ ...groupLocator('groupId', GROUP, 'The Convirza group to change'), required: true, displayOptions: { show } },
	{
		...groupFieldsCollection(
			'updateFields',
			'Update Fields',
			'The fields to change; only these are sent (PATCH) and every other field keeps its value',
			[],
		),
		displayOptions: { show },
	},
	fieldOptions(show),
];

interface UpdateInput {
	group: GroupChoice;
	body: GroupRequestBody;
}

export function read(this: IExecuteFunctions, itemIndex: number): UpdateInput {
	const settings = readSettings(this, itemIndex);
	const fields = nodeParameter<IDataObject>(this, 'updateFields', itemIndex, {}, { label: 'Update Fields' });
	const body = toGroupBody(fields, settings);
	if (Object.keys(body).length === 0) throw nothingToSend(settings);
	return { group: readGroupChoice(this, 'groupId', GROUP, itemIndex), body };
}

export async function execute(
	this: IExecuteFunctions,
	{ group, body }: UpdateInput,
	itemIndex: number,
	run: GroupServices,
): Promise<IDataObject> {
	// PATCH /v3/groups/{id}: only the fields set are sent (inferred body, see api/groups.ts).
	const groupId = await resolveGroupId(group, run.groups, GROUP, itemIndex, true);
	return (await changeGroup(run, groupId, body, itemIndex)) as unknown as IDataObject;
}
