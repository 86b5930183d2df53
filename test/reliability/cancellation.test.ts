/**
 * Cancelling the execution ("Stop execution") while the node waits — for a Retry-After, for an
 * exponential backoff, for the throttle another item set, or for a reply — ends the node at once:
 * the run resolves long before the wait would have ended, and no request is sent after the cancel.
 *
 * "At once" is measured against the wait that was cut short (≥ 5 s, or the 30 s Convirza asked
 * for), with bounds far above any scheduling delay, so no timing luck is involved.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { ConvirzaSimulator } from '../simulator';
import { startSimulator } from '../simulator';
import { CONVIRZA, loginCredential, startConvirza, type RunOptions } from '../engine/convirzaWorkflow';
import {
	USER_A, USER_B, USER_C, calls, errorOf, expectNoSecretsIn, toErrorOutput, until, updateParameters, userPath,
} from './reliabilityKit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const ITEMS = [{ id: USER_A }, { id: USER_B }, { id: USER_C }];

function start(options: INodeParameters, extra: Partial<RunOptions> = {}, items: object[] = ITEMS) {
	return startConvirza(sim, {
		items,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Never' }, { fillUnsetFields: false, ...options }),
		settings: toErrorOutput,
		...extra,
	});
}

/** Waits until Convirza has answered `count` requests with `status`, then a little for the client to read them. */
async function answered(status: number, count = 1): Promise<void> {
	await until(() => sim.log.filter((entry) => entry.status === status).length >= count);
	await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Cancels and returns the run's result, how long it took to end, and the log as it was at the cancel. */
async function cancel(execution: ReturnType<typeof start>) {
	const sentBefore = calls(sim);
	const cancelledAt = Date.now();
	execution.cancel();
	const result = await execution.result;
	const tookMs = Date.now() - cancelledAt;
	// Anything still scheduled would show up here.
	await new Promise((resolve) => setTimeout(resolve, 100));
	return { result, tookMs, sentBefore };
}

test('during a Retry-After: 30 wait after a 429', async () => {
	sim.inject('PUT', userPath(USER_A), { status: 429, retryAfter: '30' });
	const execution = start({ concurrency: 1 });
	await answered(429);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(10_000);
	expect(sentBefore).toEqual([`PUT ${userPath(USER_A)}`]);
	expect(calls(sim)).toEqual(sentBefore);
	expect(result.status).toBe('canceled');
	expect(sim.writes).toEqual([]);
	// Every item still has its one (error) output item, linked to it.
	expect(result.output(CONVIRZA, 1).map((item) => [errorOf(item).error, item.pairedItem])).toEqual(
		ITEMS.map((_, item) => ['The execution was cancelled', { item }]),
	);
	expectNoSecretsIn(result, sim);
});

test('during an exponential backoff wait (at least 5 s)', async () => {
	sim.inject('PUT', userPath(USER_A), { status: 502 });
	// The first wait is half to all of min(Retry Delay, 10 s): 5–10 s.
	const execution = start({ concurrency: 1, retryDelayMs: 20_000, maxRetryWaitSeconds: 600 });
	await answered(502);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(4_000);
	expect(calls(sim)).toEqual(sentBefore);
	expect(sentBefore).toEqual([`PUT ${userPath(USER_A)}`]);
	expect(result.status).toBe('canceled');
	expectNoSecretsIn(result, sim);
});

test("while other items wait for the throttle one item's 429 set", async () => {
	const ids = sim.addUsers(8);
	sim.inject('PUT', userPath(ids[0]), { status: 429, retryAfter: '30' });
	// Items 1–3 answer late, so items 4–7 start only after the 429 has set the shared pause.
	for (const id of ids.slice(1, 4)) sim.inject('PUT', userPath(id), { delayMs: 500 });
	const execution = start({ concurrency: 4 }, {}, ids.map((id) => ({ id })));
	await answered(200, 3);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(10_000);
	// Items 4–7 were held back by the pause and never sent, not even after the cancel.
	expect([...sentBefore].sort()).toEqual(ids.slice(0, 4).map((id) => `PUT ${userPath(id)}`).sort());
	expect(calls(sim)).toEqual(sentBefore);
	expect(result.status).toBe('canceled');
	expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([1, 2, 3].map((item) => ({ item })));
	expect(result.output(CONVIRZA, 1).map((item) => [errorOf(item).error, item.pairedItem])).toEqual(
		[0, 4, 5, 6, 7].map((item) => ['The execution was cancelled', { item }]),
	);
	expectNoSecretsIn(result, sim);
});

test.each([
	['Access Token', false],
	['Email and Password', true],
])('while a reply is outstanding (%s credential)', async (_, credential) => {
	sim.inject('PUT', userPath(USER_A), { delayMs: 30_000 });
	const execution = start({ concurrency: 1 }, credential ? { credential: loginCredential(sim) } : {});
	await until(() => sim.requests('PUT', userPath(USER_A)).length === 1);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(10_000);
	// No request — not even a login — for the items after the cancelled one.
	expect(calls(sim)).toEqual(sentBefore);
	expect(sentBefore).toEqual([...(credential ? ['POST /oauth/token'] : []), `PUT ${userPath(USER_A)}`]);
	expect(result.status).toBe('canceled');
	expectNoSecretsIn(result, sim);
});

test('without "Continue": the run ends as cancelled and sends nothing more', async () => {
	sim.inject('PUT', userPath(USER_B), { status: 503, retryAfter: '30' });
	const execution = startConvirza(sim, {
		items: ITEMS,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Never' }, { fillUnsetFields: false, concurrency: 1 }),
	});
	await answered(503);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(10_000);
	expect(sentBefore).toEqual([`PUT ${userPath(USER_A)}`, `PUT ${userPath(USER_B)}`]);
	expect(calls(sim)).toEqual(sentBefore);
	expect(result.status).toBe('canceled');
	expect(sim.writes.map((write) => write.userId)).toEqual([USER_A]);
	expectNoSecretsIn(result, sim);
});

it('during a slow login (Email and Password): ends at once, without waiting for the login', async () => {
	sim.inject('POST', '/oauth/token', { delayMs: 5_000 });
	const execution = start({ concurrency: 1 }, { credential: loginCredential(sim) });
	await until(() => sim.log.length === 1);

	const cancelledAt = Date.now();
	execution.cancel();
	const result = await execution.result;

	// Well under the 5 s the login takes.
	expect(Date.now() - cancelledAt).toBeLessThan(4_000);
	expect(result.status).toBe('canceled');
	expect(sim.requests('*', /^\/v3\//)).toEqual([]);
});
