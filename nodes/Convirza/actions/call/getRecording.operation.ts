import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { callIdParameter, readCallId } from './parameters';
import { downloadRecording } from '../../api/recordings';
import { InputError } from '../../helpers/InputError';
import { asText } from '../../helpers/validation';
import { optionsCollection } from '../common/requestOptions';
import { OutputItems, type RunServices } from '../operation';
import { nodeParameter } from '../parameters';

const show = { resource: ['call'], operation: ['getRecording'] };

export const description: INodeProperties[] = [
	{ ...callIdParameter, displayOptions: { show } },
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the recording in',
		displayOptions: { show },
	},
	optionsCollection(show, [
		{
			displayName: 'Pass Through Calls Without Recording',
			name: 'passThroughWithoutRecording',
			type: 'boolean',
			default: false,
			description: 'Whether a call without a recording is output without binary data instead of failing the item',
		},
	]),
];

interface RecordingInput {
	callId: string;
	field: string;
	passThrough: boolean;
}

export function read(this: IExecuteFunctions, itemIndex: number): RecordingInput {
	const fix = 'Use a field name such as data.';
	const field = asText(nodeParameter(this, 'binaryPropertyName', itemIndex, 'data', { label: 'Put Output File in Field' }), 'Put Output File in Field', fix);
	if (field === '') throw new InputError('Put Output File in Field', 'must not be empty', fix);
	const options = nodeParameter<IDataObject>(this, 'options', itemIndex, {}, { label: 'Options' });
	return { callId: readCallId(this, itemIndex), field, passThrough: options.passThroughWithoutRecording === true };
}

/** Content types that say nothing about the file: the name's extension decides then. */
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/binary']);
const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav',
	'audio/ogg': 'ogg', 'audio/mp4': 'm4a', 'audio/x-m4a': 'm4a', 'audio/webm': 'webm',
};

/**
 * The call (with its recording link) and its recording as binary data, named after the call. The MIME
 * type is the one the recording's server declared; a generic or missing one leaves it to n8n to read
 * from the file name's extension (taken from the link).
 */
export async function execute(
	this: IExecuteFunctions,
	{ callId, field, passThrough }: RecordingInput,
	itemIndex: number,
	{ client }: RunServices,
): Promise<OutputItems> {
	const { call, file } = await downloadRecording(client, callId, itemIndex);
	if (file === undefined) {
		if (passThrough) return new OutputItems([{ json: call }]);
		throw new NodeOperationError(this.getNode(), `Call ${callId} has no recording`, {
			description: 'Convirza keeps no recording of this call (e.g. it was not answered, or recording is off for its call flow). Turn on the "Pass Through Calls Without Recording" option to output such calls without a file.',
			itemIndex,
		});
	}
	const declared = file.contentType?.split(';')[0].trim().toLowerCase();
	const mimeType = declared === undefined || declared === '' || GENERIC_TYPES.has(declared) ? undefined : declared;
	const extension = file.extension ?? (mimeType && EXTENSIONS[mimeType]);
	const fileName = extension ? `call-${callId}.${extension}` : `call-${callId}`;
	const binary = await this.helpers.prepareBinaryData(file.data, fileName, mimeType);
	return new OutputItems([{ json: call, binary: { [field]: binary } }]);
}
