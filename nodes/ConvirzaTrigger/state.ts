/**
 * What the trigger remembers between polls, in the node's static data. One rule makes "exactly once"
 * hold across polls, restarts, failed polls and polls run twice: a poll reads the state, works on a
 * copy, and writes the new state only when it has everything it returns. n8n saves static data with
 * the execution a poll starts (and, in n8n 2.x's durable mode, throws away what a failed poll staged),
 * so the state n8n holds always matches the events it has handed out.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Budget } from './budget';

/** A read the poll budget cut short: its range, and where in it the next poll goes on. */
export interface PendingRead {
	start: number;
	end: number;
	/** the 31-day window (calls) and the offset in it where reading stopped */
	window: number;
	offset: number;
}

export interface SweepState {
	/**
	 * Nothing older than this is read or emitted: at first the activation, then the lower edge of
	 * the look back. IDs emitted before it are forgotten, so it never moves back.
	 */
	floor: number;
	/** Everything up to here has been read: the end of the last complete read. */
	done: number;
	/** Events emitted at or after `floor`: ID → the event's time (a call's start, a conversation's last message). */
	seen: Record<string, number>;
	pending?: PendingRead;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readPending(value: unknown): PendingRead | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { start, end, window, offset } = value as IDataObject;
	return isTime(start) && isTime(end) && isTime(window) && isTime(offset) ? { start, end, window, offset } : undefined;
}

/** The state stored under `key`, or undefined before the first poll (or if it is not one we wrote). */
export function loadState(staticData: IDataObject, key: string): SweepState | undefined {
	const stored = staticData[key];
	if (typeof stored !== 'object' || stored === null) return undefined;
	const { floor, done, seen, pending } = stored as IDataObject;
	if (!isTime(floor) || !isTime(done) || typeof seen !== 'object' || seen === null) return undefined;
	return { floor, done, seen: { ...(seen as Record<string, number>) }, pending: readPending(pending) };
}

/** Replaces the stored state in one assignment: nothing half-written is ever visible. */
export function saveState(staticData: IDataObject, key: string, state: SweepState): void {
	const { pending, ...rest } = state;
	staticData[key] = (pending === undefined ? rest : { ...rest, pending }) as unknown as IDataObject;
}

/** The state of a first activation: nothing from before `now` is new. */
export const freshState = (now: number): SweepState => ({ floor: now, done: now, seen: {} });

const STARTS = 'convirzaTriggerStarts';

/*
 * When the trigger first started, kept in the workflow's global static data, which n8n saves after
 * the activation. With n8n 2.x's durable scheduler on, the activation's poll works on a copy of the
 * node's state that is never committed: without this, the calls between the activation and the
 * first scheduled poll would be lost. `key` names the node and the event.
 */
const startsIn = (globalData: IDataObject): IDataObject =>
	(typeof globalData[STARTS] === 'object' && globalData[STARTS] !== null ? globalData[STARTS] : {}) as IDataObject;

/** The start an earlier poll of this trigger stored, if any (and not in the future). */
export function storedStart(globalData: IDataObject, key: string, now: number): number | undefined {
	const stored = startsIn(globalData)[key];
	return isTime(stored) && stored <= now ? stored : undefined;
}

export function rememberStart(globalData: IDataObject, key: string, now: number): void {
	globalData[STARTS] = { ...startsIn(globalData), [key]: now };
}

/** Where the next complete read starts: the look back before the last one's end, never below the floor. */
export const readFrom = (state: SweepState, lookBackMs: number): number => Math.max(state.floor, state.done - lookBackMs);

/** Whether an event (by ID and time) has not been emitted yet: unknown, or newer than when it was. */
export function isNew(state: SweepState, id: string, time: number): boolean {
	if (time < state.floor) return false;
	const emitted = state.seen[id];
	return emitted === undefined || emitted < time;
}

export interface Fresh<T> {
	id: string;
	time: number;
	row: T;
}

/** The events in emitting order: oldest first, ties by ID (numerically where IDs are numbers). */
export function oldestFirst<T>(events: Iterable<Fresh<T>>): Array<Fresh<T>> {
	return [...events].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * The state after a poll that emits `emitted`: with a pending read when the budget cut it short,
 * else moved to the end of the read, the floor raised to the next read's start and the IDs below
 * it forgotten (they can no longer be listed, so memory stays bounded by the look back).
 */
export function advance<T>(
	state: SweepState,
	emitted: Array<Fresh<T>>,
	read: { end: number; lookBackMs: number; pending?: PendingRead },
): SweepState {
	const seen = { ...state.seen };
	for (const { id, time } of emitted) seen[id] = time;
	if (read.pending !== undefined) return { floor: state.floor, done: state.done, seen, pending: read.pending };
	const done = Math.max(state.done, read.end);
	const floor = Math.max(state.floor, done - read.lookBackMs);
	for (const [id, time] of Object.entries(seen)) if (time < floor) delete seen[id];
	return { floor, done, seen };
}

export interface PollOutcome {
	/** The events to emit, oldest first. */
	emit: IDataObject[];
	state: SweepState;
}

/** One event the trigger watches: how it starts, polls and fetches a test event. */
export interface EventSource {
	/** The first poll after activation: the state from which nothing before `now` is new. */
	start(now: number): Promise<SweepState>;
	poll(state: SweepState, now: number, budget: Budget): Promise<PollOutcome>;
	/** The newest event, for Fetch Test Event; changes nothing. */
	newest(now: number): Promise<IDataObject>;
}
