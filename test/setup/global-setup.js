// Builds nothing; makes the run's throw-away folder, which holds one n8n user folder per worker.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
	process.env.CONVIRZA_TEST_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-convirza-test-'));
};
