// Holds: keep matching requests waiting after they arrived until the test releases them, so that
// "these requests were in flight at the same time" is a fact the test arranged, not latency luck.
import { matches, type PathMatcher } from './faults';
import type { HeldRequests, LoggedRequest } from './types';

interface Caught {
	go: () => void;
	/** Settles once the request was answered or its connection closed. */
	done: Promise<void>;
}

class Hold implements HeldRequests {
	readonly requests: LoggedRequest[] = [];
	released = false;
	private caught: Caught[] = [];
	private readonly waiting: Array<{ count: number; resolve: () => void }> = [];

	constructor(
		readonly method: string,
		readonly path: PathMatcher,
	) {}

	/** Holds the request; the returned promise settles when it may go on. */
	take(entry: LoggedRequest, done: Promise<void>): Promise<void> {
		this.requests.push(entry);
		const gate = new Promise<void>((go) => this.caught.push({ go, done }));
		for (const waiter of [...this.waiting]) {
			if (this.requests.length < waiter.count) continue;
			this.waiting.splice(this.waiting.indexOf(waiter), 1);
			waiter.resolve();
		}
		return gate;
	}

	async arrived(count = 1): Promise<void> {
		if (this.requests.length >= count) return;
		await new Promise<void>((resolve) => this.waiting.push({ count, resolve }));
	}

	async release(): Promise<void> {
		this.released = true;
		const letGo = this.caught;
		this.caught = [];
		for (const request of letGo) request.go();
		await Promise.all(letGo.map(async (request) => await request.done));
	}
}

export class HoldBook {
	private holds: Hold[] = [];

	add(method: string, path: PathMatcher): HeldRequests {
		const hold = new Hold(method, path);
		this.holds.push(hold);
		return hold;
	}

	/** The wait of a request caught by the oldest hold not yet released that matches it, if any. */
	take(entry: LoggedRequest, done: Promise<void>): Promise<void> | undefined {
		this.holds = this.holds.filter((hold) => !hold.released);
		const hold = this.holds.find((candidate) => matches(candidate.method, candidate.path, entry.method, entry.path));
		return hold?.take(entry, done);
	}

	/** Lets every held request go on (the simulator is closing). */
	releaseAll(): void {
		for (const hold of this.holds) void hold.release();
		this.holds = [];
	}
}
