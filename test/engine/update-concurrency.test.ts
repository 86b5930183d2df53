/**
 * Concurrency through n8n's engine: with several requests in flight and Convirza answering out of
 * order on purpose, outputs keep input order and pairedItem, "Continue" routes failures exactly as
 * sequentially, one item's 429 pauses every item, and Concurrency 1 never has two requests in flight.
 * The simulator holds the requests until the test lets them go, so which requests overlap and in
 * which order Convirza answers is arranged, not left to latency.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { CONVIRZA, byId, runConvirza, startConvirza, type RunOptions } from './convirzaWorkflow';
import { calls, timerTicks, useSleepWatch, userPath } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const waits = useSleepWatch();

const parameters = (options: INodeParameters): INodeParameters => ({
	userId: byId('={{ $json.id }}'),
	updateFields: { externalId: '={{ $json.crm }}' },
	options: { fillUnsetFields: false, ...options },
});

/**
 * Runs the workflow with the PUT of each of `ids` held until all of them are in flight at once,
 * then lets Convirza answer them last first, each once the one after it was answered.
 */
async function answeredInReverse(ids: ReadonlyArray<number | string>, options: RunOptions) {
	const held = ids.map((id) => sim.hold('PUT', userPath(id)));
	const run = startConvirza(sim, options);
	for (const hold of held) await hold.arrived();
	expect(sim.inFlight).toBe(ids.length);
	for (const hold of [...held].reverse()) await hold.release();
	return await run.result;
}

const linked = (items: INodeExecutionData[]) =>
	items.map((item) => [item.json.error ?? (item.json.data as { userId: number }).userId, item.pairedItem]);

/** The order in which Convirza answered the PUTs, as user ids. */
const answerOrder = () =>
	sim.answers.filter((entry) => entry.method === 'PUT').map((entry) => Number(entry.path.split('/').pop()));

describe('answers out of order, Concurrency 10', () => {
	it('outputs follow the input order, each linked to its item, whatever order Convirza answered in', async () => {
		const ids = sim.addUsers(8);
		const result = await answeredInReverse(ids, {
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
		const run = (concurrency: number): RunOptions => ({
			items: inputs.map((id) => ({ id, crm: 'CRM-same' })),
			parameters: parameters({ concurrency }),
			settings: { onError: 'continueErrorOutput' },
		});
		const routed = (result: Awaited<ReturnType<typeof runConvirza>>) => ({
			ok: linked(result.output(CONVIRZA, 0)),
			failed: linked(result.output(CONVIRZA, 1)),
		});

		// All 8 requests in flight at once, answered last first; then one at a time, in order.
		const concurrent = routed(await answeredInReverse(inputs.filter((id) => id !== 'x'), run(10)));
		expect(sim.maxInFlight).toBe(8);
		sim.clearLog();
		sim.resetInFlightStats();
		const sequential = routed(await runConvirza(sim, run(1)));
		expect(sim.maxInFlight).toBe(1);

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
		const result = await answeredInReverse(inputs, {
			items: inputs.map((id) => ({ id, crm: 'CRM-1' })),
			parameters: parameters({ concurrency: 10 }),
			settings: { onError: 'continueRegularOutput' },
		});
		expect(answerOrder()).toEqual([...inputs].reverse());
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
		// Items 1–3 are answered only once the 429 has set the shared pause (item 0 then waits out its
		// Retry-After), so items 4–7 start during the pause.
		const middle = ids.slice(1, 4).map((id) => sim.hold('PUT', userPath(id)));
		const run = startConvirza(sim, {
			items: ids.map((id) => ({ id, crm: 'CRM-2' })),
			parameters: parameters({ concurrency: 4 }),
		});
		await waits.started((ms) => ms === 1000);
		for (const held of middle) await held.release();
		const result = await run.result;

		expect(result.error).toBeUndefined();
		expect(linked(result.output(CONVIRZA))).toEqual(ids.map((id, item) => [id, { item }]));
		const throttled = sim.log.find((entry) => entry.status === 429);
		// Whole milliseconds on both sides, and a timer may fire up to 1 ms before its delay is up
		// by Date.now(): the pause ends no earlier than 1 ms short of a second after the 429.
		const pauseEnds = (throttled?.answeredAt as number) + 1000 - 1;
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
		const run = startConvirza(sim, {
			items: ids.map((id) => ({ id, crm: 'CRM-3' })),
			parameters: parameters({ concurrency: 1, returnUpdatedUser: true }),
		});
		// Each request is held while the node reads the next item ahead (that takes it a few
		// zero-delay timer rounds); it must not send anything meanwhile.
		for (let k = 0; k < 2 * ids.length; k++) {
			const request = sim.hold('*', /^\/v3\/users\/\d+$/);
			await request.arrived();
			await timerTicks(10);
			expect(sim.inFlight).toBe(1);
			await request.release();
		}
		const result = await run.result;
		expect(result.error).toBeUndefined();
		expect(sim.maxInFlight).toBe(1);
		expect(calls(sim)).toEqual(ids.flatMap((id) => [`PUT ${userPath(id)}`, `GET ${userPath(id)}`]));
		expect(result.output(CONVIRZA).map((item) => [item.json.ct_user_id, item.json.user_ext_id, item.pairedItem])).toEqual(
			ids.map((id, item) => [id, 'CRM-3', { item }]),
		);
	});
});
