/**
 * Calls and texts in a real `n8n start` and its editor (Chromium) against the simulator's 5,000 calls:
 * the Call operations render in the node panel; the workflow of test/e2e/fixtures/calls.workflow.json,
 * run from the canvas, reads 95 days of calls (4 windows of at most 31 days), a CRM contact's calls by
 * a nationally written phone number and their recordings as binary data (shown as files in the output
 * panel), and the open text conversations; its stored run data is then checked through n8n's REST API.
 * (Not headless: `n8n execute --rawOutput` prints the whole run, 4,600 calls, and its output is cut.)
 */
import type { Browser, Page } from 'playwright-core';
import { parse } from 'flatted';
import type { IBinaryData, IRun } from 'n8n-workflow';

import { startSimulator, KNOWN_CALLERS, type ConvirzaSimulator } from '../simulator';
import { Screenshots, UI_TIMEOUT_MS, launchBrowser, newPage } from './kit/browser';
import { e2eEnv } from './kit/env';
import { fixtureWorkflow, tokenCredential, withCredential } from './kit/fixtures';
import { startN8nServer, type N8nServer } from './kit/n8nServer';
import { N8nRest, OWNER } from './kit/rest';
import { nodeOutput } from './kit/runOutput';
import { until } from './kit/until';
import { createUserFolder } from './kit/userFolder';

const WORKFLOW = fixtureWorkflow('calls');
const CALLS = '/v3/conversations/calls';

let sim: ConvirzaSimulator;

beforeAll(async () => {
	sim = await startSimulator();
}, 60_000);
afterAll(async () => sim?.close());

