/**
 * The Convirza Trigger in a real `n8n start`: an active workflow polling every minute receives the
 * simulator's calls exactly once over two polls (a call still in progress at the first arrives with
 * the second), and Fetch Test Event in the editor shows the newest call. Waits are on n8n's own
 * executions (REST API) and the editor's output, never on a fixed time; n8n's cron decides when
 * each poll runs, so the test takes about two minutes.
 */
import { randomUUID } from 'node:crypto';

import { parse } from 'flatted';
import type { Page } from 'playwright-core';
import type { IDataObject, IRunExecutionData } from 'n8n-workflow';

import type { ConvirzaSimulator } from '../simulator';
import { UI_TIMEOUT_MS, useEditor, type Screenshots } from './kit/browser';
import { useInstance, withOutputOf } from './kit/instance';
import type { N8nServer } from './kit/n8nServer';
import { OWNER, type N8nRest } from './kit/rest';
import { until } from './kit/until';
import { PACKAGE_NAME } from './kit/userFolder';

const TRIGGER_TYPE = `${PACKAGE_NAME}.convirzaTrigger`;
const NODE_NAME = 'New Convirza call';
const CALLS = '/v3/conversations/calls';
/** n8n's cron runs the poll once a minute: a poll is due within that, plus time for a loaded machine. */
const NEXT_POLL_MS = 150_000;

let sim: ConvirzaSimulator;
let server: N8nServer;
let rest: N8nRest;
let credential: { id: string; name: string };
useInstance('trigger', { calls: 50 }, (instance) => ({ sim, server, rest, credential } = instance));

const withN8nOutput = (error: unknown): never => withOutputOf(server)(error);

/** A workflow of one Convirza Trigger (New Call, every minute), stored through the REST API. */
async function storeTriggerWorkflow(name: string): Promise<{ id: string; versionId: string; nodeId: string }> {
	const nodeId = randomUUID();
	const body = {
		name,
		nodes: [
			{
				id: nodeId,
				name: NODE_NAME,
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newCall' },
				credentials: { convirzaApi: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	const stored = await rest.data<{ id: string; versionId: string }>('POST', '/rest/workflows', body);
	return { ...stored, nodeId };
}

interface Execution {
	id: string;
	status: string;
	mode: string;
}

async function executions(workflowId: string): Promise<Execution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { results } = await rest.data<{ results: Execution[] }>('GET', `/rest/executions?filter=${filter}`);
	return results.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Waits until the workflow has `count` finished executions and returns them, oldest first. */
async function finishedExecutions(workflowId: string, count: number): Promise<Execution[]> {
	return await until(
		`${count} finished execution(s) of the trigger's workflow`,
		async () => await executions(workflowId),
		(list) => list.length >= count && list.every(({ status }) => !['new', 'running'].includes(status)),
		NEXT_POLL_MS,
	).catch(withN8nOutput);
}

/** The call IDs the trigger handed to an execution, in order. */
async function emittedCallIds(executionId: string): Promise<unknown[]> {
	const execution = await rest.data<{ data: string }>('GET', `/rest/executions/${executionId}`);
	const run = parse(execution.data) as IRunExecutionData;
	const items = (run.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0] ?? []) as Array<{ json: IDataObject }>;
	return items.map((item) => item.json.call_id);
}

test('an active workflow polling every minute gets each new call once, over two polls, oldest first', async () => {
	const workflow = await storeTriggerWorkflow('Convirza calls → CRM');
	await rest.data('POST', `/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId }).catch(withN8nOutput);
	// the activation's poll: it asks Convirza once and emits nothing from before the activation
	await until('the activation\'s poll', async () => sim.requests('GET', CALLS).length, (count) => count === 1);
	expect(await executions(workflow.id)).toEqual([]);

	const first = sim.addCall({ started: Date.now(), duration: 30 }).call_id;
	const second = sim.addCall({ started: Date.now() + 1_000, duration: 30 }).call_id;
	const late = sim.addCall({ started: Date.now() + 2_000, inProgress: true }).call_id;
	const [one] = await finishedExecutions(workflow.id, 1);
	expect(one).toMatchObject({ status: 'success', mode: 'trigger' });
	expect(await emittedCallIds(one.id)).toEqual([first, second]);

	// the call in progress ends, so Convirza lists it now, under its start (before the next call's)
	sim.endCall(late);
	const third = sim.addCall({ started: Date.now(), duration: 30 }).call_id;
	const list = await finishedExecutions(workflow.id, 2);
	expect(list).toHaveLength(2);
	expect(list[1]).toMatchObject({ status: 'success', mode: 'trigger' });
	expect(await emittedCallIds(list[1].id)).toEqual([late, third]);
}, 420_000);

describe('the editor, in Chromium', () => {
	let page: Page;
	let shots: Screenshots;
	useEditor(() => server.url, (editor) => ({ page, shots } = editor));

	test('Fetch Test Event shows one call: the newest', async () => {
		const newest = sim.addCall({ started: Date.now(), duration: 45 }).call_id;
		const workflow = await storeTriggerWorkflow('Convirza trigger, tried in the editor');
		await shots.step(page, 'trigger-fetch-test-event', async () => {
			await page.goto('/signin');
			await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
			await page.getByTestId('password').locator('input').fill(OWNER.password);
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

			await page.goto(`/workflow/${workflow.id}/${workflow.nodeId}`);
			await page.getByTestId('ndv').waitFor();
			const fetch = page.getByTestId('ndv').getByRole('button', { name: /Fetch Test Event/i });
			await fetch.first().click();
			const output = page.getByTestId('output-panel');
			await output.getByText(String(newest)).first().waitFor({ timeout: 2 * UI_TIMEOUT_MS });
			expect(await page.getByTestId('ndv-items-count').first().innerText()).toMatch(/^1 item\b/);
			await shots.take(page, 'trigger-fetch-test-event');
		});
		const manual = await until(
			'the Fetch Test Event execution is stored',
			async () => await executions(workflow.id),
			(list) => list.length === 1 && list[0].status === 'success',
		);
		expect(manual[0].mode).toBe('manual');
		expect(await emittedCallIds(manual[0].id)).toEqual([newest]);
	}, 300_000);
});
