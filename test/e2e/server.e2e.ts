/**
 * The packed package in a real `n8n start`, used the way the editor uses it: the owner set up and
 * logged in through the REST API, node and credential types as the editor loads them, the credential
 * test, the pickers' search endpoint, and then the editor itself in Debian's Chromium.
 *
 * The credential tests and the picker searches are tables: a new case is one row.
 */
import type { Page } from 'playwright-core';
import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { SIMULATOR_TOKEN, expectNoSecrets } from '../engine/secrets';
import type { ConvirzaSimulator } from '../simulator';
import { UI_TIMEOUT_MS, useEditor, type Screenshots } from './kit/browser';
import { demoWorkflow, fixtureWorkflow, loginCredential, tokenCredential, withCredential, type WorkflowFile } from './kit/fixtures';
import { useInstance, withOutputOf } from './kit/instance';
import type { N8nServer } from './kit/n8nServer';
import { OWNER, type N8nRest } from './kit/rest';
import { until } from './kit/until';
import {
	SOURCE_CREDENTIAL,
	SOURCE_NODE,
	collectionOptionNames,
	operationParameter,
	propertySignature,
} from './kit/sourceDescription';
import { PACKAGE_NAME } from './kit/userFolder';

const NODE_TYPE = `${PACKAGE_NAME}.convirza`;
const WRONG_TOKEN = 'cvz_at_not-a-token-Convirza-ever-issued';

let sim: ConvirzaSimulator;
let server: N8nServer;
let rest: N8nRest;
/** The Access Token credential as n8n stored it (n8n gave the id). */
let credential: { id: string; name: string };
useInstance('server', {}, (instance) => ({ sim, server, rest, credential } = instance));

const withN8nOutput = (error: unknown): never => withOutputOf(server)(error);

describe('what the editor loads', () => {
	test('n8n loaded the node from the installed package, with the parameters the source declares', async () => {
		const types = await rest.json<INodeTypeDescription[]>('GET', '/types/nodes.json').catch(withN8nOutput);
		const ours = types.filter((type) => type.name.startsWith(`${PACKAGE_NAME}.`)).map((type) => type.name);
		// the trigger is not usable as a tool: no Tool variant of it
		expect(ours.sort()).toEqual([NODE_TYPE, `${NODE_TYPE}Tool`, `${NODE_TYPE}Trigger`]);

		const node = types.find((type) => type.name === NODE_TYPE) as INodeTypeDescription;
		expect({ displayName: node.displayName, version: node.version, credentials: node.credentials }).toEqual({
			displayName: SOURCE_NODE.displayName,
			version: SOURCE_NODE.version,
			credentials: SOURCE_NODE.credentials,
		});
		expect(propertySignature(node.properties)).toEqual(propertySignature(SOURCE_NODE.properties));
	});

	test('n8n loaded the Convirza API credential, with the fields the source declares', async () => {
		const types = await rest.json<Array<{ name: string; displayName: string; properties: IDataObject[] }>>(
			'GET',
			'/types/credentials.json',
		);
		const convirzaApi = types.find((type) => type.name === SOURCE_CREDENTIAL.name);
		expect(convirzaApi?.displayName).toBe(SOURCE_CREDENTIAL.displayName);
		// n8n appends its own fields (allowed domains) to every credential: ours come first, unchanged
		const fields = propertySignature(convirzaApi?.properties ?? []);
		const source = propertySignature(SOURCE_CREDENTIAL.properties);
		expect(fields.slice(0, source.length)).toEqual(source);
	});
});

/** One row per case of the credential's Test button. `data` is the whole form, as the editor sends it. */
interface CredentialTestCase {
	name: string;
	data: (sim: ConvirzaSimulator) => IDataObject;
	status: 'OK' | 'Error';
	message: string | RegExp;
}

const token = (s: ConvirzaSimulator) => tokenCredential(s).data;

