import type { INode } from 'n8n-workflow';

import { startTestApiServer } from './fixtures/test-api-server';
import type { TestApiServer } from './fixtures/test-api-server';
import { testCredentialTypes } from './fixtures/test-api.credentials';
import { TestApiNode } from './fixtures/test-api.node';
import { createWaitForCancelNode } from './fixtures/wait-for-cancel.node';
import { API_NODE_TYPE, apiWorkflow, testCredentialStore } from './fixtures/workflows';
import { createNodeTypes, runWorkflow, startWorkflow } from './index';
import type { WorkflowJson } from './index';

const TRIGGER = 'When clicking ‘Execute workflow’';
const NOT_FOUND = 'The resource you are requesting could not be found';

let server: TestApiServer;
beforeEach(async () => {
	server = await startTestApiServer();
});
afterEach(async () => await server.close());

const nodeTypes = createNodeTypes({ [API_NODE_TYPE]: new TestApiNode() });
const run = async (workflow: WorkflowJson) =>
	await runWorkflow({
		workflow,
		nodeTypes,
		credentialTypes: testCredentialTypes,
		credentials: testCredentialStore(server.baseUrl),
	});

/** Manual Trigger followed by Code nodes named Code1, Code2, ... */
function codeChain(...jsCodes: string[]): WorkflowJson {
	const names = [TRIGGER, ...jsCodes.map((_, i) => `Code${i + 1}`)];
	const nodes: INode[] = names.map((name, i) => ({
		id: `node-${i}`,
		name,
		type: i === 0 ? 'n8n-nodes-base.manualTrigger' : 'n8n-nodes-base.code',
		typeVersion: i === 0 ? 1 : 2,
		position: [i * 220, 0],
		parameters: i === 0 ? {} : { jsCode: jsCodes[i - 1] },
	}));
	const connections = Object.fromEntries(
		names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main' as const, index: 0 }]] }]),
	);
	return { nodes, connections };
}

