/**
 * New Call. Convirza lists a call only once it has ended, and its range filters on the call's start:
 * a call in progress while a range is read shows up in a later read of the same range. So every
 * poll reads again the Look Back before the end of the last read, and skips the calls it emitted
 * already (their IDs are kept for as long as the look back can list them).
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { advance, freshState, isNew, oldestFirst, readFrom, type EventSource, type Fresh, type PendingRead } from './state';
import { callIdOf, callStartOf } from '../Convirza/api/callRows';
import { DAY_MS, listCallsPage, readCalls, type CallFilters, type TimeRange } from '../Convirza/api/calls';
import type { ConvirzaClient } from '../Convirza/transport';

/** How far back Fetch Test Event looks for a call, widening until it finds one. */
const SAMPLE_SPANS = [3600_000, DAY_MS, 7 * DAY_MS, 31 * DAY_MS];

export function callEvents(client: ConvirzaClient, filters: CallFilters, lookBackMs: number): EventSource {
	return {
		// Nothing before now is new; one call is still asked for, so that a wrong credential or a
		// group outside the user's scope fails the activation rather than every later poll.
		async start(now) {
			await listCallsPage(client, filters, { range: { start: now - Math.min(lookBackMs, DAY_MS), end: now }, offset: 0, limit: 1 });
			return freshState(now);
		},

		// The read the budget cut short last time, else from the look back to now.
		async poll(state, now, budget) {
			const { pending } = state;
			const range: TimeRange = pending ? { start: pending.start, end: pending.end } : { start: readFrom(state, lookBackMs), end: now };
			// The clock went back: nothing to read, nothing to move.
			if (range.end <= range.start) return { emit: [], state };
			const fresh = new Map<string, Fresh<IDataObject>>();
			let stopped: PendingRead | undefined;
			// Convirza's order within a range is undocumented: every call is checked against the IDs
			// emitted already, and the read's own seen set drops a call listed twice (window seams,
			// pages shifted by calls ending while the range is read).
			const from = pending && { window: pending.window, offset: pending.offset };
			for await (const page of readCalls(client, filters, { range, from })) {
				for (const call of page.calls) {
					const id = callIdOf(client.node, call);
					const start = callStartOf(client.node, call);
					if (isNew(state, id, start)) fresh.set(id, { id, time: start, row: call });
				}
				if (page.next !== undefined && budget.spent()) {
					stopped = { ...range, ...page.next };
					break;
				}
			}
			const emit = oldestFirst(fresh.values());
			return { emit: emit.map((entry) => entry.row), state: advance(state, emit, { end: range.end, lookBackMs, pending: stopped }) };
		},

		async newest(now) {
			for (const span of SAMPLE_SPANS) {
				let newest: { call: IDataObject; start: number } | undefined;
				for await (const page of readCalls(client, filters, { range: { start: now - span, end: now } })) {
					for (const call of page.calls) {
						const start = callStartOf(client.node, call);
						if (newest === undefined || start > newest.start) newest = { call, start };
					}
				}
				if (newest !== undefined) return newest.call;
			}
			throw new NodeOperationError(client.node, 'No call in the last 31 days matches the filters', {
				description: 'Fetch Test Event shows the newest call. Make a test call to a tracking number, or loosen the filters, and fetch again.',
			});
		},
	};
}
