import { AUTO_MAX, AUTO_START, ConcurrencyLimit, forEachBounded } from '../../nodes/Convirza/actions/concurrency';

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
		const done = forEachBounded(5, ConcurrencyLimit.fixed(1), tasks.task, () => false);
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
		const done = forEachBounded(10, ConcurrencyLimit.fixed(3), tasks.task, () => stop);
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
		await expect(forEachBounded(0, ConcurrencyLimit.auto(), async () => {}, () => false)).resolves.toBeUndefined();
	});
});

describe('ConcurrencyLimit.auto', () => {
	it('grows by one per window of healthy answers up to the maximum, halves on throttling', () => {
		const limit = ConcurrencyLimit.auto();
		expect(limit.value).toBe(AUTO_START);
		for (let i = 0; i < AUTO_START; i++) limit.onHealthy();
		expect(limit.value).toBe(AUTO_START + 1);
		for (let i = 0; i < 10_000; i++) limit.onHealthy();
		expect(limit.value).toBe(AUTO_MAX);
		limit.onThrottle();
		expect(limit.value).toBe(AUTO_MAX / 2);
		for (let i = 0; i < 10; i++) limit.onThrottle();
		expect(limit.value).toBe(1);
	});

	it('a fixed limit never changes', () => {
		const limit = ConcurrencyLimit.fixed(10);
		limit.onThrottle();
		limit.onHealthy();
		expect(limit.value).toBe(10);
	});
});
