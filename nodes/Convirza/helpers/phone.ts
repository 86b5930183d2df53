import { InputError } from './InputError';
import { COUNTRY_CODES, GLOBAL_SERVICE_CODES, NANP, planFor, type DialingPlan } from './dialingPlans';
import { describe } from './validation';

/**
 * Phone numbers for Convirza's Agent Ring-To field, the E.164 number calls are forwarded to.
 *
 * Stripping formatting alone is not enough: "030 9018 2000" (Berlin, as dialled in Germany) would be
 * stored as "03090182000" and misroute calls. So a number is either international (written with "+"
 * or an international prefix) or national to the "Default Country Code" country, whose dialling plan
 * decides how it becomes E.164. Whatever cannot be read without guessing is refused, naming the value.
 * The dialling plans themselves are tabled in dialingPlans.ts.
 */

const DEFAULT_COUNTRY_CODE = 'Default Country Code';

/** Far above any phone number; longer text is refused before any pattern runs on it. */
const MAX_INPUT_LENGTH = 100;

// Spaces of every kind (\s covers no-break, thin and narrow spaces) and invisible marks that copying from
// web pages or phone contacts inserts (zero-width spaces, direction marks and isolates, soft hyphen).
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Hyphen-minus and the Unicode dashes and minus signs, dots, slashes ("030/9018 2000").
const SEPARATORS = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D./]/g;
// A forwarding number cannot carry an extension; gluing its digits on would dial another number.
const EXTENSION = /(?:ext(?:ension)?\.?:?|x|#|;\s*ext\s*=|[,;])\s*\d+$/i;

/**
 * The Default Country Code option: the digits of a country calling code in use ("1", 1, "+49" and " 49 "
 * are fine). NANP area codes such as "1-268" (Antigua) are refused: all of North America shares code 1.
 */
export function parseDefaultCountryCode(value: unknown, parameter: string): string {
	const fix = 'Use a country calling code without "+", e.g. 1 (USA, Canada), 44 (UK) or 49 (Germany).';
	let text: string;
	if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
	else if (typeof value === 'string' && value.length <= MAX_INPUT_LENGTH) text = value.trim();
	else throw new InputError(parameter, `must be a country calling code, not ${describe(value)}`, fix);

	if (/^\+?1[\s-]*\d{3}$/.test(text)) {
		throw new InputError(
			parameter,
			`is a North American area code, not a country code: ${describe(value)}`,
			'Use 1 for all of North America (USA, Canada, most of the Caribbean); the area code belongs in the number.',
		);
	}
	const digits = text.replace(/^\+/, '');
	if (GLOBAL_SERVICE_CODES.has(digits)) {
		throw new InputError(parameter, `is a global service code, not a country's: ${describe(value)}`, fix);
	}
	if (!COUNTRY_CODES.has(digits)) {
		throw new InputError(parameter, `is not a country calling code in use: ${describe(value)}`, fix);
	}
	return digits;
}

/**
 * Normalises a phone number to E.164 ("+" and 8–15 digits) or refuses it. "+…" keeps its digits, only
 * the formatting goes (and a "(0)" after the country code, as in "+44 (0)20…", where 0 is the trunk
 * prefix). "00…" (and the other international prefixes in the table) become "+". A national number
 * loses its trunk prefix and gets the Default Country Code. A number value is read as its digits: it
 * cannot hold a "+" or a leading 0, so it is refused where a leading 0 belongs to the number (Italy…).
 */
export function toE164(value: unknown, parameter: string, defaultCountryCode: string): string {
	const home = parseDefaultCountryCode(defaultCountryCode, DEFAULT_COUNTRY_CODE);
	const plan = planFor(home);
	const fix =
		'Use an international number such as "+14255551234", or a national number of the ' +
		`"${DEFAULT_COUNTRY_CODE}" country (+${home}) as dialled there.`;
	const refuse = (problem: string, specificFix = fix) =>
		new InputError(parameter, `${problem}: ${describe(value)}`, specificFix);

	let text: string;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
		if (plan.keepsZero) {
			throw refuse(
				`is a number, which cannot show whether the phone number starts with 0 (as in +${home})`,
				'Pass the phone number as text, e.g. with String(…) in the expression.',
			);
		}
		text = String(value);
	} else if (typeof value === 'string') {
		if (value.length > MAX_INPUT_LENGTH) {
			throw new InputError(parameter, `is too long (${value.length} characters)`, fix);
		}
		text = value.trim();
	} else {
		throw new InputError(parameter, `must be a phone number as text, not ${describe(value)}`, fix);
	}

	if (text === '') throw new InputError(parameter, 'is empty', fix);
	if (EXTENSION.test(text)) {
		throw refuse(
			'has an extension, which a forwarding number cannot carry',
			'Remove the extension ("x123", "ext. 5"): Convirza forwards calls to the number itself.',
		);
	}
	if (/\p{L}/u.test(text)) {
		throw refuse(
			'contains letters',
			'Write the number in digits (a vanity number such as 1-800-FLOWERS as 1-800-356-9377).',
		);
	}
	const compact = text
		.replace(INVISIBLE, '')
		.replace(SEPARATORS, '')
		.replace(/^\((\+\d{1,3})\)/, '$1');
	if (/[^\d+()]/.test(compact)) throw refuse('contains characters that are not part of a phone number');
	if (compact.includes('+', 1)) throw refuse('has a "+" that is not at its start');

	const prefix = compact.startsWith('+')
		? '+'
		: plan.international.find((candidate) => compact.startsWith(candidate));
	if (prefix !== undefined) {
		const digits = withoutBracketedTrunk(compact.slice(prefix.length)).replace(/[()]/g, '');
		return plausible(`+${digits}`, refuse);
	}

	const national = compact.replace(/[()]/g, '');
	if (national.startsWith('00') && !plan.keepsZero) {
		throw refuse(
			`starts with 00, which does not mark an international number dialled from +${home}`,
			'Write the number with "+" and its country code, e.g. "+4930901820".',
		);
	}
	return plausible(`+${home}${nationalNumber(national, home, plan, refuse)}`, refuse);
}

