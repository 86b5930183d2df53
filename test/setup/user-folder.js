// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on first use: never let a test touch the real home
// folder. Each jest worker gets a folder of its own, since n8n-core checks for that file and then
// writes it: two workers doing so at once could read each other's half-written file.
const { mkdirSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const run = process.env.CONVIRZA_TEST_FOLDER ?? mkdtempSync(join(tmpdir(), 'n8n-convirza-test-'));
process.env.CONVIRZA_TEST_FOLDER = run;
process.env.N8N_USER_FOLDER = join(run, `worker-${process.env.JEST_WORKER_ID ?? '1'}`);
mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });
