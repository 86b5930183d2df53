import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { e2eEnv } from './env';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a closed network and a root user: no sandbox, no GPU, and none of Chromium's own calls
 * home, which this machine's network refuses. Playwright adds a fresh --user-data-dir of its own.
 */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Bound for each wait on the editor (a Vue app on a shared 2-core machine: generous, never endless). */
export const UI_TIMEOUT_MS = 60_000;

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
	}
	// n8n's editor marks its elements with data-test-id
	selectors.setTestIdAttribute('data-test-id');
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
	context.setDefaultTimeout(UI_TIMEOUT_MS);
	return await context.newPage();
}

/** Numbered screenshots of each step, in the order they were taken. */
export class Screenshots {
	readonly paths: string[] = [];

	constructor(private readonly folder: string) {}

	async take(page: Page, name: string): Promise<string> {
		const path = join(this.folder, `${String(this.paths.length + 1).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path });
		this.paths.push(path);
		return path;
	}

	/** Runs a step; when it fails, saves what the page showed before failing the test. */
	async step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
		try {
			return await action();
		} catch (error) {
			await this.take(page, `FAILED-${name}`).catch(() => undefined);
			throw error;
		}
	}
}

export interface Editor {
	page: Page;
	shots: Screenshots;
}

/**
 * Chromium on the editor at `url()` for the tests of the calling describe block: opened before them
 * (handed to `opened`), closed after them, with the screenshots taken listed at the end.
 */
export function useEditor(url: () => string, opened: (editor: Editor) => void): void {
	let browser: Browser | undefined;
	let shots: Screenshots | undefined;

	beforeAll(async () => {
		shots = new Screenshots(e2eEnv().screenshots);
		browser = await launchBrowser();
		opened({ page: await newPage(browser, url()), shots });
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		if (shots?.paths.length) process.stdout.write(`\nScreenshots:\n${shots.paths.map((path) => `  ${path}\n`).join('')}`);
	});
}
