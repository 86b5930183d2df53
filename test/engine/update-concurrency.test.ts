/**
 * Concurrency through n8n's engine: with several requests in flight and Convirza answering out of
 * order on purpose, outputs keep input order and pairedItem, "Continue" routes failures exactly as
 * sequentially, one item's 429 pauses every item, and Concurrency 1 never has two requests in flight.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza } from './convirzaWorkflow';
import { calls } from './updateFixtures';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const userPath = (id: number | string) => `/v3/users/${id}`;

const parameters = (options: INodeParameters): INodeParameters => ({
	userId: byId('={{ $json.id }}'),
	updateFields: { externalId: '={{ $json.crm }}' },
	options: { fillUnsetFields: false, ...options },
});

/** Item k is answered (count − k) × stepMs late: the last item sent is answered first. */
function answerInReverse(ids: ReadonlyArray<number | string>, stepMs: number): void {
	ids.forEach((id, k) => sim.inject('PUT', userPath(id), { delayMs: (ids.length - k) * stepMs }));
}

const linked = (items: INodeExecutionData[]) =>
	items.map((item) => [item.json.error ?? (item.json.data as { userId: number }).userId, item.pairedItem]);

/** The order in which Convirza answered the PUTs, as user ids. */
const answerOrder = () =>
	[...sim.log]
		.filter((entry) => entry.method === 'PUT' && entry.answeredAt !== undefined)
		.sort((a, b) => (a.answeredAt as number) - (b.answeredAt as number))
		.map((entry) => Number(entry.path.split('/').pop()));

describe('answers out of order, Concurrency 10', () => {
	it('outputs follow the input order, each linked to its item, whatever order Convirza answered in', async () => {
		const ids = sim.addUsers(8);
		answerInReverse(ids, 40);
		const result = await runConvirza(sim, {
			items: ids.map((id) => ({ id, crm: `CRM-${id}` })),
			parameters: parameters({ concurrency: 10 }),
		});

		expect(result.error).toBeUndefined();
		expect(sim.maxInFlight).toBe(8);
		expect(answerOrder()).toEqual([...ids].reverse());
		expect(linked(result.output(CONVIRZA))).toEqual(ids.map((id, item) => [id, { item }]));
		for (const id of ids) expect(sim.requests('PUT', userPath(id))[0].body).toEqual({ user_ext_id: `CRM-${id}` });
	});

	it('Continue (using error output): failures and successes split exactly as in a sequential run', async () => {
		const ids = sim.addUsers(6);
		const inputs: Array<number | string> = [ids[0], 99999, ids[1], 'x', ids[2], ids[3], 99998, ids[4], ids[5]];
		answerInReverse(inputs.filter((id) => id !== 'x'), 10);

		const run = async (concurrency: number) => {
			sim.clearLog();
			const result = await runConvirza(sim, {
				items: inputs.map((id) => ({ id, crm: 'CRM-same' })),
				parameters: parameters({ concurrency }),
				settings: { onError: 'continueErrorOutput' },
			});
			return { ok: linked(result.output(CONVIRZA, 0)), failed: linked(result.output(CONVIRZA, 1)) };
		};
		const concurrent = await run(10);
		expect(sim.maxInFlight).toBeGreaterThan(1);
		answerInReverse(inputs.filter((id) => id !== 'x'), 10);
		const sequential = await run(1);

		expect(concurrent).toEqual(sequential);
		expect(concurrent.ok).toEqual([
			[ids[0], { item: 0 }],
			[ids[1], { item: 2 }],
			[ids[2], { item: 4 }],
			[ids[3], { item: 5 }],
			[ids[4], { item: 7 }],
			[ids[5], { item: 8 }],
		]);
		expect(concurrent.failed).toEqual([
			['Convirza error 404: User not found', { item: 1 }],
			['The "User" parameter must be a positive whole number, not "x" (item 3)', { item: 3 }],
			['Convirza error 404: User not found', { item: 6 }],
		]);
	});

	it('Continue (regular output): one output item per input item, in order', async () => {
		const ids = sim.addUsers(5);
		const inputs = [ids[0], 99999, ids[1], ids[2], ids[3], ids[4]];
		answerInReverse(inputs, 10);
		const result = await runConvirza(sim, {
			items: inputs.map((id) => ({ id, crm: 'CRM-1' })),
			parameters: parameters({ concurrency: 10 }),
			settings: { onError: 'continueRegularOutput' },
		});
		expect(linked(result.output(CONVIRZA))).toEqual([
			[ids[0], { item: 0 }],
			['Convirza error 404: User not found', { item: 1 }],
			...ids.slice(1).map((id, k) => [id, { item: k + 2 }]),
		]);
	});
});

describe('one 429 slows every item down', () => {
	it("items started while one item's Retry-After runs wait it out; all succeed, in order", async () => {
		const ids = sim.addUsers(8);
		sim.inject('PUT', userPath(ids[0]), { status: 429, retryAfter: '1' });
		// Items 1–3 answer late, so items 4–7 start only after the 429 has set the shared pause.
		for (const id of ids.slice(1, 4)) sim.inject('PUT', userPath(id), { delayMs: 200 });
		const result = await runConvirza(sim, {
			items: ids.map((id) => ({ id, crm: 'CRM-2' })),
			parameters: parameters({ concurrency: 4 }),
		});

		expect(result.error).toBeUndefined();
		expect(linked(result.output(CONVIRZA))).toEqual(ids.map((id, item) => [id, { item }]));
		const throttled = sim.log.find((entry) => entry.status === 429);
		const pauseEnds = (throttled?.answeredAt as number) + 1000;
		for (const id of [ids[0], ...ids.slice(4)]) {
			const sent = sim.requests('PUT', userPath(id)).filter((entry) => entry.status === 200);
			expect(sent).toHaveLength(1);
			expect(sent[0].receivedAt).toBeGreaterThanOrEqual(pauseEnds);
		}
	});
});

describe('Concurrency 1', () => {
	it('never has two requests in flight, though it reads the next item ahead', async () => {
		const ids = sim.addUsers(6);
		sim.setLatency(20);
		const result = await runConvirza(sim, {
			items: ids.map((id) => ({ id, crm: 'CRM-3' })),
			parameters: parameters({ concurrency: 1, returnUpdatedUser: true }),
		});
		expect(result.error).toBeUndefined();
		expect(sim.maxInFlight).toBe(1);
		expect(calls(sim)).toEqual(ids.flatMap((id) => [`PUT ${userPath(id)}`, `GET ${userPath(id)}`]));
		expect(result.output(CONVIRZA).map((item) => [item.json.ct_user_id, item.json.user_ext_id, item.pairedItem])).toEqual(
			ids.map((id, item) => [id, 'CRM-3', { item }]),
		);
	});
});
