import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { e2eEnv } from './env';

const run = promisify(execFile);

export const PACKAGE_NAME = 'n8n-nodes-convirza';

/**
 * A throw-away N8N_USER_FOLDER with the packed package installed the way n8n installs a community
 * node: into <folder>/.n8n/nodes, production dependencies only, no install scripts. n8n loads it at
 * start-up, so its node types are `n8n-nodes-convirza.<name>`.
 */
export async function createUserFolder(label: string): Promise<string> {
	const env = e2eEnv();
	const folder = mkdtempSync(join(env.workDir, `${label}-`));
	const nodesDir = join(folder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	await run(
		'npm',
		[
			'install',
			'--omit=dev',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--cache',
			join(env.workDir, 'npm-cache'),
			env.tarball,
		],
		{ cwd: nodesDir, env: { ...process.env, PATH: `${dirname(env.node)}:${process.env.PATH ?? ''}` } },
	);
	const installed = JSON.parse(
		readFileSync(join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
	) as { name: string };
	if (installed.name !== PACKAGE_NAME) throw new Error(`installed ${installed.name}, not ${PACKAGE_NAME}`);
	return folder;
}