describe('the editor, in Chromium', () => {
	let server: N8nServer;
	let rest: N8nRest;
	let browser: Browser;
	let page: Page;
	let shots: Screenshots;
	let workflowId: string;
	/** the canvas run, as n8n stored it */
	let run: IRun;

	beforeAll(async () => {
		server = await startN8nServer(await createUserFolder('calls-server'));
		rest = new N8nRest(server.url);
		await rest.setUpOwnerAndLogIn();
		const { id: _importId, ...token } = tokenCredential(sim);
		const stored = await rest.data<{ id: string; name: string }>('POST', '/rest/credentials', token);
		const { id: _fileId, ...body } = withCredential(WORKFLOW, { id: stored.id, name: stored.name });
		workflowId = (await rest.data<{ id: string }>('POST', '/rest/workflows', body)).id;
		shots = new Screenshots(e2eEnv().screenshots);
		browser = await launchBrowser();
		page = await newPage(browser, server.url);
		await page.goto('/signin');
		await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await page.getByTestId('password').locator('input').fill(OWNER.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}, 600_000);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (shots?.paths.length) process.stdout.write(`\nScreenshots:\n${shots.paths.map((path) => `  ${path}\n`).join('')}`);
	});

	test('the Call operations and the Get Many parameters render in the node panel', async () => {
		const nodeId = WORKFLOW.nodes.find((node) => node.name === "Contact's calls")?.id;
		await shots.step(page, 'call-panel', async () => {
			await page.goto(`/workflow/${workflowId}/${nodeId}`);
			await page.getByTestId('ndv').waitFor();
			const labels = page.getByTestId('node-parameters').getByTestId('input-label').filter({ visible: true });
			await labels.first().waitFor();
			const texts = await labels.evaluateAll((all) => all.map((label) => label.querySelector('label .n8n-text')?.textContent?.trim() ?? ''));
			expect(texts.slice(0, 7)).toEqual(['Resource', 'Operation', 'Return All', 'Limit', 'Filters', 'Caller Number', 'Disposition']);
			await shots.take(page, 'call-get-many-panel');
			await page.getByTestId('parameter-input-operation').click();
			const options = page.getByRole('option');
			await options.first().waitFor();
			expect((await options.allTextContents()).map((text) => text.trim().split('\n')[0].trim())).toEqual(
				expect.arrayContaining([expect.stringMatching(/^Get/), expect.stringMatching(/^Get Many/), expect.stringMatching(/^Get Recording/)]),
			);
			await shots.take(page, 'call-operations');
			await page.keyboard.press('Escape');
			await page.getByTestId('ndv-close-button').click();
			await page.getByTestId('ndv').waitFor({ state: 'hidden' });
		});
	});

	test('the workflow runs from the canvas; the recording shows as a file in the output panel', async () => {
		sim.clearLog();
		await shots.step(page, 'calls-run', async () => {
			await page.goto(`/workflow/${workflowId}`);
			await page.getByTestId('execute-workflow-button').click();
			await page
				.getByTestId('canvas-node')
				.filter({ hasText: 'Recording' })
				.getByTestId('canvas-node-status-success')
				.waitFor({ timeout: 2 * UI_TIMEOUT_MS });
			await shots.take(page, 'calls-canvas-run');
			await page.getByTestId('canvas-node').filter({ hasText: 'Recording' }).dblclick();
			await page.getByTestId('ndv').waitFor();
			// n8n opens the output on its Binary view for items with files
			await page.getByTestId('ndv-output-panel').getByText(/call-\d+\.wav/).first().waitFor();
			await shots.take(page, 'calls-recording-binary');
		});
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const [execution] = await until(
			'the execution is stored as finished',
			async () => (await rest.data<{ results: Array<{ id: string; status: string }> }>('GET', `/rest/executions?filter=${filter}`)).results,
			(results) => results.length > 0 && results.every(({ status }) => !['new', 'running'].includes(status)),
		);
		expect(execution.status).toBe('success');
		const stored = await rest.data<{ data: string }>('GET', `/rest/executions/${execution.id}`);
		run = { data: parse(stored.data) } as IRun;
	});

	test('Get Many over 95 days: 4 windows of at most 31 days, every call once', () => {
		const listed = sim.requests('GET', CALLS).filter((r) => r.query.caller_id === undefined && r.query.start !== undefined);
		const windows = [...new Set(listed.map((r) => `${r.query.start}/${r.query.end}`))];
		expect(windows).toHaveLength(4);
		for (const window of windows) {
			const [start, end] = window.split('/').map(Date.parse);
			expect(end - start).toBeLessThanOrEqual(31 * 24 * 3600 * 1000);
		}
		const starts = windows.flatMap((w) => w.split('/').map(Date.parse));
		const [from, to] = [Math.min(...starts), Math.max(...starts)];
		const expected = sim.calls().filter((c) => {
			const at = Date.parse(c.call_started as string);
			return c.org_unit_id !== 90001 && c.call_ended !== null && at >= from && at <= to;
		});
		const ids = nodeOutput(run, 'Calls of 95 days').map((item) => item.json.call_id);
		expect(ids.length).toBeGreaterThan(4000);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(expected.map((c) => c.call_id).sort());
	});

	test("the CRM contact's calls by '(206) 555-0123', and their recordings as binary data", () => {
		expect(sim.requests('GET', CALLS).find((r) => r.query.caller_id !== undefined)?.query.caller_id).toBe(KNOWN_CALLERS[0].number);
		const calls = nodeOutput(run, "Contact's calls");
		expect(calls).toHaveLength(3);
		expect(calls.every((item) => item.json.caller_id === KNOWN_CALLERS[0].number)).toBe(true);
		const recordings = nodeOutput(run, 'Recording') as Array<{ json: { call_id: number }; binary?: Record<string, IBinaryData> }>;
		expect(recordings.map((item) => item.json.call_id)).toEqual(calls.map((item) => item.json.call_id));
		for (const item of recordings) {
			expect(item.binary?.data).toMatchObject({ fileName: `call-${item.json.call_id}.wav`, mimeType: 'audio/wav', fileExtension: 'wav' });
		}
		const downloads = sim.requests('GET', /^\/recordings\//);
		expect(downloads.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(downloads.every((r) => r.headers.authorization === undefined)).toBe(true);
	});

	test('Text Conversation Get Many: the open conversations as Convirza returns them', () => {
		const texts = nodeOutput(run, 'Open texts').map((item) => item.json);
		expect(texts).toEqual(sim.textConversations().filter((c) => c.closed_at === null));
	});
});
