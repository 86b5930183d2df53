import { refusal } from '../kit/refusal';
import { parseDefaultCountryCode, toE164 } from '../../nodes/Convirza/helpers/phone';

type Expected = { e164: string } | { refused: string };
const ok = (e164: string): Expected => ({ e164 });
const no = (fragment: string): Expected => ({ refused: fragment });

/** Input × Default Country Code → the exact E.164 number, or a fragment of the refusal. */
const TABLE: Array<[unknown, string, Expected]> = [
	// The examples, exactly.
	['030 9018 2000', '49', ok('+493090182000')],
	['(425) 555-0199', '1', ok('+14255550199')],
	['1-425-555-0199', '1', ok('+14255550199')],
	['+4930901820', '49', ok('+4930901820')],
	['+4930901820', '1', ok('+4930901820')],
	// NANP: trunk 1 optional, 10 digits in NANP shape.
	['4255550199', '1', ok('+14255550199')],
	['14255550199', '1', ok('+14255550199')],
	['+1 (425) 555-1234', '49', ok('+14255551234')],
	['(125) 555-0199', '1', no('is not a North American number')],
	['(425) 155-0199', '1', no('is not a North American number')],
	['911 555 0199', '1', no('is not a North American number')],
	['+1 1 425 555 0199', '1', no('is not a North American number')],
	['555-0199', '1', no('has 7 digits, but national numbers of +1 have 10 (after an optional 1)')],
	// International prefixes: 00 everywhere it means "international", 011 from NANP, others per country.
	['0049 30 9018 2000', '1', ok('+493090182000')],
	['011 49 30 9018 2000', '1', ok('+493090182000')],
	['0044 20 7946 0018', '49', ok('+442079460018')],
	['8 10 49 30 9018 2000', '7', ok('+493090182000')],
	['0011 49 30 9018 2000', '61', ok('+493090182000')],
	['010 49 30 9018 2000', '81', ok('+493090182000')],
	['002 49 30 9018 2000', '82', no('starts with 00, which does not mark an international number dialled from +82')],
	['00 49 30 9018 2000', '61', no('starts with 00, which does not mark an international number dialled from +61')],
	// Trunk prefix 0 (the default rule), and its refusal when missing.
	['020 7946 0018', '44', ok('+442079460018')],
	['01 23 45 67 89', '33', ok('+33123456789')],
	['0412 345 678', '61', ok('+61412345678')],
	['090-1234-5678', '81', ok('+819012345678')],
	['3090182000', '49', no('nor a national number of +49 starting with its trunk prefix 0')],
	['493090182000', '49', no('is neither international (+ or 00)')],
	// Countries that keep their leading 0, and those without a trunk prefix.
	['06 6988 3145', '39', ok('+390669883145')],
	['333 123 4567', '39', ok('+393331234567')],
	['+39 06 6988 3145', '1', ok('+390669883145')],
	['0549 912345', '378', ok('+3780549912345')],
	['07 12 34 56 78', '225', ok('+2250712345678')],
	['612 345 678', '34', ok('+34612345678')],
	['0612 345 678', '34', no('starts with 0, but numbers of +34 have no trunk prefix 0')],
	// Other trunk prefixes.
	['8 (495) 123-45-67', '7', ok('+74951234567')],
	['495 123-45-67', '7', ok('+74951234567')],
	['7 495 123 45 67', '7', no('has 11 digits, but national numbers of +7 have 10 (after an optional 8)')],
	['06 1 234 5678', '36', ok('+3612345678')],
	['8 029 123-45-67', '375', ok('+375291234567')],
	['8 612 34567', '370', ok('+37061234567')],
	['0 612 34567', '370', ok('+37061234567')],
	['8 12 34 56 78', '993', ok('+99312345678')],
	['55 1234 5678', '52', ok('+525512345678')],
	['01 55 1234 5678', '52', no('has 12 digits, but national numbers of +52 have 10')],
	['+52 1 55 1234 5678', '1', no('has 11 digits after +52, which needs 10')],
	['011 15 2345 6789', '54', no('is a national number of +54, which changes form when dialled from abroad')],
	['+54 9 11 2345 6789', '54', ok('+5491123456789')],
	// Already E.164: formatting goes, the digits stay; "(0)" is the trunk prefix only where 0 is one.
	['+44 (0)20 7946 0018', '1', ok('+442079460018')],
	['+39 (0)6 6988 3145', '1', ok('+390669883145')],
	['(+49) 30 9018 2000', '1', ok('+493090182000')],
	['+44 020 7946 0018', '1', no('has a 0 after the country code +44')],
	['+870 773 123 456', '1', ok('+870773123456')],
	['+0 425 555 0199', '1', no('does not start with a country calling code in use')],
	['+999 1234 5678', '1', no('does not start with a country calling code in use')],
	// Length.
	['+49 301', '1', no('is too short: 5 digits with the country code, E.164 needs at least 8')],
	['030 12', '49', no('is too short: 6 digits')],
	['+49 3090 1820 0012 3456', '1', no('is too long: 18 digits with the country code, E.164 allows 15')],
	['', '1', no('is empty')],
	['   ', '1', no('is empty')],
	['+', '1', no('has no digits after its international prefix')],
	// Formatting of every kind is removed; nothing else is.
	['  +1 425 555 0199  ', '1', ok('+14255550199')],
	['030\u00a09018\u20092000', '49', ok('+493090182000')],
	['425\u2013555\u20140199', '1', ok('+14255550199')],
	['425.555.0199', '1', ok('+14255550199')],
	['030/9018 2000', '49', ok('+493090182000')],
	['\u202a+1 425 555 0199\u202c', '1', ok('+14255550199')],
	['1-800-FLOWERS', '1', no('contains letters')],
	['425-555-0199 x123', '1', no('has an extension')],
	['+1 425 555 0199 ext. 5', '1', no('has an extension')],
	['tel:+14255550199;ext=5', '1', no('has an extension')],
	['425-555-0199 #12', '1', no('has an extension')],
	['425+555+0199', '1', no('has a "+" that is not at its start')],
	['+1 425 555 0199, +1 206 555 0100', '1', no('contains characters that are not part of a phone number')],
	['４２５５５５０１９９', '1', no('contains characters that are not part of a phone number')],
	// Values that are not text.
	[4255550199, '1', ok('+14255550199')],
	[14255550199, '1', ok('+14255550199')],
	[3090182000, '49', no('nor a national number of +49 starting with its trunk prefix 0')],
	[612345678, '39', no('is a number, which cannot show whether the phone number starts with 0')],
	[-4255550199, '1', no('must be a phone number as text, not -4255550199')],
	[4255550199.5, '1', no('must be a phone number as text')],
	// Found by mutation testing: the bounds and branches each of these rows holds in place.
	[0, '1', no('must be a phone number as text, not 0')],
	['+14255550199'.padEnd(100), '1', ok('+14255550199')],
	['+358 (0)9 123 4567', '49', ok('+35891234567')],
	['+677 12345', '1', ok('+67712345')],
	['+49 1234 5678 90123', '1', ok('+491234567890123')],
	['+800 0123 4567', '1', ok('+80001234567')],
	['24255550199', '1', no('has 11 digits, but national numbers of +1 have 10 (after an optional 1)')],
	['55 1234 567', '52', no('has 9 digits, but national numbers of +52 have 10: "')],
	['612 34567', '370', no('starting with its trunk prefix 0 or 8: "')],
	[null, '1', no('must be a phone number as text, not null')],
	[undefined, '1', no('must be a phone number as text, not undefined')],
	[true, '1', no('must be a phone number as text, not true')],
	[['+14255550199'], '1', no('must be a phone number as text, not a list')],
];

