/**
 * Options given by an expression that fails, or gives a value the option cannot take, fail clearly
 * and name the option: never a run that silently goes on with the defaults. n8n turns an expression
 * that throws into no value (on both expression engines), and does not evaluate expressions in the
 * request options at all (they take none), so both are caught by the node.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza } from './convirzaWorkflow';
import { calls, groupFromList, jsonOf, pairedOf, runUser, toErrorOutput } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const THROWS = '={{ (() => { throw new Error("CRM field missing") })() }}';
const MISSING_KEY = '={{ $json.nothing.here }}';
const items = [{ id: 10001 }, { id: 10003 }, { id: 10004 }];
const rename = (options: INodeParameters) => ({
	userId: byId('={{ $json.id }}'),
	updateFields: { lastName: 'Renamed' },
	options: { fillUnsetFields: false, ...options },
});

describe('request options (Concurrency, Max Attempts, …) apply to the whole run and take no expression', () => {
	it.each([
		['Concurrency', THROWS, 'concurrency'],
		['Concurrency', '={{ 5 }}', 'concurrency'],
		['Max Attempts', MISSING_KEY, 'maxAttempts'],
		['Max Retry Wait (Seconds)', 'soon', 'maxRetryWaitSeconds'],
		['Retry Delay (Ms)', '={{ $json.delay }}', 'retryDelayMs'],
		['Timeout (Ms)', true, 'timeoutMs'],
	])('"%s" given as %p fails the run naming it, before any request', async (label, value, name) => {
		const result = await runConvirza(sim, { items, parameters: rename({ [name]: value }) });
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: expect.stringMatching(new RegExp(`^The "${label.replace(/[()]/g, '\\$&')}" option must be a number, not `)),
			description: expect.stringMatching(/take no expression: enter a number/),
		});
		expect(calls(sim)).toEqual([]);
	});

	it('with the error output, every item gets the error, linked to its own input item', async () => {
		const result = await runConvirza(sim, { items, parameters: rename({ concurrency: THROWS }), settings: toErrorOutput });
		expect(result.output(CONVIRZA, 0)).toEqual([]);
		const errors = result.output(CONVIRZA, 1);
		expect(pairedOf(errors)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(new Set(jsonOf(errors).map((item) => item.error))).toEqual(
			new Set([`The "Concurrency" option must be a number, not a text of ${THROWS.length - 1} characters`]),
		);
		expect(calls(sim)).toEqual([]);
	});

	it('a number written as text is read as that number', async () => {
		sim.inject('PUT', '/v3/users/10001', { status: 503 });
		const result = await runConvirza(sim, {
			items: items.slice(0, 1),
			parameters: rename({ maxAttempts: ' 1 ', retryDelayMs: '1' }),
			settings: toErrorOutput,
		});
		// One attempt in all: the 503 is not retried.
		expect(calls(sim)).toEqual(['PUT /v3/users/10001']);
		expect(jsonOf(result.output(CONVIRZA, 1)).map((item) => item.error)).toEqual(['Convirza error 503: Injected fault']);
	});
});

describe('options read per item (Default Country Code, Ignore Empty Values, …) fail the item naming the option', () => {
	const PHONE = { ...rename({}).updateFields, agentRingTo: '(425) 555-0199' };

	it('an expression that throws, or reads a key the item lacks: no value, the item fails', async () => {
		const run = await runUser(sim, 'update', {
			items: [...items, { id: 10005, cc: '1' }],
			parameters: { ...rename({ defaultCountryCode: '={{ $json.cc }}' }), updateFields: PHONE },
			settings: toErrorOutput,
		});
		expect(calls(sim)).toEqual(['PUT /v3/users/10005']);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual(
			[0, 1, 2].map((index) => `The "Default Country Code" option has no value: its expression failed or gave nothing (item ${index})`),
		);
		expect(pairedOf(run.errors)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(jsonOf(run.errors)[0].message).toMatch(/Correct the expression/);

		sim.clearLog();
		const throwing = await runUser(sim, 'updatePartial', {
			items,
			parameters: rename({ ignoreEmptyValues: THROWS }),
			settings: toErrorOutput,
		});
		expect(calls(sim)).toEqual([]);
		expect(jsonOf(throwing.errors).map((item) => item.error)).toEqual(
			[0, 1, 2].map((index) => `The "Ignore Empty Values" option has no value: its expression failed or gave nothing (item ${index})`),
		);
	});

	it('an expression n8n refuses (a node that does not exist) names the option too', async () => {
		const run = await runUser(sim, 'update', {
			items: items.slice(0, 1),
			parameters: rename({ returnUpdatedUser: '={{ $("No such node").item.json.flag }}' }),
			settings: toErrorOutput,
		});
		expect(calls(sim)).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			`The "Return Updated User" option could not be read: Referenced node doesn't exist (item 0)`,
		]);
	});

	it('a switch must be true or false; the words "true" and "false" count', async () => {
		const run = await runUser(sim, 'update', {
			items: [{ id: 10001, fill: 'maybe' }, { id: 10003, fill: 'FALSE' }, { id: 10004, fill: true }],
			parameters: { ...rename({}), options: { fillUnsetFields: '={{ $json.fill }}', concurrency: 1 } },
			settings: toErrorOutput,
		});
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'The "Fill Unset Fields From Current User" option must be true or false, not "maybe" (item 0)',
		]);
		// "FALSE": only the field set is sent; true: the user is read first.
		expect(calls(sim)).toEqual(['PUT /v3/users/10003', 'GET /v3/users/10004', 'PUT /v3/users/10004']);
	});

	const NEW = {
		email: '={{ $json.email }}',
		firstName: 'Nina',
		lastName: 'Park',
		role: 'Standard',
		group: groupFromList(70035),
	};
	it.each(['create', 'upsert'])('%s: a Return or Ignore option given by a failing expression fails the item, nothing is created', async (operation) => {
		const option = operation === 'create' ? ['returnCreatedUser', 'Return Created User'] : ['ignoreEmptyValues', 'Ignore Empty Values'];
		const run = await runUser(sim, operation, {
			items: [{ email: 'nina.park@acme-corp.example' }],
			parameters: { ...NEW, options: { [option[0]]: MISSING_KEY } },
			settings: toErrorOutput,
		});
		expect(calls(sim)).toEqual([]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			`The "${option[1]}" option has no value: its expression failed or gave nothing (item 0)`,
		]);
	});
});
