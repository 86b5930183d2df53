import { freePort, n8nEnvironment, spawnN8n, tail, type N8nProcess } from './n8nProcess';

export interface N8nServer {
	/** e.g. http://127.0.0.1:41234 */
	readonly url: string;
	readonly process: N8nProcess;
	stop(): Promise<void>;
}

const READY_WITHIN_MS = 240_000;
const POLL_MS = 250;

/** Whether `GET url` answers 200 now. */
async function answers(url: string): Promise<boolean> {
	try {
		return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200;
	} catch {
		return false; // not listening yet
	}
}

/**
 * `n8n start` on free ports in `userFolder`, resolved once `GET /healthz/readiness` answers 200 (the
 * database is up and migrated, nodes are loaded) and so does the REST API the editor loads first
 * (`GET /rest/settings`): n8n 1.x answers readiness before it has registered its REST routes. Fails early with n8n's output if n8n exits first,
 * and after {@link READY_WITHIN_MS} at the latest.
 */
export async function startN8nServer(userFolder: string): Promise<N8nServer> {
	const port = await freePort();
	const brokerPort = await freePort();
	const proc = spawnN8n(['start'], n8nEnvironment(userFolder, { port, brokerPort }));
	const url = `http://127.0.0.1:${port}`;
	const server: N8nServer = { url, process: proc, stop: async () => await proc.stop() };

	let exitCode: number | null | undefined;
	void proc.exited.then((code) => {
		exitCode = code;
	});
	const deadline = Date.now() + READY_WITHIN_MS;
	for (;;) {
		if (exitCode !== undefined) {
			throw new Error(`n8n start exited with ${exitCode} before it was ready:\n${tail(proc.output())}`);
		}
		if (Date.now() > deadline) {
			await proc.stop();
			throw new Error(`n8n was not ready within ${READY_WITHIN_MS} ms:\n${tail(proc.output())}`);
		}
		if ((await answers(`${url}/healthz/readiness`)) && (await answers(`${url}/rest/settings`))) return server;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}
