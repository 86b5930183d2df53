/**
 * Measures one run in this process: wall time, process CPU time (user + system, via
 * process.cpuUsage: the simulator runs in another process, so this is the client side only), and
 * memory: RSS and heap used sampled during the run, plus the heap still held by the run's result
 * after a full GC (needs `node --expose-gc`; null without it).
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
	wallMs: number;
	cpuMs: number;
	/** heap used after a full GC just before the run */
	baseHeapMb: number;
	peakRssMb: number;
	peakHeapMb: number;
	/** peak heap used minus the base (garbage not yet collected included) */
	peakHeapDeltaMb: number;
	/** heap used after a full GC while the result is still referenced, minus the base */
	retainedHeapMb: number | null;
}

const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;

export const canCollectGarbage = gc !== undefined;

function collect(): void {
	// Twice: the first pass can leave objects that only the second finds unreachable (weak refs, finalizers).
	gc?.();
	gc?.();
}

export async function measure<T>(
	run: () => Promise<T>,
	/** called before each heap reading, e.g. to let the expression engine drop the last run's data */
	settle: () => Promise<void> = async () => {},
	sampleMs = 10,
): Promise<{ result: T; m: Measurement }> {
	await settle();
	collect();
	const base = process.memoryUsage();
	let peakRss = base.rss;
	let peakHeap = base.heapUsed;
	const sample = (): void => {
		const now = process.memoryUsage();
		if (now.rss > peakRss) peakRss = now.rss;
		if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
	};
	const sampler = setInterval(sample, sampleMs);
	const cpuStart = process.cpuUsage();
	const started = performance.now();
	let result: T;
	try {
		result = await run();
	} finally {
		clearInterval(sampler);
	}
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuStart);
	sample();
	let retainedHeapMb: number | null = null;
	if (gc !== undefined) {
		await settle();
		collect();
		retainedHeapMb = (process.memoryUsage().heapUsed - base.heapUsed) / MB;
	}
	return {
		result,
		m: {
			wallMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			baseHeapMb: base.heapUsed / MB,
			peakRssMb: peakRss / MB,
			peakHeapMb: peakHeap / MB,
			peakHeapDeltaMb: (peakHeap - base.heapUsed) / MB,
			retainedHeapMb,
		},
	};
}