describe('toE164', () => {
	const accepted = TABLE.filter((row): row is [unknown, string, { e164: string }] => 'e164' in row[2]);
	const refused = TABLE.filter((row): row is [unknown, string, { refused: string }] => 'refused' in row[2]);

	it('has a table of well over 25 inputs, both accepted and refused', () => {
		expect(accepted.length).toBeGreaterThanOrEqual(25);
		expect(refused.length).toBeGreaterThanOrEqual(25);
	});

	it.each(accepted)('%j with Default Country Code %s is %j', (input, code, expected) => {
		expect(toE164(input, 'Agent Ring-To', code)).toBe(expected.e164);
	});

	it.each(refused)('%j with Default Country Code %s is refused: %j', (input, code, expected) => {
		const error = refusal(() => toE164(input, 'Agent Ring-To', code));
		expect(error.parameter).toBe('Agent Ring-To');
		expect(error.message).toContain('The "Agent Ring-To" parameter ');
		expect(error.message).toContain(expected.refused);
		expect(error.fix.length).toBeGreaterThan(20);
	});

	it.each(refused.filter(([input]) => typeof input === 'string' && input.trim() !== ''))(
		'shows the refused value %j as written',
		(input, code) => {
			expect(refusal(() => toE164(input, 'Agent Ring-To', code)).message).toContain(`"${String(input)}"`);
		},
	);

	it('tells how to write a refused number', () => {
		const error = refusal(() => toE164('3090182000', 'Agent Ring-To', '49'));
		expect(error.fix).toBe(
			'Use an international number such as "+14255551234", or a national number of the ' +
				'"Default Country Code" country (+49) as dialled there.',
		);
		expect(refusal(() => toE164('+44 020 7946 0018', 'Agent Ring-To', '1')).fix).toMatch(/Drop the 0/);
		expect(refusal(() => toE164('425 555 0199 x1', 'Agent Ring-To', '1')).fix).toMatch(/Remove the extension/);
	});

	it('gives back every result unchanged, whatever the Default Country Code', () => {
		for (const [, , expected] of accepted) {
			expect(expected.e164).toMatch(/^\+[1-9]\d{7,14}$/);
			for (const code of ['1', '39', '44', '49', '82']) {
				expect(toE164(expected.e164, 'Agent Ring-To', code)).toBe(expected.e164);
			}
		}
	});

	it('does not echo a huge value back into the message', () => {
		const error = refusal(() => toE164('9'.repeat(10_000), 'Agent Ring-To', '1'));
		expect(error.message).toBe('The "Agent Ring-To" parameter is too long (10000 characters)');
		const long = refusal(() => toE164(`+1 425 555 0199 ${'?'.repeat(50)}`, 'Agent Ring-To', '1'));
		expect(long.message).toContain('a text of 66 characters');
	});

	it('refuses an invalid Default Country Code by its own name', () => {
		const error = refusal(() => toE164('425 555 0199', 'Agent Ring-To', '999'));
		expect(error.parameter).toBe('Default Country Code');
	});
});

