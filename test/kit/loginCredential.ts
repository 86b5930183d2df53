/**
 * Tools of the Email and Password credential tests (credential-login, credential-renewal,
 * credential-login-failures) and of the credential's Test button (credential-test): a fresh
 * simulator per test that stays open until the end of the file, and a view of the simulator's log
 * with every secret shown by name.
 */
import type { RunResult } from '../harness';
import { TestCredentialsHelper, createCredentialStore } from '../harness';
import { CONVIRZA, CREDENTIAL_REF, credentialTypes, loginCredential } from '../engine/convirzaWorkflow';
import { SIMULATOR_TOKEN, expectNoSecrets, redact, type Secret } from '../engine/secrets';
import { startSimulator, type ConvirzaSimulator, type LoggedRequest, type SimulatorOptions } from '../simulator';
import { bearerOf } from './log';
import { WRONG_PASSWORD, secretsOf } from './secrets';

/** The login token the credential persisted ('' when none). */
export const sessionToken = (helper: TestCredentialsHelper) =>
	String(helper.store[CREDENTIAL_REF.id].data.sessionToken ?? '');

export const ADMIN_LOGIN = (status: number) =>
	`POST /oauth/token ${status} - {"email":"alice.morgan@acme-corp.example","password":"<admin password>"}`;
export const WRONG_LOGIN = (status: number) =>
	`POST /oauth/token ${status} - {"email":"alice.morgan@acme-corp.example","password":"<wrong password>"}`;

/**
 * Call once at the top of a test file. Registers the hooks that start a fresh simulator before each
 * test (`current()`) and close every simulator of the file in `afterAll`, and returns the helpers,
 * which default to that test's simulator.
 *
 * The credential shares logins through a module-level cache keyed by OAuth URL, email and password.
 * Every simulator of a test file stays open until the end, so no two tests can get the same port
 * (and so the same cache key) and one test's cached token can never reach another test's simulator.
 */
export function useSimulator() {
	const simulators: ConvirzaSimulator[] = [];
	/** Another simulator (e.g. with options), kept open until the end of the file like the rest. */
	async function simulator(options: SimulatorOptions = {}): Promise<ConvirzaSimulator> {
		const started = await startSimulator(options);
		simulators.push(started);
		return started;
	}
	afterAll(async () => {
		await Promise.all(simulators.map(async (s) => await s.close()));
	});

	let sim: ConvirzaSimulator;
	beforeEach(async () => {
		sim = await simulator();
	});
	/** The simulator started for the running test. */
	const current = () => sim;

	function newHelper(s: ConvirzaSimulator = sim, login = s.logins.admin): TestCredentialsHelper {
		return new TestCredentialsHelper(credentialTypes, createCredentialStore(loginCredential(s, login)));
	}

	const apiRequests = (s: ConvirzaSimulator = sim) => s.requests('*', /^\/v3\//);
	const loginRequests = (s: ConvirzaSimulator = sim) => s.requests('POST', '/oauth/token');
	/** Every token this simulator's API saw, in order of first use. */
	const tokensUsed = (s: ConvirzaSimulator = sim) => [
		...new Set(apiRequests(s).map(bearerOf)),
	];
	/** The secrets of `s` (see secretsOf), with every token its API saw. */
	const secrets = (s: ConvirzaSimulator = sim) => secretsOf(s, ...tokensUsed(s));

	/**
	 * The simulator's log with every secret shown by name, so that no failing assertion prints one:
	 * the tokens the API saw become `<token 1>`, `<token 2>` … in order of first use, passwords
	 * `<admin password>` / `<wrong password>`, any other simulator token `<unknown token>`.
	 * Each line is "METHOD path status Authorization", plus the body for a login.
	 */
	function view(s: ConvirzaSimulator = sim) {
		const named: Record<string, Secret> = {};
		tokensUsed(s).forEach((token, index) => {
			named[`token ${index + 1}`] = token;
		});
		named['admin password'] = s.logins.admin.password;
		named['standard password'] = s.logins.standard.password;
		named['wrong password'] = WRONG_PASSWORD;
		named['unknown token'] = SIMULATOR_TOKEN;
		const hide = (value: unknown) => redact(value, named);
		const line = (r: LoggedRequest) =>
			hide(
				`${r.method} ${r.path} ${r.status} ${r.headers.authorization ?? '-'}${
					r.path.startsWith('/oauth/') ? ` ${JSON.stringify(r.body)}` : ''
				}`,
			);
		return {
			hide,
			log: s.log.map(line),
			logins: loginRequests(s).map(line),
			/** The distinct tokens the API saw, by name: e.g. "<token 1> <token 2>". */
			tokens: hide(tokensUsed(s).join(' ')),
			/** How many requests to the API were answered with this status. */
			count: (status: number) => apiRequests(s).filter((r) => r.status === status).length,
		};
	}

	function expectAllUpdated(result: RunResult, ids: number[], s: ConvirzaSimulator = sim) {
		expect(result.status).toBe('success');
		const items = result.output(CONVIRZA);
		expect(items.map(({ json }) => json.code)).toEqual(ids.map(() => 200));
		expect(items.map(({ pairedItem }) => pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		for (const id of ids) expect(s.user(id)?.first_name).toBe(`Renamed ${id}`);
		// Exactly one applied update per user: a request refused with 401 changed nothing
		expect(s.writes.map((write) => write.userId).sort()).toEqual([...ids].sort());
	}

	/** The password goes only to the login service (without a token), and the token only to the API. */
	function expectSecretsWhereTheyBelong(s: ConvirzaSimulator = sim) {
		expect(view(s).logins).toEqual(loginRequests(s).map((r) => ADMIN_LOGIN(r.status ?? 0)));
		expectNoSecrets(
			apiRequests(s).map(({ url, headers, rawBody }) => ({ url, headers, rawBody })),
			[s.logins.admin.password, s.logins.standard.password, WRONG_PASSWORD],
		);
	}

	return {
		simulator,
		current,
		newHelper,
		apiRequests,
		secrets,
		view,
		expectAllUpdated,
		expectSecretsWhereTheyBelong,
	};
}
