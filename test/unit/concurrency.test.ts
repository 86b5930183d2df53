import {
	AUTO_MAX,
	AUTO_START,
	ConcurrencyLimit,
	KeyedQueue,
	forEachBounded,
	type Prepared,
} from '../../nodes/Convirza/actions/scheduler';
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
		const done = forEachBounded({ count: 5, limit: ConcurrencyLimit.fixed(1), read: () => undefined, run: tasks.task, shouldStop: () => false });
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
		const done = forEachBounded({ count: 10, limit: ConcurrencyLimit.fixed(3), read: () => undefined, run: tasks.task, shouldStop: () => stop });
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
		await expect(forEachBounded({ count: 0, limit: ConcurrencyLimit.auto(), read: () => undefined, run: async () => {}, shouldStop: () => false })).resolves.toBeUndefined();
	});
});

/**
 * Records `read` calls and how many items were in flight at each; `readUpTo(k)` settles once index k
 * has been read. Each read returns `input-<index>`, so the test can check what `run` is handed.
 */
function reads(tasks: ReturnType<typeof deferredTasks>) {
	const calls: number[] = [];
	const startedBefore: number[] = [];
	const waiting = new Map<number, () => void>();
	return {
		calls,
		/** For each read, how many items had started (and so were in flight or done) when it ran. */
		startedBefore,
		read: (index: number) => {
			calls.push(index);
			startedBefore.push(tasks.started.length);
			waiting.get(index)?.();
			return `input-${index}`;
		},
		readUpTo: async (index: number) => {
			if (calls.includes(index)) return;
			await new Promise<void>((resolve) => waiting.set(index, resolve));
		},
	};
}

/** forEachBounded over `count` controllable tasks, with reads and what `run` was handed recorded. */
function runWithLookAhead(count: number, limit: ConcurrencyLimit, shouldStop = () => false) {
	const tasks = deferredTasks(count);
	const ahead = reads(tasks);
	const handed: Array<Prepared<string>> = [];
	const done = forEachBounded({
		count,
		limit,
		read: ahead.read,
		run: async (index, prepared) => {
			handed[index] = prepared;
			await tasks.task(index);
		},
		shouldStop,
	});
	return { tasks, ahead, handed, done };
}

describe('forEachBounded look-ahead', () => {
	it('with a limit of 1, reads the next item while the current one runs, one ahead, each once', async () => {
		const { tasks, ahead, handed, done } = runWithLookAhead(4, ConcurrencyLimit.fixed(1));
		for (let i = 0; i < 3; i++) {
			// Item i is in flight and not answered: item i + 1 gets read meanwhile.
			await ahead.readUpTo(i + 1);
			expect(tasks.started).toEqual([...Array(i + 1).keys()]);
			await tick();
			expect(ahead.calls).toEqual([...Array(i + 2).keys()]);
			tasks.resolvers[i]();
			await tick();
		}
		tasks.resolvers[3]();
		await done;
		// Item 0 is read as it starts, every later item while the one before it is in flight; no
		// index twice, none past the end, and each run is handed its own read.
		expect(ahead.calls).toEqual([0, 1, 2, 3]);
		expect(ahead.startedBefore).toEqual([0, 1, 2, 3]);
		expect(handed).toEqual([0, 1, 2, 3].map((index) => ({ input: `input-${index}` })));
		expect(tasks.maxInFlight).toBe(1);
	});

	it('reads at most `limit` items ahead of the started ones', async () => {
		const { tasks, ahead, done } = runWithLookAhead(20, ConcurrencyLimit.fixed(3));
		await ahead.readUpTo(5);
		// Past the look-ahead's next two timer ticks, had it gone on (see timerTicks).
		await timerTicks(5);
		expect(tasks.started).toEqual([0, 1, 2]);
		expect(ahead.calls).toEqual([0, 1, 2, 3, 4, 5]);
		for (let i = 0; i < 20; i++) {
			tasks.resolvers[i]();
			await tick();
		}
		await done;
		expect(ahead.calls).toEqual([...Array(20).keys()]);
	});

	it('reads nothing more once told to stop', async () => {
		let stop = false;
		const { tasks, ahead, done } = runWithLookAhead(10, ConcurrencyLimit.fixed(1), () => stop);
		await ahead.readUpTo(1);
		stop = true;
		tasks.resolvers[0]();
		await done;
		await timerTicks(5);
		expect(tasks.started).toEqual([0]);
		expect(ahead.calls).toEqual([0, 1]);
	});

	it('reads ahead again after a pause: a full window ends the look-ahead, the next start resumes it', async () => {
		const { tasks, ahead, done } = runWithLookAhead(4, ConcurrencyLimit.fixed(1));
		await ahead.readUpTo(1);
		// Item 0 is slow: the look-ahead finds its window full (item 1 read) and ends.
		await timerTicks(6);
		expect(ahead.calls).toEqual([0, 1]);
		tasks.resolvers[0]();
		await timerTicks(6);
		// Item 1 runs and item 2 is read while it is in flight, not only when its own turn comes.
		expect(tasks.started).toEqual([0, 1]);
		expect(ahead.calls).toEqual([0, 1, 2]);
		for (let i = 1; i < 4; i++) {
			tasks.resolvers[i]();
			await tick();
		}
		await done;
		expect(ahead.calls).toEqual([0, 1, 2, 3]);
	});

	it('reads up to the last item and never past it, while the items started so far are in flight', async () => {
		// Limit 3 of 5 items: items 3 and 4 are read ahead, and the look-ahead's window (next + limit)
		// reaches past the end, so only the item count stops it.
		const { tasks, ahead, done } = runWithLookAhead(5, ConcurrencyLimit.fixed(3));
		await ahead.readUpTo(4);
		await timerTicks(6);
		expect(tasks.started).toEqual([0, 1, 2]);
		expect(ahead.calls).toEqual([0, 1, 2, 3, 4]);
		for (let i = 0; i < 5; i++) {
			tasks.resolvers[i]();
			await tick();
		}
		await done;
		expect(ahead.calls).toEqual([0, 1, 2, 3, 4]);
	});

	it('stops reading ahead when told to stop while items are still in flight', async () => {
		let stop = false;
		const tasks = deferredTasks(20);
		const calls: number[] = [];
		const done = forEachBounded({
			count: 20,
			limit: ConcurrencyLimit.fixed(3),
			read: (index) => {
				calls.push(index);
				// An earlier item failed while items 0–2 still run: the look-ahead is under way.
				if (index === 3) stop = true;
			},
			run: async (index) => await tasks.task(index),
			shouldStop: () => stop,
		});
		await timerTicks(8);
		expect(calls).toEqual([0, 1, 2, 3]);
		[0, 1, 2].forEach((index) => tasks.resolvers[index]());
		await done;
		await timerTicks(4);
		expect(tasks.started).toEqual([0, 1, 2]);
		expect(calls).toEqual([0, 1, 2, 3]);
	});

	it("hands a read's error to the item's own turn, after the items before it started", async () => {
		const started: number[] = [];
		const handed: Array<Prepared<number>> = [];
		await forEachBounded<number>({
			count: 3,
			limit: ConcurrencyLimit.fixed(1),
			read: (index) => {
				if (index === 1) throw new Error('bad item 1');
				return index;
			},
			run: async (index, prepared) => {
				started.push(index);
				handed[index] = prepared;
			},
			shouldStop: () => false,
		});
		expect(started).toEqual([0, 1, 2]);
		expect(handed[0]).toEqual({ input: 0 });
		expect(handed[1]).toEqual({ error: new Error('bad item 1') });
		expect(handed[2]).toEqual({ input: 2 });
	});
});

