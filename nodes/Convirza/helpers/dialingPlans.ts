/**
 * Country calling codes and how each country writes its numbers, for helpers/phone.ts.
 *
 * Sources: ITU-T E.164 country code assignments and the national dialling plans as recorded in
 * Google's libphonenumber metadata (2025).
 */

function codes(list: string): ReadonlySet<string> {
	return new Set(list.trim().split(/\s+/));
}

/**
 * Country calling codes in use. 379 (assigned to Vatican City, never brought into use: Vatican numbers
 * are Italian, +39 06 698…) and withdrawn or spare codes are left out on purpose. No code is a prefix of
 * another, so a number's code is found by trying its first 1, 2 and 3 digits.
 */
export const COUNTRY_CODES = codes(`
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
export const GLOBAL_SERVICE_CODES = codes('800 808 870 878 881 882 883 888 979');

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

export interface DialingPlan {
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

export function planFor(code: string): DialingPlan {
	const special = SPECIAL_PLANS[code];
	if (special) return special;
	if (KEEPS_ZERO.has(code)) return KEEPS_ZERO_PLAN;
	const plan = NO_TRUNK.has(code) ? NO_TRUNK_PLAN : TRUNK_ZERO;
	return NO_PLAIN_00.has(code) ? { ...plan, international: [] } : plan;
}

/** Area code and exchange start with 2–9; N11 codes (211…911) are service codes, never area codes. */
export const NANP = /^(?!\d11)[2-9]\d{2}[2-9]\d{6}$/;
