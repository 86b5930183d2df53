// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use: never let a test touch the real home folder.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-convirza-test-'));
}
