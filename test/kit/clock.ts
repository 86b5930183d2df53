/**
 * One clock for the trigger and the simulator (in the same process, both read Date.now): frozen
 * where a test puts it, moved only by the test, so "now" never drifts between a poll and the next.
 */
export interface TestClock {
	readonly now: number;
	advance(ms: number): void;
	restore(): void;
}

export function freezeClock(start = Date.now()): TestClock {
	let now = start;
	const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
	return {
		get now() {
			return now;
		},
		advance(ms) {
			now += ms;
		},
		restore: () => spy.mockRestore(),
	};
}
