import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readGroupChoice } from './common';
import { groupLocator, resolveGroupId, type GroupChoice } from './locator';
import type { GroupServices } from './services';
import { getGroup } from '../../api/groups';
import { optionsCollection } from '../common/requestOptions';

const show = { resource: ['group'], operation: ['get'] };
const GROUP = 'Group';

export const description: INodeProperties[] = [
	{ ...groupLocator('groupId', GROUP, 'The Convirza group to read'), required: true, displayOptions: { show } },
	optionsCollection(show),
];

export function read(this: IExecuteFunctions, itemIndex: number): GroupChoice {
	return readGroupChoice(this, 'groupId', GROUP, itemIndex);
}

/** GET /v3/groups/{id} (its answer is inferred: the list row), with the group's `path`. */
export async function execute(
	this: IExecuteFunctions,
	choice: GroupChoice,
	itemIndex: number,
	{ client, groups }: GroupServices,
): Promise<IDataObject> {
	const groupId = await resolveGroupId(choice, groups, GROUP, itemIndex, true);
	const group = await getGroup(client, groupId, itemIndex);
	return { ...group, path: await groups.pathOfId(Number(group.org_unit_id), itemIndex) };
}
