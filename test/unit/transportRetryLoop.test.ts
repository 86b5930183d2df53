/**
 * ConvirzaClient's retry loop on a fake n8n context and n8n's fake timers: what each attempt sends,
 * what counts as an answer, the Max Retry Wait budget to the millisecond, the throttle that pauses
 * every request, a cancel during a wait, and the recording download. Written for the survivors of
 * the transport group's mutation run; the engine and reliability suites cover the same loop against
 * the simulator, where exact waits cannot be asserted.
 */
import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { ConvirzaClient, type LoadFeedback, type RequestPolicy } from '../../nodes/Convirza/transport';
import { convirzaNode } from '../kit/node';

const NODE: INode = { ...convirzaNode('Convirza'), credentials: { convirzaApi: { id: 'cred-1', name: 'Convirza account' } } };
const CREDENTIAL_DATA = { baseUrl: 'http://127.0.0.1:9/v3', accessToken: 'token-never-shown' };

/** With random() = 0, the waits before attempts 2, 3, 4 are 200, 400 and 800 ms. */
const POLICY: RequestPolicy = { maxAttempts: 4, maxRetryWaitMs: 5000, timeoutMs: 10_000, retryDelayMs: 400 };

/** What the fake HTTP helper answers, one entry per attempt. */
type Answer = { body: unknown } | { error: unknown };
const status = (code: number, headers: Record<string, string> = {}, data: unknown = { error: `status ${code}` }): Answer => ({
	error: { message: `Request failed with status code ${code}`, response: { status: code, headers, data } },
});

function fakeNode(answers: Answer[], policy: RequestPolicy = POLICY) {
	const cancel = new AbortController();
	const sent: Array<{ options: IHttpRequestOptions; extra?: unknown; at: number }> = [];
	const answer = async (options: IHttpRequestOptions, extra?: unknown) => {
		sent.push({ options, extra, at: Date.now() });
		const next = answers.shift();
		if (next === undefined) throw new Error('The test gave no answer for this attempt');
		if ('error' in next) throw next.error;
		return next.body;
	};
	const context = {
		getNode: () => NODE,
		getCredentials: jest.fn(async () => CREDENTIAL_DATA),
		getExecutionCancelSignal: () => cancel.signal,
		helpers: {
			httpRequestWithAuthentication: jest.fn(async (_type: string, options: IHttpRequestOptions, extra: unknown) =>
				answer(options, extra),
			),
			httpRequest: jest.fn(async (options: IHttpRequestOptions) => answer(options)),
		},
	};
	const feedback: LoadFeedback = { onHealthy: jest.fn(), onThrottle: jest.fn() };
	const client = new ConvirzaClient(context as unknown as IExecuteFunctions, policy, feedback, () => 0);
	return { client, context, sent, cancel, feedback };
}

/** A promise's end, observed at once so that a rejection is never unhandled while timers advance. */
function settled<T>(promise: Promise<T>): Promise<{ value?: T; error?: Error & { context?: { itemIndex?: number }; description?: string } }> {
	return promise.then(
		(value) => ({ value }),
		(error: Error) => ({ error }),
	);
}

const START = Date.parse('2026-12-03T12:00:00Z');
beforeEach(() => jest.useFakeTimers({ now: START }));
afterEach(() => jest.useRealTimers());

