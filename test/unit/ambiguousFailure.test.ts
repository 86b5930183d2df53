import { failureToError, type FailureContext } from '../../nodes/Convirza/transport/apiError';
import type { Failure } from '../../nodes/Convirza/transport/failure';
import { convirzaNode } from '../kit/node';

const node = convirzaNode('Convirza');
const ambiguous = 'Convirza may have created the user; check before running again.';
const context: FailureContext = { itemIndex: 0, ambiguous, attempts: 1, elapsedMs: 5 };

const describeFailure = (failure: Failure, ctx: FailureContext = context) => failureToError(node, failure, ctx).description;

describe('failureToError: the "ambiguous" hint of requests that are not safe to repeat', () => {
	it.each<[string, Failure]>([
		['a reset after sending', { kind: 'network', code: 'ECONNRESET' }],
		['a timeout', { kind: 'network', code: 'ETIMEDOUT' }],
		['a garbled answer', { kind: 'malformed', status: 200 }],
		['a server error', { kind: 'http', status: 500, body: { error: 'boom' } }],
		['a gateway timeout', { kind: 'http', status: 504, body: undefined }],
	])('replaces the generic hint after %s', (_case, failure) => {
		expect(describeFailure(failure)).toMatch(new RegExp(`^${ambiguous.replace(/[.;]/g, '\\$&')}`));
	});

	it.each<[string, Failure]>([
		['a refused connection', { kind: 'network', code: 'ECONNREFUSED' }],
		['an unknown host', { kind: 'network', code: 'ENOTFOUND' }],
		['a validation error', { kind: 'http', status: 400, body: { error: 'Email already in use' } }],
		['a rate limit', { kind: 'http', status: 429, body: undefined }],
		['a missing token', { kind: 'http', status: 401, body: undefined }],
	])('keeps the usual hint after %s: Convirza certainly did not act', (_case, failure) => {
		expect(describeFailure(failure)).not.toContain(ambiguous);
	});

	it('changes nothing for requests without the hint', () => {
		const { ambiguous: _omitted, ...plain } = context;
		expect(describeFailure({ kind: 'network', code: 'ECONNRESET' }, plain)).toBe(
			'Check the Base URL of the credential and that Convirza is reachable.',
		);
	});

	it('keeps the attempts note and the Convirza request ID', () => {
		const description = describeFailure(
			{ kind: 'http', status: 502, body: { error: 'Bad gateway', requestId: 'req-1' } },
			{ ...context, attempts: 2, elapsedMs: 1500 },
		);
		expect(description).toBe(`${ambiguous} Gave up after 2 attempts over 1.5 s. Convirza request ID: req-1.`);
	});
});
