import { startTestApiServer, type TestApiServer } from './fixtures/test-api-server';
import { testCredentialTypes } from './fixtures/test-api.credentials';
import { TestApiNode } from './fixtures/test-api.node';
import { API_NODE_TYPE, apiWorkflow, testCredentialStore } from './fixtures/workflows';
import { activeExpressionEngine, requestedExpressionEngine } from './expression-engine';
import { createNodeTypes, runWorkflow } from './index';

let server: TestApiServer;
beforeAll(async () => {
	server = await startTestApiServer();
});
afterAll(async () => await server.close());

// .ci/run sets EXPECT_EXPRESSION_ENGINE for each Node leg, so a leg that silently ran its workflows
// on another engine fails here; without it, the engine jest's global setup settled on.
const expected = process.env.EXPECT_EXPRESSION_ENGINE ?? requestedExpressionEngine();

test(`workflows evaluate their expressions on the ${expected} engine`, async () => {
	const result = await runWorkflow({
		workflow: apiWorkflow({ ids: ['a', 'b'], path: '=/items/{{ $json.id }}' }),
		nodeTypes: createNodeTypes({ [API_NODE_TYPE]: new TestApiNode() }),
		credentialTypes: testCredentialTypes,
		credentials: testCredentialStore(server.baseUrl),
	});

	expect(result.status).toBe('success');
	expect(server.requests).toEqual(['GET /items/a', 'GET /items/b']);
	// n8n-workflow's own answer: `vm` only while the isolate pool it started is in use
	expect(activeExpressionEngine()).toBe(expected);
});
