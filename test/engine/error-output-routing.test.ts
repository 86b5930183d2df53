/**
 * Every kind of error item the node produces goes to the error output of "Continue (using error output)"
 * on n8n 1.x as well as 2.x, and keeps the input item it fails.
 *
 * The harness runs n8n-core 2.x, whose rule is looser, so 1.x's rule is stated here, from n8n-core
 * 1.122.48 (the n8n-core of n8n 1.123.x, the last 1.x), `dist/execution-engine/workflow-execute.js`,
 * `WorkflowExecute.handleNodeErrorOutput`:
 *
 *     if (item.error) errorData = item.error;
 *     else if (item.json.error && Object.keys(item.json).length === 1) errorData = item.json.error;
 *     else if (item.json.error && item.json.message && Object.keys(item.json).length === 2) errorData = item.json.error;
 *     // errorData set: the error output (json merged over the input item's), otherwise the success output
 *
 * (2.x: `item.error`, or `json.error` with no key but error, message and details.) After routing, both
 * majors replace the json of an item whose `error` is set by `{ error: error.message }` (the loop over
 * `lineResult.error` in `runNode`'s caller; `normalizeNodeErrors` in 2.x), dropping the input item the
 * error output merged in, so an error item must route by its json alone.
 *
 * The runs use "Continue (regular output)", where n8n hands the node's items on untouched: each is
 * judged by the rule exactly as the node returned it.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza, tokenCredential, type RunOptions } from './convirzaWorkflow';
import { USER_A, USER_B, toErrorOutput, updateParameters, useSimulator, userPath } from '../kit';

/** n8n 1.x's rule, as quoted above. */
function routedToErrorOutputOn1x(item: INodeExecutionData): boolean {
	const keys = Object.keys(item.json);
	if (item.error) return true;
	if (item.json.error && keys.length === 1) return true;
	return Boolean(item.json.error && item.json.message && keys.length === 2);
}

const { current } = useSimulator();
let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

const regularOutput = { onError: 'continueRegularOutput' as const };
const update = (options: INodeParameters = {}) =>
	updateParameters('={{ $json.id }}', { firstName: 'Routed' }, { concurrency: 1, maxAttempts: 1, ...options });

interface Case {
	name: string;
	run: (sim: ConvirzaSimulator) => Omit<RunOptions, 'settings'>;
	/** The input items that fail (the others succeed). */
	failing: number[];
}

const CASES: Case[] = [
	{
		name: 'bad input refused before any request (InputError)',
		run: () => ({ items: [{ id: USER_A }, { id: 'abc' }], parameters: update() }),
		failing: [1],
	},
	{
		name: 'no user has the email (a lookup that found no one)',
		run: () => ({
			items: [{ email: 'nobody@example.com' }],
			parameters: { operation: 'get', userId: { __rl: true, mode: 'email', value: '={{ $json.email }}' } },
		}),
		failing: [0],
	},
	{
		name: "Convirza's refusal (NodeApiError, 404)",
		run: () => ({ items: [{ id: USER_A }, { id: 99999 }], parameters: update() }),
		failing: [1],
	},
	{
		name: 'a connection reset (NodeApiError without an HTTP code)',
		run: (s) => {
			s.inject('PUT', userPath(USER_B), { reset: 'before' });
			return { items: [{ id: USER_A }, { id: USER_B }], parameters: update() };
		},
		failing: [1],
	},
	{
		name: 'an expression that cannot be read',
		run: () => ({
			items: [{ id: USER_A }, { id: USER_B }],
			parameters: { userId: byId('={{ $json.id }}'), updateFields: { firstName: '={{ $json.id === 10004 ? $json.x.y : "A" }}' } },
		}),
		failing: [1],
	},
	{
		name: 'a credential the node refuses (http:// to a remote host): every item',
		run: (s) => ({
			items: [{ id: USER_A }, { id: USER_B }],
			parameters: update(),
			credential: { ...tokenCredential(s), data: { ...tokenCredential(s).data, baseUrl: 'http://platform-api.convirza.com/v3' } },
		}),
		failing: [0, 1],
	},
	{
		name: 'an operation the node does not have: every item',
		run: () => ({ items: [{ id: USER_A }, { id: USER_B }], parameters: { operation: 'nope' } }),
		failing: [0, 1],
	},
];

describe.each(CASES.map((row) => [row.name, row] as const))('%s', (_, { run, failing }) => {
	test('its error items route to the error output on n8n 1.x, its successes do not', async () => {
		const result = await runConvirza(sim, { ...run(sim), settings: regularOutput });

		const items = result.output(CONVIRZA);
		expect(items.length).toBeGreaterThan(0);
		const routed = items.filter(routedToErrorOutputOn1x).map((item) => item.pairedItem);
		expect(routed).toEqual(failing.map((item) => ({ item })));
		for (const item of items.filter(routedToErrorOutputOn1x)) {
			// Routed by its json alone: an item-level `error` would wipe the input item after routing.
			expect(item.error).toBeUndefined();
			expect(typeof item.json.error).toBe('string');
		}
	});
});

test('on the error output the failed input item is kept, with the message and what to do', async () => {
	const result = await runConvirza(sim, {
		items: [{ id: USER_A, crm: 'c-1' }, { id: 99999, crm: 'c-2' }],
		parameters: update(),
		settings: toErrorOutput,
	});

	expect(result.output(CONVIRZA, 1).map((item) => item.json)).toEqual([
		{
			id: 99999,
			crm: 'c-2',
			error: 'Convirza error 404: User not found',
			message: expect.stringMatching(/^No Convirza user has the ID 99999\. .*Convirza request ID: [\w-]+\.$/),
		},
	]);
	expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
});
