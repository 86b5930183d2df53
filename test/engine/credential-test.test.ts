// The credential's "Test" button (GET /v3/auth/profile), run the way n8n's CredentialsTester runs
// it: through n8n-core's RoutingNode with the credential's authenticate and preAuthentication.
import { closedPort } from '../harness/fixtures/test-api-server';
import { TestCredentialsHelper, createCredentialStore, testCredential } from '../harness';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ConvirzaApi } from '../../credentials/ConvirzaApi.credentials';
import { WRONG_PASSWORD, WRONG_TOKEN, secretsOf, useSimulator } from '../kit';
import type { ConvirzaSimulator } from '../simulator';
import { credentialTypes, loginCredential, tokenCredential } from './convirzaWorkflow';
import { SIMULATOR_TOKEN, expectNoSecrets, redact } from './secrets';

// A fresh simulator per test, each open until the end of the file (see useSimulator).
const { simulator, current } = useSimulator();
let sim: ConvirzaSimulator;
beforeEach(() => {
	sim = current();
});

const OK = { status: 'OK', message: 'Connection successful!' };

/** The verdict for a user who is not an Admin, written out so real n8n can be checked against it. */
const notAdmin = (role: 'Standard' | 'ReadOnly') => ({
	status: 'Error',
	message:
		`Convirza accepted the credential, but its user has the ${role} role. User operations need a ` +
		"user with the Admin role: use an Admin's access token (or an Admin's email and password).",
});

