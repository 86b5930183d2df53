import type { IDataObject } from 'n8n-workflow';

import { parseRetryAfter } from './backoff';
import { hasOutcome, type AttemptOutcome } from './outcome';
import type { HttpMethod } from './wire';

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
	/** Not an HTTP failure: ours or the credential's (e.g. a login), with what it says about retrying. */
	| { kind: 'local'; message: string; description?: string; outcome?: AttemptOutcome };

interface HttpErrorLike {
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
	// messages are ours and contain no secret. n8n wraps them, so look for a login error's outcome.
	const outer = error as HttpErrorLike;
	const marked = [outer, outer?.cause].find(hasOutcome);
	return {
		kind: 'local',
		message: outer.message ?? 'Unknown error',
		description: outer.description ?? undefined,
		...(marked ? { outcome: marked.outcome } : {}),
	};
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

// Failures in which the request never reached Convirza: whatever it was, it was not applied.
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * What a failure says about trying again. The connection breaking or timing out after the request
 * was sent, a garbled answer, or a server error (a gateway's 502/504 may come after Convirza applied
 * the change) leave open whether Convirza acted; other 4xx answers and 429 are definite refusals.
 */
export function outcomeOf(failure: Failure, now = Date.now()): AttemptOutcome {
	switch (failure.kind) {
		case 'http':
			return {
				transient: RETRYABLE_STATUSES.has(failure.status),
				retryAfterMs: parseRetryAfter(failure.retryAfter, now),
				mayHaveApplied: failure.status >= 500,
			};
		case 'network':
			return { transient: true, mayHaveApplied: !NOT_SENT_CODES.has(failure.code) };
		case 'malformed':
			return { transient: true, mayHaveApplied: true };
		case 'cancelled':
			return { transient: false, mayHaveApplied: true };
		default:
			return failure.outcome ?? { transient: false, mayHaveApplied: false };
	}
}

/**
 * GET, PUT, PATCH and DELETE are idempotent: repeating them after an ambiguous failure (a reset
 * after the server may have applied the change, a timeout, a garbled answer) cannot do harm.
 * A POST is repeated only when the server certainly did not act.
 */
export function isRetryable(failure: Failure, method: HttpMethod): boolean {
	const outcome = outcomeOf(failure);
	return outcome.transient && (method !== 'POST' || !outcome.mayHaveApplied);
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
		(failure.kind === 'local' && failure.outcome?.transient === true)
	);
}