const CREDENTIAL_TESTS: CredentialTestCase[] = [
	{ name: 'a valid Admin token', data: token, status: 'OK', message: 'Connection successful!' },
	{
		name: 'a wrong token',
		data: (s) => ({ ...token(s), accessToken: WRONG_TOKEN }),
		status: 'Error',
		message: /^Convirza rejected the token: it is wrong, expired or revoked\./,
	},
	{
		name: 'a wrong Base URL (right host, no Convirza API there)',
		data: (s) => ({ ...token(s), baseUrl: `${s.oauthUrl}/wrong` }),
		status: 'Error',
		message: /^No Convirza API answered at this Base URL\. Check "Base URL"/,
	},
	{
		name: 'an http:// Base URL on a remote host',
		data: (s) => ({ ...token(s), baseUrl: 'http://platform-api.convirza.example/v3' }),
		status: 'Error',
		message: `The credential's "Base URL" must use https:// (got http://platform-api.convirza.example)`,
	},
	{ name: 'a valid Email and Password', data: (s) => loginCredential(s).data, status: 'OK', message: 'Connection successful!' },
	{
		name: "a Standard user's token",
		data: (s) => ({ ...token(s), accessToken: s.tokens.standard }),
		status: 'Error',
		message: /^Convirza accepted the credential, but its user has the Standard role\. User operations need a user with the Admin role/,
	},
	{
		name: "a ReadOnly user's token",
		data: (s) => ({ ...token(s), accessToken: s.tokens.readOnly }),
		status: 'Error',
		message: /^Convirza accepted the credential, but its user has the ReadOnly role\./,
	},
	{
		name: "a Standard user's Email and Password",
		data: (s) => loginCredential(s, s.logins.standard).data,
		status: 'Error',
		message: /^Convirza accepted the credential, but its user has the Standard role\./,
	},
];

describe('credential test (POST /rest/credentials/test), as the Test button calls it', () => {
	test.each(CREDENTIAL_TESTS)('$name: $status', async ({ data, status, message }) => {
		sim.resetLoginRateLimit();
		const result = await rest.data<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: { ...credential, type: SOURCE_CREDENTIAL.name, data: data(sim) },
		});

		expect(result.status).toBe(status);
		if (typeof message === 'string') expect(result.message).toBe(message);
		else expect(result.message).toMatch(message);
		expectNoSecrets(result, [sim.tokens.admin, sim.tokens.standard, sim.tokens.readOnly, sim.logins.admin.password, sim.logins.standard.password, WRONG_TOKEN, SIMULATOR_TOKEN]);
	});
});

/** One row per search of a picker (a resource locator's "From List" mode). */
interface PickerSearchCase {
	name: string;
	/** the parameter, as the editor names it */
	path: string;
	methodName: string;
	filter?: string;
	/** "label = value" of every result, in order */
	results: string[];
}

const ALL_ACME_USERS = [
	'Alice Morgan (alice.morgan@acme-corp.example) = 10002',
	'Bob Chen (bob.chen@acme-corp.example) = 10003',
	'Carla Rodríguez (carla.rodriguez@acme-corp.example) = 10004',
	"David O'Brien (david.obrien@acme-corp.example) = 10005",
	'Emma Schmidt (emma.schmidt@acme-corp.example) = 10006',
	'Grace Kim (grace.kim@acme-corp.example) = 10008',
	'Hiro Tanaka (hiro.tanaka@acme-corp.example) = 10009',
	'Isabel Duarte (isabel.duarte@acme-corp.example) = 10010',
	'Jamal Wright (jamal.wright@acme-corp.example) = 10011',
	'John Doe (john.doe@example.com) = 10001',
];

const PICKER_SEARCHES: PickerSearchCase[] = [
	{
		// the deleted user (Frank) and the other account's user (Kate) are not offered
		name: 'User: every user of the account, by name',
		path: 'parameters.userId',
		methodName: 'searchUsers',
		results: ALL_ACME_USERS,
	},
	{
		name: 'User: filtered by name',
		path: 'parameters.userId',
		methodName: 'searchUsers',
		filter: 'chen',
		results: ['Bob Chen (bob.chen@acme-corp.example) = 10003'],
	},
	{
		name: 'User: filtered by email',
		path: 'parameters.userId',
		methodName: 'searchUsers',
		filter: 'grace.kim@',
		results: ['Grace Kim (grace.kim@acme-corp.example) = 10008'],
	},
	{
		name: 'User: filtered by an email fragment without "@"',
		path: 'parameters.userId',
		methodName: 'searchUsers',
		filter: 'obrien',
		results: ["David O'Brien (david.obrien@acme-corp.example) = 10005"],
	},
	{
		name: 'User: found by numeric ID',
		path: 'parameters.userId',
		methodName: 'searchUsers',
		filter: '10004',
		results: ['Carla Rodríguez (carla.rodriguez@acme-corp.example) = 10004'],
	},
	{
		// the inactive group (Legacy Outbound) and the other account's are not offered
		name: 'Group: every active group, with its path',
		path: 'parameters.updateFields.group',
		methodName: 'searchGroups',
		results: [
			'Acme Corporation (60001) = 60001',
			'Acme Corporation › West Region (65000) = 65000',
			'Acme Corporation › West Region › Sales Team (70035) = 70035',
			'Acme Corporation › West Region › Support Team (70036) = 70036',
			'Acme Corporation › East Region (65001) = 65001',
			'Acme Corporation › East Region › Inbound Sales (70040) = 70040',
		],
	},
	{
		name: 'Group: filtered by name',
		path: 'parameters.updateFields.group',
		methodName: 'searchGroups',
		filter: 'sales',
		results: [
			'Acme Corporation › West Region › Sales Team (70035) = 70035',
			'Acme Corporation › East Region › Inbound Sales (70040) = 70040',
		],
	},
];