type Refuse = (problem: string, fix?: string) => InputError;

/** "+44 (0)20…": the bracketed 0 is the trunk prefix, not dialled from abroad. Elsewhere it is a digit. */
function withoutBracketedTrunk(international: string): string {
	for (let length = 1; length <= 3; length++) {
		const code = international.slice(0, length);
		if (international.startsWith('(0)', length) && /^\d+$/.test(code) && COUNTRY_CODES.has(code)) {
			return planFor(code).trunk.includes('0') ? code + international.slice(length + 3) : international;
		}
	}
	return international;
}

function nationalNumber(digits: string, home: string, plan: DialingPlan, refuse: Refuse): string {
	if (plan.internationalOnly) {
		throw refuse(
			`is a national number of +${home}, which changes form when dialled from abroad`,
			'Write the number with "+" and the country code, e.g. "+54 9 11 2345 6789" for a mobile.',
		);
	}
	if (plan.digits !== undefined) {
		const length = plan.digits;
		if (digits.length === length) return digits;
		const trunk = plan.trunk.find((t) => digits.startsWith(t) && digits.length === t.length + length);
		if (trunk !== undefined) return digits.slice(trunk.length);
		const trunkNote = plan.trunk.length > 0 ? ` (after an optional ${plan.trunk.join(' or ')})` : '';
		throw refuse(`has ${digits.length} digits, but national numbers of +${home} have ${length}${trunkNote}`);
	}
	if (plan.trunk.length === 0) {
		if (digits.startsWith('0') && !plan.keepsZero) {
			throw refuse(`starts with 0, but numbers of +${home} have no trunk prefix 0`);
		}
		return digits;
	}
	const trunk = plan.trunk.find((t) => digits.startsWith(t));
	if (trunk === undefined) {
		// Without the trunk prefix it may be a number missing its "+" or a local number missing its area
		// code; the two read differently and both misroute calls if guessed wrong.
		const international = ['+', ...plan.international].join(' or ');
		throw refuse(
			`is neither international (${international}) nor a national number of +${home} ` +
				`starting with its trunk prefix ${plan.trunk.join(' or ')}`,
		);
	}
	return digits.slice(trunk.length);
}

/** "+" and 8–15 digits starting with a calling code in use; +1 in NANP shape; no trunk 0 after the code. */
function plausible(e164: string, refuse: Refuse): string {
	const digits = e164.slice(1);
	if (!/^\d+$/.test(digits)) throw refuse('has no digits after its international prefix');
	const code = [1, 2, 3].map((length) => digits.slice(0, length)).find(
		(candidate) => COUNTRY_CODES.has(candidate) || GLOBAL_SERVICE_CODES.has(candidate),
	);
	if (code === undefined) throw refuse('does not start with a country calling code in use');
	const rest = digits.slice(code.length);
	if (digits.length < 8) {
		throw refuse(`is too short: ${digits.length} digits with the country code, E.164 needs at least 8`);
	}
	if (digits.length > 15) {
		throw refuse(`is too long: ${digits.length} digits with the country code, E.164 allows 15`);
	}
	if (code === '1' && !NANP.test(rest)) {
		throw refuse('is not a North American number (+1, then 10 digits; area code and exchange start with 2–9)');
	}
	if (GLOBAL_SERVICE_CODES.has(code)) return e164;
	const plan = planFor(code);
	if (plan.digits !== undefined && rest.length !== plan.digits) {
		throw refuse(`has ${rest.length} digits after +${code}, which needs ${plan.digits}`);
	}
	if (rest.startsWith('0') && !plan.keepsZero) {
		throw refuse(
			`has a 0 after the country code +${code}, the trunk prefix dialled only within the country`,
			'Drop the 0 after the country code, e.g. "+44 20 7946 0018", not "+44 020 7946 0018".',
		);
	}
	return e164;
}
