/** Shared bits of the User-operation engine tests (user-*.test.ts). */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CONVIRZA, runConvirza, tokenCredential, type RunOptions } from './convirzaWorkflow';
import type { ConvirzaSimulator } from '../simulator';

/** Retries without real waiting, so fault tests stay fast and deterministic. */
export const FAST_RETRIES = { retryDelayMs: 1, maxRetryWaitSeconds: 1 };

/** A Group picker value as the editor stores it after picking from the list. */
export const groupFromList = (id: number | string) => ({ __rl: true, mode: 'list', value: String(id) });

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedOf = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

export interface UserRun extends Partial<Omit<RunOptions, 'parameters'>> {
	parameters?: INodeParameters;
}

/** Runs the Convirza node with the given User operation; one empty input item unless told. */
export async function runUser(sim: ConvirzaSimulator, operation: string, run: UserRun = {}) {
	const { items = [{}], parameters = {}, ...rest } = run;
	const result = await runConvirza(sim, { ...rest, items, parameters: { operation, ...parameters } });
	return { ...result, items: result.output(CONVIRZA), errors: result.output(CONVIRZA, 1) };
}

/** A credential whose token Convirza does not know (401). */
export const unknownToken = (sim: ConvirzaSimulator) => tokenCredential(sim, 'cvz_not_a_known_token');

/** A credential of a Standard user: user operations need Admin (403). */
export const standardToken = (sim: ConvirzaSimulator) => tokenCredential(sim, sim.tokens.standard);

/** John Doe (the documented list-row example, field for field) as Get and Get Many simplify him. */
export const JOHN_SIMPLIFIED = {
	id: 10001,
	email: 'john.doe@example.com',
	firstName: 'John',
	lastName: 'Doe',
	role: 'Standard',
	status: 'active',
	group: { id: 70035, name: 'Sales Team' },
	externalId: 'EXT-12345',
	agentRingTo: '+14255551234',
	accessAudio: true,
	scoreCalls: true,
	createdAt: '2026-03-29T12:00:00.000Z',
};
