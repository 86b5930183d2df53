/**
 * Hostile and sloppy inputs for User → Update, one row each. Every value reaches the node the way
 * real data does — through an expression reading the incoming item (`{{ $json.v }}`) — unless the
 * row replaces a whole parameter. Each row is either normalised deliberately (`sends`: the exact
 * PUT body, Fill Unset Fields off) or refused before any request (`refuses`: the parameter's
 * display name, what the message must say about the value, and what the description must say
 * about how to fix it).
 */
import type { INodeParameters } from 'n8n-workflow';

export interface BadInput {
	name: string;
	/** "userId", or the Update Fields parameter that gets `{{ $json.v }}`. */
	param: string;
	value: unknown;
	/** Replaces the Update Fields / Options the row is run with (before the row's own field is added). */
	updateFields?: INodeParameters;
	options?: INodeParameters;
	/** Normalised: the PUT path's user ID (default: the target user) and its exact body. */
	sends?: { userId?: number; body: Record<string, unknown> };
	/**
	 * Refused: the parameter named in the message, the rest of the message (before "(item N)"),
	 * and, where a row pins it, what the description says about the fix.
	 */
	refuses?: { parameter: string; problem: RegExp; fix?: RegExp };
}

const KEEP = { last_name: 'Keep' };
const MB = 'x'.repeat(1 << 20);
const notUserId = (shown: string) => ({
	parameter: 'User',
	problem: new RegExp(`^must be a positive whole number, not ${shown}$`),
	fix: /numeric Convirza user ID/,
});
const invalid = (parameter: string, problem: RegExp, fix?: RegExp) => ({ parameter, problem, fix });

