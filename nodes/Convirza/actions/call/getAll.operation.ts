import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includeParameter, parseIncludes } from './parameters';
import { callStartOf } from '../../api/callRows';
import { DAY_MS, readCalls, type CallFilters, type TimeRange } from '../../api/calls';
import { parseDateTime } from '../../helpers/dates';
import { InputError } from '../../helpers/InputError';
import { toE164 } from '../../helpers/phone';
import { parseNonNegativeInteger } from '../../helpers/validation';
import { filtersCollection, limitParameters, readLimit } from '../common/list';
import { optionalGroupChoice, resolveGroupId, type GroupLookup } from '../group/locator';
import type { DirectoryServices } from '../group/services';
import { optionsCollection } from '../common/requestOptions';
import { nodeParameter, type ParameterOptions } from '../parameters';
import { readBodySettings } from '../user/body';
import { defaultCountryCodeOption } from '../user/descriptions';
import { fieldByParam, fieldParameter } from '../user/fields';

const show = { resource: ['call'], operation: ['getAll'] };

// The same Group picker as the user's Group field (its modes and its reading follow that field).
const group = fieldByParam('group');

const DISPOSITIONS = ['ABANDONED', 'ANSWERED', 'BUSY', 'FAILED', 'NO ANSWER', 'TRANSFERRED', 'VOICEMAIL'];
const titleCase = (value: string) => value.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());

const phoneFilter = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'e.g. (206) 555-0123',
	description: `${description}, in any written form: it is sent in E.164, numbers without "+" taken as of the Default Country Code option's country`,
});

export const description: INodeProperties[] = [
	...limitParameters(show),
	filtersCollection(show, [
			{
				displayName: 'Call Flow ID',
				name: 'callFlowId',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: 'Only calls of this call flow, the configuration of a tracking number (provisioned_route_id)',
			},
			phoneFilter('Caller Number', 'callerNumber', "Only calls from this number (caller_id), e.g. a CRM contact's phone"),
			{
				displayName: 'Campaign ID',
				name: 'campaignId',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: 'Only calls of this campaign (campaign_id)',
			},
			{
				displayName: 'Disposition',
				name: 'disposition',
				type: 'multiOptions',
				options: DISPOSITIONS.map((value) => ({ name: titleCase(value), value })),
				default: [],
				description: 'Only calls that ended this way (disposition)',
			},
			{
				displayName: 'End',
				name: 'end',
				type: 'dateTime',
				default: '',
				description: 'Only calls that started up to this time. Empty: now (or, with Start empty too, Convirza\'s default of the last 7 days).',
			},
			{
				...fieldParameter(group),
				description: 'Only calls of this group and its sub-groups (org_unit_id). Without it, your own group and its sub-groups.',
			},
			phoneFilter('Ring-To', 'ringTo', 'Only calls forwarded to this number (ring_to)'),
			{
				displayName: 'Start',
				name: 'start',
				type: 'dateTime',
				default: '',
				description: 'Only calls that started at or after this time. Any range works: the node reads it 31 days at a time, as Convirza requires. Empty: 7 days before End.',
			},
			phoneFilter('Tracking Number', 'trackingNumber', 'Only calls to this tracking number (phone_number)'),
		]),
	{ ...includeParameter, displayOptions: { show } },
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		options: [
			{ name: 'Newest First', value: 'newest' },
			{ name: 'Oldest First', value: 'oldest' },
		],
		default: 'newest',
		description: "The order of the calls, by start time. Convirza does not document its own order, so the node sorts; with a Limit, it reads the range 31 days at a time from that end and stops once it has enough.",
		displayOptions: { show },
	},
	optionsCollection(show, [defaultCountryCodeOption]),
];

