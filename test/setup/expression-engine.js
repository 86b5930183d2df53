// After each test file: stop the expression engine the harness started for it (its isolate pool
// would keep the jest worker alive). See STOP_HOOK in test/harness/expression-engine.ts.
const STOP_HOOK = Symbol.for('n8n-nodes-convirza.stopExpressionEngine');

afterAll(async () => {
	await globalThis[STOP_HOOK]?.();
});
