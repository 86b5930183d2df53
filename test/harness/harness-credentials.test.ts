import { closedPort, GOOD_PASSWORD, GOOD_TOKEN, startTestApiServer } from './fixtures/test-api-server';
import type { TestApiServer } from './fixtures/test-api-server';
import { TestApi, testCredentialTypes } from './fixtures/test-api.credentials';
import { TestApiNode } from './fixtures/test-api.node';
import { API_NODE_TYPE, apiWorkflow, testCredentialStore } from './fixtures/workflows';
import { TestCredentialsHelper, createNodeTypes, runWorkflow, testCredential } from './index';
import type { CredentialStore } from './index';

let server: TestApiServer;
beforeEach(async () => {
	server = await startTestApiServer();
});
afterEach(async () => await server.close());

const nodeTypes = createNodeTypes({ [API_NODE_TYPE]: new TestApiNode() });
const runSession = async (credentials: CredentialStore, ids: string[]) =>
	await runWorkflow({
		workflow: apiWorkflow({ ids, authentication: 'session' }),
		nodeTypes,
		credentialTypes: testCredentialTypes,
		credentials,
	});
const authorizations = (items: Array<{ json: Record<string, unknown> }>) => items.map(({ json }) => json.authorization);

describe('TestCredentialsHelper', () => {
	test('logs in once, persists the token, and the next execution with the same store reuses it', async () => {
		const store = testCredentialStore(server.baseUrl);

		const first = await runSession(store, ['1', '2', '3']);
		expect(first.status).toBe('success');
		expect(first.credentialsHelper.preAuthCalls).toBe(1);
		expect(first.credentialsHelper.preAuthLog).toHaveLength(3);
		expect(authorizations(first.output('Test API'))).toEqual(Array(3).fill('Bearer session-1'));
		expect(store['cred-session'].data).toEqual({
			baseUrl: server.baseUrl,
			username: 'tester',
			password: GOOD_PASSWORD,
			sessionToken: 'session-1',
		});

		const second = await runSession(store, ['4', '5']);
		expect(second.credentialsHelper.preAuthCalls).toBe(0);
		expect(server.logins).toBe(1);
		expect(authorizations(second.output('Test API'))).toEqual(['Bearer session-1', 'Bearer session-1']);
		expect(second.output('Test API').map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a 401 on an expired token makes exactly one re-login, then the request succeeds', async () => {
		const store = testCredentialStore(server.baseUrl);
		await runSession(store, ['1']);
		server.expireSessions();
		server.requests.length = 0;

		const result = await runSession(store, ['2', '3']);

		expect(result.status).toBe('success');
		expect(result.credentialsHelper.preAuthLog.filter((call) => call.loggedIn)).toEqual([
			{ credentialType: 'testSessionApi', nodeName: 'Test API', credentialsExpired: true, loggedIn: true },
		]);
		expect(server.requests).toEqual(['GET /items/2', 'POST /login', 'GET /items/2', 'GET /items/3']);
		expect(authorizations(result.output('Test API'))).toEqual(['Bearer session-2', 'Bearer session-2']);
		expect(store['cred-session'].data.sessionToken).toBe('session-2');
	});

	test('one helper can be shared across executions to count all logins', async () => {
		const credentialsHelper = new TestCredentialsHelper(testCredentialTypes, testCredentialStore(server.baseUrl));
		const workflow = apiWorkflow({ authentication: 'session' });

		await runWorkflow({ workflow, nodeTypes, credentialsHelper });
		await runWorkflow({ workflow, nodeTypes, credentialsHelper });

		expect(credentialsHelper.preAuthCalls).toBe(1);
		expect(credentialsHelper.preAuthLog).toHaveLength(2);
	});

	test('credential data gets type defaults and resolved expressions, as in n8n', async () => {
		const store = testCredentialStore(server.baseUrl);
		store['cred-token'].data = { baseUrl: server.baseUrl, accessToken: "={{ 'good' + '-token' }}" };

		const result = await runWorkflow({
			workflow: apiWorkflow({}),
			nodeTypes,
			credentialTypes: testCredentialTypes,
			credentials: store,
		});

		expect(authorizations(result.output('Test API'))).toEqual(['Bearer good-token']);
	});
});

describe('testCredential', () => {
	const tokenData = () => ({ baseUrl: server.baseUrl, accessToken: GOOD_TOKEN });

	test('OK for a working token', async () => {
		await expect(testCredential(testCredentialTypes.testApi, tokenData())).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(server.requests).toEqual(['GET /me']);
	});

	test('an authenticate function is applied', async () => {
		const result = await testCredential(testCredentialTypes.testApiKeyApi, { baseUrl: server.baseUrl, apiKey: GOOD_TOKEN });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('a 401 gives the HTTP status text, like n8n', async () => {
		const result = await testCredential(testCredentialTypes.testApi, { ...tokenData(), accessToken: 'wrong' });
		expect(result).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	test('an unreachable base URL gives the network error code', async () => {
		const baseUrl = `http://127.0.0.1:${await closedPort()}`;
		const result = await testCredential(testCredentialTypes.testApi, { ...tokenData(), baseUrl });
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	test('rules decide the message: responseCode on failure, responseSuccessBody on success', async () => {
		const withRules = (rules: NonNullable<TestApi['test']['rules']>) =>
			Object.assign(new TestApi(), { test: { ...new TestApi().test, rules } });

		const badToken = await testCredential(
			withRules([{ type: 'responseCode', properties: { value: 401, message: 'The access token is not valid' } }]),
			{ ...tokenData(), accessToken: 'wrong' },
		);
		const disabled = await testCredential(
			withRules([{ type: 'responseSuccessBody', properties: { key: 'ok', value: true, message: 'Account disabled' } }]),
			tokenData(),
		);

		expect(badToken).toEqual({ status: 'Error', message: 'The access token is not valid' });
		expect(disabled).toEqual({ status: 'Error', message: 'Account disabled' });
	});

	test('responseSuccessBody rules compare strictly, and the first match in order decides', async () => {
		const withRules = (rules: NonNullable<TestApi['test']['rules']>) =>
			Object.assign(new TestApi(), { test: { ...new TestApi().test, rules } });
		const rule = (key: string, value: unknown, message: string) =>
			({ type: 'responseSuccessBody', properties: { key, value, message } }) as const;

		// GET /me answers { ok: true, authorization: 'Bearer good-token', ... }
		const result = await testCredential(
			withRules([
				rule('ok', 'true', 'a string never equals the boolean'),
				rule('ok', 1, 'no type conversion'),
				rule('authorization', `Bearer ${GOOD_TOKEN}`, 'first match'),
				rule('ok', true, 'second match'),
			]),
			tokenData(),
		);
		const missingStep = await testCredential(
			withRules([rule('ok.deeper.value', undefined, 'a path through a non-object is undefined')]),
			tokenData(),
		);
		const noMatch = await testCredential(withRules([rule('missing', null, 'undefined is not null')]), tokenData());

		expect(result).toEqual({ status: 'Error', message: 'first match' });
		expect(missingStep).toEqual({ status: 'Error', message: 'a path through a non-object is undefined' });
		expect(noMatch).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('an expirable credential logs in first and the token is saved', async () => {
		const credentialsHelper = new TestCredentialsHelper(testCredentialTypes);
		const data = { baseUrl: server.baseUrl, username: 'tester', password: GOOD_PASSWORD };

		const result = await testCredential(testCredentialTypes.testSessionApi, data, { id: 'saved', credentialsHelper });

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests).toEqual(['POST /login', 'GET /me']);
		expect(credentialsHelper.preAuthCalls).toBe(1);
		expect(credentialsHelper.store.saved.data.sessionToken).toBe('session-1');
	});

	test('an expirable credential with a wrong password fails with the login error', async () => {
		const data = { baseUrl: server.baseUrl, username: 'tester', password: 'wrong' };

		const result = await testCredential(testCredentialTypes.testSessionApi, data);

		// the failed login is a 401 itself, so the engine retries preAuthentication once
		expect(result).toEqual({ status: 'Error', message: 'Unauthorized' });
		expect(server.requests).toEqual(['POST /login', 'POST /login']);
	});
});
