/**
 * Process-wide settings n8n-core reads lazily from the environment (through `@n8n/config`) the
 * first time its DI container builds a service. Imported before anything touches the engine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's ErrorReporter logs every node error (and its cause chain) through the n8n logger, as
// a server would; in tests that is noise. Run with N8N_LOG_LEVEL=debug to see the engine's logs.
process.env.N8N_LOG_LEVEL ??= 'silent';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config once instance settings are used. Jest's setup file
// sets it; scripts that use the harness outside jest get a throw-away folder too, never $HOME.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-harness-'));

export {};
