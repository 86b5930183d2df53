/**
 * Secrets stay secret, and never travel in cleartext.
 *
 * Secrets sweep with the Email and Password credential, where the most is at stake: the password
 * (sent in the login body), the session token (sent in every Authorization header) and the
 * refresh / frontend tokens of each login response (never used, never to be shown). Every way an
 * API request can fail after the login must leave all of them out of the run's outputs, error
 * items, messages, descriptions, contexts and causes. (Every other file of this suite, and each
 * credential test — the login's own failures: engine/credential-login-failures.test.ts — runs the
 * same check on its own scenarios.)
 *
 * Cleartext at node level: a credential whose Base URL (or, for Email and Password, OAuth URL) is
 * plain http:// to a host that is not a loopback name makes every item fail with the clear
 * message, and nothing is sent — no API request, no login. Remote hosts are refused by name; the
 * local ones used (0.0.0.0 and the IPv4-mapped IPv6 form of 127.0.0.1) are not loopback *names*,
 * yet they reach the simulator on this machine: had the node sent anything, the simulator's log
 * would show it.
 */
import { expectNoSecrets, runResultParts } from '../engine/secrets';
import type { ConvirzaSimulator, Fault } from '../simulator';
import { CONVIRZA, loginCredential, runConvirza, tokenCredential } from '../engine/convirzaWorkflow';
import type { RunResult, StoredCredential } from '../harness';
import {
	SHORT_TIMEOUT_MS, USER_A, USER_B, USER_C, bearerOf, errorOf, expectNoSecretsIn, secretsOf, sessionToken, toErrorOutput, updateParameters, useSimulator,
	userPath,
} from '../kit';

// A fresh simulator per test, each open until the end of the file: the login credential caches its
// token by OAuth URL, which a later simulator on a reused port would otherwise inherit.
const { current } = useSimulator();
let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

const TWO_ITEMS = [{ id: USER_A }, { id: USER_B }];

async function run(options: Record<string, number | boolean> = {}): Promise<RunResult> {
	return await runConvirza(sim, {
		items: TWO_ITEMS,
		parameters: updateParameters('={{ $json.id }}', { firstName: 'Secretive' }, { concurrency: 1, maxAttempts: 2, ...options }),
		settings: toErrorOutput,
		credential: loginCredential(sim),
	});
}

/** The generic secrets (the wrong password a test might use included), plus every token this run sent. */
function expectClean(result: RunResult): void {
	const used = [...new Set(sim.log.map(bearerOf).filter((token) => token !== ''))];
	expectNoSecrets(runResultParts(result), secretsOf(sim, ...used));
}

const FAULTS: Array<[string, Fault, Record<string, number>?]> = [
	['503', { status: 503 }],
	['429 with Retry-After', { status: 429, retryAfter: '0' }],
	['reset before the reply', { reset: 'before' }],
	['reset after the change', { reset: 'after' }],
	['malformed JSON', { malformedJson: true }],
	['HTML 502', { html: true, status: 502 }],
	["400 with Convirza's reason", { status: 400, body: { statusCode: 400, message: 'Bad Request', error: 'first_name rejected', requestId: 'echo-1' } }],
	// Only this case gets a short Timeout (Ms), which is what ends it.
	['a reply that never comes (Timeout)', { hang: true }, { timeoutMs: SHORT_TIMEOUT_MS }],
];

