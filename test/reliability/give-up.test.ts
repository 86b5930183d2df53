/**
 * When a request keeps failing until a retry bound (Max Attempts, or Max Retry Wait) is reached,
 * its item fails with an error that says what the last answer was (message), how many attempts
 * were made over how long (description), and Convirza's request ID of that last answer; the other
 * items are not affected, and nothing is sent for the item after it gave up.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { ConvirzaSimulator, Fault } from '../simulator';
import { startSimulator } from '../simulator';
import { CONVIRZA, runConvirza } from '../engine/convirzaWorkflow';
import {
	SHORT_TIMEOUT_MS, USER_A, USER_B, calls, errorOf, expectNoSecretsIn, gaveUp, messageFor, toErrorOutput, updateParameters, userPath,
} from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => (sim = await startSimulator()));
afterEach(async () => await sim.close());

const ITEMS = [{ id: USER_A }, { id: USER_B }];
const PUT_B = `PUT ${userPath(USER_B)}`;

const convirzaError = (requestId: string) => ({
	status: 500,
	body: { statusCode: 500, message: 'Internal Server Error', error: 'Database unavailable', timestamp: '2026-01-20T12:34:56.789Z', path: userPath(USER_B), requestId },
});

interface GiveUpCase {
	name: string;
	faults: Fault[];
	options?: INodeParameters;
	message: string;
	attempts: number;
	/** Lower bound of the waits alone, in seconds as the description rounds them. */
	minSeconds: number;
	descriptionStart: string;
	httpCode?: string;
	/** Attempts Convirza applied although their reply was lost. */
	applied?: number;
	/** Convirza's request ID the error must quote: that of the last reply, a fixed one, or none. */
	requestId?: 'last reply' | string;
}

const SERVER_PROBLEM = 'Convirza had a problem processing the request. Try again later.';
const UNREACHABLE = 'Check the Base URL of the credential and that Convirza is reachable.';

const CASES: GiveUpCase[] = [
	{
		name: '502, 503, 504: the last answer is named',
		faults: [{ status: 502 }, { status: 503 }, { status: 504 }],
		message: 'Convirza error 504: Injected fault', attempts: 3, minSeconds: 0, descriptionStart: SERVER_PROBLEM, httpCode: '504', requestId: 'last reply',
	},
	{
		name: "500 with Convirza's own reason and request ID, from the last answer",
		faults: [convirzaError('req-first'), convirzaError('req-second'), convirzaError('req-last')],
		message: 'Convirza error 500: Database unavailable', attempts: 3, minSeconds: 0, descriptionStart: SERVER_PROBLEM, httpCode: '500',
		requestId: 'req-last',
	},
	{
		name: 'HTML error pages with status 502',
		faults: [{ html: true, status: 502 }, { html: true, status: 502 }, { html: true, status: 502 }],
		message: messageFor({ html: true }), attempts: 3, minSeconds: 0, descriptionStart: SERVER_PROBLEM, httpCode: '502',
	},
	{
		name: '429 with Retry-After 0',
		faults: [{ status: 429, retryAfter: '0' }, { status: 429, retryAfter: '0' }, { status: 429, retryAfter: '0' }],
		message: 'Convirza error 429: Injected fault', attempts: 3, minSeconds: 0,
		descriptionStart: 'Convirza is limiting requests. Lower the Concurrency option or run the workflow later.', httpCode: '429',
		requestId: 'last reply',
	},
	{
		name: 'connections reset before the reply',
		faults: [{ reset: 'before' }, { reset: 'before' }, { reset: 'before' }],
		message: messageFor({ reset: 'before' }), attempts: 3, minSeconds: 0, descriptionStart: UNREACHABLE,
	},
	{
		name: 'connections reset after Convirza applied the PUT',
		faults: [{ reset: 'after' }, { reset: 'after' }, { reset: 'after' }],
		message: messageFor({ reset: 'after' }), attempts: 3, minSeconds: 0, descriptionStart: UNREACHABLE, applied: 3,
	},
	{
		name: 'malformed JSON',
		faults: [{ malformedJson: true }, { malformedJson: true }, { malformedJson: true }],
		message: messageFor({ malformedJson: true }), attempts: 3, minSeconds: 0,
		descriptionStart: 'Check that the Base URL points to the Convirza API.', httpCode: '200', applied: 3,
	},
	{
		name: 'replies that never come, each attempt cut by the timeout',
		faults: [{ hang: true }, { hang: true }, { hang: true }],
		options: { timeoutMs: SHORT_TIMEOUT_MS, maxAttempts: 3 },
		message: messageFor({ hang: true }), attempts: 3, minSeconds: (3 * SHORT_TIMEOUT_MS) / 1000, descriptionStart: "Raise the Timeout (Ms) option if Convirza is slow, or try again later.",
	},
	{
		name: 'exponential backoff: the waits count towards "over X s"',
		faults: [{ status: 503 }, { status: 503 }, { status: 503 }],
		// Waits of 100–200 ms and 200–400 ms.
		options: { retryDelayMs: 200, maxAttempts: 3 },
		message: 'Convirza error 503: Injected fault', attempts: 3, minSeconds: 0.3, descriptionStart: SERVER_PROBLEM, httpCode: '503', requestId: 'last reply',
	},
	{
		name: 'the default Max Attempts is 5',
		faults: Array<Fault>(6).fill({ status: 503 }),
		options: {},
		message: 'Convirza error 503: Injected fault', attempts: 5, minSeconds: 0, descriptionStart: SERVER_PROBLEM, httpCode: '503', requestId: 'last reply',
	},
	{
		name: 'Max Retry Wait reached before Max Attempts',
		faults: Array<Fault>(5).fill({ status: 503 }),
		// First wait 200–400 ms fits 0.5 s; the second (400–800 ms) would not: 2 attempts.
		options: { maxAttempts: 5, retryDelayMs: 400, maxRetryWaitSeconds: 0.5 },
		message: 'Convirza error 503: Injected fault', attempts: 2, minSeconds: 0.2, descriptionStart: SERVER_PROBLEM, httpCode: '503', requestId: 'last reply',
	},
];

