/**
 * Shared tools of the reliability suite: reading the simulator's log, a deterministic hook on
 * request arrival, the error-item shape, and the secrets every scenario is checked against.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SIMULATOR_TOKEN, expectRunWithoutSecrets, type Secret } from '../engine/secrets';
import type { RunResult } from '../harness';
import type { ConvirzaSimulator, Fault, LoggedRequest } from '../simulator';

/** Three Acme users in the admin's hierarchy, none of them the caller. */
export const USER_A = 10003;
export const USER_B = 10004;
export const USER_C = 10005;

/** The error item the node routes to the error output (the engine merges the input's json in). */
export interface ErrorJson {
	error: string;
	details: { description?: string; httpCode?: string; requestId?: string };
}

export function errorOf(item: INodeExecutionData): ErrorJson {
	return item.json as unknown as ErrorJson;
}

/** What the simulator saw, as "METHOD /path?query". */
export function calls(sim: ConvirzaSimulator, filter: (entry: LoggedRequest) => boolean = () => true): string[] {
	return sim.log.filter(filter).map((entry) => `${entry.method} ${entry.url}`);
}

/** Statuses the simulator answered for one method and path; `undefined` = no answer (reset, timeout). */
export function statuses(sim: ConvirzaSimulator, method: string, path: string): Array<number | undefined> {
	return sim.requests(method, path).map((entry) => entry.status);
}

export const userPath = (id: number) => `/v3/users/${id}`;

/** Parameters of User → Update for one user by ID, fast retries, errors to the error output. */
export function updateParameters(
	userId: unknown,
	updateFields: INodeParameters,
	options: INodeParameters = {},
): INodeParameters {
	return { userId: userId as INodeParameters[string], updateFields, options: { retryDelayMs: 1, ...options } };
}

export const toErrorOutput = { onError: 'continueErrorOutput' as const };

/**
 * Runs `action` synchronously when the first request matching `when` arrives, before the
 * simulator takes its fault, checks its token or routes it. The simulator appends every request
 * to its log on arrival, so the hook wraps that append on this simulator instance only.
 */
export function onArrival(
	sim: ConvirzaSimulator,
	when: (entry: LoggedRequest) => boolean,
	action: (entry: LoggedRequest) => void,
): void {
	const log = sim.log as LoggedRequest[];
	const append = log.push;
	let fired = false;
	log.push = function (this: LoggedRequest[], ...entries: LoggedRequest[]): number {
		for (const entry of entries) {
			if (!fired && when(entry)) {
				fired = true;
				action(entry);
			}
		}
		return append.apply(this, entries);
	};
}

/** Arrival time of every request, recorded by the same hook (for lower bounds on waits only). */
export function recordArrivals(sim: ConvirzaSimulator): Map<LoggedRequest, number> {
	const times = new Map<LoggedRequest, number>();
	const log = sim.log as LoggedRequest[];
	const append = log.push;
	log.push = function (this: LoggedRequest[], ...entries: LoggedRequest[]): number {
		for (const entry of entries) times.set(entry, Date.now());
		return append.apply(this, entries);
	};
	return times;
}

/** The Bearer token a logged request carried. */
export function bearerOf(entry: LoggedRequest): string {
	return String(entry.headers.authorization ?? '').replace(/^Bearer /, '');
}

/** Resolves once `predicate` holds, checking after each turn of the event loop (no timers). */
export async function until(predicate: () => boolean): Promise<void> {
	while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Everything that must never appear in what a run shows or stores: the seeded tokens, both
 * passwords, and every token format the simulator issues (access, refresh and frontend tokens of
 * each login, which no test sees otherwise).
 */
export function secretsOf(sim: ConvirzaSimulator): Secret[] {
	return [
		sim.tokens.admin,
		sim.tokens.standard,
		sim.logins.admin.password,
		sim.logins.standard.password,
		SIMULATOR_TOKEN,
	];
}

/** Outputs, error items, node and run errors (message, description, context, cause) hold no secret. */
export function expectNoSecretsIn(result: RunResult, sim: ConvirzaSimulator): void {
	expectRunWithoutSecrets(result, secretsOf(sim));
}

/** The message an item ends with when a request keeps meeting this fault. */
export function messageFor(fault: Fault | undefined): string {
	if (fault === undefined) throw new Error('no fault');
	if ('reset' in fault) return 'Could not reach Convirza: the connection was closed before Convirza answered (ECONNRESET)';
	if ('malformedJson' in fault) return `Convirza answered HTTP ${fault.status ?? 200} with a body that is not the expected JSON`;
	if ('html' in fault) return `Convirza error ${fault.status ?? 502}: an HTML error page (likely from a proxy)`;
	if ('delayMs' in fault) return 'Could not reach Convirza: Convirza did not answer within the timeout (ECONNABORTED)';
	return `Convirza error ${fault.status}: Injected fault`;
}

/** "Gave up after N attempts over X s." → [N, X]; undefined when the description has no such note. */
export function gaveUp(description: string | undefined): [attempts: number, seconds: number] | undefined {
	const match = /Gave up after (\d+) attempts over (\d+\.\d) s\./.exec(description ?? '');
	return match ? [Number(match[1]), Number(match[2])] : undefined;
}
