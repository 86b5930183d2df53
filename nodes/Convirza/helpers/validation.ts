import { InputError } from './InputError';
import type { UserStatus } from '../api/types';

/** Longest text accepted anywhere; checked before any pattern runs on it. */
const MAX_INPUT_LENGTH = 1000;

const USER_ID = /^[1-9]\d{0,14}$/;
// Practical address syntax (RFC 5322 dot-atom, ASCII): what Convirza logins use.
const EMAIL =
	/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DIGITS = /^\d{1,10}$/;
const INT32_MAX = 2_147_483_647;

/** IANA zones known to this Node.js, looked up case-insensitively; built once, at load. */
const TIMEZONES = new Map(
	[...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]),
);

export const TIMEZONE_NAMES: readonly string[] = [...new Set(TIMEZONES.values())].sort();

/** How a refused value is shown in the message: short text quoted, long text and objects described. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (typeof value === 'string') {
		return value.length > 40 ? `a text of ${value.length} characters` : `"${value}"`;
	}
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return String(value);
}

/** Text (numbers become text), at most MAX_INPUT_LENGTH long before trimming, or an InputError with `fix`. */
export function asText(value: unknown, parameter: string, fix: string): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') {
		throw new InputError(parameter, `must be text, not ${describe(value)}`, fix);
	}
	if (value.length > MAX_INPUT_LENGTH) {
		throw new InputError(parameter, `is too long (${value.length} characters)`, fix);
	}
	return value.trim();
}

/**
 * A Convirza user ID: a positive whole number. Surrounding spaces (common in CRM exports) are
 * dropped; anything else that is not plain digits — "1e3", "12a", "../groups/1", "1?x" — is refused,
 * so the ID can never change the request path.
 */
export function parseUserId(value: unknown, parameter = 'User'): number {
	const fix = 'Use the numeric Convirza user ID (ct_user_id), e.g. 10001, or pick the user from the list.';
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value > 0) return value;
		throw new InputError(parameter, `must be a positive whole number, not ${describe(value)}`, fix);
	}
	const text = asText(value, parameter, fix);
	if (!USER_ID.test(text) || !Number.isSafeInteger(Number(text))) {
		throw new InputError(parameter, `must be a positive whole number, not ${describe(value)}`, fix);
	}
	return Number(text);
}

export function parseEmail(value: unknown, parameter: string): string {
	const fix = 'Use a complete address such as "jane.doe@example.com" (ASCII letters only).';
	const text = asText(value, parameter, fix);
	const [local = ''] = text.split('@');
	if (text.length > 254 || local.length > 64 || !EMAIL.test(text)) {
		throw new InputError(parameter, `is not a valid email address: ${describe(value)}`, fix);
	}
	return text;
}

export function parseText(value: unknown, parameter: string, maxLength = 255): string {
	const fix = `Use text of at most ${maxLength} characters.`;
	const text = asText(value, parameter, fix);
	if (text.length > maxLength) {
		throw new InputError(parameter, `is too long (${text.length} characters)`, fix);
	}
	return text;
}

export function parseStatus(value: unknown, parameter: string): UserStatus {
	const fix = 'Use "active" or "inactive".';
	const key = asText(value, parameter, fix).toLowerCase();
	if (key !== 'active' && key !== 'inactive') {
		throw new InputError(parameter, `must be active or inactive, not ${describe(value)}`, fix);
	}
	return key;
}

/** IANA names only ("America/Los_Angeles"); abbreviations like "PST" are ambiguous and refused. */
export function parseTimezone(value: unknown, parameter: string): string {
	const fix = 'Use an IANA time zone name such as "America/Los_Angeles" or "Europe/Berlin".';
	const zone = TIMEZONES.get(asText(value, parameter, fix).toLowerCase());
	if (zone === undefined) {
		throw new InputError(parameter, `is not an IANA time zone: ${describe(value)}`, fix);
	}
	return zone;
}

export function parseNonNegativeInteger(value: unknown, parameter: string, example: string): number {
	const fix = `Use a whole number of 0 or more, e.g. ${example}.`;
	if (typeof value === 'number') {
		if (Number.isInteger(value) && value >= 0 && value <= INT32_MAX) return value;
		throw new InputError(parameter, `must be a whole number of 0 or more, not ${describe(value)}`, fix);
	}
	const text = asText(value, parameter, fix);
	if (!DIGITS.test(text) || Number(text) > INT32_MAX) {
		throw new InputError(parameter, `must be a whole number of 0 or more, not ${describe(value)}`, fix);
	}
	return Number(text);
}

/** Real booleans, or the words "true"/"false" as expressions often produce them; nothing else. */
export function parseBoolean(value: unknown, parameter: string): boolean {
	if (typeof value === 'boolean') return value;
	const fix = 'Use true or false.';
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (word === 'true') return true;
		if (word === 'false') return false;
	}
	throw new InputError(parameter, `must be true or false, not ${describe(value)}`, fix);
}
