import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { outcomeOf, type Failure } from './failure';
import type { ConvirzaErrorBody } from './wire';

export interface FailureContext {
	itemIndex?: number;
	/** What a 404 means for this request, e.g. "No Convirza user has the ID 42". */
	notFound?: string;
	/** What a 403 means for this request; without it, that user operations need an Admin. */
	forbidden?: string;
	/** For a request not safe to repeat: what to do when it is unclear whether Convirza acted. */
	ambiguous?: string;
	attempts: number;
	elapsedMs: number;
	/** Set when a retry was due but its wait would exceed what is left of Max Retry Wait. */
	refusedWait?: { askedMs: number; budgetMs: number };
}

const STATUS_PHRASES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	410: 'Gone',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

const NETWORK_PHRASES: Record<string, string> = {
	ECONNRESET: 'the connection was closed before Convirza answered',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'Convirza did not answer within the timeout',
	ETIMEDOUT: 'Convirza did not answer within the timeout',
	ENOTFOUND: 'the host name of the Base URL does not exist',
	EAI_AGAIN: 'the host name of the Base URL could not be looked up',
};

/** Convirza's own words from its error envelope (`error` is the specific reason, `message` the phrase). */
function convirzaReason(body: unknown): { reason?: string; requestId?: string } {
	if (typeof body === 'string') {
		return /^\s*</.test(body) ? { reason: 'an HTML error page (likely from a proxy)' } : {};
	}
	if (typeof body !== 'object' || body === null) return {};
	const envelope = body as ConvirzaErrorBody & { request_id?: string };
	const message = Array.isArray(envelope.message) ? envelope.message.join('; ') : envelope.message;
	const reason = [envelope.error, message].find((text) => typeof text === 'string' && text !== '');
	return { reason, requestId: envelope.requestId ?? envelope.request_id };
}

/** Convirza's reason for refusing an email another user holds ("Email already in use"). */
const emailTaken = (reason: string) => /email|username/i.test(reason) && /use|exist|taken|unique/i.test(reason);

/** Whether `error` is Convirza refusing a create or update because another user holds the email. */
export function isEmailTaken(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400' && emailTaken(error.message);
}

/** Convirza's reason for refusing a group outside the caller's hierarchy (400, 401 or 403 by endpoint). */
const outsideScope = (reason: string) => /org.?unit|hierarchy|scope/i.test(reason);

function hintFor(status: number, reason: string, context: FailureContext): string {
	// What the request itself knows a 403 means (the calls listing: the Group filter) says most.
	if (status === 403 && context.forbidden !== undefined) return context.forbidden;
	if ((status === 401 || status === 403) && outsideScope(reason)) {
		return "The group is outside your account's hierarchy (Convirza answers 401 or 403 for that, depending on the endpoint): pick it from the Group list or use an ID from it.";
	}
	switch (status) {
		case 400:
			if (emailTaken(reason)) {
				return 'Another Convirza user already has this email. Use a different Email, or update that user instead.';
			}
			if (/org.?unit|hierarchy|group/i.test(reason)) {
				return "The group must be inside your account's hierarchy: pick it from the Group list or use an ID from it.";
			}
			return 'Convirza refused the values sent. Correct the field named in the message.';
		case 401:
			return 'The access token is missing, expired or revoked. Put a fresh token into the Convirza credential (or check its email and password).';
		case 403:
			return 'User operations need an Admin token: use a credential of a Convirza user with the Admin role.';
		case 404:
			return context.notFound ?? 'Convirza does not know this resource. Check the ID.';
		case 429:
			return 'Convirza is limiting requests. Lower the Concurrency option or run the workflow later.';
		default:
			return status >= 500
				? 'Convirza had a problem processing the request. Try again later.'
				: 'Check the values sent to Convirza.';
	}
}

function networkHint(code: string): string {
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT'
		? 'Raise the Timeout (Ms) option if Convirza is slow, or try again later.'
		: 'Check the Base URL of the credential and that Convirza is reachable.';
}

const seconds = (ms: number) => (ms / 1000).toFixed(1).replace(/\.0$/, '');

function attemptsNote(context: FailureContext): string {
	const { attempts, elapsedMs, refusedWait } = context;
	const gaveUp = attempts <= 1 ? '' : ` Gave up after ${attempts} attempts over ${(elapsedMs / 1000).toFixed(1)} s.`;
	const refused = refusedWait
		? ` Not retried: the next attempt was due in ${seconds(refusedWait.askedMs)} s, more than the ${seconds(
				Math.max(0, refusedWait.budgetMs),
			)} s left of Max Retry Wait.`
		: '';
	return `${gaveUp}${refused}`;
}

interface ErrorFacts {
	message: string;
	description?: string;
	httpCode?: string;
	requestId?: string;
}

function apiError(node: INode, facts: ErrorFacts, itemIndex?: number): NodeApiError {
	const { message, description, httpCode, requestId } = facts;
	const error = new NodeApiError(
		node,
		{ message, httpCode: httpCode ?? null, requestId: requestId ?? null } as JsonObject,
		{ message, description, httpCode, itemIndex },
	);
	// NodeApiError swaps messages that mention a network code (ECONNRESET, ...) for a generic text;
	// ours already says what happened, so keep it as written.
	error.message = message;
	if (requestId) error.context.requestId = requestId;
	return error;
}

/**
 * Turns a failed request into the NodeApiError the user sees. It is built from plain facts only
 * (never from the HTTP client's error, which holds the Authorization header), keeps Convirza's own
 * message and request ID, and says how to fix the problem.
 */
export function failureToError(node: INode, failure: Failure, context: FailureContext): NodeApiError {
	const { itemIndex } = context;
	const ambiguous = outcomeOf(failure).mayHaveApplied ? context.ambiguous : undefined;
	switch (failure.kind) {
		case 'http': {
			const { reason, requestId } = convirzaReason(failure.body);
			const phrase = STATUS_PHRASES[failure.status] ?? `HTTP ${failure.status}`;
			const idNote = requestId ? ` Convirza request ID: ${requestId}.` : '';
			const hint = ambiguous ?? hintFor(failure.status, reason ?? '', context);
			return apiError(
				node,
				{
					message: `Convirza error ${failure.status}: ${reason ?? phrase}`,
					description: `${hint}${attemptsNote(context)}${idNote}`,
					httpCode: String(failure.status),
					requestId,
				},
				itemIndex,
			);
		}
		case 'network':
			return apiError(
				node,
				{
					message: `Could not reach Convirza: ${NETWORK_PHRASES[failure.code] ?? 'the connection failed'} (${failure.code})`,
					description: `${ambiguous ?? networkHint(failure.code)}${attemptsNote(context)}`,
				},
				itemIndex,
			);
		case 'malformed':
			return apiError(
				node,
				{
					message: `Convirza answered HTTP ${failure.status} with a body that is not the expected JSON`,
					description: `${ambiguous ?? 'Check that the Base URL points to the Convirza API.'}${attemptsNote(context)}`,
					httpCode: String(failure.status),
				},
				itemIndex,
			);
		case 'cancelled':
			return apiError(node, { message: 'The execution was cancelled' }, itemIndex);
		default:
			return apiError(
				node,
				{ message: failure.message, description: `${failure.description ?? ''}${attemptsNote(context)}`.trim() || undefined },
				itemIndex,
			);
	}
}
