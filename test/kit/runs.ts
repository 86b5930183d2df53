/** Parameters of the Convirza node and shorthands that run it through n8n's engine. */
import type { INodeParameters } from 'n8n-workflow';

import { CONVIRZA, byId, runConvirza, tokenCredential, type RunOptions } from '../engine/convirzaWorkflow';
import type { ConvirzaSimulator } from '../simulator';

/**
 * Timeout (Ms) for a test whose reply never comes. Every request of the run gets it, so it must be
 * far above a local round trip (milliseconds), on a loaded machine too; the test waits it out once
 * per attempt, so it stays short.
 */
export const SHORT_TIMEOUT_MS = 2_000;

/** Retries without real waiting, so fault tests stay fast and deterministic. */
export const FAST_RETRIES = { retryDelayMs: 1, maxRetryWaitSeconds: 1 };

/** "Continue (using error output)". */
export const toErrorOutput = { onError: 'continueErrorOutput' as const };

/** A Group picker value as the editor stores it after picking from the list. */
export const groupFromList = (id: number | string) => ({ __rl: true, mode: 'list', value: String(id) });

/** Parameters of User → Update for one user by ID, fast retries. */
export function updateParameters(
	userId: unknown,
	updateFields: INodeParameters,
	options: INodeParameters = {},
): INodeParameters {
	return { userId: userId as INodeParameters[string], updateFields, options: { retryDelayMs: 1, ...options } };
}

/** User → Update items that each rename one user: "Renamed <id>", ID and name mapped from the item. */
export function renameUsers(
	ids: number[],
	options: INodeParameters = { concurrency: 1 },
	extra: Partial<RunOptions> = {},
): RunOptions {
	return {
		items: ids.map((id) => ({ convirzaId: id, firstName: `Renamed ${id}` })),
		parameters: {
			userId: byId('={{ $json.convirzaId }}'),
			updateFields: { firstName: '={{ $json.firstName }}' },
			options,
		},
		...extra,
	};
}

export interface UserRun extends Partial<Omit<RunOptions, 'parameters'>> {
	parameters?: INodeParameters;
}

/** Runs the Convirza node with the given User operation; one empty input item unless told. */
export async function runUser(sim: ConvirzaSimulator, operation: string, run: UserRun = {}) {
	return await runOperation(sim, 'user', operation, run);
}

/** Runs the Convirza node with the given resource's operation; one empty input item unless told. */
export async function runOperation(sim: ConvirzaSimulator, resource: string, operation: string, run: UserRun = {}) {
	const { items = [{}], parameters = {}, ...rest } = run;
	const result = await runConvirza(sim, { ...rest, items, parameters: { resource, operation, ...parameters } });
	return { ...result, items: result.output(CONVIRZA), errors: result.output(CONVIRZA, 1) };
}

/** A credential whose token Convirza does not know (401). */
export const unknownToken = (sim: ConvirzaSimulator) => tokenCredential(sim, 'cvz_not_a_known_token');

/** A credential of a Standard user: user operations need Admin (403). */
export const standardToken = (sim: ConvirzaSimulator) => tokenCredential(sim, sim.tokens.standard);

/** A Group parameter (resource locator) in one of its modes, as the editor stores it. */
export const groupBy = (mode: 'list' | 'id' | 'name' | 'externalId', value: string | number) => ({ __rl: true, mode, value });

/** Runs the Convirza node with the given Group operation; one empty input item unless told. */
export const runGroup = (sim: ConvirzaSimulator, operation: string, run: UserRun = {}) => runOperation(sim, 'group', operation, run);
