/** The bench's handle on the simulator child process (sim-process.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { Fault } from '../simulator';
import type { SimCommand, SimStats } from './sim-process';

export interface SimHandle {
	baseUrl: string;
	oauthUrl: string;
	token: string;
	/** ids of the extra users added for the bench, all distinct and inside the admin's hierarchy */
	userIds: number[];
	pid: number;
	setLatency(ms: number): Promise<void>;
	injectRandom(method: string, path: RegExp, opts: { rate: number; seed: number; faults: Fault[] }): Promise<void>;
	clearFaults(): Promise<void>;
	/** Clears the log and in-flight stats and starts sampling in-flight. */
	begin(sampleMs?: number): Promise<void>;
	end(bucketMs?: number): Promise<SimStats>;
	close(): Promise<void>;
}

export async function startSimProcess(options: { latencyMs: number; users: number; calls?: { count: number; now: number } }): Promise<SimHandle> {
	const child: ChildProcess = fork(join(__dirname, 'sim-process.ts'), [], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		env: {
			...process.env,
			BENCH_SIM_LATENCY_MS: String(options.latencyMs),
			BENCH_SIM_USERS: String(options.users),
			...(options.calls ? { BENCH_SIM_CALLS: String(options.calls.count), BENCH_SIM_NOW: String(options.calls.now) } : {}),
		},
		stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
	});
	const pending = new Map<number, (result: unknown) => void>();
	let nextId = 0;
	child.on('message', (message: { id: number; result: unknown }) => {
		pending.get(message.id)?.(message.result);
		pending.delete(message.id);
	});
	const call = <T>(command: SimCommand): Promise<T> =>
		new Promise((resolve, reject) => {
			if (!child.connected) return reject(new Error('simulator process is gone'));
			const id = ++nextId;
			pending.set(id, resolve as (result: unknown) => void);
			child.send({ id, command });
		});

	const ready = await new Promise<{ baseUrl: string; oauthUrl: string; token: string; userIds: number[] }>(
		(resolve, reject) => {
			let text = '';
			child.stdout?.setEncoding('utf8');
			child.stdout?.on('data', (chunk: string) => {
				text += chunk;
				const end = text.indexOf('\n');
				if (end >= 0) resolve(JSON.parse(text.slice(0, end)));
			});
			child.once('exit', (code) => reject(new Error(`simulator process exited (${code}) before listening`)));
			child.once('error', reject);
		},
	);

	return {
		...ready,
		pid: child.pid ?? 0,
		setLatency: async (ms) => void (await call({ cmd: 'setLatency', ms })),
		injectRandom: async (method, path, opts) =>
			void (await call({ cmd: 'injectRandom', method, pathRegex: path.source, ...opts })),
		clearFaults: async () => void (await call({ cmd: 'clearFaults' })),
		begin: async (sampleMs = 5) => void (await call({ cmd: 'begin', sampleMs })),
		end: async (bucketMs = 250) => await call<SimStats>({ cmd: 'end', bucketMs }),
		close: async () => {
			if (!child.connected) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			await call({ cmd: 'close' });
			await exited;
		},
	};
}
