import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createUnder, changeGroup, resolveParent, siblingNamed, PARENT } from './changes';
import { fieldOptions } from './common';
import { readNewGroup, type NewGroupInput } from './create.operation';
import { EXTERNAL_ID, NAME, groupFieldParameter, groupFieldsCollection } from './fields';
import { groupLocator, onlyGroup, type GroupLookup } from './locator';
import type { GroupServices } from './services';
import { InputError } from '../../helpers/InputError';
import { nameKey } from '../../helpers/groupTree';
import { nodeParameter } from '../parameters';

const show = { resource: ['group'], operation: ['upsert'] };
const MATCH_ON = 'Match On';

const fieldsFor = (matchOn: string, leaveOut: typeof NAME[]) => ({
	...groupFieldsCollection('additionalFields', 'Additional Fields', 'Optional fields, sent on create and on update', leaveOut),
	displayOptions: { show: { ...show, matchOn: [matchOn] } },
});

export const description: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'External ID',
				value: 'externalId',
				description: 'The group, anywhere in your hierarchy, whose External ID is the one below',
			},
			{
				name: 'Name Within the Parent Group',
				value: 'name',
				description: 'The group under the Parent Group whose name is the Name below, in any letter case',
			},
		],
		default: 'name',
		description:
			'How to find the group to update. No match: the group is created under the Parent Group. Several matches: the item fails and lists them.',
		displayOptions: { show },
	},
	{ ...groupFieldParameter(NAME), required: true, displayOptions: { show } },
	{
		...groupLocator(
			'parentGroup',
			PARENT,
			'The group a new group goes under (org_unit_parent_id); it must be active. A group that is found stays where it is.',
		),
		required: true,
		displayOptions: { show },
	},
	{
		...groupFieldParameter(EXTERNAL_ID),
		description: `${EXTERNAL_ID.description}. Groups are matched on it.`,
		required: true,
		displayOptions: { show: { ...show, matchOn: ['externalId'] } },
	},
	fieldsFor('name', [NAME]),
	fieldsFor('externalId', [NAME, EXTERNAL_ID]),
	fieldOptions(show),
];

interface UpsertInput extends NewGroupInput {
	match: GroupLookup;
}

export function read(this: IExecuteFunctions, itemIndex: number): UpsertInput {
	const input = readNewGroup(this, itemIndex);
	if (nodeParameter<string>(this, 'matchOn', itemIndex, 'name') !== 'externalId') {
		return { ...input, match: { by: 'name', name: input.body.org_unit_name } };
	}
	const value = nodeParameter<unknown>(this, EXTERNAL_ID.param, itemIndex, '', { label: EXTERNAL_ID.displayName });
	const externalId = EXTERNAL_ID.parse(value, EXTERNAL_ID.displayName, { defaultCountryCode: '1', ignoreEmpty: false }) as string;
	if (externalId === '') {
		throw new InputError(EXTERNAL_ID.displayName, 'is empty', 'Groups are matched on it: map the CRM territory or team code into it.');
	}
	return { ...input, body: { ...input.body, org_unit_ext_id: externalId }, match: { by: 'externalId', externalId } };
}

/**
 * Finds the group by the Match On key and changes it (PATCH, the fields given), or creates it
 * under the Parent Group. Items with the same key run one after the other in input order, so the
 * second finds the group the first created. The output says which: `action`, `groupId`, and
 * Convirza's confirmation.
 */
export async function execute(
	this: IExecuteFunctions,
	{ parent, body, match }: UpsertInput,
	itemIndex: number,
	run: GroupServices,
): Promise<IDataObject> {
	const under = await resolveParent(parent, run.groups, itemIndex);
	const lane = match.by === 'externalId' ? `externalId:${match.externalId}` : `name:${under.id}/${nameKey(match.name)}`;
	return await run.inOrder.run(lane, async () => {
		const found =
			match.by === 'externalId'
				? await run.groups.findByExternalId(match.externalId, itemIndex)
				: [await siblingNamed(run.groups, under, match.name, itemIndex)].filter((group) => group !== undefined);
		if (found.length > 0) {
			const groupId = onlyGroup(match, found, run.groups, MATCH_ON, true).id;
			const response = await changeGroup(run, groupId, body, itemIndex);
			return { action: 'updated', groupId, ...(response as unknown as IDataObject) };
		}
		const { groupId, response } = await createUnder(run, under, body, itemIndex);
		return { action: 'created', groupId: groupId ?? null, ...(response as unknown as IDataObject) };
	});
}
