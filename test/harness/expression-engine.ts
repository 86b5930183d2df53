/**
 * The expression engine, started the way n8n 2.41's CLI starts it (`BaseCommand.init`): read
 * `@n8n/config`'s ExpressionEngineConfig (N8N_EXPRESSION_ENGINE, _POOL_SIZE, _MAX_CODE_CACHE_SIZE,
 * _TIMEOUT, _MEMORY_LIMIT, _IDLE_TIMEOUT, _LAZY_ACQUIRE, _COMPILE_CACHE; the same defaults) and pass
 * it to `Expression.initExpressionEngine`, which starts the isolated-vm pool for `vm` and does
 * nothing for `legacy`. The CLI does this for every command that runs workflows (`start`,
 * `worker`, `webhook`, `execute`, ...); the others only record the engine with
 * `Expression.setExpressionEngine`. Left out: n8n's metrics provider (`observability`), which needs
 * its Prometheus registry, and `quickjs`, which n8n's config also accepts.
 *
 * n8n-workflow loads the vm engine with a dynamic `import()`, which jest supports only under
 * `node --experimental-vm-modules`: `npm test` runs jest that way.
 *
 * One difference on purpose: n8n's default is `vm`, and n8n 2.x requires Node 24, for which
 * isolated-vm ships a prebuilt binary. This package is also developed and tested on Node 20, where
 * isolated-vm cannot load, so with N8N_EXPRESSION_ENGINE unset the harness picks `vm` when the
 * running Node can load isolated-vm and `legacy` otherwise. An engine that was asked for but cannot
 * start fails loudly; it never falls back.
 */
import { ExpressionEngineConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { Expression } from 'n8n-workflow';

export type ExpressionEngineName = 'legacy' | 'vm';

const ENGINES: readonly ExpressionEngineName[] = ['legacy', 'vm'];

/** Whether this Node can load isolated-vm (its prebuilt binaries are for Node ≥ 24). */
export function canLoadIsolatedVm(): boolean {
	try {
		require('isolated-vm');
		return true;
	} catch {
		return false;
	}
}

/** The engine N8N_EXPRESSION_ENGINE asks for, or the default for this Node (see above). */
export function requestedExpressionEngine(): ExpressionEngineName {
	const asked = process.env.N8N_EXPRESSION_ENGINE;
	if (asked === undefined || asked === '') return canLoadIsolatedVm() ? 'vm' : 'legacy';
	if (!ENGINES.includes(asked as ExpressionEngineName)) {
		throw new Error(`N8N_EXPRESSION_ENGINE must be one of ${ENGINES.join(', ')}; got "${asked}"`);
	}
	return asked as ExpressionEngineName;
}

function hint(error: unknown): string {
	const message = String((error as Error)?.message ?? error);
	// n8n-workflow loads the engine with a dynamic import(), which jest runs only with this flag
	if (message.includes('--experimental-vm-modules')) {
		return 'jest needs `node --experimental-vm-modules` (run it through `npm test`), or set N8N_EXPRESSION_ENGINE=legacy';
	}
	if (!canLoadIsolatedVm()) return 'isolated-vm does not load here (it ships prebuilt binaries for Node 24)';
	return message;
}

let started: Promise<ExpressionEngineName> | undefined;

async function start(): Promise<ExpressionEngineName> {
	const engine = requestedExpressionEngine();
	const { poolSize, maxCodeCacheSize, bridgeTimeout, bridgeMemoryLimit, idleTimeout, lazyAcquire, compileCache } =
		Container.get(ExpressionEngineConfig);
	try {
		await Expression.initExpressionEngine({
			engine,
			poolSize,
			maxCodeCacheSize,
			bridgeTimeout,
			bridgeMemoryLimit,
			idleTimeoutMs: idleTimeout === undefined ? undefined : idleTimeout * 1000,
			lazyAcquire,
			compileCache,
		});
	} catch (error) {
		throw new Error(`Could not start the ${engine} expression engine on Node ${process.version}: ${hint(error)}`, {
			cause: error,
		});
	}
	const active = activeExpressionEngine();
	if (active !== engine) throw new Error(`Asked for the ${engine} expression engine, but ${active} is active`);
	return engine;
}

/**
 * Starts the engine once per module instance (jest: once per test file) and resolves to its name.
 * The harness calls it before every run; a failed start is retried on the next call.
 */
export async function startExpressionEngine(): Promise<ExpressionEngineName> {
	started ??= start().catch((error: unknown) => {
		started = undefined;
		throw error;
	});
	registerStop();
	return await started;
}

/** The engine expressions are evaluated with right now, as n8n-workflow reports it. */
export function activeExpressionEngine(): string {
	return Expression.getActiveImplementation();
}

/**
 * Switches between the started `vm` engine and `legacy` inside this process, as n8n-workflow's
 * `setExpressionEngine` allows for benchmarks: the bench's legacy comparison rows. Never while a
 * workflow runs.
 */
export async function useExpressionEngine(engine: ExpressionEngineName): Promise<void> {
	if (engine === 'vm' && (await startExpressionEngine()) !== 'vm') {
		throw new Error('The vm expression engine was not started (N8N_EXPRESSION_ENGINE)');
	}
	Expression.setExpressionEngine(engine);
	if (activeExpressionEngine() !== engine) {
		throw new Error(`Could not switch to the ${engine} expression engine`);
	}
}

/**
 * What the next execution does to the vm engine's isolate pool: acquire a bridge and release it
 * (which disposes it), then let the pool refill. Until that happens, isolated-vm keeps what the
 * last execution's expressions referenced (its items included) on the heap; the bench calls this
 * before it reads the heap, so that "kept" is what the run's output holds, not the engine's
 * leftovers. No effect on the legacy engine.
 */
export async function settleExpressionEngine(): Promise<void> {
	const expression = new Expression('UTC');
	if (await expression.acquireIsolate()) await expression.releaseIsolate();
	await new Promise((resolve) => setImmediate(resolve));
	// n8n-workflow keeps the evaluator private; its pool can say when the refill is done
	const { vmEvaluator } = Expression as unknown as { vmEvaluator?: { waitForReplenishment(): Promise<void> } };
	await vmEvaluator?.waitForReplenishment();
}

/** Disposes the isolate pool, so that the process (or jest worker) can exit. */
export async function stopExpressionEngine(): Promise<void> {
	if (started === undefined) return;
	await started.catch(() => undefined);
	started = undefined;
	await Expression.disposeExpressionEngine();
}

/**
 * Jest runs each test file with its own modules, so each file that runs a workflow starts its
 * own engine; test/setup/expression-engine.js stops it after the file through this hook, without
 * loading n8n-workflow into test files that never run a workflow.
 */
export const STOP_HOOK = Symbol.for('n8n-nodes-convirza.stopExpressionEngine');

function registerStop(): void {
	(globalThis as Record<symbol, unknown>)[STOP_HOOK] = stopExpressionEngine;
}