describe('ConvirzaClient.request', () => {
	it('sends JSON with the Timeout, through the credential read once, and returns the envelope', async () => {
		const { client, context, sent, feedback } = fakeNode([{ body: { data: { id: 1 } } }, { body: { data: [] } }]);
		await expect(client.request({ method: 'PUT', path: '/users/1', body: { first_name: 'Ada' } })).resolves.toEqual({ data: { id: 1 } });
		await expect(client.request({ method: 'GET', path: '/users', qs: { limit: 200 } })).resolves.toEqual({ data: [] });

		expect(sent[0].options).toEqual({
			method: 'PUT',
			url: 'http://127.0.0.1:9/v3/users/1',
			body: { first_name: 'Ada' },
			qs: undefined,
			json: true,
			timeout: 10_000,
		});
		expect(sent[1].options).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:9/v3/users', qs: { limit: 200 }, json: true });
		const decrypted = { id: 'cred-1', name: 'Convirza account', type: 'convirzaApi', data: CREDENTIAL_DATA };
		expect(sent.map(({ extra }) => extra)).toEqual([{ credentialsDecrypted: decrypted }, { credentialsDecrypted: decrypted }]);
		expect(context.getCredentials).toHaveBeenCalledTimes(1);
		expect(feedback.onHealthy).toHaveBeenCalledTimes(2);
	});

	it.each([['a text', 'OK'], ['a list', [{ id: 1 }]], ['null', null]])(
		'a 200 whose body is %s is garbled: a PUT is sent again, a POST is not',
		async (_case, body) => {
			const put = fakeNode([{ body }, { body: { data: { id: 1 } } }]);
			const result = settled(put.client.request({ method: 'PUT', path: '/users/1', body: {} }));
			await jest.advanceTimersByTimeAsync(200);
			expect((await result).value).toEqual({ data: { id: 1 } });
			expect(put.sent).toHaveLength(2);

			const post = fakeNode([{ body }]);
			const { error } = await settled(post.client.request({ method: 'POST', path: '/users', body: {} }, 4));
			expect(error?.message).toBe('Convirza answered HTTP 200 with a body that is not the expected JSON');
			expect(error?.context?.itemIndex).toBe(4);
			expect(post.sent).toHaveLength(1);
		},
	);

	it("names the item and says what the request's 404 means", async () => {
		const { client } = fakeNode([status(404)]);
		const { error } = await settled(client.request({ method: 'GET', path: '/users/7', notFound: 'No Convirza user has the ID 7.' }, 3));
		expect(error?.message).toBe('Convirza error 404: status 404');
		expect(error?.description).toBe('No Convirza user has the ID 7.');
		expect(error?.context?.itemIndex).toBe(3);
	});

	it('waits a retry that uses up Max Retry Wait exactly, and says how long it tried', async () => {
		// Waits of 200 and 400 ms: exactly the 600 ms allowed.
		const { client, sent } = fakeNode([status(500), status(502), { body: { data: 'ok' } }], { ...POLICY, maxRetryWaitMs: 600 });
		const result = settled(client.request({ method: 'GET', path: '/users' }));
		await jest.advanceTimersByTimeAsync(600);
		expect((await result).value).toEqual({ data: 'ok' });
		expect(sent.map(({ at }) => at - START)).toEqual([0, 200, 600]);
	});

	it('refuses a retry whose wait is longer than what is left of Max Retry Wait, with both numbers', async () => {
		const { client, sent } = fakeNode([status(500), status(502)], { ...POLICY, maxRetryWaitMs: 500 });
		const result = settled(client.request({ method: 'GET', path: '/users' }, 1));
		await jest.advanceTimersByTimeAsync(200);
		const { error } = await result;
		expect(sent).toHaveLength(2);
		expect(error?.message).toBe('Convirza error 502: status 502');
		expect(error?.description).toBe(
			'Convirza had a problem processing the request. Try again later. Gave up after 2 attempts over 0.2 s.' +
				' Not retried: the next attempt was due in 0.4 s, more than the 0.3 s left of Max Retry Wait.',
		);
		expect(error?.context?.itemIndex).toBe(1);
	});

	it('stops after Max Attempts, counting the time spent', async () => {
		const { client, sent } = fakeNode([status(503), status(503), status(503), status(503)]);
		const result = settled(client.request({ method: 'GET', path: '/users' }));
		await jest.advanceTimersByTimeAsync(1400);
		const { error } = await result;
		expect(sent.map(({ at }) => at - START)).toEqual([0, 200, 600, 1400]);
		expect(error?.description).toMatch(/ Gave up after 4 attempts over 1\.4 s\.$/);
	});

	it('a 429 pauses every request of the execution until its Retry-After has passed; a 500 pauses none', async () => {
		const { client, sent, feedback } = fakeNode([
			status(429, { 'retry-after': '2' }),
			{ body: { data: 'first' } },
			{ body: { data: 'second' } },
		]);
		const first = settled(client.request({ method: 'GET', path: '/users/1' }));
		await jest.advanceTimersByTimeAsync(0);
		expect(feedback.onThrottle).toHaveBeenCalledTimes(1);
		const second = settled(client.request({ method: 'GET', path: '/users/2' }));
		await jest.advanceTimersByTimeAsync(1999);
		expect(sent).toHaveLength(1);
		await jest.advanceTimersByTimeAsync(1);
		expect([(await first).value, (await second).value]).toEqual([{ data: 'first' }, { data: 'second' }]);
		expect(sent.map(({ at }) => at - START)).toEqual([0, 2000, 2000]);

		const other = fakeNode([status(500), { body: { data: 'first' } }, { body: { data: 'second' } }]);
		const retried = settled(other.client.request({ method: 'GET', path: '/users/1' }));
		await jest.advanceTimersByTimeAsync(0);
		await expect(other.client.request({ method: 'GET', path: '/users/2' })).resolves.toEqual({ data: 'first' });
		await jest.advanceTimersByTimeAsync(200);
		expect((await retried).value).toEqual({ data: 'second' });
		expect(other.feedback.onThrottle).not.toHaveBeenCalled();
	});

	it('a cancel during the wait before a retry ends the request at once, without another attempt', async () => {
		const { client, sent, cancel } = fakeNode([status(500), { body: { data: 'too late' } }]);
		const result = settled(client.request({ method: 'PUT', path: '/users/1', body: {} }, 2));
		await jest.advanceTimersByTimeAsync(100);
		cancel.abort();
		await jest.advanceTimersByTimeAsync(0);
		const { error } = await result;
		expect(error?.message).toBe('The execution was cancelled');
		expect(error?.context?.itemIndex).toBe(2);
		expect(sent).toHaveLength(1);
	});
});

