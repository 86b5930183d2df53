// GET /v3/conversations/calls, the recording endpoint, and the test controls the trigger builds on.
import { startSimulator, FIRST_CALL_ID, KNOWN_CALLERS, type ConvirzaSimulator } from './index';
import { call, expectError, expectSuccess } from './test-helpers';

const NOW = Date.parse('2026-04-01T12:00:00.000Z');
const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const PATH = '/v3/conversations/calls';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator({ now: NOW });
});
afterEach(async () => {
	await sim.close();
});

type Row = Record<string, any> & { call_id: number };
async function list(query: string, token?: string): Promise<{ calls: Row[]; total: number }> {
	return expectSuccess(await call(sim, 'GET', `${PATH}?${query}`, { token }));
}
const range = (from: number, to: number) => `start=${iso(from)}&end=${iso(to)}`;

describe('the fixture', () => {
	test('5,000 calls over the 90 days up to the clock, IDs rising with time, Other Corp\'s among them', () => {
		const calls = sim.calls();
		expect(calls).toHaveLength(5000);
		expect(calls[0].call_id).toBe(FIRST_CALL_ID);
		const ids = calls.map((c) => c.call_id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		const starts = calls.map((c) => Date.parse(c.call_started as string));
		expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW - 90 * DAY);
		expect(Math.max(...starts)).toBeLessThanOrEqual(NOW);
		expect(calls.filter((c) => c.org_unit_id === 90001).length).toBeGreaterThan(300);
		expect(calls.filter((c) => c.caller_id === KNOWN_CALLERS[0].number)).toHaveLength(10);
	});
	test('the same clock gives the same fixture', async () => {
		const [a, b] = await Promise.all([startSimulator({ now: NOW, calls: 50 }), startSimulator({ now: NOW, calls: 50 })]);
		try {
			expect(a.calls()).toHaveLength(50);
			expect(a.calls()).toEqual(b.calls());
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});

describe('listing', () => {
	test('no range: the last 7 days of the clock, the caller\'s groups only, data.calls and data.total', async () => {
		const data = await list('limit=200');
		const expected = sim.calls().filter((c) => Date.parse(c.call_started as string) >= NOW - 7 * DAY && c.org_unit_id !== 90001);
		expect(data.total).toBe(expected.length);
		expect(data.calls).toHaveLength(200);
		expect(Object.keys(data)).toEqual(['calls', 'total']);
		expect(data.calls[0]).toMatchObject({ call_id: expect.any(Number), call_started: expect.any(String), caller_id: expect.stringMatching(/^\+/) });
		sim.setNow(NOW + 3 * DAY);
		expect((await list('limit=1')).total).toBeLessThan(expected.length);
	});
	test('paging with offset returns every call of a window once; the order is not by time', async () => {
		const seen: Row[] = [];
		for (let offset = 0; ; offset += 200) {
			const page = await list(`limit=200&offset=${offset}&${range(NOW - 31 * DAY, NOW)}`);
			seen.push(...page.calls);
			if (page.calls.length < 200) break;
		}
		expect(new Set(seen.map((c) => c.call_id)).size).toBe(seen.length);
		const starts = seen.map((c) => c.call_started as string);
		expect(starts).not.toEqual([...starts].sort());
	});
	test('the window is inclusive at both ends, on the start time', async () => {
		const at = NOW - 2 * DAY;
		const added = sim.addCall({ started: at, caller_id: '+15550001111' });
		expect((await list(`limit=5&caller_id=%2B15550001111&${range(at, at + 1000)}`)).calls.map((c) => c.call_id)).toEqual([added.call_id]);
		expect((await list(`limit=5&caller_id=%2B15550001111&${range(at - 1000, at)}`)).calls.map((c) => c.call_id)).toEqual([added.call_id]);
	});
	test.each([
		['', "Query parameter 'limit' is required"],
		['limit=0', "Query parameter 'limit' must be an integer between 1 and 200"],
		['limit=201', "Query parameter 'limit' must be an integer between 1 and 200"],
		['limit=10&start=2026-03-01', "Query parameter 'start' must be an ISO 8601 UTC date-time, e.g. 2026-04-01T00:00:00Z"],
		['limit=10&start=2026-03-02T00:00:00Z&end=2026-03-01T00:00:00Z', "'end' must be after 'start'"],
		['limit=10&start=2026-03-01T00:00:00Z&end=2026-03-01T00:00:00Z', "'end' must be after 'start'"],
		['limit=10&start=2026-01-01T00:00:00Z&end=2026-02-01T00:00:01Z', 'The date range between start and end must not exceed 31 days'],
		['limit=10&caller_id=2065550123', "Query parameter 'caller_id' must be an E.164 number such as +15551234567"],
		['limit=10&disposition=ANSWERED,MISSED', "Query parameter 'disposition' must list values among ANSWERED, NO ANSWER, BUSY, FAILED, VOICEMAIL, ABANDONED, TRANSFERRED, got 'MISSED'"],
		['limit=10&include=recording', "Query parameter 'include' must list values among tags, comments, custom_sources, call_flow, recordings, transcription, got 'recording'"],
		['limit=10&campaign_id=', "Query parameter 'campaign_id' must not be empty"],
	])('400 for ?%s', async (query, error) => {
		expectError(await call(sim, 'GET', `${PATH}?${query}`), 400, 'Bad Request', error, PATH);
	});
	test('exactly 31 days is allowed', async () => {
		expect((await list(`limit=1&${range(NOW - 31 * DAY, NOW)}`)).total).toBeGreaterThan(1500);
	});
	test('an org unit out of scope answers 403; a Standard user sees only Sales Team calls', async () => {
		expectError(await call(sim, 'GET', `${PATH}?limit=5&org_unit_id=90001`), 403, 'Forbidden', 'Org unit is outside your scope', PATH);
		expectError(await call(sim, 'GET', `${PATH}?limit=5&org_unit_id=65000`, { token: sim.tokens.standard }), 403, 'Forbidden', 'Org unit is outside your scope', PATH);
		const own = await list('limit=200', sim.tokens.standard);
		expect(new Set(own.calls.map((c) => c.org_unit_id))).toEqual(new Set([70035]));
		const west = await list('limit=200&org_unit_id=65000');
		expect(new Set(west.calls.map((c) => c.org_unit_id))).toEqual(new Set([65000, 70035, 70036]));
	});
	test('filters: caller, tracking number, ring-to, campaign, call flow, dispositions (comma or repeated)', async () => {
		const window = range(NOW - 31 * DAY, NOW);
		const all = (await list(`limit=200&${window}`)).total;
		const only = async (filter: string, check: (c: Row) => boolean) => {
			const data = await list(`limit=200&${window}&${filter}`);
			expect(data.total).toBeGreaterThan(0);
			expect(data.total).toBeLessThan(all);
			expect(data.calls.every(check)).toBe(true);
		};
		await only(`caller_id=${encodeURIComponent(KNOWN_CALLERS[0].number)}`, (c) => c.caller_id === KNOWN_CALLERS[0].number);
		await only('phone_number=%2B18005550103', (c) => c.phone_number === '+18005550103');
		await only('ring_to=%2B12065550200', (c) => c.ring_to === '+12065550200');
		await only('campaign_id=3002', (c) => c.campaign_id === 3002);
		await only('provisioned_route_id=4104', (c) => c.provisioned_route_id === 4104);
		await only('disposition=BUSY,VOICEMAIL', (c) => c.disposition === 'BUSY' || c.disposition === 'VOICEMAIL');
		await only('disposition=BUSY&disposition=NO%20ANSWER', (c) => c.disposition === 'BUSY' || c.disposition === 'NO ANSWER');
	});
	test('setCallShape: another rows key and start key', async () => {
		sim.setCallShape({ listKey: 'rows', startKey: 'start_time' });
		const data = expectSuccess(await call(sim, 'GET', `${PATH}?limit=1`));
		expect(Object.keys(data)).toEqual(['rows', 'total']);
		expect(data.rows[0]).toHaveProperty('start_time');
		expect(data.rows[0]).not.toHaveProperty('call_started');
	});
});

describe('call_id single-record mode and include', () => {
	test('call_id ignores range and paging; unknown or out of scope → 404', async () => {
		const old = sim.calls().find((c) => c.org_unit_id === 70035)!;
		const data = await list(`limit=1&offset=50&call_id=${old.call_id}&${range(NOW - DAY, NOW)}`);
		expect(data.calls).toEqual([old]);
		expectError(await call(sim, 'GET', `${PATH}?limit=1&call_id=999`), 404, 'Not Found', 'Call not found', PATH);
		const foreign = sim.calls().find((c) => c.org_unit_id === 90001)!;
		expectError(await call(sim, 'GET', `${PATH}?limit=1&call_id=${foreign.call_id}`), 404, 'Not Found', 'Call not found', PATH);
	});
	test('every expansion, and a recording URL valid 7 days from the fetch', async () => {
		const id = sim.addCall({ tags: ['new lead'], transcript: 'Hello' }).call_id;
		const [row] = (await list(`limit=1&call_id=${id}&include=tags,comments,custom_sources,call_flow,recordings,transcription`)).calls;
		expect(row.tags).toEqual([{ tag_id: 100, tag_name: 'new lead' }]);
		expect(row.comments).toEqual(expect.any(Array));
		expect(row).toHaveProperty('custom_sources');
		expect(row.call_flow).toMatchObject({ provisioned_route_id: 4101, tracking_number: '+18005550101' });
		expect(row.transcription).toEqual({ text: 'Hello', language: 'en-US' });
		expect(row.recording_details).toMatchObject({ expires_at: NOW / 1000 + 7 * 24 * 3600, format: 'wav', duration: 120 });
		expect(row.recording_details.url).toMatch(new RegExp(`^${sim.oauthUrl}/recordings/${id}\\.wav\\?expires=\\d+&signature=[0-9a-f]+$`));
		const bare = (await list(`limit=1&call_id=${id}`)).calls[0];
		expect(bare).not.toHaveProperty('recording_details');
		expect(bare).not.toHaveProperty('tags');
	});
	test('a call without a recording: recording_details null', async () => {
		const id = sim.addCall({ disposition: 'NO ANSWER' }).call_id;
		expect((await list(`limit=1&call_id=${id}&include=recordings`)).calls[0].recording_details).toBeNull();
	});
});

describe('the recording endpoint', () => {
	async function recordingUrl(id: number): Promise<string> {
		return (await list(`limit=1&call_id=${id}&include=recordings`)).calls[0].recording_details.url;
	}
	test('serves WAV audio with its content type, without a bearer token', async () => {
		const id = sim.addCall().call_id;
		const res = await fetch(await recordingUrl(id));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('audio/wav');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
		expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
		expect(bytes.length).toBe(44 + 16000);
		sim.setRecordingType('application/octet-stream');
		expect((await fetch(await recordingUrl(id))).headers.get('content-type')).toBe('application/octet-stream');
	});
	test('an Authorization header is refused; a forged signature is 403', async () => {
		const url = await recordingUrl(sim.addCall().call_id);
		const withToken = await fetch(url, { headers: { authorization: `Bearer ${sim.tokens.admin}` } });
		expect(withToken.status).toBe(400);
		expect((await fetch(url.replace(/signature=[0-9a-f]/, 'signature=x'))).status).toBe(403);
	});
	test('expired after 7 days: 410 Gone; a fresh fetch of the call gives a URL that works', async () => {
		const id = sim.addCall().call_id;
		const old = await recordingUrl(id);
		sim.setNow(NOW + 7 * DAY + 1000);
		const gone = await fetch(old);
		expect(gone.status).toBe(410);
		expect(await gone.json()).toMatchObject({ statusCode: 410, error: 'Recording URL has expired' });
		const fresh = await recordingUrl(id);
		expect(fresh).not.toBe(old);
		expect((await fetch(fresh)).status).toBe(200);
	});
});

describe('test controls', () => {
	test('addCall continues the IDs; a call in progress is listed only once ended, under its start time', async () => {
		const started = NOW - 3600_000;
		const live = sim.addCall({ started, inProgress: true, caller_id: '+15550002222' });
		expect(live.call_id).toBe(FIRST_CALL_ID + 5000);
		expect(live.call_ended).toBeNull();
		const window = `limit=10&caller_id=%2B15550002222&${range(NOW - DAY, NOW)}`;
		expect((await list(window)).calls).toEqual([]);
		sim.setNow(NOW + 600_000);
		const ended = sim.endCall(live.call_id);
		expect(ended.call_ended).toBe(iso(NOW + 600_000));
		expect((await list(window)).calls.map((c) => c.call_id)).toEqual([live.call_id]);
		expect(() => sim.endCall(live.call_id)).toThrow('has ended already');
	});
	test('injectAfter: the second page of a listing answers 500, the rest as usual', async () => {
		sim.injectAfter('GET', PATH, 1, { status: 500 });
		await list('limit=1');
		expectError(await call(sim, 'GET', `${PATH}?limit=1&offset=1`), 500, 'Internal Server Error', 'Injected fault', PATH);
		await list('limit=1&offset=1');
		expect(sim.requests('GET', PATH).map((r) => r.status)).toEqual([200, 500, 200]);
	});
});
