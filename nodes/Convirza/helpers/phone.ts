import { InputError } from './InputError';
import { describe } from './validation';

/**
 * Phone numbers for Convirza's Agent Ring-To field, the E.164 number calls are forwarded to.
 *
 * Stripping formatting alone is not enough: "030 9018 2000" (Berlin, as dialled in Germany) would be
 * stored as "03090182000" and misroute calls. So a number is either international (written with "+"
 * or an international prefix) or national to the "Default Country Code" country, whose dialling plan
 * decides how it becomes E.164. Whatever cannot be read without guessing is refused, naming the value.
 *
 * Sources for the tables below: ITU-T E.164 country code assignments and the national dialling plans
 * as recorded in Google's libphonenumber metadata (2025).
 */

const DEFAULT_COUNTRY_CODE = 'Default Country Code';

/** Far above any phone number; longer text is refused before any pattern runs on it. */
const MAX_INPUT_LENGTH = 100;

function codes(list: string): ReadonlySet<string> {
	return new Set(list.trim().split(/\s+/));
}

/**
 * Country calling codes in use. 379 (assigned to Vatican City, never brought into use: Vatican numbers
 * are Italian, +39 06 698…) and withdrawn or spare codes are left out on purpose. No code is a prefix of
 * another, so a number's code is found by trying its first 1, 2 and 3 digits.
 */
const COUNTRY_CODES = codes(`
	1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65
	66 81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223 224 225 226 227 228 229 230
	231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 252 253 254 255
	256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299 350 351 352 353 354 355 356
	357 358 359 370 371 372 373 374 375 376 377 378 380 381 382 383 385 386 387 389 420 421 423 500 501
	502 503 504 505 506 507 508 509 590 591 592 593 594 595 596 597 598 599 670 672 673 674 675 676 677
	678 679 680 681 682 683 685 686 687 688 689 690 691 692 850 852 853 855 856 880 886 960 961 962 963
	964 965 966 967 968 970 971 972 973 974 975 976 977 992 993 994 995 996 998`);

/**
 * Global services (freephone, satellite, international networks). Valid after "+", but no country:
 * there is no national number to expand, so they cannot be a Default Country Code.
 */
const GLOBAL_SERVICE_CODES = codes('800 808 870 878 881 882 883 888 979');

/*
 * How a national number becomes E.164, by Default Country Code:
 *
 * | rule                  | countries (calling code)                        | national number written as        |
 * |-----------------------|-------------------------------------------------|-----------------------------------|
 * | trunk 0 (the default) | every code not listed below, e.g. 44 UK,        | with its 0, which is dropped:     |
 * |                       | 49 Germany, 33 France, 61 Australia, 81 Japan   | 030 9018 2000 → +49 30 9018 2000  |
 * | NANP                  | 1 USA, Canada, most of the Caribbean;           | 10 digits (692: 7), optionally    |
 * |                       | 692 Marshall Islands alike                      | after the trunk prefix 1          |
 * | trunk 8, 10 digits    | 7 Russia, Kazakhstan                            | 10 digits, optionally after 8     |
 * | trunk 8               | 993 Turkmenistan; 375 Belarus (80, 8 or 0)      | with its trunk prefix             |
 * | trunk 06              | 36 Hungary                                      | 06 1 234 5678 → +36 1 234 5678    |
 * | trunk 0 or 8          | 370 Lithuania (0 since 2024; the old 8 is read) | with its trunk prefix             |
 * | none, keeps its 0     | 39 Italy and Vatican City, 378 San Marino,      | as it is, a leading 0 included:   |
 * |                       | 225 Côte d'Ivoire, 226 Burkina Faso, 229 Benin, | 06 6988 3145 → +39 06 6988 3145   |
 * |                       | 241 Gabon, 242 Congo, 992 Tajikistan            |                                   |
 * | none                  | NO_TRUNK below, e.g. 34 Spain, 351 Portugal,    | as it is; no such number starts   |
 * |                       | 48 Poland, 45 Denmark, 852 Hong Kong            | with 0, so a leading 0 is refused |
 * | none, 10 digits       | 52 Mexico (trunk prefixes abolished in 2019,    | exactly 10 digits, so the old     |
 * |                       | national numbers are 10 digits)                 | 01, 044, 045 prefixes are refused |
 * | international only    | 54 Argentina: a mobile changes form abroad      | refused: write it with +          |
 * |                       | (0 11 15 2345-6789 is +54 9 11 2345 6789)       |                                   |
 *
 * International prefixes: "+" always; "00" unless listed otherwise; also 011 (NANP), 810 (7, 375, 993;
 * for 992 it is the only one), 0011 (61), 010 (81). Where international calls are dialled as 00 and a
 * carrier digit (NO_PLAIN_00), "00…" is refused: "002 49…" from Korea would otherwise read as Sudan.
 *
 * Not covered, so refused or taken literally rather than guessed: national numbers written without a
 * mandatory trunk prefix (Brazilian, Chinese and Indian mobiles often are: write them with +), other
 * international and carrier-selection prefixes (e.g. Israel's 012–019), local numbers without their area
 * code. The check is structural (country code, length, NANP shape), not a full numbering plan; numbers
 * of fewer than 8 digits with the country code (some in Niue, Tokelau, Tristan da Cunha) are refused.
 */

