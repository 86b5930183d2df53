/**
 * Proves that a value (a run's data, an error, a credential-test result, …) holds no secret.
 *
 * The search itself is `findSecrets` (./secretsWalk.ts): it reads every own property, entry, byte
 * and `toJSON()` result of the value, and finds a secret as is, URL-encoded, JSON-escaped, or by
 * RegExp pattern.
 *
 * `expectNoSecrets` throws an error naming every path where a secret appears, e.g.
 * `$.runData["Update user"][0].error.cause.config.headers.Authorization`. The failure message
 * itself never repeats a secret: secrets are shown masked and excerpts have them replaced.
 */

import type { RunResult } from '../harness';
import { DEFAULT_MAX_HITS, findSecrets, toNeedle, type FindSecretsOptions, type Secret } from './secretsWalk';

export { findSecrets } from './secretsWalk';
export type { FindSecretsOptions, Secret, SecretHit } from './secretsWalk';

/** Fails, naming each path where a secret appears (the secrets themselves are never printed). */
export function expectNoSecrets(
	value: unknown,
	secrets: readonly Secret[],
	options: FindSecretsOptions = {},
): void {
	const hits = findSecrets(value, secrets, options);
	if (hits.length === 0) return;
	const lines = hits.map(
		(hit) => `  secret #${hit.secretIndex} ${hit.secret} at ${hit.path}\n      ${hit.excerpt}`,
	);
	const error = new Error(
		`Found ${hits.length === (options.maxHits ?? DEFAULT_MAX_HITS) ? 'at least ' : ''}${hits.length} secret(s):\n${lines.join('\n')}`,
	);
	// Keep the assertion's own stack short and free of the checked value.
	Error.captureStackTrace?.(error, expectNoSecrets);
	throw error;
}

/**
 * Every token the Convirza simulator issues or seeds (`cvz_at_…`, `cvz_rt_…`, `cvz_ft_…`,
 * `cvz_sim_at_…`): pass it as a secret to catch any token, including ones a test never saw, such
 * as the refresh token of a login response.
 */
export const SIMULATOR_TOKEN = /cvz_(?:sim_)?(?:at|rt|ft)_[\w-]+/;

/** The parts of an engine run that n8n shows or stores: run data, outputs, node and run errors. */
export function runResultParts(result: RunResult): Record<string, unknown> {
	const nodes = Object.fromEntries(
		Object.keys(result.runData).map((name) => [
			name,
			{ outputs: result.outputs(name), error: result.nodeError(name) },
		]),
	);
	// Not `credentialsHelper`: it holds the credential store, where the secrets legitimately are.
	return { status: result.status, error: result.error, runData: result.runData, run: result.run, nodes };
}

/** {@link expectNoSecrets} on everything a run produced (see {@link runResultParts}). */
export function expectRunWithoutSecrets(result: RunResult, secrets: readonly Secret[]): void {
	expectNoSecrets(runResultParts(result), secrets);
}

/**
 * `value` as text with each named secret replaced by `<name>`, e.g.
 * `redact(header, { 'admin token': sim.tokens.admin })` → `"Bearer <admin token>"`. For asserting on
 * text that legitimately holds a secret (the simulator's request log) without a failing assertion
 * printing it. Secrets are replaced in the order given, so put specific ones before patterns.
 */
export function redact(value: unknown, named: Record<string, Secret>): string {
	let text = typeof value === 'string' ? value : String(value);
	for (const [name, secret] of Object.entries(named)) {
		if (secret === '') continue;
		const needle = toNeedle(secret, 0);
		text = needle.redact(text).split('«secret #0»').join(`<${name}>`);
	}
	return text;
}
