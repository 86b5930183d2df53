/** Delays between attempts: Retry-After when Convirza sends it, else exponential with jitter. */

const MAX_DELAY_MS = 10_000;

/**
 * Parses a Retry-After header: delta-seconds or an HTTP date (RFC 9110). Returns milliseconds
 * from `now`, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
	if (header === undefined) return undefined;
	const text = header.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * "Equal jitter": half of the exponential step is fixed, half random, so retries of many items
 * spread out without any of them retrying almost at once. `attempt` counts from 1.
 */
export function backoffDelay(
	attempt: number,
	baseDelayMs: number,
	random: () => number = Math.random,
): number {
	const step = Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** (attempt - 1));
	return Math.round(step / 2 + random() * (step / 2));
}
