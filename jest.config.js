/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// Both cores: test files share no state (each worker has its own n8n user folder, every
	// simulator its own port), so they may run side by side in any order.
	maxWorkers: 2,
	// The summary lists every failing test by its full name at the very end of the output (CI's last lines).
	reporters: ['default', ['summary', { summaryThreshold: 0 }]],
	globalSetup: '<rootDir>/test/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/setup/global-teardown.js',
	setupFiles: ['<rootDir>/test/setup/user-folder.js', '<rootDir>/test/setup/safe-regex.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/expression-engine.js'],
	// A hang detector, not a speed check: far above the slowest test (seconds) even on a machine
	// loaded many times over, so only a test that never ends reaches it.
	testTimeout: 120_000,
};
