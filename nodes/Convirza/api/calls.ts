/**
 * GET /v3/conversations/calls: the only place that knows its path, its rules and how it pages.
 * Documented: `limit` is required (1–200), `start`/`end` are ISO 8601 UTC at most 31 days apart (no
 * range: the last 7 days), `call_id` reads one call whatever the range. Get, Get Many and a trigger's
 * poller read through the functions here.
 */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { callIdOf, rowsUnder, shapeError, totalOf, type ApiCall } from './callRows';
import { nextOffset } from './paging';
import type { ConvirzaClient } from '../transport';

export const CALLS_PAGE_SIZE = 200;
export const DAY_MS = 24 * 3600 * 1000;
/** Convirza refuses a range longer than this (documented). */
export const MAX_WINDOW_MS = 31 * DAY_MS;

/** The documented include expansions. */
export const CALL_INCLUDES = ['tags', 'comments', 'custom_sources', 'call_flow', 'recordings', 'transcription'] as const;
export type CallInclude = (typeof CALL_INCLUDES)[number];

/** Filters of the calls listing (documented names); unset ones are left out, never sent empty. */
export interface CallFilters {
	org_unit_id?: number;
	campaign_id?: number;
	provisioned_route_id?: number;
	/** E.164 */
	caller_id?: string;
	/** the tracking number, E.164 */
	phone_number?: string;
	ring_to?: string;
	disposition?: string[];
	include?: CallInclude[];
}

/** A time range in ms, start before end. */
export interface TimeRange {
	start: number;
	end: number;
}

const CALLS_PATH = '/conversations/calls';
const FORBIDDEN = "Convirza refused the group: it is outside your user's scope. Pick a group from the list, or leave Group empty for your own group and its sub-groups.";

function filterQuery(filters: CallFilters): IDataObject {
	const { disposition, include, ...plain } = filters;
	const qs: IDataObject = { ...plain };
	// The multi-value syntax is undocumented for disposition; the comma is what include uses (inferred too).
	if (disposition !== undefined && disposition.length > 0) qs.disposition = disposition.join(',');
	if (include !== undefined && include.length > 0) qs.include = include.join(',');
	return qs;
}

const iso = (ms: number) => new Date(ms).toISOString();

export interface CallPage {
	calls: ApiCall[];
	/** The offset the next page of the same range starts at; undefined after its last page. */
	next?: number;
}

/** One page of calls in `range` (none: Convirza's default, the last 7 days). */
export async function listCallsPage(
	client: ConvirzaClient,
	filters: CallFilters,
	page: { range?: TimeRange; offset: number; limit: number },
	itemIndex?: number,
): Promise<CallPage> {
	const qs: IDataObject = { ...filterQuery(filters), limit: page.limit, offset: page.offset };
	if (page.range !== undefined) {
		qs.start = iso(page.range.start);
		qs.end = iso(page.range.end);
	}
	const response = await client.request({ method: 'GET', path: CALLS_PATH, qs, forbidden: FORBIDDEN }, itemIndex);
	const calls = rowsUnder(client.node, response.data, 'calls', itemIndex);
	return { calls, next: nextOffset(page.offset, calls.length, page.limit, totalOf(response.data)) };
}

export function callNotFound(node: INode, callId: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `No Convirza call has the ID ${callId}`, {
		description: "Check the Call ID, and that the call belongs to your user's groups.",
		itemIndex,
	});
}

/** One call by ID (single-record mode), or undefined when Convirza has none by this ID. */
export async function getCall(client: ConvirzaClient, callId: string, include: CallInclude[], itemIndex?: number): Promise<ApiCall | undefined> {
	let response;
	let failure: unknown;
	try {
		response = await client.request(
			{ method: 'GET', path: CALLS_PATH, qs: { ...filterQuery({ include }), call_id: callId, limit: 1 }, forbidden: FORBIDDEN },
			itemIndex,
		);
	} catch (error) {
		failure = error;
	}
	// Inferred: an unknown ID may answer 404, or an empty list (both are taken as "no such call").
	if (response === undefined) {
		if ((failure as { httpCode?: string }).httpCode === '404') return undefined;
		throw failure;
	}
	const calls = rowsUnder(client.node, response.data, 'calls', itemIndex);
	const call = calls.find((row) => callIdOf(client.node, row, itemIndex) === callId);
	// Single-record mode ignoring call_id would list other calls: never pass one off as the call asked for.
	if (call === undefined && calls.length > 0) throw shapeError(client.node, `other calls than ${callId}`, calls.map((row) => row.call_id), itemIndex);
	return call;
}

/**
 * Splits a range into consecutive windows of at most 31 days, oldest first. Each window starts where
 * the previous one ends: a call exactly on a seam may be listed by both (Convirza's bounds are taken
 * as inclusive), and the pager returns it once.
 */
export function callWindows(range: TimeRange): TimeRange[] {
	const windows: TimeRange[] = [];
	for (let start = range.start; start < range.end; start += MAX_WINDOW_MS) {
		windows.push({ start, end: Math.min(range.end, start + MAX_WINDOW_MS) });
	}
	return windows;
}

/** Where a read of calls stands: the window (its index in reading order) and the offset in it. */
export interface CallCursor {
	window: number;
	offset: number;
}

export interface CallsRead {
	/** The range to read; none: Convirza's default window (the last 7 days). */
	range?: TimeRange;
	/** Which window to read first: the oldest (default) or the newest. Within a window, Convirza's order. */
	newestFirst?: boolean;
	/** Start from here instead of the beginning (a cursor a previous read's pages carried). */
	from?: CallCursor;
	/** Call IDs already returned, not to return again (shared with a previous read to resume it). */
	seen?: Set<string>;
	pageSize?: number;
	itemIndex?: number;
}

export interface CallsReadPage {
	window: TimeRange | undefined;
	/** This page's calls, none returned before in this read. */
	calls: ApiCall[];
	/** Whether this page was the last of its window (the calls of older/newer windows come after). */
	windowDone: boolean;
	/** Where the next page starts; undefined after the last page of the range. */
	next?: CallCursor;
}

/**
 * Every call in a range of any length, page by page: consecutive windows of at most 31 days, every
 * page of each (limit/offset), each call once (by call_id: at window seams, and when new calls shift
 * a window's pages while it is read). A caller stops whenever it has enough and may resume later
 * with the last page's `next` and the same `seen` set.
 */
export async function* readCalls(client: ConvirzaClient, filters: CallFilters, read: CallsRead = {}): AsyncGenerator<CallsReadPage> {
	const { range, newestFirst = false, pageSize = CALLS_PAGE_SIZE, itemIndex } = read;
	const windows: Array<TimeRange | undefined> = range === undefined ? [undefined] : callWindows(range);
	if (newestFirst) windows.reverse();
	const seen = read.seen ?? new Set<string>();
	let cursor: CallCursor | undefined = read.from ?? { window: 0, offset: 0 };
	while (cursor !== undefined && cursor.window < windows.length) {
		const window = windows[cursor.window];
		const page = await listCallsPage(client, filters, { range: window, offset: cursor.offset, limit: pageSize }, itemIndex);
		const calls = page.calls.filter((call) => {
			const id = callIdOf(client.node, call, itemIndex);
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		const windowDone = page.next === undefined;
		const following: CallCursor = windowDone ? { window: cursor.window + 1, offset: 0 } : { window: cursor.window, offset: page.next ?? 0 };
		cursor = following.window < windows.length ? following : undefined;
		yield { window, calls, windowDone, next: cursor };
	}
}
