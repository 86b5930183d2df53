/**
 * Runs one task per item with a bounded number in flight and keeps results in item order.
 *
 * Auto mode grows and shrinks as TCP does: it starts at AUTO_START and, until Convirza first
 * pushes back, adds one slot per healthy answer (slow start: the limit doubles with every round of
 * answers) up to AUTO_MAX. Every 429/503 halves the limit and ends slow start; from then on it adds
 * one slot per window of healthy answers (additive increase). A fixed limit never changes; 1 is
 * strictly sequential. Why these numbers: see README, "Performance".
 */
import { sleep } from 'n8n-workflow';

export const AUTO_START = 8;
export const AUTO_MAX = 32;

export class ConcurrencyLimit {
	private healthyStreak = 0;

	private slowStart = true;

	private constructor(
		private current: number,
		private readonly adaptive: boolean,
	) {}

	static auto(): ConcurrencyLimit {
		return new ConcurrencyLimit(AUTO_START, true);
	}

	static fixed(limit: number): ConcurrencyLimit {
		return new ConcurrencyLimit(Math.max(1, limit), false);
	}

	get value(): number {
		return this.current;
	}

	onHealthy(): void {
		if (!this.adaptive || this.current >= AUTO_MAX) return;
		if (this.slowStart) {
			this.current++;
			return;
		}
		this.healthyStreak++;
		if (this.healthyStreak >= this.current) {
			this.current++;
			this.healthyStreak = 0;
		}
	}

	onThrottle(): void {
		if (!this.adaptive) return;
		this.slowStart = false;
		this.current = Math.max(1, Math.floor(this.current / 2));
		this.healthyStreak = 0;
	}
}

/** An item's input as `read` left it: the input, or the error reading it gave. */
export type Prepared<T> = { input: T } | { error: unknown };

/** Items to run with a bounded number in flight. */
export interface BoundedWork<T> {
	count: number;
	limit: ConcurrencyLimit;
	/**
	 * CPU-only work for an item (reading and checking its parameters, no request). The scheduler
	 * does it ahead, while the running items wait on the network, so that an item's expressions do
	 * not add to its round trip. Called exactly once for every item that starts, at most once for
	 * any item, and never after the item started. What it throws is handed to `run` in the item's
	 * turn, so the items before it still run first.
	 */
	read(index: number): T;
	/** Runs item `index` (its requests); at most `limit.value` run at a time, started in index order. */
	run(index: number, prepared: Prepared<T>): Promise<void>;
	/** Once true, no new item starts; the items already started are awaited. */
	shouldStop(): boolean;
}

/**
 * Runs every item, at most `limit.value` at a time (read each time a slot is filled, so an adaptive
 * limit takes effect at once), and reads up to `limit.value` items ahead in the gaps. Before
 * each read-ahead it yields two timer ticks: the first lets the requests just started be built, the
 * second comes after an I/O phase, so they are on the wire (and answers already in are handled)
 * before this CPU work runs. With Concurrency 1 this hides reading the next item's parameters
 * behind the current request instead of adding it to every round trip (one tick is not enough:
 * building a request takes long enough that the tick fires before its socket is written).
 */
export async function forEachBounded<T>(work: BoundedWork<T>): Promise<void> {
	const { count, limit } = work;
	const prepared = new Map<number, Prepared<T>>();
	let next = 0;
	let running = 0;
	let ahead = 0;
	let readingAhead = false;

	const prepare = (index: number): Prepared<T> => {
		try {
			return { input: work.read(index) };
		} catch (error) {
			return { error };
		}
	};

	const take = (index: number): Prepared<T> => {
		const ready = prepared.get(index) ?? prepare(index);
		prepared.delete(index);
		return ready;
	};

	const readAhead = async (): Promise<void> => {
		readingAhead = true;
		for (;;) {
			await sleep(0);
			await sleep(0);
			ahead = Math.max(ahead, next);
			// After the last start (every item started, or told to stop) one of these holds for good.
			if (work.shouldStop() || ahead >= count || ahead >= next + limit.value) break;
			prepared.set(ahead, prepare(ahead));
			ahead++;
		}
		readingAhead = false;
	};

	await new Promise<void>((resolve) => {
		const pump = () => {
			while (running < limit.value && next < count && !work.shouldStop()) {
				const index = next++;
				running++;
				void work.run(index, take(index)).finally(() => {
					running--;
					pump();
				});
			}
			// The loop fills every free slot: none in flight means none is left to start.
			if (running === 0) {
				prepared.clear();
				resolve();
			} else if (!readingAhead && Math.max(ahead, next) < count) {
				void readAhead();
			}
		};
		pump();
	});
}

/**
 * Runs tasks that share a key one after the other, in the order `run` was called, while tasks with
 * other keys go on concurrently. Items start in input order, so items with the same key (e.g. two
 * CRM changes of one contact) run in input order even when several items are in flight.
 */
export class KeyedQueue {
	private readonly tails = new Map<string, Promise<void>>();

	async run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		let done!: () => void;
		const mine = new Promise<void>((resolve) => (done = resolve));
		const tail = previous.then(() => mine);
		this.tails.set(key, tail);
		await previous;
		try {
			return await task();
		} finally {
			done();
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
