// Convirza API credential, Email and Password authentication, through n8n's real execution engine
// against the simulator with the User → Update workflow: a clear error for each way the login can
// fail (wrong password, rate limit, insecure URL), and a retry for a login that may succeed later.
import { TestCredentialsHelper, createCredentialStore } from '../harness';
import type { ConvirzaSimulator } from '../simulator';
import { CONVIRZA, credentialTypes, loginCredential, runConvirza } from './convirzaWorkflow';
import { ADMIN_LOGIN, WRONG_LOGIN, WRONG_PASSWORD, renameUsers, sessionToken, useSimulator } from './credentialLoginKit';
import { expectRunWithoutSecrets } from './secrets';

const { simulator, current, newHelper, secrets, view } = useSimulator();

let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

describe('Email and Password: login failures', () => {
	test('a wrong password fails the items with "Convirza rejected the email or password"', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(sim, renameUsers([10001, 10003], { concurrency: 1 }, { credentialsHelper: helper }));

		expect(result.status).toBe('error');
		const error = result.nodeError(CONVIRZA);
		expect(error?.message).toBe('Convirza rejected the email or password');
		expect(error?.description).toBe('Check the Email and Password of the Convirza credential.');
		expect(sim.loginCount).toBe(0);
		// One login attempt; no API request without a token
		expect(view().log).toEqual([WRONG_LOGIN(401)]);
		expect(view().hide(sessionToken(helper))).toBe('');
		expectRunWithoutSecrets(result, secrets());
	});

	test('a wrong password with "Continue" gives every item the same error', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(
			sim,
			renameUsers([10001, 10003], { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		expect(result.status).toBe('success');
		expect(result.output(CONVIRZA).map(({ json }) => json.error)).toEqual(
			Array(2).fill('Convirza rejected the email or password'),
		);
		// Only refused logins; no API request without a token
		expect([...new Set(view().log)]).toEqual([WRONG_LOGIN(401)]);
		expect(sim.loginCount).toBe(0);
		expectRunWithoutSecrets(result, secrets());
	});

	// Failed logins count against Convirza's 10 a minute too: were each item to log in again, 12 items
	// would lock every workflow on this n8n instance (same IP) out for a minute.
	test('a wrong password costs one login attempt, not one per item', async () => {
		const helper = newHelper(sim, { email: sim.logins.admin.email, password: WRONG_PASSWORD });

		const result = await runConvirza(
			sim,
			renameUsers(Array(12).fill(10001), { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		expect(view().logins).toEqual([WRONG_LOGIN(401)]);
		expect(result.output(CONVIRZA).map(({ json }) => json.error)).toEqual(
			Array(12).fill('Convirza rejected the email or password'),
		);
	});

	// With the defaults the item would wait out Convirza's Retry-After (up to Max Retry Wait) and
	// log in again; Max Attempts 1 shows the message the operator gets when that is not possible.
	test('a rate-limited login (no login allowed) fails with "too many login attempts" and how long to wait', async () => {
		const s = await simulator({ loginRateLimitPerMinute: 0 });
		const helper = newHelper(s);

		const result = await runConvirza(
			s,
			renameUsers([10001], { concurrency: 1, maxAttempts: 1 }, { credentialsHelper: helper }),
		);

		expect(result.status).toBe('error');
		const error = result.nodeError(CONVIRZA);
		expect(error?.message).toBe('Convirza refused the login: too many login attempts');
		expect(error?.description).toMatch(
			/^Convirza allows 10 logins a minute from one IP address\. Wait \d+ seconds and try again\.$/,
		);
		// The login is not retried in a loop: one attempt, and no API request without a token
		expect(view(s).log).toEqual([ADMIN_LOGIN(429)]);
		expectRunWithoutSecrets(result, secrets(s));
	});

	test('a login after the rate limit is used up fails with "too many login attempts"', async () => {
		// Ten logins from this machine within the minute, as other workflows could have made
		for (let i = 0; i < 10; i++) {
			const response = await fetch(`${sim.oauthUrl}/oauth/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(sim.logins.standard),
			});
			expect(response.status).toBe(200);
		}
		sim.clearLog();
		const helper = newHelper();

		const result = await runConvirza(
			sim,
			renameUsers([10001], { concurrency: 1, maxAttempts: 1 }, { credentialsHelper: helper }),
		);

		expect(result.status).toBe('error');
		expect(result.nodeError(CONVIRZA)?.message).toBe('Convirza refused the login: too many login attempts');
		expect(result.nodeError(CONVIRZA)?.description).toMatch(/Wait \d+ seconds and try again/);
		expect(view().log).toEqual([ADMIN_LOGIN(429)]);
		expectRunWithoutSecrets(result, secrets());
	});

	test.each([
		['rate-limited', { status: 429, retryAfter: '0' }, 429],
		['unavailable', { status: 503 }, 503],
		['cut off', { reset: 'before' as const }, undefined],
	])('a %s login is tried again, and the item then succeeds', async (_, fault, status) => {
		sim.inject('POST', '/oauth/token', fault);
		const helper = newHelper();

		const result = await runConvirza(
			sim,
			renameUsers([10001], { concurrency: 1, retryDelayMs: 1 }, { credentialsHelper: helper }),
		);

		expect(result.error).toBeUndefined();
		expect(sim.requests('POST', '/oauth/token').map((entry) => entry.status)).toEqual([status, 200]);
		expect(sim.loginCount).toBe(1);
		expect(sim.userRecord(10001)?.first_name).toBe('Renamed 10001');
		expectRunWithoutSecrets(result, secrets());
	});

	test.each([
		['OAuth URL', 'http://example.com', 'http://example.com'],
		['Base URL', 'http://platform-api.convirza.com/v3', 'http://platform-api.convirza.com'],
		// 0.0.0.0 reaches the simulator on this machine but is not loopback: had the URL been
		// used, the login would be in the simulator's log.
		['OAuth URL', 'http://0.0.0.0:PORT', 'http://0.0.0.0:PORT'],
	])('an insecure remote %s (%s) fails every item, and no request reaches the simulator', async (field, template, shown) => {
		const port = String(sim.port);
		const credential = loginCredential(sim);
		credential.data[field === 'OAuth URL' ? 'oauthUrl' : 'baseUrl'] = template.replace('PORT', port);
		const helper = new TestCredentialsHelper(credentialTypes, createCredentialStore(credential));

		const result = await runConvirza(
			sim,
			renameUsers([10001, 10003, 10006], { concurrency: 1 }, { credentialsHelper: helper, settings: { onError: 'continueRegularOutput' } }),
		);

		const message = `The credential's "${field}" must use https:// (got ${shown.replace('PORT', port)})`;
		const items = result.output(CONVIRZA);
		expect(items.map(({ json }) => json.error)).toEqual([message, message, message]);
		for (const { json } of items) {
			expect((json.details as { description: string }).description).toMatch(/never sent over an unencrypted connection/);
		}
		expect(view().log).toEqual([]);
		expect(sim.loginCount).toBe(0);
		expect(view().hide(sessionToken(helper))).toBe('');
		expectRunWithoutSecrets(result, secrets());
	});
});