describe('runWorkflow', () => {
	test('runs trigger → code → node → noOp with one linked output item per input item', async () => {
		const result = await run(apiWorkflow({ ids: ['a', 'b', 'c'] }));

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual([TRIGGER, 'Make items', 'Test API', 'Done']);
		expect(result.output(TRIGGER)).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
		expect(result.output('Test API')).toEqual(
			['a', 'b', 'c'].map((id, item) => ({
				json: { id, authorization: 'Bearer good-token' },
				pairedItem: { item },
			})),
		);
		expect(result.outputs('Test API')).toHaveLength(1);
		expect(result.output('Test API', 1)).toEqual([]);
		expect(result.output('Failed')).toEqual([]);
	});

	test('the Code stand-in sees $input.all(), items and $json and wraps plain objects in json', async () => {
		const result = await run(
			codeChain(
				"return [{ json: { n: 1 } }, { n: 2 }, { n: 3 }];",
				'return $input.all().map((item) => ({ n: item.json.n * 10, first: $json.n, count: items.length }));',
				'return { total: items.reduce((sum, item) => sum + item.json.n, 0) };',
			),
		);

		expect(result.output('Code1')).toEqual([
			{ json: { n: 1 }, pairedItem: { item: 0 } },
			{ json: { n: 2 }, pairedItem: { item: 0 } },
			{ json: { n: 3 }, pairedItem: { item: 0 } },
		]);
		expect(result.output('Code2')).toEqual(
			[10, 20, 30].map((n, item) => ({ json: { n, first: 1, count: 3 }, pairedItem: { item } })),
		);
		expect(result.output('Code3')).toEqual([{ json: { total: 60 }, pairedItem: { item: 0 } }]);
	});

	test('a function `authenticate` is applied too', async () => {
		const result = await run(apiWorkflow({ authentication: 'apiKey' }));

		expect(result.output('Test API')).toEqual([{ json: { id: '1', apiKey: 'good-token' }, pairedItem: { item: 0 } }]);
	});

	test('continueErrorOutput sends the items the node marks as errors to output 1', async () => {
		const result = await run(
			apiWorkflow({ ids: ['1', 'missing', '3'], apiNode: { onError: 'continueErrorOutput' } }),
		);

		expect(result.status).toBe('success');
		expect(result.outputs('Test API')).toEqual([
			[
				{ json: { id: '1', authorization: 'Bearer good-token' }, pairedItem: { item: 0 } },
				{ json: { id: '3', authorization: 'Bearer good-token' }, pairedItem: { item: 2 } },
			],
			// the engine merges the linked input item into the error item
			[{ json: { id: 'missing', error: NOT_FOUND }, pairedItem: { item: 1 } }],
		]);
		expect(result.output('Done')).toHaveLength(2);
		expect(result.output('Failed')).toEqual([{ json: { id: 'missing', error: NOT_FOUND }, pairedItem: { item: 0 } }]);
	});

	test('continueRegularOutput keeps error items on the main output', async () => {
		const result = await run(
			apiWorkflow({ ids: ['1', 'missing'], apiNode: { onError: 'continueRegularOutput' } }),
		);

		expect(result.outputs('Test API')).toEqual([
			[
				{ json: { id: '1', authorization: 'Bearer good-token' }, pairedItem: { item: 0 } },
				{ json: { error: NOT_FOUND }, pairedItem: { item: 1 } },
			],
		]);
	});

	test('a node that throws fails the execution with its error', async () => {
		const result = await run(apiWorkflow({ ids: ['1', 'missing'] }));

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: 'NodeApiError', message: NOT_FOUND, httpCode: '404' });
		expect(result.error).toMatchObject({ context: { itemIndex: 1 }, description: 'Item not found' });
		expect(result.nodeError('Test API')?.message).toBe(NOT_FOUND);
		expect(result.output('Test API')).toEqual([]);
		expect(result.runData.Done).toBeUndefined();
	});

	test('retryOnFail from the node settings re-runs the node', async () => {
		const result = await run(
			apiWorkflow({ path: '/flaky', apiNode: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 } }),
		);

		expect(result.status).toBe('success');
		expect(result.output('Test API')).toEqual([{ json: { flakyCalls: 2 }, pairedItem: { item: 0 } }]);
	});

	test('leaves the workflow JSON untouched, so it can be run again', async () => {
		const workflow = apiWorkflow({});
		const before = JSON.stringify(workflow);

		await run(workflow);

		expect(JSON.stringify(workflow)).toBe(before);
	});

	test('an unknown node type rejects the result', async () => {
		const workflow = apiWorkflow({});
		workflow.nodes[2].type = 'n8n-nodes-convirza.unknown';

		await expect(startWorkflow({ workflow, nodeTypes }).result).rejects.toThrow(
			'Unrecognized node type: n8n-nodes-convirza.unknown',
		);
	});

	test('destinationNode runs only up to that node', async () => {
		const result = await runWorkflow({ workflow: apiWorkflow({}), nodeTypes, destinationNode: 'Make items' });

		expect(result.status).toBe('success');
		expect(Object.keys(result.runData)).toEqual([TRIGGER, 'Make items']);
	});
});

describe('startWorkflow().cancel()', () => {
	test('aborts a node waiting on its cancel signal', async () => {
		let waiting!: () => void;
		const isWaiting = new Promise<void>((resolve) => (waiting = resolve));
		const workflow = codeChain();
		workflow.nodes.push({ id: 'wait', name: 'Wait', type: 'test.waitForCancel', typeVersion: 1, position: [220, 0], parameters: {} });
		workflow.connections[TRIGGER] = { main: [[{ node: 'Wait', type: 'main', index: 0 }]] };

		const execution = startWorkflow({
			workflow,
			nodeTypes: createNodeTypes({ 'test.waitForCancel': createWaitForCancelNode(waiting) }),
		});
		await isWaiting;
		execution.cancel();
		const result = await execution.result;

		expect(result.status).toBe('canceled');
		expect(result.output('Wait')).toEqual([{ json: { aborted: true }, pairedItem: { item: 0 } }]);
		expect(result.error?.name).toBe('ManualExecutionCancelledError');
	});

	test('aborts an HTTP request in flight', async () => {
		const execution = startWorkflow({
			workflow: apiWorkflow({ path: '/hang' }),
			nodeTypes,
			credentialTypes: testCredentialTypes,
			credentials: testCredentialStore(server.baseUrl),
		});
		const hang = await server.nextHang();
		execution.cancel();
		await hang.aborted;
		const result = await execution.result;

		expect(result.status).toBe('canceled');
		expect(result.nodeError('Test API')?.message).toBe('canceled');
		expect(result.runData.Done).toBeUndefined();
	});
});
