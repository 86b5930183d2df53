import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listTextConversations, type TextConversationQuery } from '../../api/texts';
import { parseDateTime } from '../../helpers/dates';
import { InputError } from '../../helpers/InputError';
import { parseText } from '../../helpers/validation';
import { limitParameters, readLimit } from '../common/list';
import { optionsCollection } from '../common/requestOptions';
import type { RunServices } from '../operation';
import { nodeParameter } from '../parameters';

const show = { resource: ['textConversation'], operation: ['getAll'] };

const TYPES = ['allOpen', 'assignedToYou', 'close', 'unassigned'] as const;
const ORDERS = ['desc', 'asc'] as const;

export const description: INodeProperties[] = [
	...limitParameters(show),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'All Open', value: 'allOpen' },
			{ name: 'Assigned to Me', value: 'assignedToYou' },
			{ name: 'Closed', value: 'close' },
			{ name: 'Unassigned', value: 'unassigned' },
		],
		default: 'allOpen',
		description: 'Which conversations to list (type). Assigned to Me means to the user of the credential.',
		displayOptions: { show },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'End',
				name: 'end',
				type: 'dateTime',
				default: '',
				description: 'Only conversations up to this time (end)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Whitfield',
				description: "Only conversations whose contact's name or number contains this text (search, up to 255 characters)",
			},
			{
				displayName: 'Start',
				name: 'start',
				type: 'dateTime',
				default: '',
				description: 'Only conversations from this time (start)',
			},
		],
	},
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Newest Message First', value: 'desc' },
			{ name: 'Oldest Message First', value: 'asc' },
		],
		default: 'desc',
		description: "The order of the conversations, by their last message (Convirza's order)",
		displayOptions: { show },
	},
	optionsCollection(show),
];

interface ListInput {
	query: TextConversationQuery;
	limit: number;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function oneOf<T extends string>(value: unknown, parameter: string, allowed: readonly T[]): T {
	if (!allowed.includes(value as T)) {
		throw new InputError(parameter, `must be one of ${allowed.join(', ')}, not "${String(value)}"`, `Pick the ${parameter} from the list.`);
	}
	return value as T;
}

export function read(this: IExecuteFunctions, itemIndex: number): ListInput {
	const filters = nodeParameter<IDataObject>(this, 'filters', itemIndex, {}, { label: 'Filters' });
	const query: TextConversationQuery = {
		type: oneOf(nodeParameter(this, 'type', itemIndex, 'allOpen', { label: 'Type' }), 'Type', TYPES),
		order: oneOf(nodeParameter(this, 'order', itemIndex, 'desc', { label: 'Order' }), 'Order', ORDERS),
	};
	if (!isBlank(filters.search)) query.search = parseText(filters.search, 'Search', 255);
	const zone = this.getTimezone();
	const start = isBlank(filters.start) ? undefined : parseDateTime(filters.start, 'Start', zone);
	const end = isBlank(filters.end) ? undefined : parseDateTime(filters.end, 'End', zone);
	if (start !== undefined && end !== undefined && end <= start) {
		throw new InputError('End', 'must be after Start', 'Set End later than Start, or leave one of them empty.');
	}
	if (start !== undefined) query.start = new Date(start).toISOString();
	if (end !== undefined) query.end = new Date(end).toISOString();
	return { query, limit: readLimit(this, itemIndex) };
}

/** One output item per conversation, as Convirza returns it, in Convirza's order. */
export async function execute(
	this: IExecuteFunctions,
	{ query, limit }: ListInput,
	itemIndex: number,
	{ client }: RunServices,
): Promise<IDataObject[]> {
	const conversations: IDataObject[] = [];
	for await (const conversation of listTextConversations(client, query, { limit, itemIndex })) conversations.push(conversation);
	return conversations;
}
