import { startSimulator, type ConvirzaSimulator, type SimulatorOptions } from '../../simulator';
import { tokenCredential } from './fixtures';
import { tail } from './n8nProcess';
import { startN8nServer, type N8nServer } from './n8nServer';
import { N8nRest } from './rest';
import { createUserFolder } from './userFolder';

/** A simulator and a real n8n with its owner logged in and the simulator's Access Token credential stored. */
export interface Instance {
	sim: ConvirzaSimulator;
	server: N8nServer;
	rest: N8nRest;
	/** the credential as n8n stored it (n8n gave the id) */
	credential: { id: string; name: string };
}

/**
 * An Instance for the tests of the calling file: started before them (handed to `started`), stopped
 * after them. `label` names n8n's user folder.
 */
export function useInstance(label: string, simulator: SimulatorOptions, started: (instance: Instance) => void): void {
	let instance: Partial<Instance> = {};
	beforeAll(async () => {
		instance.sim = await startSimulator(simulator);
		instance.server = await startN8nServer(await createUserFolder(label));
		const rest = new N8nRest(instance.server.url);
		await rest.setUpOwnerAndLogIn();
		const { id: _importId, ...token } = tokenCredential(instance.sim);
		const stored = await rest.data<{ id: string; name: string }>('POST', '/rest/credentials', token);
		instance = { ...instance, rest, credential: { id: stored.id, name: stored.name } };
		started(instance as Instance);
	}, 600_000);

	afterAll(async () => {
		await instance.server?.stop();
		await instance.sim?.close();
	});
}

/** On a failure, n8n's own last words help more than the assertion alone. */
export function withOutputOf(server: N8nServer): (error: unknown) => never {
	return (error) => {
		if (error instanceof Error) error.message += `\n\nn8n's output (last lines):\n${tail(server.process.output(), 30)}`;
		throw error;
	};
}
