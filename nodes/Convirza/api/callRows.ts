/**
 * Reading Convirza's call rows, whose fields are not documented. Each reader accepts the plausible
 * shapes (named at each function), and a shape it cannot read fails naming what it got: an answer
 * we misread must never pass for "no calls".
 */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

/** A call row as Convirza returns it; passed on unchanged. */
export type ApiCall = IDataObject;

/** The keys of a value, or its type, for an error naming what was received. */
function describeShape(value: unknown): string {
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object' && value !== null) {
		const keys = Object.keys(value);
		return keys.length === 0 ? 'an empty object' : `an object with the keys ${keys.slice(0, 12).join(', ')}`;
	}
	return value === undefined ? 'nothing' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export function shapeError(node: INode, what: string, got: unknown, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `Convirza's answer has ${what} in a shape the node cannot read: it got ${describeShape(got)}`, {
		description: 'Check that the Base URL of the credential points to the Convirza API. If it does, Convirza changed this answer: please report it with this message.',
		itemIndex,
	});
}

/**
 * The rows of a list answer. Inferred: under `data.<key>` (calls: `calls`), else the one array
 * under `data`. An answer with no array, or with several and none named `key`, is refused.
 */
export function rowsUnder(node: INode, data: unknown, key: string, itemIndex?: number): IDataObject[] {
	if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
		const record = data as IDataObject;
		if (Array.isArray(record[key])) return record[key] as IDataObject[];
		const arrays = Object.values(record).filter(Array.isArray);
		if (arrays.length === 1) return arrays[0] as IDataObject[];
	}
	if (Array.isArray(data)) return data as IDataObject[];
	throw shapeError(node, `no list of ${key}`, data, itemIndex);
}

/** Convirza's `data.total`, when it sent one. */
export function totalOf(data: unknown): number | undefined {
	const total = typeof data === 'object' && data !== null ? Number((data as IDataObject).total) : Number.NaN;
	return Number.isFinite(total) ? total : undefined;
}

/** A call's ID. Inferred: `call_id` (the list's own parameter name), else `id`. */
export function callIdOf(node: INode, row: IDataObject, itemIndex?: number): string {
	const id = row.call_id ?? row.id;
	if (typeof id === 'number' || (typeof id === 'string' && id !== '')) return String(id);
	throw shapeError(node, 'a call without call_id', row, itemIndex);
}

/** Where a call's start time may be: the name is undocumented, these three are the plausible ones. */
export const START_KEYS = ['call_started', 'start_time', 'call_start'] as const;

/**
 * A call's start time in ms. Inferred: one of START_KEYS, holding ISO 8601 text (or a Unix time in
 * seconds or milliseconds, as some Convirza fields are).
 */
export function callStartOf(node: INode, row: IDataObject, itemIndex?: number): number {
	for (const key of START_KEYS) {
		const value = row[key];
		if (value === undefined || value === null) continue;
		const ms = typeof value === 'number' ? (value < 1e11 ? value * 1000 : value) : typeof value === 'string' ? Date.parse(value) : Number.NaN;
		if (Number.isFinite(ms)) return ms;
		throw shapeError(node, `a call start time (${key}) that is not a time`, value, itemIndex);
	}
	throw shapeError(node, `a call without a start time (${START_KEYS.join(', ')})`, row, itemIndex);
}

/** A call's recording link: where it is, and when it stops working (ms), if said. */
export interface RecordingLink {
	url: string;
	expiresAt?: number;
}

/**
 * The recording of a call fetched with include=recordings, or undefined when it has none. Documented:
 * `recording_details.expires_at` in Unix seconds. Inferred: the URL under `recording_details` as `url`
 * or `recording_url` (the details may also be a list, or a `recordings` list), or `recording_url` on
 * the row. A recording present in a shape not among these is refused, not taken for "no recording".
 */
export function recordingOf(node: INode, row: IDataObject, itemIndex?: number): RecordingLink | undefined {
	const raw = row.recording_details ?? row.recordings ?? (row.recording_url === undefined ? undefined : row);
	const details = Array.isArray(raw) ? raw[0] : raw;
	if (details === undefined || details === null || details === '') return undefined;
	if (typeof details !== 'object') throw shapeError(node, 'recording details', details, itemIndex);
	const record = details as IDataObject;
	const url = record.url ?? record.recording_url;
	if (url === null || url === '' || (url === undefined && Object.keys(record).length === 0)) return undefined;
	if (typeof url !== 'string') throw shapeError(node, 'a recording URL', url ?? record, itemIndex);
	const expires = Number(record.expires_at);
	return { url, expiresAt: Number.isFinite(expires) && record.expires_at !== null ? (expires < 1e11 ? expires * 1000 : expires) : undefined };
}