describe('ConvirzaClient.download', () => {
	const URL = 'https://storage.example.com/recordings/1.mp3?sig=abc';

	it('GETs the file without the credential, as bytes, with its declared type', async () => {
		const bytes = new Uint8Array([1, 2, 3]);
		const { client, context, sent } = fakeNode([
			{ body: { body: bytes.buffer, headers: { 'content-type': 'audio/mpeg' } } },
			{ body: { body: Buffer.from('ID3'), headers: { 'content-type': ['audio/mpeg', 'audio/mp3'] } } },
		]);
		const first = await client.download(URL, 'recording URL');
		expect(first).toEqual({ data: Buffer.from([1, 2, 3]), contentType: 'audio/mpeg' });
		expect(await client.download(URL, 'recording URL')).toEqual({ data: Buffer.from('ID3'), contentType: undefined });
		expect(sent[0].options).toEqual({
			method: 'GET',
			url: URL,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			timeout: 10_000,
		});
		expect(context.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
		expect(context.getCredentials).not.toHaveBeenCalled();
	});

	it('an answer without bytes is garbled and asked again', async () => {
		const { client, sent } = fakeNode([{ body: { body: 'not bytes', headers: {} } }, { body: undefined }, { body: { body: Buffer.from('x') } }]);
		const result = settled(client.download(URL, 'recording URL'));
		await jest.advanceTimersByTimeAsync(600);
		expect((await result).value).toEqual({ data: Buffer.from('x'), contentType: undefined });
		expect(sent).toHaveLength(3);
	});

	it("a 404 says no file is at the URL, naming the item", async () => {
		const { client } = fakeNode([status(404, {}, '')]);
		const { error } = await settled(client.download(URL, 'recording URL', 5));
		expect(error?.description).toBe('No file at the recording URL.');
		expect(error?.context?.itemIndex).toBe(5);
	});

	it('refuses a URL that is not https before sending anything, naming the item', async () => {
		const { client, sent } = fakeNode([]);
		const { error } = await settled(client.download('http://storage.example.com/1.mp3', 'recording URL', 6));
		expect(error?.message).toBe('The recording URL must use https:// (got http://storage.example.com)');
		expect(error?.description).toMatch(/fetch the call again/);
		expect(error?.context?.itemIndex).toBe(6);
		expect(sent).toHaveLength(0);
	});
});