describe('picker search (POST /rest/dynamic-node-parameters/resource-locator-results)', () => {
	test.each(PICKER_SEARCHES)('$name', async ({ path, methodName, filter, results }) => {
		const answer = await rest.data<{ results: Array<{ name: string; value: string }> }>(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			{
				nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
				path,
				methodName,
				currentNodeParameters: { resource: 'user', operation: 'update' },
				credentials: { [SOURCE_CREDENTIAL.name]: credential },
				...(filter === undefined ? {} : { filter }),
			},
		);
		expect(answer.results.map((result) => `${result.name} = ${result.value}`)).toEqual(results);
	});
});

describe('the editor, in Chromium', () => {
	let page: Page;
	let shots: Screenshots;
	useEditor(() => server.url, (editor) => ({ page, shots } = editor));

	/** A workflow stored through the REST API, its Convirza nodes using the stored credential. */
	async function storeWorkflow(workflow: WorkflowFile): Promise<string> {
		const { id: _fileId, ...body } = withCredential(workflow, credential);
		return (await rest.data<{ id: string }>('POST', '/rest/workflows', body)).id;
	}

	/** The visible parameter labels of the open node panel, top to bottom. */
	async function panelLabels(): Promise<string[]> {
		return await page
			.getByTestId('node-parameters')
			.getByTestId('input-label')
			.filter({ visible: true })
			.evaluateAll((labels) =>
				labels.map((label) => label.querySelector('label .n8n-text')?.textContent?.trim() ?? ''),
			);
	}

	/** The choices of the dropdown that is open now. */
	async function openOptions(): Promise<string[]> {
		const options = page.getByRole('option');
		await options.first().waitFor();
		return (await options.allTextContents()).map((text) => text.trim());
	}

	/** Clicks "Execute workflow" and waits for the node's green check and a successful execution. */
	async function executeFromCanvas(workflowId: string, nodeName: string): Promise<void> {
		await page.getByTestId('execute-workflow-button').click();
		await page
			.getByTestId('canvas-node')
			.filter({ hasText: nodeName })
			.getByTestId('canvas-node-status-success')
			.waitFor({ timeout: 2 * UI_TIMEOUT_MS });
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const executions = await until(
			'the execution is stored as finished',
			async () =>
				(await rest.data<{ results: Array<{ status: string; mode: string }> }>('GET', `/rest/executions?filter=${filter}`))
					.results,
			(results) => results.length > 0 && results.every(({ status }) => !['new', 'running'].includes(status)),
		);
		expect(executions.map(({ status, mode }) => ({ status, mode }))).toEqual([{ status: 'success', mode: 'manual' }]);
	}

	test('signs in on /signin', async () => {
		await shots.step(page, 'signin', async () => {
			await page.goto('/signin');
			await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
			await page.getByTestId('password').locator('input').fill(OWNER.password);
			await shots.take(page, 'signin');
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
			await page.getByTestId('main-sidebar-settings').waitFor();
			await shots.take(page, 'signed-in');
		});
	});

	test('the User picker lists the simulator\'s users, filters them, and the picked user gets updated', async () => {
		const workflow = fixtureWorkflow('editor-pick-user');
		const workflowId = await storeWorkflow(workflow);
		const nodeName = 'Update picked user';
		const nodeId = workflow.nodes.find((node) => node.name === nodeName)?.id;

		await shots.step(page, 'user-picker', async () => {
			await page.goto(`/workflow/${workflowId}/${nodeId}`);
			await page.getByTestId('ndv').waitFor();
			await page.getByTestId('resource-locator-userId').getByPlaceholder('Select a user...').waitFor();
			await shots.take(page, 'picker-panel');

			await page.getByTestId('rlc-input').click();
			await page.getByTestId('rlc-item').first().waitFor();
			expect(await page.getByTestId('rlc-item').allTextContents()).toEqual(
				ALL_ACME_USERS.map((line) => line.replace(/ = \d+$/, '')),
			);
			await shots.take(page, 'picker-user-list');

			await page.getByTestId('rlc-search').fill('tanaka');
			// the editor asks n8n, n8n asks the simulator: wait until the list holds one user
			await until('the filtered list', async () => await page.getByTestId('rlc-item').count(), (count) => count === 1);
			expect(await page.getByTestId('rlc-item').allTextContents()).toEqual([
				'Hiro Tanaka (hiro.tanaka@acme-corp.example)',
			]);
			await shots.take(page, 'picker-user-filtered');

			await page.getByTestId('rlc-item').filter({ hasText: 'Hiro Tanaka' }).click();
			expect(await page.getByTestId('rlc-input').inputValue()).toBe('Hiro Tanaka (hiro.tanaka@acme-corp.example)');
			await page.getByTestId('ndv-close-button').click();
			await page.getByTestId('ndv').waitFor({ state: 'hidden' });

			sim.clearWrites();
			await executeFromCanvas(workflowId, nodeName);
			await shots.take(page, 'picker-workflow-run');
		});
		expect(sim.writes.map((write) => `${write.method} ${write.path}`)).toEqual(['PUT /v3/users/10009']);
		expect(sim.userRecord(10009)?.user_ext_id).toBe('E2E-EDITOR-1');
	});

	test('the demo workflow: its Convirza panel shows our labels, and it runs green from the editor', async () => {
		const workflow = demoWorkflow();
		const workflowId = await storeWorkflow(workflow);
		const nodeName = 'Create or update user';
		const parameters = workflow.nodes.find((node) => node.name === nodeName)?.parameters as IDataObject;
		const setFields = Object.keys(parameters.additionalFields as object);
		const required = ['email', 'firstName', 'lastName', 'role', 'group'].map((name) => operationParameter('upsert', name));
		const additionalFields = operationParameter('upsert', 'additionalFields');
		const options = operationParameter('upsert', 'options');
		const fieldLabels = collectionOptionNames(additionalFields);
		const setLabels = (additionalFields.options as Array<{ name: string; displayName: string }>)
			.filter((field) => setFields.includes(field.name))
			.map((field) => field.displayName);
		// Options shown only with Map Automatically (e.g. Ignore Unknown Keys) are not offered here.
		const offeredOptions = (options.options as INodeProperties[])
			.filter((option) => option.displayOptions?.show?.['/mappingMode']?.includes('defineBelow') ?? true)
			.map((option) => option.displayName);

		await shots.step(page, 'demo', async () => {
			await page.goto(`/workflow/${workflowId}`);
			await page.getByTestId('canvas-node').filter({ hasText: nodeName }).waitFor();
			await shots.take(page, 'demo-canvas');

			await page.getByTestId('canvas-node').filter({ hasText: nodeName }).dblclick();
			await page.getByTestId('ndv').waitFor();
			await page.getByTestId('resource-locator-group').waitFor();
			expect(await panelLabels()).toEqual([
				'Resource',
				'Operation',
				operationParameter('upsert', 'matchOn').displayName,
				operationParameter('upsert', 'mappingMode').displayName,
				...required.map((parameter) => parameter.displayName),
				additionalFields.displayName,
				...setLabels,
				options.displayName,
			]);
			// our labels, spelled out: the source is the reference above, these are what a user reads
			expect(required.map((parameter) => parameter.displayName)).toEqual(['Email', 'First Name', 'Last Name', 'Role', 'Group']);
			expect([additionalFields.displayName, options.displayName]).toEqual(['Additional Fields', 'Options']);
			await shots.take(page, 'demo-panel');

			const addField = page.getByTestId('node-parameters').getByTestId('collection-parameter-add');
			await addField.first().click();
			expect((await openOptions()).sort()).toEqual(fieldLabels.filter((label) => !setLabels.includes(label)).sort());
			await shots.take(page, 'demo-panel-add-field');
			await page.keyboard.press('Escape');
			await page.getByRole('option').first().waitFor({ state: 'hidden' });

			await addField.last().click();
			expect((await openOptions()).sort()).toEqual(offeredOptions.sort());
			await shots.take(page, 'demo-panel-add-option');
			await page.keyboard.press('Escape');
			await page.getByRole('option').first().waitFor({ state: 'hidden' });

			await page.getByTestId('ndv-close-button').click();
			await page.getByTestId('ndv').waitFor({ state: 'hidden' });

			sim.clearWrites();
			await executeFromCanvas(workflowId, nodeName);
			await shots.take(page, 'demo-run');
		});
		expect(sim.writes.map((write) => `${write.method} ${write.path}`).sort()).toEqual([
			'POST /v3/users',
			'PUT /v3/users/10001',
			'PUT /v3/users/10003',
			'PUT /v3/users/10006',
		]);
	});
});
