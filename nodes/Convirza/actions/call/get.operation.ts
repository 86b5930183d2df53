import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { callIdParameter, includeParameter, readCallId, readIncludes } from './parameters';
import { callNotFound, getCall, type CallInclude } from '../../api/calls';
import { optionsCollection } from '../common/requestOptions';
import type { RunServices } from '../operation';

const show = { resource: ['call'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...callIdParameter, displayOptions: { show } },
	{ ...includeParameter, displayOptions: { show } },
	optionsCollection(show),
];

interface GetInput {
	callId: string;
	include: CallInclude[];
}

export function read(this: IExecuteFunctions, itemIndex: number): GetInput {
	return { callId: readCallId(this, itemIndex), include: readIncludes(this, itemIndex) };
}

/** The call as Convirza returns it (single-record mode of the calls listing). */
export async function execute(
	this: IExecuteFunctions,
	{ callId, include }: GetInput,
	itemIndex: number,
	{ client }: RunServices,
): Promise<IDataObject> {
	const call = await getCall(client, callId, include, itemIndex);
	if (call === undefined) throw callNotFound(client.node, callId, itemIndex);
	return call;
}