describe('API failures after a successful login', () => {
	test.each(FAULTS)('%s on every attempt: the item fails, nothing secret in the run', async (_, fault, options = {}) => {
		sim.inject('PUT', userPath(USER_B), fault, fault);

		const result = await run(options);

		expect(result.output(CONVIRZA, 1).map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(sim.loginCount).toBe(1);
		expectClean(result);
	});
});

test('Return Updated User: the profile output carries no secret either', async () => {
	const result = await run({ returnUpdatedUser: true });

	expect(result.output(CONVIRZA, 0).map((item) => item.json.ct_user_id)).toEqual([USER_A, USER_B]);
	expectClean(result);
});

const THREE_ITEMS = [{ id: USER_A }, { id: USER_B }, { id: USER_C }];
const WHY =
	'Convirza tokens and passwords are never sent over an unencrypted connection. Plain http:// is allowed only for a local server on 127.0.0.1 or localhost.';

interface CleartextCase {
	name: string;
	credential: (sim: ConvirzaSimulator) => StoredCredential;
	message: (sim: ConvirzaSimulator) => string;
	/** The error the node stops with when "Continue" is off. */
	stopsWith: string;
}

const withData = (credential: StoredCredential, data: Record<string, string>): StoredCredential => ({
	...credential,
	data: { ...credential.data, ...data },
});

const REMOTE_API = 'http://platform-api.convirza.com';

const CASES: CleartextCase[] = [
	{
		name: 'Access Token, Base URL http:// on a remote host',
		credential: (s) => withData(tokenCredential(s), { baseUrl: `${REMOTE_API}/v3` }),
		message: () => `The credential's "Base URL" must use https:// (got ${REMOTE_API})`,
		stopsWith: 'NodeOperationError',
	},
	{
		name: 'Access Token, Base URL http://0.0.0.0',
		credential: (s) => withData(tokenCredential(s), { baseUrl: `http://0.0.0.0:${s.port}/v3` }),
		message: (s) => `The credential's "Base URL" must use https:// (got http://0.0.0.0:${s.port})`,
		stopsWith: 'NodeOperationError',
	},
	{
		name: 'Access Token, Base URL http://[::ffff:127.0.0.1]',
		credential: (s) => withData(tokenCredential(s), { baseUrl: `http://[::ffff:127.0.0.1]:${s.port}/v3` }),
		message: (s) => `The credential's "Base URL" must use https:// (got http://[::ffff:7f00:1]:${s.port})`,
		stopsWith: 'NodeOperationError',
	},
	{
		name: 'Email and Password, Base URL http://0.0.0.0',
		credential: (s) => withData(loginCredential(s), { baseUrl: `http://0.0.0.0:${s.port}/v3` }),
		message: (s) => `The credential's "Base URL" must use https:// (got http://0.0.0.0:${s.port})`,
		stopsWith: 'NodeOperationError',
	},
	{
		name: 'Email and Password, Base URL http:// on a remote host',
		credential: (s) => withData(loginCredential(s), { baseUrl: `${REMOTE_API}/v3` }),
		message: () => `The credential's "Base URL" must use https:// (got ${REMOTE_API})`,
		stopsWith: 'NodeOperationError',
	},
	{
		name: 'Email and Password, OAuth URL http:// on a remote host',
		credential: (s) => withData(loginCredential(s), { oauthUrl: 'http://example.com' }),
		message: () => `The credential's "OAuth URL" must use https:// (got http://example.com)`,
		stopsWith: 'NodeApiError',
	},
	{
		name: 'Email and Password, OAuth URL http://0.0.0.0 (the password would travel in cleartext)',
		credential: (s) => withData(loginCredential(s), { oauthUrl: `http://0.0.0.0:${s.port}` }),
		message: (s) => `The credential's "OAuth URL" must use https:// (got http://0.0.0.0:${s.port})`,
		stopsWith: 'NodeApiError',
	},
];

describe.each(CASES.map((row) => [row.name, row] as const))('cleartext: %s', (_, { credential, message, stopsWith }) => {
	test('every item fails with the clear message, linked to its input; nothing is sent', async () => {
		const result = await runConvirza(sim, {
			items: THREE_ITEMS,
			parameters: updateParameters('={{ $json.id }}', { firstName: 'Leaked?' }, { concurrency: 2 }),
			settings: toErrorOutput,
			credential: credential(sim),
		});

		expect(sim.log).toEqual([]);
		expect(sim.loginCount).toBe(0);
		// No login happened, so none was kept.
		expect(sessionToken(result.credentialsHelper)).toBe('');
		expect(result.output(CONVIRZA, 0)).toEqual([]);
		const failed = result.output(CONVIRZA, 1);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of failed) {
			expect(errorOf(item).error).toBe(message(sim));
			expect(errorOf(item).message).toBe(WHY);
		}
		expectNoSecretsIn(result, sim);
	});

	test('without "Continue", the node stops with that error and sends nothing', async () => {
		const result = await runConvirza(sim, {
			items: THREE_ITEMS,
			parameters: updateParameters('={{ $json.id }}', { firstName: 'Leaked?' }),
			credential: credential(sim),
		});

		expect(sim.log).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: stopsWith, message: message(sim), description: WHY });
		expectNoSecretsIn(result, sim);
	});
});
