import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza, startConvirza, tokenCredential } from './convirzaWorkflow';
import { calls, timerTicks, until } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const sendOnly = { fillUnsetFields: false, concurrency: 1 };

/** Runs one PUT that Convirza refuses and returns the error item plus the request ID Convirza gave. */
async function refusedUpdate(userId: number, updateFields: INodeParameters, token?: string) {
	const result = await runConvirza(sim, {
		items: [{}],
		parameters: { userId: byId(userId), updateFields, options: sendOnly },
		settings: { onError: 'continueErrorOutput' },
		credential: token === undefined ? undefined : tokenCredential(sim, token),
	});
	const [item] = result.output(CONVIRZA, 1);
	const requestId = sim.log.at(-1)?.requestId;
	return { item, requestId, json: item.json as { error: string; message: string } };
}

describe("Convirza's refusals keep its message and request ID and say how to fix them", () => {
	it('400 email already used by another user', async () => {
		const { json, requestId, item } = await refusedUpdate(10001, { email: 'bob.chen@acme-corp.example' });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(json.error).toBe('Convirza error 400: Email already in use');
		expect(json).toEqual({
			error: 'Convirza error 400: Email already in use',
			message: `Another Convirza user already has this email. Use a different Email, or update that user instead. Convirza request ID: ${requestId}.`,
		});
	});

	it('400 org unit outside the hierarchy', async () => {
		const { json } = await refusedUpdate(10001, { group: 90001 });
		expect(json.error).toBe('Convirza error 400: Org unit is outside your hierarchy');
		expect(json.message).toMatch(/^The group must be inside your account's hierarchy/);
	});

	it('401 revoked token', async () => {
		sim.revokeToken(sim.tokens.admin);
		const { json, requestId } = await refusedUpdate(10001, { firstName: 'X' });
		expect(json.error).toBe('Convirza error 401: Invalid or expired token');
		expect(json.message).toMatch(/^The access token is missing, expired or revoked/);
		expect(json.message).toContain(`Convirza request ID: ${requestId}.`);
	});

	it('403 with a Standard token', async () => {
		const { json } = await refusedUpdate(10001, { firstName: 'X' }, sim.tokens.standard);
		expect(json.error).toMatch(/^Convirza error 403: /);
		expect(json.message).toMatch(/^User operations need an Admin token/);
	});

	it('404 unknown user', async () => {
		const { json } = await refusedUpdate(99999, { firstName: 'X' });
		expect(json.error).toMatch(/^Convirza error 404: /);
		expect(json.message).toMatch(/^No Convirza user has the ID 99999\./);
	});

	it('refusals are not retried', async () => {
		await refusedUpdate(10001, { email: 'bob.chen@acme-corp.example' });
		expect(calls(sim)).toEqual(['PUT /v3/users/10001']);
	});
});

describe('On Error', () => {
	const items = [{ id: 10003 }, { id: 99999 }, { id: 10006 }, { id: 'x' }, { id: 10011 }];
	const parameters = {
		userId: byId('={{ $json.id }}'),
		updateFields: { lastName: 'Updated' },
		options: sendOnly,
	};

	it('Continue (using error output): successes and failures go their own ways, in order, linked', async () => {
		const result = await runConvirza(sim, { items, parameters, settings: { onError: 'continueErrorOutput' } });
		expect(result.error).toBeUndefined();
		expect(result.output(CONVIRZA, 0).map((item) => [item.json.data, item.pairedItem])).toEqual([
			[{ userId: 10003 }, { item: 0 }],
			[{ userId: 10006 }, { item: 2 }],
			[{ userId: 10011 }, { item: 4 }],
		]);
		expect(result.output(CONVIRZA, 1).map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Convirza error 404: User not found', { item: 1 }],
			['The "User" parameter must be a positive whole number, not "x" (item 3)', { item: 3 }],
		]);
		// n8n merges the failed input item into the error item, so the operator keeps the CRM data.
		expect(result.output('Failed')[0].json).toMatchObject({ id: 99999, error: 'Convirza error 404: User not found' });
		expect(calls(sim)).toEqual(['PUT /v3/users/10003', 'PUT /v3/users/99999', 'PUT /v3/users/10006', 'PUT /v3/users/10011']);
	});

	it('Continue (using error output), the node failing before any item runs: one error item per input item, each linked to its own', async () => {
		const failures = [
			['user', 'rename', 'The operation "rename" is not supported'],
			// An inherited property of the operations table is no operation either.
			['user', 'constructor', 'The operation "constructor" is not supported'],
			// No operation parameter is shown for a resource the node does not have: n8n cannot read it.
			['invoice', 'update', 'Could not get parameter "operation"'],
		];
		for (const [resource, operation, message] of failures) {
			const result = await runConvirza(sim, {
				items,
				parameters: { ...parameters, resource, operation },
				settings: { onError: 'continueErrorOutput' },
			});
			expect(result.error).toBeUndefined();
			expect(result.output(CONVIRZA, 0)).toEqual([]);
			const errors = result.output(CONVIRZA, 1);
			expect(errors.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
			expect(errors.map((item) => item.json.error)).toEqual(items.map(() => message));
			// n8n merges each error item with the input item it points to.
			expect(result.output('Failed').map((item) => item.json.id)).toEqual(items.map((item) => item.id));
		}
		expect(sim.log).toEqual([]);
	});

	it('Stop Workflow, the node failing before any item runs: the run fails with that error', async () => {
		const result = await runConvirza(sim, { items, parameters: { ...parameters, operation: 'rename' } });
		expect(result.error).toMatchObject({ name: 'NodeOperationError', message: 'The operation "rename" is not supported' });
		expect(result.output(CONVIRZA)).toEqual([]);
	});

	it('Continue (regular output): one item per input item, errors in place', async () => {
		const result = await runConvirza(sim, { items, parameters, settings: { onError: 'continueRegularOutput' } });
		const output = result.output(CONVIRZA);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(output.map((item) => ('error' in item.json ? 'error' : 'ok'))).toEqual(['ok', 'error', 'ok', 'error', 'ok']);
	});

	it('Stop Workflow (default): stops at the first failing item with its error, sends nothing after it', async () => {
		const result = await runConvirza(sim, { items, parameters });
		expect(calls(sim)).toEqual(['PUT /v3/users/10003', 'PUT /v3/users/99999']);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: 'Convirza error 404: User not found',
			httpCode: '404',
		});
		expect(result.error?.description).toMatch(/No Convirza user has the ID 99999/);
		expect(result.output(CONVIRZA)).toEqual([]);
	});

	it.each([
		['the later item fails first', 99998, 99997],
		['the earlier item fails first', 99997, 99998],
	])("Stop Workflow, two items failing at once (%s): the earlier item's error is the one reported", async (_order, held, free) => {
		// One request is held until the other item has failed, so the order of the failures is known.
		const first = sim.hold('PUT', `/v3/users/${held}`);
		const run = startConvirza(sim, {
			items: [{ id: 99998 }, { id: 99997 }],
			parameters: { ...parameters, options: { ...sendOnly, concurrency: 2 } },
		});
		await first.arrived(1);
		await until(() => sim.answers.some((answer) => answer.path === `/v3/users/${free}`));
		await timerTicks(10);
		await first.release();
		const result = await run.result;
		expect(result.error?.description).toMatch(/^No Convirza user has the ID 99998\./);
	});

	it('Stop Workflow: a bad item read ahead, while earlier ones wait, fails only in its turn', async () => {
		// With Concurrency 2 the node reads items 2 and 3 while 0 and 1 wait on Convirza (held until
		// the look-ahead, a few zero-delay timer rounds, is done): item 3's error must not keep item 2
		// from being sent.
		const first = sim.hold('PUT', /^\/v3\/users\/(?:10003|10006)$/);
		const run = startConvirza(sim, {
			items: [{ id: 10003 }, { id: 10006 }, { id: 10011 }, { id: 'x' }, { id: 10001 }],
			parameters: { ...parameters, options: { ...sendOnly, concurrency: 2 } },
		});
		await first.arrived(2);
		await timerTicks(10);
		expect(calls(sim).sort()).toEqual(['PUT /v3/users/10003', 'PUT /v3/users/10006']);
		await first.release();
		const result = await run.result;
		expect(calls(sim).sort()).toEqual(['PUT /v3/users/10003', 'PUT /v3/users/10006', 'PUT /v3/users/10011']);
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The "User" parameter must be a positive whole number, not "x" (item 3)',
		});
	});
});
