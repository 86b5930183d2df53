/**
 * Runs one task per item with a bounded number in flight and keeps results in item order.
 *
 * Auto mode is additive-increase / multiplicative-decrease, as TCP does: it starts at
 * AUTO_START, adds one slot after each window of healthy responses up to AUTO_MAX, and halves the
 * limit whenever Convirza throttles (429/503). A fixed limit never changes; 1 is strictly
 * sequential. Why these numbers: see README, "Performance".
 */
export const AUTO_START = 8;
export const AUTO_MAX = 32;

export class ConcurrencyLimit {
	private healthyStreak = 0;

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
		this.healthyStreak++;
		if (this.healthyStreak >= this.current) {
			this.current++;
			this.healthyStreak = 0;
		}
	}

	onThrottle(): void {
		if (!this.adaptive) return;
		this.current = Math.max(1, Math.floor(this.current / 2));
		this.healthyStreak = 0;
	}
}

/**
 * Calls `task(i)` for i = 0..count-1, at most `limit.value` at a time (read each time a slot is
 * filled, so an adaptive limit takes effect at once). Stops starting new tasks once `shouldStop()`
 * says so; always waits for the tasks already started.
 */
export async function forEachBounded(
	count: number,
	limit: ConcurrencyLimit,
	task: (index: number) => Promise<void>,
	shouldStop: () => boolean,
): Promise<void> {
	let next = 0;
	let running = 0;
	await new Promise<void>((resolve) => {
		const pump = () => {
			while (running < limit.value && next < count && !shouldStop()) {
				const index = next++;
				running++;
				void task(index).finally(() => {
					running--;
					pump();
				});
			}
			if (running === 0 && (next >= count || shouldStop())) resolve();
		};
		pump();
	});
}
