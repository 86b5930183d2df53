// Convirza response envelopes (documented): success is snake_case, errors are camelCase.
import { STATUS_CODES } from 'node:http';
import type { Reply } from './types';

export interface SuccessEnvelope<T = unknown> {
	code: number;
	message: 'Success';
	data: T;
	request_id: string;
	timestamp: string;
}

export interface ErrorEnvelope {
	statusCode: number;
	/** short status phrase, e.g. 'Unauthorized' */
	message: string;
	/** the specific reason, e.g. 'Invalid or expired token' */
	error: string;
	timestamp: string;
	path: string;
	requestId: string;
}

export function statusPhrase(status: number): string {
	return STATUS_CODES[status] ?? 'Error';
}

export function successBody<T>(status: number, data: T, requestId: string): SuccessEnvelope<T> {
	return { code: status, message: 'Success', data, request_id: requestId, timestamp: new Date().toISOString() };
}

export function errorBody(status: number, error: string, path: string, requestId: string): ErrorEnvelope {
	return {
		statusCode: status,
		message: statusPhrase(status),
		error,
		timestamp: new Date().toISOString(),
		path,
		requestId,
	};
}

export function ok(data: unknown, requestId: string, status = 200): Reply {
	return { status, body: successBody(status, data, requestId) };
}

export function fail(
	status: number,
	error: string,
	path: string,
	requestId: string,
	headers?: Record<string, string>,
): Reply {
	return { status, body: errorBody(status, error, path, requestId), headers };
}

/** A proxy-style HTML error page (what a gateway in front of the API answers). */
export function htmlErrorPage(status: number): string {
	const title = `${status} ${statusPhrase(status)}`;
	return (
		`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
		`<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
	);
}