interface ListInput {
	filters: CallFilters;
	range?: TimeRange;
	/** The Group filter given by name or External ID, looked up before the listing. */
	group?: GroupLookup;
	limit: number;
	newestFirst: boolean;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Start and End as a range; none when both are empty (Convirza's default, the last 7 days). */
function readRange(context: IExecuteFunctions, filters: IDataObject): TimeRange | undefined {
	if (isBlank(filters.start) && isBlank(filters.end)) return undefined;
	const zone = context.getTimezone();
	const end = isBlank(filters.end) ? Date.now() : parseDateTime(filters.end, 'End', zone);
	const start = isBlank(filters.start) ? end - 7 * DAY_MS : parseDateTime(filters.start, 'Start', zone);
	if (end <= start) {
		const shown = (ms: number) => new Date(ms).toISOString();
		throw new InputError('End', `must be after Start (${shown(start)}), not ${shown(end)}`, 'Set End later than Start, or leave End empty for now.');
	}
	return { start, end };
}

/** Reads one parameter of the node (the trigger reads them without an item). */
export type ReadParameter = (name: string, fallback: unknown, options?: ParameterOptions) => unknown;

/**
 * The Filters collection (Start and End aside) and Include as the listing's filters; the trigger
 * reads them too. A Group given by name or External ID comes back as `group`, for the caller to look
 * up (Get Many in the execution's group directory, the trigger on each poll).
 */
export function readFilters(parameter: ReadParameter, filters: IDataObject): { query: CallFilters; group?: GroupLookup } {
	const options = parameter('options', {}, { label: 'Options' }) as IDataObject;
	const { defaultCountryCode } = readBodySettings(options);
	const query: CallFilters = {};
	const choice = optionalGroupChoice(parameter('filters.group', '', { label: group.displayName }), group.displayName);
	if (typeof choice === 'number') query.org_unit_id = choice;
	const phone = (name: string, label: string) => (isBlank(filters[name]) ? undefined : toE164(filters[name], label, defaultCountryCode));
	query.caller_id = phone('callerNumber', 'Caller Number');
	query.phone_number = phone('trackingNumber', 'Tracking Number');
	query.ring_to = phone('ringTo', 'Ring-To');
	const id = (name: string, label: string) => {
		if (isBlank(filters[name])) return undefined;
		const value = parseNonNegativeInteger(filters[name], label, '3001');
		if (value < 1) throw new InputError(label, 'must be 1 or more', `Use the ${label} as Convirza shows it, e.g. 3001.`);
		return value;
	};
	query.campaign_id = id('campaignId', 'Campaign ID');
	query.provisioned_route_id = id('callFlowId', 'Call Flow ID');
	const disposition = filters.disposition;
	if (Array.isArray(disposition) && disposition.length > 0) {
		query.disposition = disposition.map((value) => {
			const upper = String(value).trim().toUpperCase();
			if (!DISPOSITIONS.includes(upper)) {
				throw new InputError('Disposition', `must list values among ${DISPOSITIONS.join(', ')}, not "${String(value)}"`, 'Pick the dispositions from the list.');
			}
			return upper;
		});
	}
	query.include = parseIncludes(parameter('include', [], { label: 'Include' }));
	for (const key of Object.keys(query) as Array<keyof CallFilters>) if (query[key] === undefined) delete query[key];
	return typeof choice === 'object' ? { query, group: choice } : { query };
}

export function read(this: IExecuteFunctions, itemIndex: number): ListInput {
	const filters = nodeParameter<IDataObject>(this, 'filters', itemIndex, {}, { label: 'Filters' });
	const sort = nodeParameter<string>(this, 'sort', itemIndex, 'newest', { label: 'Sort' });
	if (sort !== 'newest' && sort !== 'oldest') {
		throw new InputError('Sort', `must be newest or oldest, not "${String(sort)}"`, 'Pick Newest First or Oldest First.');
	}
	const parameter = (name: string, fallback: unknown, options?: ParameterOptions) => nodeParameter(this, name, itemIndex, fallback, options);
	const { query, group: lookup } = readFilters(parameter, filters);
	return {
		filters: query,
		range: readRange(this, filters),
		group: lookup,
		limit: readLimit(this, itemIndex),
		newestFirst: sort === 'newest',
	};
}

/**
 * One output item per call, sorted by start time. With a Limit, the range's windows are read from
 * the sorted end and reading stops after the window that brings enough calls: within a window
 * Convirza's order is unknown, so a window is always read whole.
 */
export async function execute(
	this: IExecuteFunctions,
	{ filters: given, range, group: lookup, limit, newestFirst }: ListInput,
	itemIndex: number,
	{ client, groups }: DirectoryServices,
): Promise<IDataObject[]> {
	const filters =
		lookup === undefined ? given : { ...given, org_unit_id: await resolveGroupId(lookup, groups, group.displayName, itemIndex) };
	const found: Array<{ call: IDataObject; start: number; id: string }> = [];
	for await (const page of readCalls(client, filters, { range, newestFirst, itemIndex })) {
		for (const call of page.calls) found.push({ call, start: callStartOf(client.node, call, itemIndex), id: String(call.call_id ?? call.id) });
		if (page.windowDone && found.length >= limit) break;
	}
	const direction = newestFirst ? -1 : 1;
	found.sort((a, b) => direction * (a.start - b.start || a.id.localeCompare(b.id, 'en', { numeric: true })));
	return found.slice(0, limit).map((entry) => entry.call);
}
