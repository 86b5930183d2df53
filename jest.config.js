/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// Both cores: test files share no state (each worker has its own n8n user folder, every
	// simulator its own port), so they may run side by side in any order.
	maxWorkers: 2,
	// A worker ends its run holding ~600 MB (n8n's engine, loaded once per file) and Node takes ~0.5 s
	// to free that after its last test (measured: 0.47–0.53 s from the child's 'exit' event to the
	// parent seeing it), right at jest's default 500 ms, after which it reports a "worker failed to
	// exit gracefully" leak. There is no leak (no handle is left open); a real one still shows after 5 s.
	workerGracefulExitTimeout: 5_000,
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