describe('parseDefaultCountryCode', () => {
	it.each([
		['1', '1'],
		[1, '1'],
		['+49', '49'],
		[' 49 ', '49'],
		['\u00a044\u00a0', '44'],
		[7, '7'],
		['39', '39'],
		['378', '378'],
		['+225', '225'],
		['998', '998'],
		[`${' '.repeat(98)}49`, '49'],
	])('accepts %j as %s', (input, expected) => {
		expect(parseDefaultCountryCode(input, 'Default Country Code')).toBe(expected);
	});

	it.each([
		['0', 'is not a country calling code in use: "0"'],
		['999', 'is not a country calling code in use: "999"'],
		['379', 'is not a country calling code in use'], // assigned to Vatican City, never used: it dials +39
		['abc', 'is not a country calling code in use: "abc"'],
		['', 'is not a country calling code in use: ""'],
		['001', 'is not a country calling code in use'],
		['+ 49', 'is not a country calling code in use'],
		['4 9', 'is not a country calling code in use'],
		['1-268', 'is a North American area code, not a country code: "1-268"'],
		['+1 268', 'is a North American area code'],
		['1268', 'is a North American area code'],
		['800', 'is a global service code, not a country\'s: "800"'],
		['882', 'is a global service code'],
		[0, 'is not a country calling code in use: 0'],
		[1.5, 'must be a country calling code, not 1.5'],
		[null, 'must be a country calling code, not null'],
		[undefined, 'must be a country calling code, not undefined'],
		[{}, 'must be a country calling code, not an object'],
		[true, 'must be a country calling code, not true'],
		['91268', 'is not a country calling code in use'],
		['12685', 'is not a country calling code in use'],
		['4+9', 'is not a country calling code in use'],
	])('refuses %j', (input, fragment) => {
		const error = refusal(() => parseDefaultCountryCode(input, 'Default Country Code'));
		expect(error.parameter).toBe('Default Country Code');
		expect(error.message).toContain(fragment);
		expect(error.fix).toMatch(/^Use /);
	});
});
