/**
 * `npm run n8n` (test/e2e/try/try-n8n.ts) as a user meets it: it prints the editor's URL and login,
 * that login works, n8n offers the Convirza node and holds the demo workflow and the credential, and
 * Ctrl-C (SIGINT to the terminal's process group) stops everything it started, n8n's own processes
 * included, and removes its temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8nRest } from './kit/rest';

const SCRIPT = join(__dirname, 'try', 'try-n8n.ts');
const READY_WITHIN_MS = 240_000;

/** Every process below `pid` now (from /proc: Linux only, like the rest of the suite). */
function descendants(pid: number): number[] {
	const parents = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
		} catch {
			// ended while listing
		}
	}
	const found: number[] = [];
	const queue = [pid];
	while (queue.length > 0) {
		for (const child of parents.get(queue.shift()!) ?? []) {
			found.push(child);
			queue.push(child);
		}
	}
	return found;
}

/** Whether the process runs (a zombie waiting to be reaped has ended). */
function running(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

/** The N8N_USER_FOLDER a process runs with, if it is an n8n process. */
function userFolderOf(pid: number): string | undefined {
	try {
		const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
		return environ.find((entry) => entry.startsWith('N8N_USER_FOLDER='))?.slice('N8N_USER_FOLDER='.length);
	} catch {
		return undefined;
	}
}

/** Resolves with everything printed once `marker` appeared; fails if the process ends first or late. */
async function printed(child: ChildProcess, output: () => string, marker: string): Promise<string> {
	return await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no "${marker}" within ${READY_WITHIN_MS} ms:\n${output()}`)), READY_WITHIN_MS);
		const check = () => {
			if (!output().includes(marker)) return;
			clearTimeout(timer);
			resolve(output());
		};
		child.stdout?.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`npm run n8n ended with ${code} before it was ready:\n${output()}`));
		});
	});
}

const field = (text: string, label: string): string => {
	const match = new RegExp(`^\\s+${label}:\\s+(\\S+)`, 'm').exec(text);
	if (!match) throw new Error(`no ${label} in:\n${text}`);
	return match[1];
};

test('prints a working editor login, offers the node and the demo, and Ctrl-C leaves nothing running', async () => {
	// its own process group, like a terminal's foreground job
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', SCRIPT], {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	try {
		const text = await printed(child, () => output, 'Press Ctrl-C to stop everything.');
		const editor = field(text, 'Editor');
		const workflowUrl = field(text, 'Workflow');
		const started = descendants(child.pid!);
		// the reaper, n8n and its task runner at least
		expect(started.length).toBeGreaterThanOrEqual(3);

		const rest = new N8nRest(editor);
		await rest.data('POST', '/rest/login', { emailOrLdapLoginId: field(text, 'Login'), password: field(text, 'Password') });
		const types = await rest.json<Array<{ name: string }>>('GET', '/types/nodes.json');
		expect(types.map((type) => type.name)).toContain('n8n-nodes-convirza.convirza');
		const workflows = await rest.data<Array<{ id: string; name: string }>>('GET', '/rest/workflows');
		expect(workflows.map((workflow) => `${editor}/workflow/${workflow.id}`)).toEqual([workflowUrl]);
		const credentials = await rest.data<Array<{ type: string }>>('GET', '/rest/credentials');
		expect(credentials.map((credential) => credential.type)).toEqual(['convirzaApi']);
		const userFolder = started.map(userFolderOf).find((folder) => folder !== undefined);
		expect(userFolder).toMatch(/\/convirza-e2e-[^/]+\/try-[^/]+$/);

		process.kill(-child.pid!, 'SIGINT');
		expect(await exited).toBe(0);
		expect(output).toContain('Stopped. Nothing is left running.');
		expect(started.filter(running)).toEqual([]);
		await expect(fetch(`${editor}/healthz`)).rejects.toThrow();
		// n8n's user folder went with the temporary folder that held it and the tarball
		expect(existsSync(userFolder!)).toBe(false);
	} finally {
		if (child.exitCode === null && child.signalCode === null) {
			process.kill(-child.pid!, 'SIGKILL');
			await exited;
		}
	}
}, 400_000);
