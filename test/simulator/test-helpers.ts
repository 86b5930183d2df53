// Shared helpers for the simulator's own tests (not a test file itself).
import type { ConvirzaSimulator } from './index';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export interface CallOptions {
	/** bearer token; default the admin token; null sends no Authorization header */
	token?: string | null;
	/** serialised as JSON */
	body?: unknown;
	/** sent verbatim (with content-type application/json) */
	raw?: string;
	headers?: Record<string, string>;
}

/** `path` is the full pathname, e.g. '/v3/users/list' or '/oauth/token'. */
export async function call(sim: ConvirzaSimulator, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
	const headers: Record<string, string> = { ...opts.headers };
	const token = opts.token === undefined ? sim.tokens.admin : opts.token;
	if (token !== null) headers.authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (opts.raw !== undefined) body = opts.raw;
	else if (opts.body !== undefined) body = JSON.stringify(opts.body);
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(sim.oauthUrl + path, { method, headers, body });
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** Asserts the documented success envelope, exactly; returns `data`. */
export function expectSuccess(res: CallResult, status = 200): any {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	expect(Object.keys(res.json).sort()).toEqual(['code', 'data', 'message', 'request_id', 'timestamp']);
	expect(res.json.code).toBe(status);
	expect(res.json.message).toBe('Success');
	expect(res.json.request_id).toMatch(UUID_RE);
	expect(res.headers.get('x-request-id')).toBe(res.json.request_id);
	expect(res.json.timestamp).toMatch(ISO_RE);
	return res.json.data;
}

/** Asserts the documented camelCase error envelope, exactly. */
export function expectError(res: CallResult, status: number, message: string, error: string | RegExp, path: string): void {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	expect(Object.keys(res.json).sort()).toEqual(['error', 'message', 'path', 'requestId', 'statusCode', 'timestamp']);
	expect(res.json.statusCode).toBe(status);
	expect(res.json.message).toBe(message);
	if (typeof error === 'string') expect(res.json.error).toBe(error);
	else expect(res.json.error).toMatch(error);
	expect(res.json.path).toBe(path);
	expect(res.json.requestId).toMatch(UUID_RE);
	expect(res.headers.get('x-request-id')).toBe(res.json.requestId);
	expect(res.json.timestamp).toMatch(ISO_RE);
}

export function ids(rows: Array<{ ct_user_id: number }>): number[] {
	return rows.map((r) => r.ct_user_id);
}