interface DialingPlan {
	/** Prefixes dialled before a national number within the country, longest first. */
	readonly trunk: readonly string[];
	/** Prefixes that mark an international number when written in the country. */
	readonly international: readonly string[];
	/** A leading 0 belongs to the number (no trunk prefix 0): kept, also after "+". */
	readonly keepsZero?: boolean;
	/** Exact national length; a fixed length makes the trunk prefix optional without ambiguity. */
	readonly digits?: number;
	/** National numbers cannot be converted without guessing; only international ones are accepted. */
	readonly internationalOnly?: boolean;
}

const TRUNK_ZERO: DialingPlan = { trunk: ['0'], international: ['00'] };
const NO_TRUNK_PLAN: DialingPlan = { trunk: [], international: ['00'] };
const KEEPS_ZERO_PLAN: DialingPlan = { trunk: [], international: ['00'], keepsZero: true };

const NO_TRUNK = codes(`
	30 34 45 47 48 56 65 216 220 221 222 223 224 227 228 230 235 236 237 238 239 240 244 245 246 247 248
	253 257 258 266 267 268 269 290 297 298 299 350 351 352 354 356 357 371 372 376 420 500 501 502 503
	504 505 506 507 509 592 597 599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 687 688 689
	690 691 852 853 960 965 968 973 974 975 998`);
const KEEPS_ZERO = codes('39 225 226 229 241 242 378');
const NO_PLAIN_00 = codes('55 57 62 65 66 82 234 254 255 256 592 680 855 886 976');

const SPECIAL_PLANS: Readonly<Record<string, DialingPlan>> = {
	'1': { trunk: ['1'], international: ['011', '00'], digits: 10 },
	'7': { trunk: ['8'], international: ['810', '00'], digits: 10 },
	'36': { trunk: ['06'], international: ['00'] },
	'52': { trunk: [], international: ['00'], digits: 10 },
	'54': { trunk: ['0'], international: ['00'], internationalOnly: true },
	'61': { trunk: ['0'], international: ['0011'] },
	'81': { trunk: ['0'], international: ['010'] },
	'370': { trunk: ['0', '8'], international: ['00'] },
	'375': { trunk: ['80', '8', '0'], international: ['810', '00'] },
	'692': { trunk: ['1'], international: ['011'], digits: 7 },
	'992': { trunk: [], international: ['810'], keepsZero: true },
	'993': { trunk: ['8'], international: ['810', '00'] },
};

function planFor(code: string): DialingPlan {
	const special = SPECIAL_PLANS[code];
	if (special) return special;
	if (KEEPS_ZERO.has(code)) return KEEPS_ZERO_PLAN;
	const plan = NO_TRUNK.has(code) ? NO_TRUNK_PLAN : TRUNK_ZERO;
	return NO_PLAIN_00.has(code) ? { ...plan, international: [] } : plan;
}

/** Area code and exchange start with 2–9; N11 codes (211…911) are service codes, never area codes. */
const NANP = /^(?!\d11)[2-9]\d{2}[2-9]\d{6}$/;

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
