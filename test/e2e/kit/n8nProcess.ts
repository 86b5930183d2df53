import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

import { e2eEnv } from './env';

const REAPER = join(__dirname, 'reaper.js');

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released again at once). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address !== null && typeof address === 'object') resolve(address.port);
				else reject(new Error('no port'));
			});
		});
	});
}

/**
 * The environment of a throw-away n8n: everything under `userFolder` (database, encryption key,
 * community nodes, HOME), its own ports (the task broker's default 5679 would clash between two
 * instances), nothing sent to n8n's online services, cookies over plain http. The expression engine
 * stays n8n's default on purpose.
 */
export function n8nEnvironment(userFolder: string, ports: { port: number; brokerPort: number }): NodeJS.ProcessEnv {
	const env = e2eEnv();
	return {
		PATH: `${dirname(env.node)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		HOME: userFolder,
		LANG: 'C.UTF-8',
		TZ: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(ports.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(ports.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	};
}

export interface N8nProcess {
	readonly child: ChildProcess;
	/** everything n8n printed so far, stdout and stderr interleaved as they arrived */
	output(): string;
	stdout(): string;
	stderr(): string;
	/** resolves with the exit code once the process (and its reaper) ended */
	readonly exited: Promise<number | null>;
	/** SIGTERM, then SIGKILL after the reaper's grace period; resolves when it is gone */
	stop(): Promise<void>;
}

/**
 * Starts `n8n <args>` through the reaper (test/e2e/kit/reaper.js), so it dies with this process.
 * With `stdoutFile`, n8n's stdout goes into that file instead of a pipe (and `output()` is the file, then
 * stderr, no longer interleaved).
 */
export function spawnN8n(args: string[], env: NodeJS.ProcessEnv, stdoutFile?: string): N8nProcess {
	const { node, n8n } = e2eEnv();
	const stdout = stdoutFile === undefined ? 'pipe' : openSync(stdoutFile, 'w');
	const child = spawn(node, [REAPER, node, n8n, ...args], { env, stdio: ['pipe', stdout, 'pipe'] });
	if (typeof stdout === 'number') closeSync(stdout);
	const out: string[] = [];
	const all: string[] = [];
	const err: string[] = [];
	const written = (): string => (stdoutFile === undefined ? out.join('') : readFileSync(stdoutFile, 'utf8'));
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		out.push(chunk);
		all.push(chunk);
	});
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		err.push(chunk);
		all.push(chunk);
	});
	const exited = new Promise<number | null>((resolve) => {
		child.once('close', (code) => resolve(code));
		child.once('error', () => resolve(null));
	});
	return {
		child,
		output: () => (stdoutFile === undefined ? all.join('') : written() + err.join('')),
		stdout: written,
		stderr: () => err.join(''),
		exited,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}

let commands = 0;

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
	output: string;
}

/** The last lines of a process's output, to put into a failure message. */
export function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/**
 * Runs one n8n CLI command (`import:workflow`, `execute`, …) in `userFolder` to its end. Past
 * `timeoutMs` the command is stopped and the call fails with its output: a bound, not a wait.
 * Its stdout goes through a file: n8n prints (`execute --rawOutput`'s run too) through its logger and
 * exits 100 ms later, and Node writes to a pipe asynchronously: a run of 20,000 items came out cut off
 * after 11 MB. Node writes to a file synchronously.
 */
export async function n8nCommand(
	userFolder: string,
	args: string[],
	options: { timeoutMs?: number } = {},
): Promise<CommandResult> {
	const env = n8nEnvironment(userFolder, { port: await freePort(), brokerPort: await freePort() });
	const stdoutFile = join(userFolder, `n8n-stdout-${++commands}.txt`);
	const proc = spawnN8n(args, env, stdoutFile);
	const timeoutMs = options.timeoutMs ?? 180_000;
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), timeoutMs);
	});
	const outcome = await Promise.race([proc.exited, timedOut]);
	clearTimeout(timer);
	if (outcome === 'timeout') {
		await proc.stop();
		throw new Error(`n8n ${args.join(' ')} did not end within ${timeoutMs} ms:\n${tail(proc.output())}`);
	}
	const result = { code: outcome, stdout: proc.stdout(), stderr: proc.stderr(), output: proc.output() };
	rmSync(stdoutFile);
	return result;
}

/** Like {@link n8nCommand}, and fails with n8n's output unless the command exits with 0. */
export async function n8nCommandOk(
	userFolder: string,
	args: string[],
	options: { timeoutMs?: number } = {},
): Promise<CommandResult> {
	const result = await n8nCommand(userFolder, args, options);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited with ${result.code}:\n${tail(result.output)}`);
	}
	return result;
}
