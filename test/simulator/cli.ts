// `npm run simulator`: runs the Convirza API simulator on 127.0.0.1 until Ctrl-C.
// Env: CONVIRZA_SIM_PORT (default 8787; a random port if busy), CONVIRZA_SIM_LATENCY_MS, CONVIRZA_SIM_EXTRA_USERS,
// CONVIRZA_SIM_LARGE_HIERARCHY (1: add the 288 groups whose names repeat, see seed.ts).
import { startSimulator } from './index';
import type { ConvirzaSimulator, SimulatorOptions } from './index';

function envInt(name: string, def: number): number {
	const raw = process.env[name];
	const n = raw === undefined || raw === '' ? def : Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
	return n;
}

async function main(): Promise<void> {
	const options: SimulatorOptions = {
		latencyMs: envInt('CONVIRZA_SIM_LATENCY_MS', 0),
		extraUsers: envInt('CONVIRZA_SIM_EXTRA_USERS', 0),
		largeHierarchy: envInt('CONVIRZA_SIM_LARGE_HIERARCHY', 0) === 1,
	};
	const port = envInt('CONVIRZA_SIM_PORT', 8787);
	let sim: ConvirzaSimulator;
	try {
		sim = await startSimulator({ ...options, port });
	} catch (e: unknown) {
		if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
		console.log(`port ${port} is busy, using a random free port`);
		sim = await startSimulator({ ...options, port: 0 });
	}
	console.log('Convirza API simulator running');
	console.log(`  base URL : ${sim.baseUrl}`);
	console.log(`  OAuth URL: ${sim.oauthUrl}`);
	console.log(`  Admin token   : ${sim.tokens.admin}`);
	console.log(`  Standard token: ${sim.tokens.standard}`);
	console.log(`  ReadOnly token: ${sim.tokens.readOnly}`);
	console.log(`  Admin login   : ${sim.logins.admin.email} / ${sim.logins.admin.password}`);
	console.log(`  Calls         : ${sim.calls().length} over the last 90 days; ${sim.textConversations().length} text conversations`);
	console.log('Press Ctrl-C to stop.');
	const stop = (): void => {
		void sim.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
