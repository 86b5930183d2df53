import {
	NodeOperationError,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { describe } from '../../helpers/validation';
import { DEFAULT_POLICY, type RequestPolicy } from '../../transport';

/**
 * Options that shape how requests are sent. They apply to the whole run (all items), so they take
 * no expressions and are read once. Every operation's "Options" collection includes them.
 * The UI defaults must be literals (n8n's lint); a unit test keeps them equal to DEFAULT_POLICY.
 */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 50, numberPrecision: 0 },
		default: 0,
		noDataExpression: true,
		description:
			'How many requests may be in flight at once. 0 (Auto) adapts to how Convirza answers: it speeds up while responses are healthy and slows down when Convirza asks to. 1 sends one request at a time, in item order.',
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		default: 5,
		noDataExpression: true,
		description:
			'How often a request is tried in all when Convirza is busy or unreachable (429, 5xx, connection lost). Creating a user is repeated only when Convirza certainly did not act.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 600 },
		default: 60,
		noDataExpression: true,
		description:
			'Longest total time to wait between the attempts of one request, including waits Convirza asks for with Retry-After',
	},
	{
		displayName: 'Retry Delay (Ms)',
		name: 'retryDelayMs',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 500,
		noDataExpression: true,
		description:
			'First wait before retrying a failed request when Convirza does not say how long to wait. It doubles with each attempt (up to 10 seconds), with some randomness so that many items do not retry at once.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeoutMs',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 30000,
		noDataExpression: true,
		description: 'Time to wait for Convirza to answer one request before it counts as failed',
	},
];

/** Collections list their entries alphabetically (n8n's lint and UI convention). */
export const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** An operation's "Options" collection: its own options and the request options, alphabetically. */
export function optionsCollection(
	show: NonNullable<IDisplayOptions['show']>,
	own: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [...own, ...requestOptions].sort(byDisplayName),
	};
}

export interface RunSettings {
	policy: RequestPolicy;
	/** 0 = Auto. */
	concurrency: number;
}

const RUN_OPTION_FIX =
	'Options that shape the requests (Concurrency, Max Attempts, Max Retry Wait, Retry Delay, Timeout) apply to every item of the run alike and take no expression: enter a number.';

/**
 * One request option as a number, or the run fails naming it. n8n does not evaluate expressions in
 * these options (noDataExpression), so one imported with a workflow arrives as its text.
 */
function runOption(context: IExecuteFunctions, name: string, fallback: number): number {
	const label = requestOptions.find((option) => option.name === name)?.displayName ?? name;
	let value: unknown;
	let failure: Error | undefined;
	try {
		value = context.getNodeParameter(`options.${name}`, 0, fallback);
	} catch (error) {
		failure = error as Error;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	const problem = failure ? `could not be read: ${failure.message}` : `must be a number, not ${describe(value)}`;
	throw new NodeOperationError(context.getNode(), `The "${label}" option ${problem}`, { description: RUN_OPTION_FIX });
}

export function readRunSettings(context: IExecuteFunctions): RunSettings {
	const read = (name: string, fallback: number) => runOption(context, name, fallback);
	return {
		concurrency: Math.max(0, Math.floor(read('concurrency', 0))),
		policy: {
			maxAttempts: Math.max(1, Math.floor(read('maxAttempts', DEFAULT_POLICY.maxAttempts))),
			maxRetryWaitMs: Math.max(0, read('maxRetryWaitSeconds', DEFAULT_POLICY.maxRetryWaitMs / 1000) * 1000),
			timeoutMs: Math.max(1, read('timeoutMs', DEFAULT_POLICY.timeoutMs)),
			retryDelayMs: Math.max(0, read('retryDelayMs', DEFAULT_POLICY.retryDelayMs)),
		},
	};
}
