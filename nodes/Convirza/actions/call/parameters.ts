import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CALL_INCLUDES, type CallInclude } from '../../api/calls';
import { InputError } from '../../helpers/InputError';
import { asText, describe } from '../../helpers/validation';
import { nodeParameter } from '../parameters';

/** The call parameters Get, Get Many and Get Recording share. */

// Call IDs are numbers in every example seen, but their form is undocumented: any short token of
// letters, digits, "-" and "_" is accepted (it travels as a query value, never in the path).
const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const callIdParameter: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 801234',
	description: "The call's ID in Convirza (call_id), e.g. from a Get Many or the trigger",
};

export function readCallId(context: IExecuteFunctions, itemIndex: number): string {
	const value = nodeParameter<unknown>(context, 'callId', itemIndex, '', { label: 'Call ID' });
	const fix = 'Use the call_id of a call, e.g. 801234, as Get Many or the trigger output it.';
	const text = asText(value, 'Call ID', fix);
	if (!CALL_ID.test(text)) throw new InputError('Call ID', `must be a call ID, not ${describe(value)}`, fix);
	return text;
}

const INCLUDE_NAMES: Record<CallInclude, string> = {
	call_flow: 'Call Flow',
	comments: 'Comments',
	custom_sources: 'Custom Sources (UTM)',
	recordings: 'Recordings',
	tags: 'Tags',
	transcription: 'Transcription',
};

export const includeParameter: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	options: CALL_INCLUDES.map((value) => ({ name: INCLUDE_NAMES[value], value })).sort((a, b) => a.name.localeCompare(b.name)),
	default: [],
	description: 'Details to add to each call (include). Recordings adds a signed link valid for 7 days.',
};

export function readIncludes(context: IExecuteFunctions, itemIndex: number): CallInclude[] {
	return parseIncludes(nodeParameter<unknown>(context, 'include', itemIndex, [], { label: 'Include' }));
}

/** The Include parameter's value (a list, or comma-separated text from an expression) as expansions. */
export function parseIncludes(value: unknown): CallInclude[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' && value.trim() !== '' ? value.split(',') : [];
	return list.map((entry) => {
		const include = String(entry).trim().toLowerCase() as CallInclude;
		if (!CALL_INCLUDES.includes(include)) {
			throw new InputError('Include', `must list details among ${CALL_INCLUDES.join(', ')}, not ${describe(entry)}`, 'Pick the details from the list.');
		}
		return include;
	});
}
