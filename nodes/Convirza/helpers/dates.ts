import { InputError } from './InputError';
import { describe } from './validation';

/** A date and time without an offset, as n8n's date picker stores it: "2026-04-01T09:30:00". */
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in ms. */
function zoneOffset(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(utcMs);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return asUtc - (utcMs - (utcMs % 1000));
}

/** A wall-clock time in `timeZone` as ms since the epoch (the offset found twice, for DST changes). */
function fromWallClock(wall: number, timeZone: string): number {
	const first = wall - zoneOffset(wall, timeZone);
	return wall - zoneOffset(first, timeZone);
}

/**
 * A date-time parameter as ms since the epoch. Accepts what n8n hands over: the date picker's text
 * without an offset (read in the workflow's time zone, as the editor shows it), ISO 8601 text with an
 * offset or "Z", a Luxon DateTime or a Date from an expression, or ms since the epoch.
 */
export function parseDateTime(value: unknown, parameter: string, timeZone: string): number {
	const fix = 'Use a date and time such as 2026-04-01T09:30:00 (in the workflow\'s time zone) or 2026-04-01T09:30:00Z, or an expression such as {{ $now.minus({ days: 30 }) }}.';
	let ms = Number.NaN;
	if (typeof value === 'number') ms = value;
	else if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		ms = (value as { toMillis(): number }).toMillis();
	} else if (typeof value === 'string' && value.length <= 64) {
		const text = value.trim();
		const naive = NAIVE.exec(text);
		if (naive) {
			const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = naive;
			const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
			const valid = new Date(wall).getUTCDate() === Number(d) && Number(h) < 24;
			ms = valid ? fromWallClock(wall, timeZone) : Number.NaN;
		} else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
			ms = Date.parse(text);
		}
	}
	if (!Number.isFinite(ms)) throw new InputError(parameter, `must be a date and time, not ${describe(value)}`, fix);
	return ms;
}
