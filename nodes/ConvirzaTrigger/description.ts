/**
 * The trigger's parameters. The call filters and the conversation Type are those of Call → Get Many
 * and Text Conversation → Get Many, imported so both nodes offer and read the same ones; a trigger
 * reads from the last poll to now, so Start and End are left out.
 */
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { description as callGetMany, readFilters } from '../Convirza/actions/call/getAll.operation';
import { includeParameter } from '../Convirza/actions/call/parameters';
import { description as textGetMany } from '../Convirza/actions/textConversation/getAll.operation';
import { GroupDirectory } from '../Convirza/actions/group/directory';
import { resolveGroupId } from '../Convirza/actions/group/locator';
import { defaultCountryCodeOption } from '../Convirza/actions/user/descriptions';
import type { CallFilters } from '../Convirza/api/calls';
import type { TextConversationQuery } from '../Convirza/api/texts';
import { InputError } from '../Convirza/helpers/InputError';
import type { ConvirzaClient } from '../Convirza/transport';

export type TriggerEvent = 'newCall' | 'newTextMessage';

const onCall = { show: { event: ['newCall'] } };
const onText = { show: { event: ['newTextMessage'] } };

function imported(list: INodeProperties[], name: string): INodeProperties {
	const found = list.find((property) => property.name === name);
	if (found === undefined) throw new Error(`The Convirza node has no "${name}" parameter to share with the trigger`);
	return found;
}

const callFilters = imported(callGetMany, 'filters');
const textType = imported(textGetMany, 'type');

export const DEFAULT_LOOK_BACK_MINUTES = 120;
const MAX_LOOK_BACK_MINUTES = 31 * 24 * 60;

export const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'New Call', value: 'newCall', description: 'A call ended (one item per call, oldest first)' },
			{
				name: 'New Text Message',
				value: 'newTextMessage',
				description: 'A text conversation has a newer message than the trigger last saw',
			},
		],
		default: 'newCall',
	},
	{
		...callFilters,
		displayOptions: onCall,
		options: (callFilters.options as INodeProperties[]).filter((option) => option.name !== 'start' && option.name !== 'end'),
	},
	{ ...includeParameter, displayOptions: onCall },
	{ ...textType, displayOptions: onText },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...defaultCountryCodeOption, displayOptions: { show: { '/event': ['newCall'] } } },
			{
				displayName: 'Look Back (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_LOOK_BACK_MINUTES, numberPrecision: 0 },
				default: DEFAULT_LOOK_BACK_MINUTES,
				description:
					'How far back each poll reads again for events Convirza lists late. Convirza lists a call only once it has ended, under the time it started, so a call longer than this is missed. Longer costs more requests per poll.',
			},
		],
	},
];

export function readEvent(context: IPollFunctions): TriggerEvent {
	const event = context.getNodeParameter('event', 'newCall');
	if (event === 'newCall' || event === 'newTextMessage') return event;
	throw new InputError('Event', `must be New Call or New Text Message, not "${String(event)}"`, 'Pick the event from the list.');
}

export function readLookBackMs(context: IPollFunctions): number {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const minutes = options.lookBackMinutes ?? DEFAULT_LOOK_BACK_MINUTES;
	if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LOOK_BACK_MINUTES) {
		throw new InputError('Look Back (Minutes)', `must be a whole number of minutes from 1 to ${MAX_LOOK_BACK_MINUTES}, not ${JSON.stringify(minutes)}`, 'Use e.g. 120 for two hours.');
	}
	return minutes * 60_000;
}

/**
 * The call filters. A Group given by name or External ID is looked up on every poll (two requests by
 * name, a walk of the tree by External ID), so a group renamed or moved is followed, not a stale ID.
 */
export async function readCallFilters(context: IPollFunctions, client: ConvirzaClient): Promise<CallFilters> {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const { query, group } = readFilters((name, fallback, options) => context.getNodeParameter(name, fallback, options), filters);
	if (group === undefined) return query;
	return { ...query, org_unit_id: await resolveGroupId(group, new GroupDirectory(client), 'Group', 0) };
}

const TYPES = (textType.options as Array<{ value: string }>).map((option) => option.value);

export function readTextType(context: IPollFunctions): NonNullable<TextConversationQuery['type']> {
	const type = context.getNodeParameter('type', 'allOpen');
	if (typeof type === 'string' && TYPES.includes(type)) return type as NonNullable<TextConversationQuery['type']>;
	throw new InputError('Type', `must be one of ${TYPES.join(', ')}, not "${String(type)}"`, 'Pick the Type from the list.');
}
