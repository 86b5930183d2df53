/**
 * Polls `probe` until `done(value)` holds and returns that value; fails after `timeoutMs` with the last
 * value seen. For conditions n8n reaches on its own time (an execution saved, a list refreshed): it
 * waits on the condition itself, never for a fixed time.
 */
export async function until<T>(
	what: string,
	probe: () => Promise<T>,
	done: (value: T) => boolean,
	timeoutMs = 60_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (done(value)) return value;
		if (Date.now() > deadline) {
			throw new Error(`${what}: not reached within ${timeoutMs} ms; last seen ${JSON.stringify(value)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
