/**
 * Waiting for something the test can name — never for an amount of time that is merely likely
 * to be enough.
 */

/** Settles once `condition` holds, checked every 2 ms (jest's test timeout ends a wait that never does). */
export async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

/**
 * Lets `count` rounds of zero-delay timers run. Timers of equal delay fire in the order they were
 * started, so code that was already waiting on such a timer (e.g. the node's look-ahead, which
 * reads the next items after two of them) has taken at least `count - 1` of its steps when this
 * settles — an order, not a guess at how long they take.
 */
export async function timerTicks(count: number): Promise<void> {
	for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

interface Sleep {
	ms: number;
	state: 'pending' | 'fired' | 'cleared';
}

// Where n8n's `sleep` starts its timer, as the stack names it: dist/sleep.cjs, or src/sleep.ts
// through its source map. The node waits only through it (n8n-workflow's `sleep`).
const N8N_SLEEP = /[\\/]@n8n[\\/]utils[\\/](?:dist|src)[\\/]sleep\./;

type Waiter = { matches: (ms: number) => boolean; count: number; resolve: () => void };

/**
 * Call once at the top of a test file. Watches the waits the node starts during each test — for a
 * Retry-After, a backoff, a throttle pause or an attempt's timeout, all through n8n's `sleep` — so
 * a test can wait until the node *is* waiting instead of sleeping and hoping it is, and can tell
 * whether any such wait is still pending. Other timers (the HTTP client's own) are not counted.
 */
export function useSleepWatch() {
	const realSet = globalThis.setTimeout;
	const realClear = globalThis.clearTimeout;
	let sleeps = new Map<unknown, Sleep>();
	let waiters: Waiter[] = [];
	const count = (matches: (ms: number) => boolean) => [...sleeps.values()].filter((sleep) => matches(sleep.ms)).length;

	function watchedSet(handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
		if (!N8N_SLEEP.test(new Error().stack ?? '')) return realSet(handler, ms, ...args);
		const sleep: Sleep = { ms: ms ?? 0, state: 'pending' };
		const timer = realSet((...params: unknown[]) => {
			sleep.state = 'fired';
			handler(...params);
		}, ms, ...args);
		sleeps.set(timer, sleep);
		for (const waiter of [...waiters]) {
			if (count(waiter.matches) < waiter.count) continue;
			waiters = waiters.filter((other) => other !== waiter);
			waiter.resolve();
		}
		return timer;
	}
	function watchedClear(timer?: Parameters<typeof clearTimeout>[0]) {
		const sleep = sleeps.get(timer);
		if (sleep?.state === 'pending') sleep.state = 'cleared';
		realClear(timer);
	}

	beforeEach(() => {
		sleeps = new Map();
		waiters = [];
		globalThis.setTimeout = Object.assign(watchedSet, realSet) as typeof setTimeout;
		globalThis.clearTimeout = watchedClear as typeof clearTimeout;
	});
	afterEach(() => {
		globalThis.setTimeout = realSet;
		globalThis.clearTimeout = realClear;
	});

	return {
		/** Settles once the node has started `times` waits whose length `matches` in this test. */
		async started(matches: (ms: number) => boolean, times = 1): Promise<void> {
			if (count(matches) >= times) return;
			await new Promise<void>((resolve) => waiters.push({ matches, count: times, resolve }));
		},
		/**
		 * How many waits of the node are still pending: neither over nor cut short (its zero-delay
		 * yields between CPU work, which send nothing, are not counted).
		 */
		pending: () => [...sleeps.values()].filter((sleep) => sleep.ms > 0 && sleep.state === 'pending').length,
	};
}
