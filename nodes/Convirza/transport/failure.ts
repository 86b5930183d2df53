import type { IDataObject } from 'n8n-workflow';

import type { HttpMethod } from '../types';

/**
 * What went wrong with one HTTP attempt, reduced to the facts the retry policy and the error
 * messages need. The original error is deliberately not kept: n8n's request errors carry the
 * request options, Authorization header included, and nothing of that may reach an output item.
 */
export type Failure =
	| { kind: 'http'; status: number; retryAfter?: string; body: unknown }
	| { kind: 'network'; code: string }
	| { kind: 'malformed'; status: number }
	| { kind: 'cancelled' }
	| { kind: 'local'; message: string; description?: string; transient?: { retryAfterMs?: number } };

interface HttpErrorLike {
	/** Set by the credential's login errors: the login may succeed if tried again. */
	transient?: boolean;
	retryAfterMs?: number;
	code?: string;
	name?: string;
	message?: string;
	description?: string | null;
	response?: { status?: number; headers?: IDataObject; data?: unknown };
	cause?: unknown;
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/** n8n wraps the HTTP client's error in a NodeApiError: look through `cause` for the original. */
function innermostHttpError(error: unknown): HttpErrorLike {
	let current = error as HttpErrorLike;
	for (let depth = 0; depth < 5; depth++) {
		if (current?.response !== undefined || (current?.code && NETWORK_CODES.has(current.code))) {
			return current;
		}
		const next = current?.cause as HttpErrorLike | undefined;
		if (next === undefined || next === null || typeof next !== 'object') break;
		current = next;
	}
	return error as HttpErrorLike;
}

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name];
	return value === undefined || value === null ? undefined : String(value);
}

export function classifyError(error: unknown, signal?: AbortSignal): Failure {
	if (signal?.aborted) return { kind: 'cancelled' };
	const inner = innermostHttpError(error);
	const status = inner.response?.status;
	if (typeof status === 'number') {
		return {
			kind: 'http',
			status,
			retryAfter: headerValue(inner.response?.headers, 'retry-after'),
			body: inner.response?.data,
		};
	}
	if (inner.code === 'ERR_CANCELED' || inner.name === 'CanceledError') return { kind: 'cancelled' };
	if (inner.code && NETWORK_CODES.has(inner.code)) return { kind: 'network', code: inner.code };
	if (/socket hang up|terminated/i.test(inner.message ?? '')) {
		return { kind: 'network', code: 'ECONNRESET' };
	}
	// Not an HTTP failure: e.g. the credential refused an insecure URL or a login failed. Those
	// messages are ours and contain no secret. n8n wraps them, so look for a login error's mark.
	const outer = error as HttpErrorLike;
	const login = [outer, outer?.cause as HttpErrorLike | undefined].find((candidate) => candidate?.transient);
	return {
		kind: 'local',
		message: outer.message ?? 'Unknown error',
		description: outer.description ?? undefined,
		...(login ? { transient: { retryAfterMs: login.retryAfterMs } } : {}),
	};
}

/** Whether the server certainly did not act on the request, so even a POST may be sent again. */
function certainlyNotApplied(failure: Failure): boolean {
	return (
		// A failed login happens before the request itself is sent.
		(failure.kind === 'local' && failure.transient !== undefined) ||
		(failure.kind === 'http' && failure.status === 429) ||
		(failure.kind === 'network' && failure.code === 'ECONNREFUSED')
	);
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * GET, PUT, PATCH and DELETE are idempotent: repeating them after an ambiguous failure (a reset
 * after the server may have applied the change, a timeout, a garbled answer) cannot do harm.
 * A POST is repeated only when the server certainly did not act.
 */
export function isRetryable(failure: Failure, method: HttpMethod): boolean {
	if (method === 'POST') return certainlyNotApplied(failure);
	switch (failure.kind) {
		case 'http':
			return RETRYABLE_STATUSES.has(failure.status);
		case 'network':
		case 'malformed':
			return true;
		case 'local':
			return failure.transient !== undefined;
		default:
			return false;
	}
}

/**
 * 429 and 503 mean "slow down": under concurrency every request should back off, not just one.
 * So does a failed login: pausing everyone makes the items retry together, and requests that
 * retry together share one login (see the credential), instead of each spending one of the
 * 10 logins a minute Convirza allows.
 */
export function isThrottle(failure: Failure): boolean {
	return (
		(failure.kind === 'http' && (failure.status === 429 || failure.status === 503)) ||
		(failure.kind === 'local' && failure.transient !== undefined)
	);
}
