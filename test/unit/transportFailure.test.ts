/**
 * How the transport reads a failure: through n8n's wrappers to the HTTP error, what counts as a
 * cancel or a broken connection, what a login's marked outcome says, and which failures make every
 * item slow down. Written for the survivors of the transport group's first mutation run.
 */
import { parseRetryAfter } from '../../nodes/Convirza/transport/backoff';
import { classifyError, isThrottle, outcomeOf } from '../../nodes/Convirza/transport/failure';

/** `error` wrapped `depth` times in `cause`, as n8n and axios nest them. */
function wrapped(error: object, depth: number): object {
	let current = error;
	for (let i = 0; i < depth; i++) current = { message: `wrapper ${i}`, cause: current };
	return current;
}
const throttled = { response: { status: 503, headers: { 'retry-after': ' 2 ' }, data: { message: 'busy' } } };

describe('parseRetryAfter', () => {
	it('reads whole seconds, spaces around them allowed, and nothing that only starts or ends with digits', () => {
		expect(parseRetryAfter(' 2 ', 0)).toBe(2000);
		expect(parseRetryAfter('5 minutes', 0)).toBeUndefined();
		expect(parseRetryAfter('abc12', 0)).toBeUndefined();
	});
});

describe('classifyError', () => {
	it('finds the HTTP answer up to five wrappers deep, and no deeper', () => {
		expect(classifyError(wrapped(throttled, 4))).toEqual({ kind: 'http', status: 503, retryAfter: ' 2 ', body: { message: 'busy' } });
		expect(classifyError(wrapped(throttled, 5))).toMatchObject({ kind: 'local', message: 'wrapper 4' });
	});

	it('stops at a cause that is not an error object', () => {
		expect(classifyError({ message: 'outer', cause: 'text' })).toMatchObject({ kind: 'local', message: 'outer' });
		expect(classifyError({ message: 'outer', cause: null })).toMatchObject({ kind: 'local', message: 'outer' });
	});

	it('an absent Retry-After is no header, not the text "null"', () => {
		expect(classifyError({ response: { status: 429, headers: { 'retry-after': null } } })).toMatchObject({ retryAfter: undefined });
		expect(classifyError({ response: { status: 429 } })).toMatchObject({ retryAfter: undefined });
	});

	it.each([
		[{ code: 'ERR_CANCELED' }],
		[{ name: 'CanceledError' }],
	])('%j is a cancel', (error) => {
		expect(classifyError(error)).toEqual({ kind: 'cancelled' });
	});

	it.each(['socket hang up', 'other side closed: terminated'])('"%s" is a broken connection', (message) => {
		expect(classifyError({ message })).toEqual({ kind: 'network', code: 'ECONNRESET' });
	});

	it("keeps a login's marked outcome, on the error or its cause, and only a well-formed one", () => {
		const outcome = { transient: true, mayHaveApplied: false };
		expect(classifyError({ message: 'Login refused', outcome })).toMatchObject({ kind: 'local', outcome });
		expect(classifyError({ message: 'Login refused', cause: { outcome } })).toMatchObject({ kind: 'local', outcome });
		expect(classifyError({ message: 'Login refused', outcome: { transient: 'yes' } })).not.toHaveProperty('outcome');
		expect(classifyError({ message: 'Login refused', outcome: null })).not.toHaveProperty('outcome');
		expect(classifyError({})).toMatchObject({ kind: 'local', message: 'Unknown error' });
	});
});

describe('outcomeOf and isThrottle', () => {
	it('a cancel may have been applied and is never retried; a local failure without a mark was not sent', () => {
		expect(outcomeOf({ kind: 'cancelled' })).toEqual({ transient: false, mayHaveApplied: true });
		expect(outcomeOf({ kind: 'local', message: 'Insecure URL' })).toEqual({ transient: false, mayHaveApplied: false });
	});

	it('429 and 503 and a login marked transient slow every item down; nothing else does', () => {
		const http = (status: number) => ({ kind: 'http' as const, status, body: undefined });
		expect([429, 503, 500, 502, 400].map((status) => isThrottle(http(status)))).toEqual([true, true, false, false, false]);
		expect(isThrottle({ kind: 'local', message: 'Login failed', outcome: { transient: true, mayHaveApplied: false } })).toBe(true);
		expect(isThrottle({ kind: 'local', message: 'Login refused', outcome: { transient: false, mayHaveApplied: false } })).toBe(false);
		expect(isThrottle({ kind: 'local', message: 'Insecure URL' })).toBe(false);
		expect(isThrottle({ kind: 'network', code: 'ECONNRESET' })).toBe(false);
	});
});
