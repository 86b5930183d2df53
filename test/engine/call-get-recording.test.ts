/**
 * Call → Get Recording through n8n's real engine: the recording as binary data (file name with the
 * call ID, MIME type from the answer or the extension), downloaded without the Convirza token, an
 * expired link fetched anew once (410 or expires_at past), a call without recording failing the item
 * or passed through, one output item per input item.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { errorOf, FAST_RETRIES, runOperation, toErrorOutput } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator({ calls: 200 });
});
afterEach(async () => sim.close());

const DAY = 24 * 3600 * 1000;
const CALLS = '/v3/conversations/calls';
const RECORDING = /^\/recordings\//;
const getRecording = (items: object[], parameters: object = {}, extra: object = {}) =>
	runOperation(sim, 'call', 'getRecording', {
		items,
		parameters: { callId: '={{ $json.callId }}', options: FAST_RETRIES, ...parameters },
		...extra,
	});

it('outputs the call and its recording as binary data: name with the call ID, MIME type, size', async () => {
	const { call_id } = sim.addCall();
	const run = await getRecording([{ callId: call_id }]);
	expect(run.status).toBe('success');
	expect(run.items).toHaveLength(1);
	const [item] = run.items;
	expect(item.json).toMatchObject({ call_id, recording_details: { url: expect.any(String) } });
	expect(item.binary?.data).toMatchObject({ fileName: `call-${call_id}.wav`, mimeType: 'audio/wav', fileExtension: 'wav' });
	const bytes = Buffer.from(item.binary!.data.data, 'base64');
	expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
	expect(item.pairedItem).toEqual({ item: 0 });
	expect(sim.requests('GET', CALLS)[0].query).toEqual({ call_id: String(call_id), include: 'recordings', limit: '1' });
	const [download] = sim.requests('GET', RECORDING);
	expect(download.status).toBe(200);
	expect(download.headers.authorization).toBeUndefined();
});

it('another field name; a generic content type leaves the MIME type to the extension', async () => {
	sim.setRecordingType('application/octet-stream');
	const { call_id } = sim.addCall();
	const run = await getRecording([{ callId: call_id }], { binaryPropertyName: 'recording' });
	expect(run.items[0].binary?.recording).toMatchObject({ fileName: `call-${call_id}.wav`, mimeType: 'audio/wav' });
	expect(run.items[0].binary?.data).toBeUndefined();
});

it('a link that answers 410 is fetched anew through the call once, then downloaded', async () => {
	const { call_id } = sim.addCall();
	sim.inject('GET', RECORDING, { status: 410 });
	const run = await getRecording([{ callId: call_id }]);
	expect(run.status).toBe('success');
	expect(run.items[0].binary?.data.fileName).toBe(`call-${call_id}.wav`);
	expect(sim.requests('GET', CALLS)).toHaveLength(2);
	expect(sim.requests('GET', RECORDING).map((r) => r.status)).toEqual([410, 200]);
});

it('an expires_at already past: the call is fetched again before any download', async () => {
	const { call_id } = sim.addCall({ started: Date.now() - 9 * DAY });
	// The first fetch hands out a link whose expires_at passed a day ago; the second, a fresh one.
	sim.setNow(Date.now() - 8 * DAY);
	const first = sim.hold('GET', CALLS);
	const running = getRecording([{ callId: call_id }]);
	await first.arrived();
	const second = sim.hold('GET', CALLS);
	await first.release();
	await second.arrived();
	sim.setNow(Date.now());
	await second.release();
	const run = await running;
	expect(run.status).toBe('success');
	expect(run.items[0].binary?.data.fileName).toBe(`call-${call_id}.wav`);
	expect(sim.requests('GET', RECORDING).map((r) => r.status)).toEqual([200]);
});

it('an expires_at past in the fresh link too: the item fails without downloading', async () => {
	const { call_id } = sim.addCall({ started: Date.now() - 9 * DAY });
	sim.setNow(Date.now() - 8 * DAY);
	const run = await getRecording([{ callId: call_id }], {}, { settings: toErrorOutput });
	expect(errorOf(run.errors[0]).error).toMatch(`The recording of call ${call_id} could not be downloaded`);
	expect(sim.requests('GET', CALLS)).toHaveLength(2);
	expect(sim.requests('GET', RECORDING)).toEqual([]);
});

it('410 again after the fresh link: the item fails clearly; the other items go on', async () => {
	const expired = sim.addCall().call_id;
	const fine = sim.addCall().call_id;
	sim.inject('GET', RECORDING, { status: 410 }, { status: 410 });
	const run = await getRecording([{ callId: expired }, { callId: fine }], { options: { ...FAST_RETRIES, concurrency: 1 } }, { settings: toErrorOutput });
	expect(run.errors).toHaveLength(1);
	expect(errorOf(run.errors[0]).error).toBe(
		`The recording of call ${expired} could not be downloaded: its link had expired, and so had the fresh link Convirza gave for it`,
	);
	expect(run.errors[0].pairedItem).toEqual({ item: 0 });
	expect(run.items.map((item) => item.json.call_id)).toEqual([fine]);
	expect(run.items[0].pairedItem).toEqual({ item: 1 });
});

it('a call without a recording fails its item, or with the option passes through without binary data', async () => {
	const { call_id } = sim.addCall({ disposition: 'NO ANSWER' });
	const failed = await getRecording([{ callId: call_id }], {}, { settings: toErrorOutput });
	expect(errorOf(failed.errors[0]).error).toBe(`Call ${call_id} has no recording`);
	const passed = await getRecording([{ callId: call_id }], { options: { passThroughWithoutRecording: true } });
	expect(passed.items).toHaveLength(1);
	expect(passed.items[0].json).toMatchObject({ call_id, recording_details: null });
	expect(passed.items[0].binary).toBeUndefined();
});

it('an unknown call and a bad Call ID fail their items, the latter before any request', async () => {
	const run = await getRecording([{ callId: 999 }, { callId: '12 34' }], {}, { settings: toErrorOutput });
	expect(run.errors.map((item) => errorOf(item).error)).toEqual([
		'No Convirza call has the ID 999',
		'The "Call ID" parameter must be a call ID, not "12 34" (item 1)',
	]);
	expect(sim.requests('GET', CALLS)).toHaveLength(1);
});