/** The message of the credential's own `responseCode` rule for this status. */
function ruleMessage(status: number): string {
	const rule = new ConvirzaApi().test.rules?.find(
		(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
	);
	if (rule?.type !== 'responseCode') throw new Error(`The credential test has no rule for ${status}`);
	return rule.properties.message;
}

const tokenData = (token: string = sim.tokens.admin) => tokenCredential(sim, token).data;
const loginData = (password: string = sim.logins.admin.password) =>
	loginCredential(sim, { email: sim.logins.admin.email, password }).data;
const secrets = () => secretsOf(sim);

/** Runs the credential test and proves its result holds no secret. */
async function runTest(data: ICredentialDataDecryptedObject, helper?: TestCredentialsHelper) {
	const result = await testCredential(new ConvirzaApi(), data, helper ? { credentialsHelper: helper } : {});
	expectNoSecrets(result, secrets());
	return result;
}

/** The simulator's log as "METHOD path status Authorization", every secret shown by name only. */
const log = () =>
	sim.log.map((r) =>
		redact(`${r.method} ${r.path} ${r.status} ${r.headers.authorization ?? '-'}`, {
			'admin token': sim.tokens.admin,
			'standard token': sim.tokens.standard,
			'read-only token': sim.tokens.readOnly,
			'wrong token': WRONG_TOKEN,
			'issued token': /cvz_at_[\w-]+/,
			'unknown token': SIMULATOR_TOKEN,
		}),
	);

describe('Access Token', () => {
	test('passes for a valid Admin token, with one GET /v3/auth/profile carrying it', async () => {
		expect(await runTest(tokenData())).toEqual(OK);
		expect(log()).toEqual(['GET /v3/auth/profile 200 Bearer <admin token>']);
	});

	test('passes for a token pasted with spaces and line breaks around it', async () => {
		expect(await runTest(tokenData(`\n  ${sim.tokens.admin} \r\n`))).toEqual(OK);
		expect(log()).toEqual(['GET /v3/auth/profile 200 Bearer <admin token>']);
	});

	test('fails for a Standard token, naming the Standard role, after the same one request', async () => {
		expect(await runTest(tokenData(sim.tokens.standard))).toEqual(notAdmin('Standard'));
		expect(log()).toEqual(['GET /v3/auth/profile 200 Bearer <standard token>']);
	});

	test('fails for a ReadOnly token, naming the ReadOnly role', async () => {
		expect(await runTest(tokenData(sim.tokens.readOnly))).toEqual(notAdmin('ReadOnly'));
		expect(log()).toEqual(['GET /v3/auth/profile 200 Bearer <read-only token>']);
	});

	test('fails for a wrong token with the 401 rule message', async () => {
		const result = await runTest(tokenData(WRONG_TOKEN));

		expect(result).toEqual({ status: 'Error', message: ruleMessage(401) });
		expect(result.message).toMatch(/^Convirza rejected the token/);
		// n8n repeats a request refused with 401 once after preAuthentication (which cannot renew a token)
		expect(log()).toEqual(Array(2).fill('GET /v3/auth/profile 401 Bearer <wrong token>'));
	});

	test('fails for a Base URL on the right host with a wrong path with the 404 rule message', async () => {
		const result = await runTest({ ...tokenData(), baseUrl: `${sim.oauthUrl}/wrong` });

		expect(result).toEqual({ status: 'Error', message: ruleMessage(404) });
		expect(result.message).toMatch(/^No Convirza API answered at this Base URL/);
		expect(log()).toEqual(['GET /wrong/auth/profile 404 Bearer <admin token>']);
	});

	test('fails for a Base URL where nothing listens with the connection error', async () => {
		const port = await closedPort();

		expect(await runTest({ ...tokenData(), baseUrl: `http://127.0.0.1:${port}/v3` })).toEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});

	test('fails for an empty token without sending anything', async () => {
		expect(await runTest(tokenData('  \n'))).toEqual({
			status: 'Error',
			message: 'The Convirza credential has no access token',
		});
		expect(log()).toEqual([]);
	});
});

describe('Email and Password', () => {
	test('passes for a valid login: one login, then the profile with the issued token', async () => {
		const helper = new TestCredentialsHelper(credentialTypes, createCredentialStore());

		expect(await runTest(loginData(), helper)).toEqual(OK);

		expect(sim.loginCount).toBe(1);
		expect(log()).toEqual(['POST /oauth/token 200 -', 'GET /v3/auth/profile 200 Bearer <issued token>']);
		// The login sent the email and the password, nothing else
		expect(redact(JSON.stringify(sim.log[0].body), { password: sim.logins.admin.password })).toBe(
			JSON.stringify({ email: sim.logins.admin.email, password: '<password>' }),
		);
		expectNoSecrets(helper.preAuthLog, secrets());
	});

	test('fails for a Standard user\'s login, naming the Standard role, after one login and the profile', async () => {
		const data = loginCredential(sim, sim.logins.standard).data;

		expect(await runTest(data)).toEqual(notAdmin('Standard'));
		expect(log()).toEqual(['POST /oauth/token 200 -', 'GET /v3/auth/profile 200 Bearer <issued token>']);
		expect(sim.loginCount).toBe(1);
	});

	test('passes with the login response wrapped in the envelope', async () => {
		sim.setLoginShape('envelope');

		expect(await runTest(loginData())).toEqual(OK);
		expect(log()).toEqual(['POST /oauth/token 200 -', 'GET /v3/auth/profile 200 Bearer <issued token>']);
	});

	test('fails for a wrong password with "Convirza rejected the email or password", and asks nothing else', async () => {
		expect(await runTest(loginData(WRONG_PASSWORD))).toEqual({
			status: 'Error',
			message: 'Convirza rejected the email or password',
		});
		expect(log()).toEqual(['POST /oauth/token 401 -']);
		expect(sim.loginCount).toBe(0);
	});

	test('fails when Convirza limits logins with "too many login attempts"', async () => {
		const limited = await simulator({ loginRateLimitPerMinute: 0 });
		const data = loginCredential(limited).data;

		expect(await runTest(data)).toEqual({
			status: 'Error',
			message: 'Convirza refused the login: too many login attempts',
		});
		expect(limited.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /oauth/token 429']);
	});

	test('fails for an OAuth URL where nothing listens, without sending anything to the API', async () => {
		const port = await closedPort();

		const result = await runTest({ ...loginData(), oauthUrl: `http://127.0.0.1:${port}` });

		expect(result.status).toBe('Error');
		expect(log()).toEqual([]);
	});

	// n8n-core wraps preAuthentication errors in NodeApiError, which replaces any message containing
	// a network code with a generic text: the message must say in words that the login failed.
	test('fails for an OAuth URL where nothing listens, saying that the login failed', async () => {
		const port = await closedPort();

		const result = await runTest({ ...loginData(), oauthUrl: `http://127.0.0.1:${port}` });

		expect(result.message).toBe('Could not log in to Convirza: the connection to the OAuth URL was refused');
	});
});

describe('Insecure URLs are refused without contacting anything', () => {
	test.each([
		['Access Token', 'Base URL', 'http://platform-api.convirza.com/v3', 'http://platform-api.convirza.com'],
		// 0.0.0.0 reaches the simulator on this machine but is not loopback: had the URL been
		// used, the request would be in the simulator's log.
		['Access Token', 'Base URL', 'http://0.0.0.0:PORT/v3', 'http://0.0.0.0:PORT'],
		['Email and Password', 'Base URL', 'http://platform-api.convirza.com/v3', 'http://platform-api.convirza.com'],
		['Email and Password', 'Base URL', 'http://0.0.0.0:PORT/v3', 'http://0.0.0.0:PORT'],
		['Email and Password', 'OAuth URL', 'http://example.com', 'http://example.com'],
		['Email and Password', 'OAuth URL', 'http://0.0.0.0:PORT', 'http://0.0.0.0:PORT'],
	])('%s with %s %s', async (authentication, field, template, shown) => {
		const port = String(sim.port);
		const data = authentication === 'Access Token' ? tokenData() : loginData();
		data[field === 'Base URL' ? 'baseUrl' : 'oauthUrl'] = template.replace('PORT', port);

		expect(await runTest(data)).toEqual({
			status: 'Error',
			message: `The credential's "${field}" must use https:// (got ${shown.replace('PORT', port)})`,
		});
		expect(log()).toEqual([]);
		expect(sim.loginCount).toBe(0);
	});
});

/*
 * GET /v3/auth/profile's answer is not documented: the test looks for the role where a profile
 * plausibly carries it. Each case answers the profile request once with the body shown.
 */
describe('The role is found wherever the profile plausibly carries it', () => {
	const answerProfile = (body: unknown) => sim.inject('GET', '/v3/auth/profile', { status: 200, body });
	const envelope = (data: unknown) => ({ code: 200, message: 'Success', data, request_id: 'req-1' });

	test.each<[string, unknown, 'Standard' | 'ReadOnly']>([
		['data.user.role_id', envelope({ user: { user_id: 10001, role_id: 2 } }), 'Standard'],
		['data.role_id as a string', envelope({ user_id: 10001, role_id: '2' }), 'Standard'],
		['data.user.role_id as a string', envelope({ user: { role_id: '3' } }), 'ReadOnly'],
		['data.role display name only', envelope({ user_id: 10004, role: 'Read Only User' }), 'ReadOnly'],
		['data.user.role request-side name', envelope({ user: { role: 'Standard' } }), 'Standard'],
		['role_id in an unwrapped body', { user_id: 10004, role_id: 3 }, 'ReadOnly'],
		['user.role in an unwrapped body', { user: { role: 'Standard User' } }, 'Standard'],
	])('%s', async (_place, body, role) => {
		answerProfile(body);

		expect(await runTest(tokenData())).toEqual(notAdmin(role));
		expect(log()).toEqual(['GET /v3/auth/profile 200 Bearer <admin token>']);
	});

	test.each<[string, unknown]>([
		['an Admin by id and name', envelope({ role_id: 1, role: 'Admin' })],
		['an Admin by id as a string, nested', envelope({ user: { role_id: '1' } })],
		// A shape with no recognisable role must not lock an Admin out: it passes, as before
		['no role at all', envelope({ user_id: 10002 })],
		['an unknown display name', envelope({ role: 'Supervisor' })],
		['an empty body', {}],
	])('passes for %s', async (_case, body) => {
		answerProfile(body);

		expect(await runTest(tokenData())).toEqual(OK);
	});
});
