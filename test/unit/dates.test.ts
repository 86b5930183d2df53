// Date-time parameters: the date picker's text in the workflow's time zone, ISO with an offset,
// Luxon DateTime and Date objects from expressions; anything else refused naming the parameter.
import { parseDateTime } from '../../nodes/Convirza/helpers/dates';

const iso = (ms: number) => new Date(ms).toISOString();

it.each([
	['2026-04-01T09:30:00', 'America/New_York', '2026-04-01T13:30:00.000Z'],
	['2026-01-15T09:30:00', 'America/New_York', '2026-01-15T14:30:00.000Z'],
	['2026-03-08T03:30:00', 'America/New_York', '2026-03-08T07:30:00.000Z'], // just after the DST change
	['2026-07-01', 'Europe/Berlin', '2026-06-30T22:00:00.000Z'],
	['2026-07-01 08:00', 'UTC', '2026-07-01T08:00:00.000Z'],
	['2026-07-01T00:00:00Z', 'Europe/Berlin', '2026-07-01T00:00:00.000Z'],
	['2026-07-01T00:00:00.5+02:00', 'UTC', '2026-06-30T22:00:00.500Z'],
])('%s in %s → %s', (text, zone, expected) => {
	expect(iso(parseDateTime(text, 'Start', zone))).toBe(expected);
});

it('takes Luxon DateTimes, Dates and ms', () => {
	const at = Date.parse('2026-04-01T00:00:00Z');
	expect(parseDateTime({ toMillis: () => at }, 'Start', 'UTC')).toBe(at);
	expect(parseDateTime(new Date(at), 'Start', 'UTC')).toBe(at);
	expect(parseDateTime(at, 'Start', 'UTC')).toBe(at);
});

it.each(['2026-02-30T00:00:00', 'yesterday', '', '01/04/2026', {}, null])('refuses %p naming the parameter', (value) => {
	expect(() => parseDateTime(value, 'Start', 'UTC')).toThrow('The "Start" parameter must be a date and time');
});
