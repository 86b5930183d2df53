/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	globalSetup: '<rootDir>/test/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/setup/global-teardown.js',
	setupFiles: ['<rootDir>/test/setup/user-folder.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/expression-engine.js'],
	testTimeout: 30000,
};
