/**
 * `npm run n8n`: the packed package in the real n8n the end-to-end suite pins, ready to try in the
 * editor. After `npm run build` and test/e2e/setup/install-n8n.sh (the npm script runs both), it
 * packs the package, starts the Convirza simulator, installs the tarball into a fresh n8n user folder
 * as n8n installs a community node, starts n8n, sets up its owner, stores a Convirza credential for
 * the simulator and imports the demo workflow, then prints the editor's URL and the login.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops n8n (and its task runner: the kit's reaper holds them in one
 * process group), the simulator, and removes the temporary folder; nothing is left running.
 * Env: E2E_N8N_PIN=n8n-1 tries the oldest supported n8n instead (after its install-n8n.sh n8n-1).
 */
import { rmSync } from 'node:fs';

import { startSimulator, type ConvirzaSimulator } from '../../simulator';
import { demoWorkflow, tokenCredential, withCredential } from '../kit/fixtures';
import { startN8nServer, type N8nServer } from '../kit/n8nServer';
import { N8nRest, OWNER } from '../kit/rest';
import { PACKAGE_NAME, createUserFolder } from '../kit/userFolder';

// The suite's own setup (CommonJS), so both pack and find n8n the same way.
const { prepareInstall } = require('../setup/global-setup') as {
	prepareInstall(options?: { quiet?: boolean }): { work: string; tarball: string; version: string };
};

let sim: ConvirzaSimulator | undefined;
let server: N8nServer | undefined;
let work: string | undefined;
let stopping: Promise<void> | undefined;

/** Stops what was started, in reverse order; safe to call more than once. */
async function stopAll(): Promise<void> {
	stopping ??= (async () => {
		await server?.stop();
		await sim?.close();
		if (work) rmSync(work, { recursive: true, force: true });
	})();
	await stopping;
}

function onSignal(signal: NodeJS.Signals): void {
	console.log(`\n${signal}: stopping n8n and the simulator…`);
	void stopAll().then(
		() => {
			console.log('Stopped. Nothing is left running.');
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}

async function main(): Promise<void> {
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	const prepared = prepareInstall({ quiet: true });
	work = prepared.work;
	console.log(`Starting n8n ${prepared.version} with ${prepared.tarball.split('/').pop()} (this takes a minute)…`);
	sim = await startSimulator();
	server = await startN8nServer(await createUserFolder('try'));

	const rest = new N8nRest(server.url);
	await rest.setUpOwnerAndLogIn();
	const { id: _importId, ...token } = tokenCredential(sim);
	const credential = await rest.data<{ id: string; name: string }>('POST', '/rest/credentials', token);
	const { id: _demoId, ...demo } = withCredential(demoWorkflow(), credential);
	const workflow = await rest.data<{ id: string; name: string }>('POST', '/rest/workflows', demo);

	console.log(`
n8n ${prepared.version} is running with ${PACKAGE_NAME} installed from its packed tarball.

  Editor:    ${server.url}
  Login:     ${OWNER.email}
  Password:  ${OWNER.password}
  Workflow:  ${server.url}/workflow/${workflow.id}  ("${workflow.name}": open it and click Execute workflow)
  Credential "${credential.name}" (Access Token) points at the Convirza simulator on ${sim.baseUrl}

Press Ctrl-C to stop everything.`);
}

main().catch(async (error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	await stopAll().catch(() => undefined);
	process.exit(1);
});
