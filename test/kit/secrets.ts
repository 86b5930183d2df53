/** The secrets of a simulator, which no run may show or store. */
import { SIMULATOR_TOKEN, expectRunWithoutSecrets, type Secret } from '../engine/secrets';
import type { RunResult } from '../harness';
import type { ConvirzaSimulator } from '../simulator';

/** A token Convirza never issued (401), and a password that is not the admin's. */
export const WRONG_TOKEN = 'cvz_at_not-a-token-Convirza-ever-issued';
export const WRONG_PASSWORD = 'Not-the-Passw0rd!';

/**
 * Everything that must never appear in what a run shows or stores: the seeded tokens, both
 * passwords, and every token format the simulator issues (access, refresh and frontend tokens of
 * each login, which no test sees otherwise), plus `more` (e.g. a wrong password a test used).
 */
export function secretsOf(sim: ConvirzaSimulator, ...more: Secret[]): Secret[] {
	return [
		sim.tokens.admin,
		sim.tokens.standard,
		sim.tokens.readOnly,
		sim.logins.admin.password,
		sim.logins.standard.password,
		SIMULATOR_TOKEN,
		WRONG_TOKEN,
		WRONG_PASSWORD,
		...more,
	];
}

/** Outputs, error items, node and run errors (message, description, context, cause) hold no secret. */
export function expectNoSecretsIn(result: RunResult, sim: ConvirzaSimulator, ...more: Secret[]): void {
	expectRunWithoutSecrets(result, secretsOf(sim, ...more));
}