test.each(CASES)('$name', async ({ faults, options, message, attempts, minSeconds, descriptionStart, httpCode, applied, requestId }) => {
	sim.inject('PUT', userPath(USER_B), ...faults);
	const started = Date.now();

	const result = await runConvirza(sim, {
		items: ITEMS,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Gave' }, { concurrency: 1, fillUnsetFields: false, ...(options ?? { maxAttempts: 3 }) }),
		settings: toErrorOutput,
	});
	const elapsedSeconds = (Date.now() - started) / 1000;

	expect(calls(sim)).toEqual([`PUT ${userPath(USER_A)}`, ...Array<string>(attempts).fill(PUT_B)]);
	expect(result.status).toBe('success');
	expect(result.output(CONVIRZA, 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	const failed = result.output(CONVIRZA, 1);
	expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);

	const { error, message: description } = errorOf(failed[0]);
	expect(failed[0].json.id).toBe(USER_B);
	expect(error).toBe(message);
	expect(description?.startsWith(descriptionStart)).toBe(true);
	// The attempts note follows the hint at once.
	expect(description?.startsWith(`${descriptionStart} Gave up after ${attempts} attempts over `)).toBe(true);
	const [madeAttempts, seconds] = gaveUp(description) ?? [];
	expect(madeAttempts).toBe(attempts);
	expect(seconds).toBeGreaterThanOrEqual(minSeconds);
	expect(seconds).toBeLessThanOrEqual(Math.ceil(elapsedSeconds * 10) / 10);
	// The error item has no field for the HTTP code: its message names it.
	if (httpCode !== undefined) expect(error).toMatch(new RegExp(`\\b${httpCode}\\b`));

	// The request ID is the one of the last answer: proof that the error reports it, not the first.
	const expectedId = requestId === 'last reply' ? sim.requests('PUT', userPath(USER_B)).at(-1)!.requestId : requestId;
	if (expectedId === undefined) expect(description).not.toContain('request ID');
	else expect(description).toMatch(new RegExp(`Convirza request ID: ${expectedId}\\.$`));

	expect(sim.writes.filter((write) => write.userId === USER_B)).toHaveLength(applied ?? 0);
	expectNoSecretsIn(result, sim);
});

test('a read that gives up fails the item without sending the write', async () => {
	sim.inject('GET', userPath(USER_B), { status: 503 }, { status: 503 });

	const result = await runConvirza(sim, {
		items: ITEMS,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Gave' }, { concurrency: 1, maxAttempts: 2 }),
		settings: toErrorOutput,
	});

	expect(calls(sim)).toEqual([
		`GET ${userPath(USER_A)}`, `PUT ${userPath(USER_A)}`, `GET ${userPath(USER_B)}`, `GET ${userPath(USER_B)}`,
	]);
	const [failed] = result.output(CONVIRZA, 1);
	expect(failed.pairedItem).toEqual({ item: 1 });
	expect(errorOf(failed).error).toBe('Convirza error 503: Injected fault');
	expect(gaveUp(errorOf(failed).message)?.[0]).toBe(2);
	expect(sim.userRecord(USER_B)?.first_name).toBe('Carla');
	expectNoSecretsIn(result, sim);
});

test('without "Continue", the node stops with the same NodeApiError, attempts and all', async () => {
	sim.inject('PUT', userPath(USER_B), { status: 502 }, { status: 502 });

	const result = await runConvirza(sim, {
		items: ITEMS,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Gave' }, { concurrency: 1, fillUnsetFields: false, maxAttempts: 2 }),
	});

	expect(result.status).toBe('error');
	expect(result.error).toMatchObject({ name: 'NodeApiError', message: 'Convirza error 502: Injected fault', httpCode: '502' });
	expect(result.error?.description).toMatch(/Gave up after 2 attempts over \d+\.\d s\./);
	expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	expectNoSecretsIn(result, sim);
});

it('a Retry-After longer than what is left of Max Retry Wait: gives up at once, and the error says so', async () => {
	sim.inject('PUT', userPath(USER_A), { status: 429, retryAfter: '120' });

	const result = await runConvirza(sim, {
		items: [{ id: USER_A }],
		parameters: updateParameters('={{ $json.id }}', { firstName: 'X' }, { concurrency: 1, fillUnsetFields: false, maxRetryWaitSeconds: 60 }),
		settings: toErrorOutput,
	});

	expect(calls(sim)).toEqual([`PUT ${userPath(USER_A)}`]);
	const [failed] = result.output(CONVIRZA, 1);
	expect(failed.pairedItem).toEqual({ item: 0 });
	expect(errorOf(failed).error).toBe('Convirza error 429: Injected fault');
	const { message: description } = errorOf(failed);
	expect(description).toMatch(/^Convirza is limiting requests\. Lower the Concurrency option/);
	expect(description).toMatch(/Not retried: the next attempt was due in 120 s, more than the 60 s left of Max Retry Wait\./);
	expectNoSecretsIn(result, sim);
});
