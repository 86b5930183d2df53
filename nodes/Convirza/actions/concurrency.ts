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

/** Items to run with a bounded number in flight. */
export interface BoundedWork {
	count: number;
	limit: ConcurrencyLimit;
	/** Runs item `index` (its requests); at most `limit.value` run at a time, started in index order. */
	run(index: number): Promise<void>;
	/**
	 * CPU-only work for an item not started yet (reading its parameters), done ahead while the running
	 * items wait on the network, so that `run` finds it done. Called at most once per index, and
	 * never after `run` started for it.
	 */
	prepare?(index: number): void;
	/** Once true, no new item starts; the items already started are awaited. */
	shouldStop(): boolean;
}

/**
 * Runs every item, at most `limit.value` at a time (read each time a slot is filled, so an adaptive
 * limit takes effect at once), and prepares up to `limit.value` items ahead in the gaps. Before
 * each preparation it yields two timer ticks: the first lets the requests just started be built, the
 * second comes after an I/O phase, so they are on the wire (and answers already in are handled)
 * before this CPU work runs. With Concurrency 1 this hides reading the next item's parameters
 * behind the current request instead of adding it to every round trip (one tick is not enough:
 * building a request takes long enough that the tick fires before its socket is written).
 */
export async function forEachBounded(work: BoundedWork): Promise<void> {
	const { count, limit } = work;
	let next = 0;
	let running = 0;
	let ahead = 0;
	let preparing = false;
	let finished = false;

	const prepareAhead = async (prepare: (index: number) => void): Promise<void> => {
		preparing = true;
		for (;;) {
			await sleep(0);
			await sleep(0);
			ahead = Math.max(ahead, next);
			if (finished || work.shouldStop() || ahead >= count || ahead >= next + limit.value) break;
			prepare(ahead++);
		}
		preparing = false;
	};

	await new Promise<void>((resolve) => {
		const pump = () => {
			while (running < limit.value && next < count && !work.shouldStop()) {
				const index = next++;
				running++;
				void work.run(index).finally(() => {
					running--;
					pump();
				});
			}
			if (running === 0 && (next >= count || work.shouldStop())) {
				finished = true;
				resolve();
			} else if (work.prepare && !preparing && Math.max(ahead, next) < count) {
				void prepareAhead(work.prepare);
			}
		};
		pump();
	});
}
