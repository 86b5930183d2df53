/**
 * The bad-input corpus (badInputs.ts) through the real engine. Each hostile value is the middle
 * one of three items whose neighbours are valid, with "Continue (using error output)":
 *  - a refused value fails only its own item, with a message naming the parameter and the item,
 *    and the simulator's log proves that nothing at all was sent for it;
 *  - a normalised value is sent exactly as the row says (the whole PUT body is compared).
 * A refused value is also run first, before a valid item, without "Continue": the node stops with a
 * NodeOperationError for item 0 and sends nothing, not even for the valid item. No row may pollute
 * Object.prototype or leak a secret.
 */
import type { INodeParameters } from 'n8n-workflow';

import { requestedExpressionEngine } from '../harness';
import type { ConvirzaSimulator } from '../simulator';
import { startSimulator } from '../simulator';
import { CONVIRZA, runConvirza } from '../engine/convirzaWorkflow';
import { BAD_INPUTS, goodValue, type BadInput } from './badInputs';
import { USER_A, USER_B, USER_C, calls, errorOf, expectNoSecretsIn, toErrorOutput, userPath } from '../kit';

let sim: ConvirzaSimulator;
beforeAll(async () => (sim = await startSimulator()));
afterAll(async () => await sim.close());
beforeEach(() => sim.clearLog());

function parametersFor(row: BadInput): INodeParameters {
	const byExpression = { __rl: true, mode: 'id', value: '={{ $json.v }}' };
	const isUserId = row.param === 'userId';
	// Spread keeps own "__proto__" keys of the JSON-parsed rows as plain keys, as a pasted workflow would.
	const updateFields: INodeParameters = { ...(row.updateFields ?? { lastName: 'Keep' }) };
	if (!isUserId) updateFields[row.param] = '={{ $json.v }}';
	return {
		userId: isUserId ? byExpression : { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		updateFields,
		options: { fillUnsetFields: false, concurrency: 1, retryDelayMs: 1, ...row.options },
	};
}

const itemFor = (row: BadInput, id: number, value: unknown) =>
	row.param === 'userId' ? { v: value } : { id, v: value };

/**
 * On n8n 2.x's default vm engine an expression cannot hand an object carrying a "constructor" key
 * out of the isolated-vm sandbox: getNodeParameter throws before the node sees the value. The node
 * then names the parameter it was reading (the User, or Update Fields around the field) and the
 * item, with n8n's own reason, instead of its usual refusal of an object.
 */
// (under jest the TypeError comes from another realm and its name is kept in the message)
const VM_SANDBOX_REFUSAL = /^could not be read: Expression evaluation failed: (TypeError: )?function Object\(\) \{ \[native code\] \} could not be cloned\.$/;
const refusedBySandbox = (row: BadInput): boolean =>
	requestedExpressionEngine() === 'vm' &&
	typeof row.value === 'object' &&
	row.value !== null &&
	Object.hasOwn(row.value, 'constructor');

function expectSandboxRefusal(message: string, row: BadInput, itemIndex: number): void {
	const prefix = `The "${row.param === 'userId' ? 'User' : 'Update Fields'}" parameter `;
	const suffix = ` (item ${itemIndex})`;
	expect(message.startsWith(prefix) && message.endsWith(suffix)).toBe(true);
	expect(message.slice(prefix.length, -suffix.length)).toMatch(VM_SANDBOX_REFUSAL);
}

function expectRefusal(message: string, row: BadInput, itemIndex: number): void {
	const { parameter, problem } = row.refuses!;
	const prefix = `The "${parameter}" parameter `;
	const suffix = ` (item ${itemIndex})`;
	expect(message.startsWith(prefix) && message.endsWith(suffix)).toBe(true);
	expect(message.slice(prefix.length, -suffix.length)).toMatch(problem);
}

/** Every refusal says how to fix it; a row that pins the fix, in those words. */
function expectFix(description: string | null | undefined, row: BadInput): void {
	expect(description).toMatch(/\S/);
	if (row.refuses?.fix) expect(description).toMatch(row.refuses.fix);
}

test('the corpus has at least 30 rows, each either normalised or refused', () => {
	expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
	for (const row of BAD_INPUTS) expect(Boolean(row.sends) !== Boolean(row.refuses)).toBe(true);
});

describe.each(BAD_INPUTS.map((row) => [row.name, row] as const))('%s', (_, row) => {
	test(row.refuses ? 'refused for its own item only, nothing sent for it' : 'normalised: the exact PUT body', async () => {
		const items = [
			itemFor(row, USER_A, goodValue(row.param, USER_A)),
			itemFor(row, USER_B, row.value),
			itemFor(row, USER_C, goodValue(row.param, USER_C)),
		];

		const result = await runConvirza(sim, { items, parameters: parametersFor(row), settings: toErrorOutput });

		expect(result.status).toBe('success');
		const [succeeded, failed] = result.outputs(CONVIRZA);
		const sentTo = row.sends ? [USER_A, row.sends.userId ?? USER_B, USER_C] : [USER_A, USER_C];
		// The log is the proof: a refused item sent nothing (no request names its user at all).
		expect(calls(sim)).toEqual(sentTo.map((id) => `PUT ${userPath(id)}`));
		expect(sim.log.map((entry) => entry.status)).toEqual(sentTo.map(() => 200));
		if (row.sends) {
			expect(failed).toEqual([]);
			expect(succeeded.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(sim.log[1].body).toEqual(row.sends.body);
			// The node wrote what it was told, and reported Convirza's confirmation for it.
			expect(succeeded[1].json).toMatchObject({ code: 200, data: { userId: row.sends.userId ?? USER_B } });
		} else {
			expect(succeeded.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
			const { error, message: fix } = errorOf(failed[0]);
			if (refusedBySandbox(row)) {
				expectSandboxRefusal(error, row, 1);
			} else {
				expectRefusal(error, row, 1);
			}
			expectFix(fix, row);
		}
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(Object.prototype).not.toHaveProperty('clearAliases');
		expect(Object.prototype).not.toHaveProperty('email');
		expectNoSecretsIn(result, sim);
	});

	if (row.refuses) {
		test('without "Continue": a NodeOperationError for the item, and no request, not even for the next item', async () => {
			const items = [itemFor(row, USER_B, row.value), itemFor(row, USER_C, goodValue(row.param, USER_C))];
			const result = await runConvirza(sim, { items, parameters: parametersFor(row) });

			expect(result.status).toBe('error');
			expect(result.error?.name).toBe('NodeOperationError');
			if (refusedBySandbox(row)) expectSandboxRefusal(result.error!.message, row, 0);
			else expectRefusal(result.error!.message, row, 0);
			expectFix(result.error?.description, row);
			expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
			expect(sim.log).toEqual([]);
			expectNoSecretsIn(result, sim);
		});
	}
});

test('a Default Country Code that is no country refuses every item, naming the option, before any request', async () => {
	const result = await runConvirza(sim, {
		items: [{ id: USER_A, v: '(425) 555-0199' }, { id: USER_C, v: '(425) 555-0199' }],
		parameters: parametersFor({ name: 'country', param: 'agentRingTo', value: '', options: { defaultCountryCode: '999' } }),
		settings: toErrorOutput,
	});
	expect(sim.log).toEqual([]);
	expect(result.output(CONVIRZA, 1).map((item) => [errorOf(item).error, item.pairedItem])).toEqual([
		['The "Default Country Code" parameter is not a country calling code in use: "999" (item 0)', { item: 0 }],
		['The "Default Country Code" parameter is not a country calling code in use: "999" (item 1)', { item: 1 }],
	]);
});
