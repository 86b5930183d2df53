/**
 * How long a poll may read, and one poll at a time per trigger. n8n 2.x abandons a poll that outlasts
 * its tick and says how long it may take (getPollBudgetMs); n8n 1.x has no such call, so it is
 * checked before use and a budget of our own applies there.
 */
import type { IPollFunctions } from 'n8n-workflow';

/** Where n8n gives no budget (n8n 1.x): long enough for a backlog of thousands of calls, short of a stalled tick. */
export const DEFAULT_BUDGET_MS = 4 * 60_000;

export interface Budget {
	/** Called after each page read: whether another page might no longer fit in the budget. */
	spent(): boolean;
	readonly ms: number;
}

export function pollBudget(context: IPollFunctions): Budget {
	const given = typeof context.getPollBudgetMs === 'function' ? Number(context.getPollBudgetMs()) : Number.NaN;
	const ms = Number.isFinite(given) && given >= 0 ? given : DEFAULT_BUDGET_MS;
	const started = Date.now();
	let last = started;
	let slowest = 0;
	return {
		ms,
		spent() {
			const now = Date.now();
			slowest = Math.max(slowest, now - last);
			last = now;
			// Room for two more of the slowest pages: one to read, one for handing the items over.
			return now - started + 2 * slowest >= ms;
		},
	};
}

/** Polls of each trigger (workflow and node) running in this process, and since when. */
const running = new Map<string, number>();

/**
 * Runs `poll` unless a poll of the same trigger is still running here: n8n 1.x and n8n 2.x without
 * its durable scheduler start the next tick even when the last one has not finished, and both
 * would read the same state and emit the same events. The later one then returns nothing and the
 * next tick catches up. A poll running longer than `staleMs` is one n8n gave up on: it no longer blocks.
 */
export async function onePollAtATime<T>(key: string, staleMs: number, poll: () => Promise<T>): Promise<T | null> {
	const since = running.get(key);
	const now = Date.now();
	if (since !== undefined && now - since < staleMs) return null;
	running.set(key, now);
	try {
		return await poll();
	} finally {
		if (running.get(key) === now) running.delete(key);
	}
}
