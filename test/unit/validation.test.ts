import { refusal } from '../kit/refusal';
import {
	parseBoolean,
	parseEmail,
	parseNonNegativeInteger,
	parseStatus,
	parseText,
	parseTimezone,
	parseUserId,
} from '../../nodes/Convirza/helpers/validation';
import { parseRole } from '../../nodes/Convirza/actions/user/roles';

describe('parseUserId', () => {
	it.each([
		[42, 42],
		['42', 42],
		[' 42 ', 42], // CRM exports pad values: trimmed on purpose
		['10001', 10001],
	])('accepts %j as %d', (input, expected) => {
		expect(parseUserId(input)).toBe(expected);
	});

	it.each([
		'',
		'abc',
		'12a',
		'-1',
		'0',
		'1e3',
		'042',
		'../groups/1',
		'1?x=1',
		'1#x',
		'1/2',
		'9'.repeat(10_000),
		'9007199254740993',
	])('refuses %j', (input) => {
		const error = refusal(() => parseUserId(input));
		expect(error.parameter).toBe('User');
		expect(error.fix).toMatch(/numeric Convirza user ID/);
	});

	it.each([0, -1, 42.5, NaN, Infinity, null, undefined, true, {}, []])('refuses %p', (input) => {
		expect(refusal(() => parseUserId(input)).parameter).toBe('User');
	});

	it('does not echo a huge value back into the message', () => {
		const error = refusal(() => parseUserId('9'.repeat(10_000)));
		expect(error.message.length).toBeLessThan(200);
	});
});

describe('parseEmail', () => {
	it('trims and keeps the address as written', () => {
		expect(parseEmail('  Jane.Doe@Example.com ', 'Email')).toBe('Jane.Doe@Example.com');
	});
	it.each([
		'jane.example.com',
		'jane doe@example.com',
		'jäne@example.com',
		'jane@localhost',
		`${'a'.repeat(65)}@example.com`,
		`${'a'.repeat(60)}@${'b'.repeat(240)}.com`,
		'',
		'@example.com',
		'jane@@example.com',
	])('refuses %j', (input) => {
		expect(refusal(() => parseEmail(input, 'Email')).parameter).toBe('Email');
	});
});

describe('parseTimezone', () => {
	it('accepts IANA names in any letter case and returns the canonical spelling', () => {
		expect(parseTimezone('america/los_angeles', 'Timezone')).toBe('America/Los_Angeles');
		expect(parseTimezone('UTC', 'Timezone')).toBe('UTC');
	});
	it.each(['PST', 'Mars/Base', '', 'America/Los Angeles'])('refuses %j', (input) => {
		expect(refusal(() => parseTimezone(input, 'Timezone')).fix).toMatch(/IANA/);
	});
});

describe('parseNonNegativeInteger', () => {
	it.each([
		[0, 0],
		[10, 10],
		['10', 10],
		[' 7 ', 7],
	])('accepts %j', (input, expected) => {
		expect(parseNonNegativeInteger(input, 'Agent Code', '10')).toBe(expected);
	});
	it.each([-1, 1.5, 'ten', '1.5', '-1', '', 2 ** 31, '99999999999'])('refuses %j', (input) => {
		expect(refusal(() => parseNonNegativeInteger(input, 'Agent Code', '10')).parameter).toBe('Agent Code');
	});
});

describe('parseBoolean', () => {
	it.each([
		[true, true],
		[false, false],
		['true', true],
		[' FALSE ', false],
	])('accepts %j', (input, expected) => {
		expect(parseBoolean(input, 'Score Calls')).toBe(expected);
	});
	it.each(['yes', 1, 0, '', null, 'truthy'])('refuses %j', (input) => {
		expect(refusal(() => parseBoolean(input, 'Score Calls')).fix).toBe('Use true or false.');
	});
});

describe('roles, statuses and text', () => {
	it('maps role spellings to the documented values', () => {
		expect(parseRole('admin', 'Role')).toBe('Admin');
		expect(parseRole('Read Only', 'Role')).toBe('ReadOnly');
		expect(parseRole('read-only', 'Role')).toBe('ReadOnly');
		expect(parseRole('Standard', 'Role')).toBe('Standard');
		expect(refusal(() => parseRole('Supervisor', 'Role')).fix).toMatch(/Admin, Standard, ReadOnly/);
	});
	it('accepts only active and inactive as status', () => {
		expect(parseStatus('Active', 'Status')).toBe('active');
		expect(refusal(() => parseStatus('deleted', 'Status')).parameter).toBe('Status');
	});
	it('turns numbers into text and refuses oversize or non-text values', () => {
		expect(parseText(12345, 'External ID')).toBe('12345');
		expect(refusal(() => parseText('x'.repeat(1_000_000), 'First Name')).message).toMatch(/too long/);
		expect(refusal(() => parseText({ __proto__: { a: 1 } }, 'First Name')).message).toMatch(/must be text/);
		expect(refusal(() => parseText('x'.repeat(256), 'Last Name')).message).toMatch(/too long/);
	});
});
