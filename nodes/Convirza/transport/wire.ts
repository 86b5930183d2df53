/**
 * What every Convirza answer looks like on the wire (documented): the transport reads these, and api/
 * builds on them. They live here so the transport depends on nothing above it.
 */
import type { IDataObject } from 'n8n-workflow';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Success envelope: `code` mirrors the HTTP status (documented). */
export interface ConvirzaEnvelope<T = IDataObject> {
	code: number;
	message: string;
	data: T;
	request_id: string;
	timestamp: string;
}

/** Error envelope: note the camelCase keys, unlike the success envelope (documented). */
export interface ConvirzaErrorBody {
	statusCode?: number;
	message?: string | string[];
	error?: string;
	timestamp?: string;
	path?: string;
	requestId?: string;
}
