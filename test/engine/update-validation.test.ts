import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza } from './convirzaWorkflow';
import { calls } from './updateFixtures';

let sim: ConvirzaSimulator;
beforeAll(async () => (sim = await startSimulator()));
afterAll(async () => await sim.close());
beforeEach(() => sim.clearLog());

/** [case, user id, update fields, expected message (without the item suffix), expected fix] */
const refused: Array<[string, unknown, Record<string, unknown>, string, RegExp]> = [
	['path trick as ID', '../groups/1', { firstName: 'X' }, 'The "User" parameter must be a positive whole number, not "../groups/1"', /numeric Convirza user ID/],
	['query in ID', '1?x=1', { firstName: 'X' }, 'The "User" parameter must be a positive whole number, not "1?x=1"', /numeric/],
	['exponent ID', '1e3', { firstName: 'X' }, 'The "User" parameter must be a positive whole number, not "1e3"', /numeric/],
	['empty ID', '', { firstName: 'X' }, 'The "User" parameter must be a positive whole number, not ""', /numeric/],
	['bad email', 10001, { email: 'john.example.com' }, 'The "Email" parameter is not a valid email address: "john.example.com"', /complete address/],
	['unknown role', 10001, { role: 'Supervisor' }, 'The "Role" parameter must be a Convirza role, not "Supervisor"', /Admin, Standard, ReadOnly/],
	['unknown status', 10001, { status: 'deleted' }, 'The "Status" parameter must be active or inactive, not "deleted"', /"active" or "inactive"/],
	['abbreviated zone', 10001, { timezone: 'PST' }, 'The "Timezone" parameter is not an IANA time zone: "PST"', /America\/Los_Angeles/],
	['letters as phone', 10001, { agentRingTo: 'call me' }, 'The "Agent Ring-To" parameter contains letters: "call me"', /Write the number in digits/],
	['national phone of no country', 10001, { agentRingTo: '030 9018 2000' }, 'The "Agent Ring-To" parameter has 11 digits, but national numbers of +1 have 10 (after an optional 1): "030 9018 2000"', /Default Country Code/],
	['negative agent code', 10001, { agentCode: -1 }, 'The "Agent Code" parameter must be a whole number of 0 or more, not -1', /e\.g\. 10/],
	['fraction as group', 10001, { group: '1.5' }, 'The "Group" parameter must be a whole number of 0 or more, not "1.5"', /e\.g\. 70035/],
	['"yes" as boolean', 10001, { scoreCalls: 'yes' }, 'The "Score Calls" parameter must be true or false, not "yes"', /true or false/],
	['1 as boolean', 10001, { accessAudio: 1 }, 'The "Access Audio" parameter must be true or false, not 1', /true or false/],
	['aliases and clear', 10001, { aliases: 'A', clearAliases: true }, 'The "Clear Aliases" parameter cannot be used together with Aliases', /Remove one/],
	['no fields', 10001, {}, 'The "Update Fields" parameter has no value to send for this item', /at least one field/],
];

describe('bad input is refused before any request, naming the parameter and the item', () => {
	it.each(refused)('%s', async (_, userId, fields, message, fix) => {
		const keys = [...new Set(['firstName', ...Object.keys(fields)])];
		const result = await runConvirza(sim, {
			// The bad item sits between two good ones: only it fails, and only it sends nothing.
			items: [
				{ id: 10003, fields: { firstName: 'Same' } },
				{ id: userId, fields },
				{ id: 10006, fields: { firstName: 'Same' } },
			],
			parameters: {
				userId: byId('={{ $json.id }}'),
				updateFields: Object.fromEntries(keys.map((key) => [key, `={{ $json.fields.${key} }}`])),
				options: { fillUnsetFields: false, concurrency: 1 },
			},
			settings: { onError: 'continueErrorOutput' },
		});

		expect(calls(sim)).toEqual(['PUT /v3/users/10003', 'PUT /v3/users/10006']);
		expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		const [failed] = result.output(CONVIRZA, 1);
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(failed.json.error).toBe(`${message} (item 1)`);
		expect((failed.json.details as { description: string }).description).toMatch(fix);
	});

	it('without "Continue", the first bad item stops the node with a NodeOperationError', async () => {
		const result = await runConvirza(sim, {
			items: [{ id: 'abc' }, { id: 10003 }],
			parameters: {
				userId: byId('={{ $json.id }}'),
				updateFields: { firstName: 'Same' },
				options: { fillUnsetFields: false, concurrency: 1 },
			},
		});
		expect(calls(sim)).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The "User" parameter must be a positive whole number, not "abc" (item 0)',
			description: expect.stringMatching(/numeric Convirza user ID/),
		});
	});

	it('a Default Country Code that is no country refuses every item, naming the option, before any request', async () => {
		const result = await runConvirza(sim, {
			items: [{ id: 10003 }, { id: 10006 }],
			parameters: {
				userId: byId('={{ $json.id }}'),
				updateFields: { agentRingTo: '(425) 555-0199' },
				options: { fillUnsetFields: false, defaultCountryCode: '999' },
			},
			settings: { onError: 'continueErrorOutput' },
		});
		expect(calls(sim)).toEqual([]);
		expect(result.output(CONVIRZA, 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['The "Default Country Code" parameter is not a country calling code in use: "999" (item 0)', { item: 0 }],
			['The "Default Country Code" parameter is not a country calling code in use: "999" (item 1)', { item: 1 }],
		]);
	});
});
