/**
 * Cancelling the execution ("Stop execution") while the node waits — for a Retry-After, for an
 * exponential backoff, for the throttle another item set, for a reply or for a login — ends the
 * node at once: the run resolves long before the wait would have ended, no request is sent after
 * the cancel, and no wait of the node is left pending that could send one later.
 *
 * Each test cancels once the node provably waits: the node has started the timer of its wait
 * (useSleepWatch), or the request it waits on has arrived and is held by the simulator, never to
 * be answered. "At once" is the behaviour under test, so it is measured: against a wait of at
 * least 5 s, of 45 s, or without end, with a bound of 4 or 10 s — far above any scheduling delay
 * (the expected value is milliseconds) and below the wait that was cut short.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { ConvirzaSimulator } from '../simulator';
import { CONVIRZA, loginCredential, startConvirza, type RunOptions } from '../engine/convirzaWorkflow';
import {
	USER_A, USER_B, USER_C, calls, errorOf, expectNoSecretsIn, toErrorOutput, updateParameters, useSimulator, useSleepWatch,
	userPath,
} from '../kit';

// A fresh simulator per test, each open until the end of the file: the login credential caches its
// token by OAuth URL, which a later simulator on a reused port would otherwise inherit.
const { current } = useSimulator();
let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

const waits = useSleepWatch();

const ITEMS = [{ id: USER_A }, { id: USER_B }, { id: USER_C }];
/** What Convirza asks for; no other timer of the node lasts this long (Timeout (Ms) is 30 s). */
const RETRY_AFTER_S = 45;
const retryAfterWait = (ms: number) => ms === RETRY_AFTER_S * 1000;

function start(options: INodeParameters, extra: Partial<RunOptions> = {}, items: object[] = ITEMS) {
	return startConvirza(sim, {
		items,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Never' }, { fillUnsetFields: false, ...options }),
		settings: toErrorOutput,
		...extra,
	});
}

/** Cancels and returns the run's result, how long it took to end, and the log as it was at the cancel. */
async function cancel(execution: ReturnType<typeof start>) {
	const sentBefore = calls(sim);
	const cancelledAt = Date.now();
	execution.cancel();
	const result = await execution.result;
	const tookMs = Date.now() - cancelledAt;
	// No wait of the node is left that could send a request later.
	expect(waits.pending()).toBe(0);
	return { result, tookMs, sentBefore };
}

test.each([429, 503])('during a Retry-After wait after a %i', async (status) => {
	sim.inject('PUT', userPath(USER_A), { status, retryAfter: String(RETRY_AFTER_S) });
	const execution = start({ concurrency: 1 });
	await waits.started(retryAfterWait);

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
	await waits.started((ms) => ms >= 5_000 && ms <= 10_000);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(4_000);
	expect(calls(sim)).toEqual(sentBefore);
	expect(sentBefore).toEqual([`PUT ${userPath(USER_A)}`]);
	expect(result.status).toBe('canceled');
	expectNoSecretsIn(result, sim);
});

test("while other items wait for the throttle one item's 429 set", async () => {
	const ids = sim.addUsers(8);
	sim.inject('PUT', userPath(ids[0]), { status: 429, retryAfter: String(RETRY_AFTER_S) });
	// Items 1–3 are answered only once the 429 has set the shared pause (item 0 then waits out its
	// Retry-After), so items 4–7 start during the pause.
	const middle = ids.slice(1, 4).map((id) => sim.hold('PUT', userPath(id)));
	const execution = start({ concurrency: 4 }, {}, ids.map((id) => ({ id })));
	await waits.started(retryAfterWait);
	for (const held of middle) await held.release();
	// Item 0's own wait, and one throttle wait (what is left of the pause) for each of items 4–6,
	// which took the slots of items 1–3; item 7 waits for a slot.
	await waits.started((ms) => ms > 30_000 && ms <= RETRY_AFTER_S * 1000, 4);

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
	// Held until the simulator closes: the reply never comes.
	const put = sim.hold('PUT', userPath(USER_A));
	const execution = start({ concurrency: 1 }, credential ? { credential: loginCredential(sim) } : {});
	await put.arrived();

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(10_000);
	// No request — not even a login — for the items after the cancelled one.
	expect(calls(sim)).toEqual(sentBefore);
	expect(sentBefore).toEqual([...(credential ? ['POST /oauth/token'] : []), `PUT ${userPath(USER_A)}`]);
	expect(result.status).toBe('canceled');
	expectNoSecretsIn(result, sim);
});

test('without "Continue": the run ends as cancelled and sends nothing more', async () => {
	sim.inject('PUT', userPath(USER_B), { status: 503, retryAfter: String(RETRY_AFTER_S) });
	const execution = startConvirza(sim, {
		items: ITEMS,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Never' }, { fillUnsetFields: false, concurrency: 1 }),
	});
	await waits.started(retryAfterWait);

	const { result, tookMs, sentBefore } = await cancel(execution);

	expect(tookMs).toBeLessThan(10_000);
	expect(sentBefore).toEqual([`PUT ${userPath(USER_A)}`, `PUT ${userPath(USER_B)}`]);
	expect(calls(sim)).toEqual(sentBefore);
	expect(result.status).toBe('canceled');
	expect(sim.writes.map((write) => write.userId)).toEqual([USER_A]);
	expectNoSecretsIn(result, sim);
});

it('during a login that never answers (Email and Password): ends at once, without waiting for the login', async () => {
	const login = sim.hold('POST', '/oauth/token');
	const execution = start({ concurrency: 1 }, { credential: loginCredential(sim) });
	await login.arrived();

	const { result, tookMs } = await cancel(execution);

	expect(tookMs).toBeLessThan(4_000);
	expect(result.status).toBe('canceled');
	expect(sim.requests('*', /^\/v3\//)).toEqual([]);
});
