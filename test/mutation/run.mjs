/**
 * `npm run test:mutation [group …]`: StrykerJS over the modules where a bug loses or corrupts data
 * (test/mutation/groups.mjs), one group after the other, and a score per module at the end. Not part of
 * CI: it takes long (see README, "Mutation testing"); run it before a release.
 *
 * Set for two shared cores: two Stryker workers, per-test coverage (each mutant runs only the tests
 * that reach it), static mutants ignored (code run once at module load, e.g. description tables: each
 * would need every test of the group), mutants that do not compile dropped by the TypeScript checker.
 * Incremental: a second run retests only mutants whose code or tests changed. Reports go to
 * reports/mutation/<group>/ (git-ignored).
 */
import { Stryker } from '@stryker-mutator/core';

import { groups } from './groups.mjs';

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in groups));
if (unknown.length > 0) {
	console.error(`Unknown group ${unknown.join(', ')}; the groups are: ${Object.keys(groups).join(', ')}`);
	process.exit(2);
}

// The tests evaluate expressions on n8n's legacy engine: the same on every Node, and no isolate pool
// to start for each of the thousands of jest runs.
process.env.N8N_EXPRESSION_ENGINE = 'legacy';

function options(name, { mutate, tests }) {
	const reports = `reports/mutation/${name}`;
	return {
		mutate,
		testRunner: 'jest',
		jest: {
			projectType: 'custom',
			configFile: 'jest.config.js',
			config: { testMatch: tests.map((file) => `<rootDir>/${file}`), reporters: [] },
			enableFindRelatedTests: false,
		},
		checkers: ['typescript'],
		tsconfigFile: 'tsconfig.json',
		disableTypeChecks: 'nodes/**/*.ts',
		coverageAnalysis: 'perTest',
		ignoreStatic: true,
		concurrency: 2,
		// Added to the tests' own time in the dry run: far above a loaded machine's noise, so a mutant
		// counts as a timeout only when it makes a test hang.
		timeoutMS: 15_000,
		timeoutFactor: 2,
		tempDirName: '.stryker-tmp',
		ignorePatterns: ['/.e2e-cache', '/.ci', '/dist', '/bench-results', '/coverage', '/test/e2e', '/test/bench'],
		incremental: true,
		incrementalFile: `${reports}/incremental.json`,
		reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
		htmlReporter: { fileName: `${reports}/index.html` },
		jsonReporter: { fileName: `${reports}/mutation.json` },
		clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
		thresholds: { high: 90, low: 85, break: null },
	};
}

/** Killed (or timed out) out of all mutants that ran or survived; compile errors and ignored ones do not count. */
function scores(results) {
	const byFile = new Map();
	for (const { fileName, status } of results) {
		const file = byFile.get(fileName) ?? { detected: 0, survived: 0, noCoverage: 0 };
		if (status === 'Killed' || status === 'Timeout') file.detected++;
		else if (status === 'Survived') file.survived++;
		else if (status === 'NoCoverage') file.noCoverage++;
		byFile.set(fileName, file);
	}
	return byFile;
}

const summary = [];
for (const name of chosen.length > 0 ? chosen : Object.keys(groups)) {
	const started = Date.now();
	console.log(`\n==> Mutation testing: ${name} (${groups[name].mutate.join(', ')})`);
	const results = await new Stryker(options(name, groups[name])).runMutationTest();
	const minutes = ((Date.now() - started) / 60_000).toFixed(1);
	for (const [file, { detected, survived, noCoverage }] of scores(results)) {
		const total = detected + survived + noCoverage;
		const score = total === 0 ? 'n/a' : `${((100 * detected) / total).toFixed(1)} %`;
		summary.push(`${name.padEnd(11)} ${file.replace(/^.*nodes\/Convirza\//, '').padEnd(36)} ${score.padStart(7)}  ${detected}/${total} (${survived} survived, ${noCoverage} not covered)  [group: ${minutes} min]`);
	}
}
console.log(`\nMutation score per module (killed / all that ran):\n${summary.join('\n')}`);
