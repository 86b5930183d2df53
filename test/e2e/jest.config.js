/**
 * The end-to-end suite (`npm run test:e2e`): the packed package in a real n8n and its editor.
 * Kept apart from `npm test`, whose config matches only *.test.ts: these files end in .e2e.ts, need the
 * n8n install that test/e2e/setup/install-n8n.sh makes, run one at a time (each starts n8n processes on
 * free ports) and take minutes, not seconds.
 * One file, after `npm run build` and `bash test/e2e/setup/install-n8n.sh`:
 *   npx jest -c test/e2e/jest.config.js test/e2e/headless.e2e.ts
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	globalSetup: '<rootDir>/test/e2e/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/e2e/setup/global-teardown.js',
	maxWorkers: 1,
	// A bound per test, generous for a shared 2-core machine; a hung n8n fails the test instead of CI.
	testTimeout: 240_000,
	verbose: true,
};
