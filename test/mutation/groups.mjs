/**
 * What `npm run test:mutation` mutates: the modules where a bug loses or corrupts data, in groups, each
 * with only the jest files that exercise it. Jest loads every test file of a run for each mutant (n8n's
 * engine with each engine file), so a group's files are the few that test its modules, not the suite.
 */
import { readFileSync } from 'node:fs';

const USER = 'nodes/Convirza/actions/user';
const TRANSPORT = 'nodes/Convirza/transport';

/** The transport's retry loop: ConvirzaClient.request, its retry delay and the shared throttle wait. */
function retryLoop() {
	const file = `${TRANSPORT}/index.ts`;
	const lines = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').split('\n');
	const start = lines.findIndex((line) => line.includes('async request<')) + 1;
	const end = lines.findIndex((line) => line.includes('private async waitForThrottle')) + 4;
	if (start === 0 || end < start) throw new Error(`The retry loop was not found in ${file}: update test/mutation/groups.mjs`);
	return `${file}:${start}-${end}`;
}

export const groups = {
	phone: {
		mutate: ['nodes/Convirza/helpers/phone.ts'],
		tests: ['test/unit/phone.test.ts'],
	},
	transport: {
		mutate: [`${TRANSPORT}/failure.ts`, `${TRANSPORT}/outcome.ts`, `${TRANSPORT}/backoff.ts`, retryLoop()],
		tests: [
			'test/unit/transportPolicy.test.ts',
			'test/unit/transportFailure.test.ts',
			'test/unit/transportRetryLoop.test.ts',
			'test/unit/ambiguousFailure.test.ts',
			'test/reliability/fault-matrix.test.ts',
			'test/reliability/give-up.test.ts',
			'test/reliability/cancellation.test.ts',
		],
	},
	scheduling: {
		mutate: ['nodes/Convirza/actions/scheduler.ts', 'nodes/Convirza/actions/router.ts'],
		tests: [
			'test/unit/concurrency.test.ts',
			'test/unit/router.test.ts',
			'test/engine/update-concurrency.test.ts',
			'test/engine/update-errors.test.ts',
			'test/engine/options-expressions.test.ts',
			'test/engine/user-upsert.test.ts',
		],
	},
	lookups: {
		mutate: [`${USER}/directory.ts`, `${USER}/locator.ts`],
		tests: ['test/unit/userDirectory.test.ts', 'test/engine/user-lookup.test.ts', 'test/engine/user-upsert.test.ts'],
	},
	upsert: {
		mutate: [`${USER}/upsert.operation.ts`],
		tests: ['test/engine/user-upsert.test.ts', 'test/engine/upsert-race.test.ts', 'test/engine/update-one-request.test.ts'],
	},
	mapping: {
		mutate: [`${USER}/mapping.ts`, `${USER}/fillFromCurrent.ts`, `${USER}/currentProfile.ts`],
		tests: ['test/unit/userMapping.test.ts', 'test/engine/map-automatically.test.ts', 'test/engine/update-fill.test.ts'],
	},
};