export const BAD_INPUTS: BadInput[] = [
	// --- user IDs: only plain positive integers may ever reach the request path ---
	{ name: 'empty ID', param: 'userId', value: '', refuses: notUserId('""') },
	{ name: 'letters', param: 'userId', value: 'abc', refuses: notUserId('"abc"') },
	{ name: 'digits then letters', param: 'userId', value: '12a', refuses: notUserId('"12a"') },
	{ name: 'negative', param: 'userId', value: '-1', refuses: notUserId('"-1"') },
	{ name: 'zero', param: 'userId', value: '0', refuses: notUserId('"0"') },
	{ name: 'exponent notation', param: 'userId', value: '1e3', refuses: notUserId('"1e3"') },
	{ name: 'fraction (number)', param: 'userId', value: 42.5, refuses: notUserId('42\\.5') },
	{ name: 'huge number beyond 2^53', param: 'userId', value: 1e21, refuses: notUserId('1e\\+21') },
	{ name: 'path traversal', param: 'userId', value: '../groups/1', refuses: notUserId('"\\.\\./groups/1"') },
	{ name: 'query smuggling', param: 'userId', value: '1?x=1', refuses: notUserId('"1\\?x=1"') },
	{ name: 'fragment smuggling', param: 'userId', value: '1#x', refuses: notUserId('"1#x"') },
	{ name: 'non-ASCII digits', param: 'userId', value: '٤٢', refuses: notUserId('"٤٢"') },
	{ name: 'leading zeros', param: 'userId', value: '0010004', refuses: notUserId('"0010004"') },
	{ name: 'a 10,000-digit number', param: 'userId', value: '9'.repeat(10_000), refuses: invalid('User', /^is too long \(10000 characters\)$/) },
	{ name: 'null ID', param: 'userId', value: null, refuses: invalid('User', /^must be text, not null$/) },
	{ name: 'an object with prototype keys as ID', param: 'userId', value: JSON.parse('{"constructor":{"name":"x"},"__proto__":{"value":"10004"}}'), refuses: invalid('User', /^must be text, not an object$/) },
	{ name: 'ID with spaces around it', param: 'userId', value: ' 10004 ', sends: { userId: 10004, body: KEEP } },
	{ name: 'ID with a tab and a line break around it', param: 'userId', value: '\t10004\n', sends: { userId: 10004, body: KEEP } },

	// --- email ---
	{ name: 'email without @', param: 'email', value: 'jane.example.com', refuses: invalid('Email', /^is not a valid email address: "jane\.example\.com"$/, /complete address/) },
	{ name: 'email with a space', param: 'email', value: 'jane doe@example.com', refuses: invalid('Email', /^is not a valid email address: "jane doe@example\.com"$/) },
	{ name: 'email with a unicode local part', param: 'email', value: 'jöhn@example.com', refuses: invalid('Email', /^is not a valid email address: "jöhn@example\.com"$/) },
	{ name: 'email of 300 characters', param: 'email', value: `${'a'.repeat(288)}@example.com`, refuses: invalid('Email', /^is not a valid email address: a text of 300 characters$/) },
	{ name: 'email with spaces around it', param: 'email', value: '  Jane.Doe@Example.com ', sends: { body: { username: 'Jane.Doe@Example.com', ...KEEP } } },

	// --- timezone ---
	{ name: 'timezone abbreviation', param: 'timezone', value: 'PST', refuses: invalid('Timezone', /^is not an IANA time zone: "PST"$/, /America\/Los_Angeles/) },
	{ name: 'made-up timezone', param: 'timezone', value: 'Mars/Base', refuses: invalid('Timezone', /^is not an IANA time zone: "Mars\/Base"$/) },
	{ name: 'timezone in lower case', param: 'timezone', value: 'america/los_angeles', sends: { body: { timezone: 'America/Los_Angeles', ...KEEP } } },

	// --- phone (Agent Ring-To) ---
	{ name: 'phone of letters', param: 'agentRingTo', value: 'abc', refuses: invalid('Agent Ring-To', /^contains letters: "abc"$/, /Write the number in digits/) },
	{ name: 'phone too short', param: 'agentRingTo', value: '12345', refuses: invalid('Agent Ring-To', /^has 5 digits, but national numbers of \+1 have 10 .*: "12345"$/, /Default Country Code/) },
	{ name: 'phone too long', param: 'agentRingTo', value: '+1234567890123456', refuses: invalid('Agent Ring-To', /^is too long: 16 digits .*: "\+1234567890123456"$/) },
	{ name: 'phone with an extension', param: 'agentRingTo', value: '+1 425 555 1234 ext 5', refuses: invalid('Agent Ring-To', /^has an extension, which a forwarding number cannot carry: /) },
	{ name: 'phone formatted for people', param: 'agentRingTo', value: '+1 (425) 555-1234', sends: { body: { agent_ring_to: '+14255551234', ...KEEP } } },
	{ name: 'phone with dots, national to the default country', param: 'agentRingTo', value: '425.555.1234', sends: { body: { agent_ring_to: '+14255551234', ...KEEP } } },
	{ name: 'national phone of another country', param: 'agentRingTo', value: '030 9018 2000', options: { defaultCountryCode: '49' }, sends: { body: { agent_ring_to: '+493090182000', ...KEEP } } },
	{ name: 'national phone of another country, default country 1', param: 'agentRingTo', value: '030 9018 2000', refuses: invalid('Agent Ring-To', /^has 11 digits, but national numbers of \+1 have 10 .*: "030 9018 2000"$/, /Default Country Code/) },
	{ name: 'phone without its trunk 0 in a trunk-0 country', param: 'agentRingTo', value: '3090182000', options: { defaultCountryCode: '49' }, refuses: invalid('Agent Ring-To', /^.*: "3090182000"$/) },

	// --- agent code ---
	{ name: 'negative agent code', param: 'agentCode', value: -1, refuses: invalid('Agent Code', /^must be a whole number of 0 or more, not -1$/, /e\.g\. 10/) },
	{ name: 'fractional agent code', param: 'agentCode', value: 1.5, refuses: invalid('Agent Code', /^must be a whole number of 0 or more, not 1\.5$/) },
	{ name: 'agent code in words', param: 'agentCode', value: 'ten', refuses: invalid('Agent Code', /^must be a whole number of 0 or more, not "ten"$/) },
	{ name: 'agent code beyond 32 bits', param: 'agentCode', value: 2_147_483_648, refuses: invalid('Agent Code', /^must be a whole number of 0 or more, not 2147483648$/) },
	{ name: 'agent code as text', param: 'agentCode', value: '12', sends: { body: { agent_code: 12, ...KEEP } } },

	// --- group ---
	{ name: 'fraction as group', param: 'group', value: '1.5', refuses: invalid('Group', /^must be a whole number of 0 or more, not "1\.5"$/, /e\.g\. 70035/) },

	// --- aliases ---
	{
		name: 'Clear Aliases together with Aliases',
		param: 'clearAliases',
		value: true,
		updateFields: { lastName: 'Keep', aliases: 'A' },
		refuses: invalid('Clear Aliases', /^cannot be used together with Aliases$/, /Remove one/),
	},

	// --- booleans, role, status ---
	{ name: 'boolean "yes"', param: 'scoreCalls', value: 'yes', refuses: invalid('Score Calls', /^must be true or false, not "yes"$/, /true or false/) },
	{ name: 'boolean 1', param: 'accessAudio', value: 1, refuses: invalid('Access Audio', /^must be true or false, not 1$/, /true or false/) },
	{ name: 'boolean " TRUE "', param: 'scoreCalls', value: ' TRUE ', sends: { body: { score_call: true, ...KEEP } } },
	{ name: 'role spelled "read only"', param: 'role', value: 'read only', sends: { body: { role: 'ReadOnly', ...KEEP } } },
	{ name: 'unknown role', param: 'role', value: 'Owner', refuses: invalid('Role', /^must be a Convirza role, not "Owner"$/, /Admin, Standard, ReadOnly/) },
	{ name: 'status "deleted"', param: 'status', value: 'deleted', refuses: invalid('Status', /^must be active or inactive, not "deleted"$/, /"active" or "inactive"/) },

	// --- empty values from expressions ---
	{ name: 'null, Ignore Empty Values on', param: 'firstName', value: null, sends: { body: KEEP } },
	{ name: 'null, Ignore Empty Values off', param: 'firstName', value: null, options: { ignoreEmptyValues: false }, refuses: invalid('First Name', /^has no value$/) },
	{ name: 'undefined, Ignore Empty Values on', param: 'firstName', value: undefined, sends: { body: KEEP } },
	{ name: 'undefined, Ignore Empty Values off', param: 'firstName', value: undefined, options: { ignoreEmptyValues: false }, refuses: invalid('First Name', /^has no value$/) },
	{ name: 'only spaces, Ignore Empty Values on', param: 'firstName', value: '   ', sends: { body: KEEP } },
	{ name: 'the only field empty', param: 'firstName', value: '', updateFields: {}, refuses: invalid('Update Fields', /^has no value to send for this item$/, /at least one field/) },

	// --- size and shape ---
	{ name: 'a 1 MB name', param: 'firstName', value: MB, refuses: invalid('First Name', /^is too long \(1048576 characters\)$/) },
	{ name: 'a 1 MB alias', param: 'aliases', value: MB, refuses: invalid('Aliases', /^is too long \(1048576 characters\)$/) },
	{ name: 'a list as name', param: 'firstName', value: ['Jane'], refuses: invalid('First Name', /^must be text, not a list$/) },

	// --- keys like __proto__ / constructor in object-valued inputs ---
	{ name: 'an item object with __proto__ as alias', param: 'aliases', value: JSON.parse('{"__proto__":{"polluted":"yes"}}'), refuses: invalid('Aliases', /^must be text, not an object$/) },
	{ name: 'an item object with constructor.prototype as name', param: 'firstName', value: JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'), refuses: invalid('First Name', /^must be text, not an object$/) },
	{
		name: 'a group locator carrying a __proto__ key',
		param: 'group',
		value: JSON.parse('{"__rl":true,"mode":"id","value":"70036","__proto__":{"polluted":"yes"}}'),
		sends: { body: { ct_user_ou_id: 70036, ...KEEP } },
	},
	{
		name: 'Update Fields with __proto__ and constructor keys',
		param: 'firstName',
		value: 'Jane',
		updateFields: JSON.parse('{"lastName":"Keep","__proto__":{"clearAliases":true,"email":"evil@example.com"},"constructor":{"prototype":{"polluted":"yes"}}}'),
		sends: { body: { first_name: 'Jane', ...KEEP } },
	},
	{
		name: 'Options with a __proto__ key',
		param: 'firstName',
		value: 'Jane',
		options: JSON.parse('{"__proto__":{"fillUnsetFields":true,"returnUpdatedUser":true,"ignoreEmptyValues":false}}'),
		sends: { body: { first_name: 'Jane', ...KEEP } },
	},
];

/** A valid value of each parameter for the items around the hostile one. */
export function goodValue(param: string, userId: number): unknown {
	const values: Record<string, unknown> = {
		userId,
		email: `good.${userId}@example.com`,
		timezone: 'UTC',
		agentRingTo: '+14255550100',
		agentCode: 7,
		scoreCalls: true,
		accessAudio: true,
		role: 'Standard',
		status: 'active',
		group: '70035',
		clearAliases: false,
	};
	return param in values ? values[param] : 'Good';
}
