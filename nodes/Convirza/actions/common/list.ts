import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../helpers/InputError';
import { parseNonNegativeInteger } from '../../helpers/validation';
import { nodeParameter } from '../parameters';

/** Every Get Many's Return All and Limit. */
export function limitParameters(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** How many rows to return: Infinity with Return All, else the Limit (1 or more). */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	if (nodeParameter<boolean>(context, 'returnAll', itemIndex, false, { label: 'Return All' }) === true) return Infinity;
	const limit = parseNonNegativeInteger(nodeParameter(context, 'limit', itemIndex, 50, { label: 'Limit' }), 'Limit', '50');
	if (limit < 1) throw new InputError('Limit', 'must be 1 or more', 'Use a whole number of 1 or more, or turn on Return All.');
	return limit;
}
