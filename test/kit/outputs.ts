/** Reading what the node output: items, their links, and the error items it routes. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Fault } from '../simulator';

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedOf = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

/**
 * The error item the node outputs on failure: the message, and what to do about it (the engine merges
 * the input's json in on the error output).
 */
export interface ErrorJson {
	error: string;
	message?: string;
}

export function errorOf(item: INodeExecutionData): ErrorJson {
	return item.json as unknown as ErrorJson;
}

/** The message an item ends with when a request keeps meeting this fault. */
export function messageFor(fault: Fault | undefined): string {
	if (fault === undefined) throw new Error('no fault');
	if ('reset' in fault) return 'Could not reach Convirza: the connection was closed before Convirza answered (ECONNRESET)';
	if ('malformedJson' in fault) return `Convirza answered HTTP ${fault.status ?? 200} with a body that is not the expected JSON`;
	if ('html' in fault) return `Convirza error ${fault.status ?? 502}: an HTML error page (likely from a proxy)`;
	if ('delayMs' in fault || 'hang' in fault) return 'Could not reach Convirza: Convirza did not answer within the timeout (ECONNABORTED)';
	return `Convirza error ${fault.status}: Injected fault`;
}

/** "Gave up after N attempts over X s." → [N, X]; undefined when the description has no such note. */
export function gaveUp(description: string | undefined): [attempts: number, seconds: number] | undefined {
	const match = /Gave up after (\d+) attempts over (\d+\.\d) s\./.exec(description ?? '');
	return match ? [Number(match[1]), Number(match[2])] : undefined;
}
