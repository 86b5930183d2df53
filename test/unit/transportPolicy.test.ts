import { backoffDelay, parseRetryAfter } from '../../nodes/Convirza/transport/backoff';
import { checkServiceUrl } from '../../nodes/Convirza/transport/endpoints';
import { apiErrorHasAmbiguousHint } from './ambiguousHint';
import { classifyError, isRetryable, outcomeOf, type Failure } from '../../nodes/Convirza/transport/failure';
import { DEFAULT_POLICY } from '../../nodes/Convirza/transport';
import { requestOptions } from '../../nodes/Convirza/actions/common/requestOptions';

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-27T10:00:00Z');
	it('reads delta-seconds and HTTP dates', () => {
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});
	it('ignores absent or unreadable values', () => {
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

describe('backoffDelay', () => {
	it('grows exponentially with bounded jitter', () => {
		expect(backoffDelay(1, 500, () => 0)).toBe(250);
		expect(backoffDelay(1, 500, () => 1)).toBe(500);
		expect(backoffDelay(3, 500, () => 0)).toBe(1000);
		expect(backoffDelay(20, 500, () => 1)).toBe(10_000);
		expect(backoffDelay(4, 0, () => 1)).toBe(0);
	});
});

describe('isRetryable', () => {
	it.each([429, 500, 502, 503, 504])('retries idempotent methods on %d', (status) => {
		expect(isRetryable({ kind: 'http', status, body: undefined }, 'PUT')).toBe(true);
	});
	it.each([400, 401, 403, 404])('never retries %d', (status) => {
		expect(isRetryable({ kind: 'http', status, body: undefined }, 'GET')).toBe(false);
	});
	it('retries a POST only when the server certainly did not act', () => {
		expect(isRetryable({ kind: 'http', status: 429, body: undefined }, 'POST')).toBe(true);
		expect(isRetryable({ kind: 'network', code: 'ECONNREFUSED' }, 'POST')).toBe(true);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET' }, 'POST')).toBe(false);
		expect(isRetryable({ kind: 'http', status: 503, body: undefined }, 'POST')).toBe(false);
		expect(isRetryable({ kind: 'malformed', status: 200 }, 'POST')).toBe(false);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET' }, 'PUT')).toBe(true);
	});

	// One answer to "may Convirza have acted?": a POST is retried exactly when the error would not
	// tell the operator that Convirza may have created the user.
	it.each<[string, Failure]>([
		['a refused connection', { kind: 'network', code: 'ECONNREFUSED' }],
		['an unknown host', { kind: 'network', code: 'ENOTFOUND' }],
		['a failed DNS lookup', { kind: 'network', code: 'EAI_AGAIN' }],
		['an unreachable host', { kind: 'network', code: 'EHOSTUNREACH' }],
		['a connect timeout', { kind: 'network', code: 'ERR_SOCKET_CONNECTION_TIMEOUT' }],
		['a rate limit', { kind: 'http', status: 429, body: undefined }],
		['a transient login failure', { kind: 'local', message: 'login', outcome: { transient: true, mayHaveApplied: false } }],
	])('retries a POST after %s, which never reached Convirza', (_case, failure) => {
		expect(outcomeOf(failure).mayHaveApplied).toBe(false);
		expect(isRetryable(failure, 'POST')).toBe(true);
		expect(apiErrorHasAmbiguousHint(failure)).toBe(false);
	});

	it.each<[string, Failure]>([
		['a reset after sending', { kind: 'network', code: 'ECONNRESET' }],
		['a timeout', { kind: 'network', code: 'ETIMEDOUT' }],
		['a garbled answer', { kind: 'malformed', status: 200 }],
		['a gateway error', { kind: 'http', status: 502, body: undefined }],
	])('never repeats a POST after %s, and says Convirza may have acted', (_case, failure) => {
		expect(outcomeOf(failure).mayHaveApplied).toBe(true);
		expect(isRetryable(failure, 'POST')).toBe(false);
		expect(isRetryable(failure, 'PUT')).toBe(true);
		expect(apiErrorHasAmbiguousHint(failure)).toBe(true);
	});

	it('takes a login failure at its word: not transient is not retried, Retry-After is kept', () => {
		const refused: Failure = { kind: 'local', message: 'refused', outcome: { transient: false, mayHaveApplied: false } };
		expect(isRetryable(refused, 'GET')).toBe(false);
		const limited: Failure = {
			kind: 'local',
			message: 'limited',
			outcome: { transient: true, retryAfterMs: 7000, mayHaveApplied: false },
		};
		expect(outcomeOf(limited).retryAfterMs).toBe(7000);
	});
});

describe('classifyError', () => {
	it('finds the HTTP response below n8n wrappers, without keeping the request', () => {
		const axiosError = {
			response: { status: 503, headers: { 'retry-after': '2' }, data: { error: 'busy' } },
			config: { headers: { Authorization: 'Bearer secret' } },
		};
		const failure = classifyError({ message: 'wrapped', cause: axiosError });
		expect(failure).toEqual({ kind: 'http', status: 503, retryAfter: '2', body: { error: 'busy' } });
		expect(JSON.stringify(failure)).not.toContain('secret');
	});
	it('recognises resets and cancellation', () => {
		expect(classifyError({ cause: { code: 'ECONNRESET' } })).toEqual({ kind: 'network', code: 'ECONNRESET' });
		const controller = new AbortController();
		controller.abort();
		expect(classifyError(new Error('x'), controller.signal)).toEqual({ kind: 'cancelled' });
	});
});

describe('checkServiceUrl', () => {
	const fallback = 'https://platform-api.convirza.com/v3';
	it('normalises trailing slashes and empty values', () => {
		expect(checkServiceUrl('https://platform-api.convirza.com/v3//', 'Base URL', fallback)).toEqual({ url: fallback });
		expect(checkServiceUrl('  ', 'Base URL', fallback)).toEqual({ url: fallback });
		expect(checkServiceUrl('http://127.0.0.1:8787/v3/', 'Base URL', fallback)).toEqual({
			url: 'http://127.0.0.1:8787/v3',
		});
		expect(checkServiceUrl('http://localhost:1/v3', 'Base URL', fallback)).toEqual({ url: 'http://localhost:1/v3' });
	});
	it.each([
		'http://platform-api.convirza.com/v3',
		'http://10.0.0.5/v3',
		'ftp://platform-api.convirza.com',
		'https://user:pw@platform-api.convirza.com/v3',
		'https://platform-api.convirza.com/v3?x=1',
		'not a url',
	])('refuses %j', (url) => {
		const checked = checkServiceUrl(url, 'Base URL', fallback);
		expect(checked).toHaveProperty('message');
		expect(JSON.stringify(checked)).not.toContain('pw@');
	});
});

it('the UI defaults of the request options equal DEFAULT_POLICY', () => {
	const byName = Object.fromEntries(requestOptions.map((option) => [option.name, option.default]));
	expect(byName.maxAttempts).toBe(DEFAULT_POLICY.maxAttempts);
	expect(byName.maxRetryWaitSeconds).toBe(DEFAULT_POLICY.maxRetryWaitMs / 1000);
	expect(byName.timeoutMs).toBe(DEFAULT_POLICY.timeoutMs);
	expect(byName.retryDelayMs).toBe(DEFAULT_POLICY.retryDelayMs);
});
