/**
 * The Convirza simulator in a process of its own, so that the bench process's CPU time is the
 * client side only. Started by sim-client.ts with `fork` (ts-node, IPC channel): prints one JSON
 * line `{ baseUrl, oauthUrl, token, userIds }` on stdout when listening, then answers commands
 * sent over IPC (see SimCommand). Env: BENCH_SIM_LATENCY_MS, BENCH_SIM_USERS, BENCH_SIM_CALLS (calls over the
 * 30 days before BENCH_SIM_NOW, ms; default none).
 */
import { startSimulator, type Fault } from '../simulator';

export type SimCommand =
	| { cmd: 'setLatency'; ms: number }
	| { cmd: 'injectRandom'; method: string; pathRegex: string; rate: number; seed: number; faults: Fault[] }
	| { cmd: 'clearFaults' }
	/** Clears log, writes and in-flight stats, and starts sampling in-flight every `sampleMs`. */
	| { cmd: 'begin'; sampleMs: number }
	/** Stops sampling and returns a SimStats. */
	| { cmd: 'end'; bucketMs: number }
	| { cmd: 'close' };

export interface SimStats {
	requests: number;
	/** answered statuses, e.g. { '200': 2000, '429': 211 } */
	statuses: Record<string, number>;
	writes: number;
	maxInFlight: number;
	/** time-weighted mean of the in-flight count while at least one request was in flight */
	meanBusyInFlight: number;
	/** max in-flight per `bucketMs` window, from the start of the scenario */
	timeline: number[];
	/** the simulator's own CPU time during the scenario, ms */
	cpuMs: number;
	/** writes (PUT, PATCH, POST) answered per second over the first and the last fifth of the writing */
	writeRate: { start: number; end: number };
}

/** Writes per second over the first and the last fifth of the time between the first and last write. */
function writeRate(answeredAt: number[]): { start: number; end: number } {
	if (answeredAt.length < 2) return { start: NaN, end: NaN };
	// in answering order, so sorted; no spread: 100,000 arguments overflow the stack
	const first = answeredAt[0];
	const fifth = (answeredAt[answeredAt.length - 1] - first) / 5;
	if (fifth <= 0) return { start: NaN, end: NaN };
	const perSecond = (count: number): number => count / (fifth / 1000);
	return {
		start: perSecond(answeredAt.filter((t) => t <= first + fifth).length),
		end: perSecond(answeredAt.filter((t) => t >= first + 4 * fifth).length),
	};
}

function envInt(name: string, fallback: number): number {
	const n = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
	return n;
}

async function main(): Promise<void> {
	const calls = envInt('BENCH_SIM_CALLS', 0);
	const sim = await startSimulator({
		latencyMs: envInt('BENCH_SIM_LATENCY_MS', 0),
		logBodies: false,
		calls,
		callDays: 30,
		...(calls > 0 ? { now: envInt('BENCH_SIM_NOW', 0) } : {}),
	});
	if (calls > 0) sim.calls(); // builds the fixture before the first measured request
	const userIds = sim.addUsers(envInt('BENCH_SIM_USERS', 2000));
	let samples: number[] = [];
	let sampler: NodeJS.Timeout | undefined;
	let started = 0;
	let cpu = process.cpuUsage();

	const reply = (id: number, result: unknown): void => {
		process.send?.({ id, result });
	};

	process.on('message', (message: { id: number; command: SimCommand }) => {
		const { id, command } = message;
		switch (command.cmd) {
			case 'setLatency':
				sim.setLatency(command.ms);
				return reply(id, true);
			case 'injectRandom':
				sim.injectRandom(command.method, new RegExp(command.pathRegex), command);
				return reply(id, true);
			case 'clearFaults':
				sim.clearFaults();
				return reply(id, true);
			case 'begin':
				sim.clearLog();
				sim.clearWrites();
				sim.resetInFlightStats();
				samples = [];
				started = Date.now();
				cpu = process.cpuUsage();
				clearInterval(sampler);
				sampler = setInterval(() => samples.push(sim.inFlight), command.sampleMs);
				return reply(id, true);
			case 'end': {
				clearInterval(sampler);
				const used = process.cpuUsage(cpu);
				const statuses: Record<string, number> = {};
				for (const entry of sim.log) {
					const key = String(entry.status ?? 'reset');
					statuses[key] = (statuses[key] ?? 0) + 1;
				}
				const busy = samples.filter((n) => n > 0);
				const elapsed = Date.now() - started;
				const perBucket = Math.max(1, Math.round(samples.length / Math.max(1, elapsed / command.bucketMs)));
				const timeline: number[] = [];
				for (let i = 0; i < samples.length; i += perBucket) {
					timeline.push(Math.max(...samples.slice(i, i + perBucket)));
				}
				const stats: SimStats = {
					requests: sim.log.length,
					statuses,
					writes: sim.writes.length,
					maxInFlight: sim.maxInFlight,
					meanBusyInFlight: busy.length === 0 ? 0 : busy.reduce((a, b) => a + b, 0) / busy.length,
					timeline,
					cpuMs: (used.user + used.system) / 1000,
					writeRate: writeRate(
						sim.answers.filter((entry) => entry.method !== 'GET').map((entry) => entry.answeredAt ?? started),
					),
				};
				sim.clearLog();
				sim.clearWrites();
				return reply(id, stats);
			}
			case 'close':
				clearInterval(sampler);
				void sim.close().then(() => {
					reply(id, true);
					process.disconnect?.();
				});
				return undefined;
		}
	});
	process.on('disconnect', () => void sim.close().then(() => process.exit(0)));

	process.stdout.write(
		`${JSON.stringify({ baseUrl: sim.baseUrl, oauthUrl: sim.oauthUrl, token: sim.tokens.admin, userIds })}\n`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