describe('KeyedQueue', () => {
	/** Tasks that record when they start and end when the test settles them. */
	function controlled() {
		const started: string[] = [];
		const settle = new Map<string, { resolve: (value: string) => void; reject: (error: Error) => void }>();
		const task = (name: string) => async () => {
			started.push(name);
			return await new Promise<string>((resolve, reject) => settle.set(name, { resolve, reject }));
		};
		return { started, task, settle: (name: string) => settle.get(name) as NonNullable<ReturnType<typeof settle.get>> };
	}

	it('runs tasks of one key one after the other in call order, other keys alongside', async () => {
		const queue = new KeyedQueue();
		const { started, task, settle } = controlled();
		const a1 = queue.run('a', task('a1'));
		const b1 = queue.run('b', task('b1'));
		const a2 = queue.run('a', task('a2'));
		const a3 = queue.run('a', task('a3'));
		await tick();
		expect(started).toEqual(['a1', 'b1']);

		settle('a1').resolve('one');
		await expect(a1).resolves.toBe('one');
		await tick();
		expect(started).toEqual(['a1', 'b1', 'a2']);

		// A failed task hands its error to its caller and the key's next task still runs.
		settle('a2').reject(new Error('two failed'));
		await expect(a2).rejects.toThrow('two failed');
		await tick();
		expect(started).toEqual(['a1', 'b1', 'a2', 'a3']);
		settle('a3').resolve('three');
		settle('b1').resolve('b');
		await expect(Promise.all([a3, b1])).resolves.toEqual(['three', 'b']);
	});

	it('a task queued while the one before it runs still waits for it', async () => {
		const queue = new KeyedQueue();
		const { started, task, settle } = controlled();
		const a1 = queue.run('a', task('a1'));
		const a2 = queue.run('a', task('a2'));
		await tick();
		settle('a1').resolve('one');
		await a1;
		await tick();
		expect(started).toEqual(['a1', 'a2']);
		// a1 has finished, but a2 is the key's last task now: a3 queues behind it.
		const a3 = queue.run('a', task('a3'));
		await tick();
		expect(started).toEqual(['a1', 'a2']);
		settle('a2').resolve('two');
		await a2;
		await tick();
		expect(started).toEqual(['a1', 'a2', 'a3']);
		settle('a3').resolve('three');
		await a3;
	});

	it('keeps nothing for a key once its tasks are done (one key per CRM contact: thousands in a run)', async () => {
		const queue = new KeyedQueue();
		await Promise.all(['a', 'b', 'a'].map((key) => queue.run(key, async () => key)));
		expect((queue as unknown as { tails: Map<string, unknown> }).tails.size).toBe(0);
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
