import { AUTO_MAX, AUTO_START, ConcurrencyLimit, forEachBounded } from '../../nodes/Convirza/actions/concurrency';
import { timerTicks } from '../kit/waiting';

/** A task whose completion the test controls, so no timing luck is involved. */
function deferredTasks(count: number) {
	const resolvers: Array<() => void> = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const started: number[] = [];
	const task = async (index: number) => {
		started.push(index);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise<void>((resolve) => resolvers[index] = resolve);
		inFlight--;
	};
	return { task, resolvers, started, get maxInFlight() { return maxInFlight; }, count };
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('forEachBounded', () => {
	it('never exceeds a fixed limit of 1 and runs items in order', async () => {
		const tasks = deferredTasks(5);
		const done = forEachBounded({ count: 5, limit: ConcurrencyLimit.fixed(1), run: tasks.task, shouldStop: () => false });
		for (let i = 0; i < 5; i++) {
			await tick();
			expect(tasks.started).toEqual([...Array(i + 1).keys()]);
			tasks.resolvers[i]();
		}
		await done;
		expect(tasks.maxInFlight).toBe(1);
	});

	it('fills up to the limit and stops starting new tasks when told to', async () => {
		const tasks = deferredTasks(10);
		let stop = false;
		const done = forEachBounded({ count: 10, limit: ConcurrencyLimit.fixed(3), run: tasks.task, shouldStop: () => stop });
		await tick();
		expect(tasks.started).toEqual([0, 1, 2]);
		stop = true;
		tasks.resolvers[1]();
		tasks.resolvers[0]();
		tasks.resolvers[2]();
		await done;
		expect(tasks.started).toEqual([0, 1, 2]);
	});

	it('handles zero items', async () => {
		await expect(forEachBounded({ count: 0, limit: ConcurrencyLimit.auto(), run: async () => {}, shouldStop: () => false })).resolves.toBeUndefined();
	});
});

/** Records `prepare` calls; `preparedUpTo(k)` settles once index k has been prepared. */
function preparations() {
	const calls: number[] = [];
	const waiting = new Map<number, () => void>();
	return {
		calls,
		prepare: (index: number) => {
			calls.push(index);
			waiting.get(index)?.();
		},
		preparedUpTo: async (index: number) => {
			if (calls.includes(index)) return;
			await new Promise<void>((resolve) => waiting.set(index, resolve));
		},
	};
}

/** forEachBounded over `count` controllable tasks, with look-ahead recorded. */
function runWithLookAhead(count: number, limit: ConcurrencyLimit, shouldStop = () => false) {
	const tasks = deferredTasks(count);
	const ahead = preparations();
	const done = forEachBounded({ count, limit, run: tasks.task, prepare: ahead.prepare, shouldStop });
	return { tasks, ahead, done };
}

describe('forEachBounded look-ahead', () => {
	it('with a limit of 1, prepares the next item while the current one runs, one ahead, each once', async () => {
		const { tasks, ahead, done } = runWithLookAhead(4, ConcurrencyLimit.fixed(1));
		for (let i = 0; i < 3; i++) {
			// Item i is in flight and not answered: item i + 1 gets prepared meanwhile.
			await ahead.preparedUpTo(i + 1);
			expect(tasks.started).toEqual([...Array(i + 1).keys()]);
			await tick();
			expect(ahead.calls).toEqual([...Array(i + 1).keys()].map((k) => k + 1));
			tasks.resolvers[i]();
			await tick();
		}
		tasks.resolvers[3]();
		await done;
		// Item 0 started before anything could be prepared; no index twice, none past the end.
		expect(ahead.calls).toEqual([1, 2, 3]);
		expect(tasks.maxInFlight).toBe(1);
	});

	it('prepares at most `limit` items ahead of the started ones', async () => {
		const { tasks, ahead, done } = runWithLookAhead(20, ConcurrencyLimit.fixed(3));
		await ahead.preparedUpTo(5);
		// Past the look-ahead's next two timer ticks, had it gone on (see timerTicks).
		await timerTicks(5);
		expect(tasks.started).toEqual([0, 1, 2]);
		expect(ahead.calls).toEqual([3, 4, 5]);
		for (let i = 0; i < 20; i++) {
			tasks.resolvers[i]();
			await tick();
		}
		await done;
		expect(new Set(ahead.calls).size).toBe(ahead.calls.length);
		expect(ahead.calls.every((index) => index < 20)).toBe(true);
	});

	it('prepares nothing more once told to stop', async () => {
		let stop = false;
		const { tasks, ahead, done } = runWithLookAhead(10, ConcurrencyLimit.fixed(1), () => stop);
		await ahead.preparedUpTo(1);
		stop = true;
		tasks.resolvers[0]();
		await done;
		await timerTicks(5);
		expect(tasks.started).toEqual([0]);
		expect(ahead.calls).toEqual([1]);
	});
});

describe('ConcurrencyLimit.auto', () => {
	it('slow start: one more slot per healthy answer up to the maximum, until the first throttle', () => {
		const limit = ConcurrencyLimit.auto();
		expect(limit.value).toBe(AUTO_START);
		for (let i = 0; i < AUTO_START; i++) limit.onHealthy();
		expect(limit.value).toBe(2 * AUTO_START);
		for (let i = 0; i < 10_000; i++) limit.onHealthy();
		expect(limit.value).toBe(AUTO_MAX);
	});

	it('a throttle halves the limit and ends slow start: then one more slot per window of healthy answers', () => {
		const limit = ConcurrencyLimit.auto();
		for (let i = 0; i < AUTO_MAX; i++) limit.onHealthy();
		limit.onThrottle();
		expect(limit.value).toBe(AUTO_MAX / 2);
		for (let i = 0; i < AUTO_MAX / 2 - 1; i++) limit.onHealthy();
		expect(limit.value).toBe(AUTO_MAX / 2);
		limit.onHealthy();
		expect(limit.value).toBe(AUTO_MAX / 2 + 1);
		for (let i = 0; i < 10_000; i++) limit.onHealthy();
		expect(limit.value).toBe(AUTO_MAX);
		for (let i = 0; i < 10; i++) limit.onThrottle();
		expect(limit.value).toBe(1);
		limit.onHealthy();
		expect(limit.value).toBe(2);
	});

	it('a fixed limit never changes', () => {
		const limit = ConcurrencyLimit.fixed(10);
		limit.onThrottle();
		limit.onHealthy();
		expect(limit.value).toBe(10);
	});
});
