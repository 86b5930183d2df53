/** Reading what the simulator saw: the requests in its log, and a hook on their arrival. */
import type { ConvirzaSimulator, LoggedRequest } from '../simulator';

export const userPath = (id: number | string) => `/v3/users/${id}`;

/** What the simulator saw, as "METHOD /path?query", without the request ids. */
export function calls(sim: ConvirzaSimulator, filter: (entry: LoggedRequest) => boolean = () => true): string[] {
	return sim.log.filter(filter).map((entry) => `${entry.method} ${entry.url}`);
}

/** Statuses the simulator answered for one method and path; `undefined` = no answer (reset, timeout). */
export function statuses(sim: ConvirzaSimulator, method: string, path: string): Array<number | undefined> {
	return sim.requests(method, path).map((entry) => entry.status);
}

/** The Bearer token a logged request carried ('' without one). */
export function bearerOf(entry: LoggedRequest): string {
	return String(entry.headers.authorization ?? '').replace(/^Bearer /, '');
}

/**
 * Runs `action` synchronously when the first request matching `when` arrives, before the
 * simulator takes its fault, checks its token or routes it (a hold, `sim.hold`, is enough when the
 * fault need not change). The simulator appends every request to its log on arrival, so the hook
 * wraps that append on this simulator instance only.
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
