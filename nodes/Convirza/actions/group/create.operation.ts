import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldOptions, readGroupChoice, readSettings } from './common';
import { NAME, groupFieldParameter, groupFieldsCollection, toGroupBody } from './fields';
import { groupLocator, type GroupChoice } from './locator';
import { PARENT, createUnder, resolveParent } from './changes';
import type { GroupServices } from './services';
import type { GroupRequestBody } from '../../api/types';
import { InputError } from '../../helpers/InputError';
import { nodeParameter } from '../parameters';

const show = { resource: ['group'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ ...groupFieldParameter(NAME), required: true, displayOptions: { show } },
	{
		...groupLocator('parentGroup', PARENT, 'The group the new group goes under (org_unit_parent_id). It must be active and inside your hierarchy.'),
		required: true,
		displayOptions: { show },
	},
	{
		...groupFieldsCollection('additionalFields', 'Additional Fields', 'Optional fields of the new group', [NAME]),
		displayOptions: { show },
	},
	fieldOptions(show),
];

export interface NewGroupInput {
	parent: GroupChoice;
	body: GroupRequestBody & { org_unit_name: string };
}

/** A new group's name, parent and fields (Additional Fields, or `fieldsParameter`), checked without any request. */
export function readNewGroup(context: IExecuteFunctions, itemIndex: number, fieldsParameter = 'additionalFields'): NewGroupInput {
	const settings = readSettings(context, itemIndex);
	const fields = nodeParameter<IDataObject>(context, fieldsParameter, itemIndex, {}, { label: 'Additional Fields' });
	const name = NAME.parse(nodeParameter<unknown>(context, NAME.param, itemIndex, '', { label: NAME.displayName }), NAME.displayName, settings);
	if (name === '') {
		throw new InputError(NAME.displayName, 'is empty', 'Every new Convirza group needs a name: set it, or map it from the input.');
	}
	return {
		parent: readGroupChoice(context, 'parentGroup', PARENT, itemIndex),
		body: { ...toGroupBody(fields, settings), org_unit_name: name as string },
	};
}

export function read(this: IExecuteFunctions, itemIndex: number): NewGroupInput {
	return readNewGroup(this, itemIndex);
}

/** POST /v3/groups under the parent; outputs Convirza's confirmation (`data.orgUnitId`). */
export async function execute(
	this: IExecuteFunctions,
	{ parent, body }: NewGroupInput,
	itemIndex: number,
	run: GroupServices,
): Promise<IDataObject> {
	const under = await resolveParent(parent, run.groups, itemIndex);
	const { response } = await createUnder(run, under, body, itemIndex);
	return response as unknown as IDataObject;
}
