// Fault injection: per-matcher FIFO queues (inject) and seeded random faults (injectRandom).
import type { Fault, RandomFaults } from './types';

export type PathMatcher = string | RegExp;

/** mulberry32: tiny seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** method: case-insensitive, '*' matches any. path: string = exact pathname, RegExp = tested on the pathname. */
export function matches(method: string, path: PathMatcher, reqMethod: string, reqPath: string): boolean {
	if (method !== '*' && method.toUpperCase() !== reqMethod) return false;
	if (typeof path === 'string') return path === reqPath;
	path.lastIndex = 0;
	return path.test(reqPath);
}

interface QueueEntry {
	method: string;
	path: PathMatcher;
	faults: Fault[];
	/** matching requests still to let through before the first fault */
	pass: number;
}

/** The random numbers a request draws from, given its method and path. */
export type Draws = (method: string, path: string) => () => number;

interface RandomEntry {
	method: string;
	path: PathMatcher;
	rate: number;
	faults: Fault[];
	/** The generator for this request: one for all (arrival order), or one per request (perRequest). */
	draws: Draws;
}

/** FNV-1a, 32 bits: a seed from a string. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h;
}

/** Draws for the nth request to one method and path, the same whenever it arrives. */
export function perRequestDraws(seed: number): Draws {
	const seen = new Map<string, number>();
	return (method, path) => {
		const key = `${method} ${path}`;
		const n = seen.get(key) ?? 0;
		seen.set(key, n + 1);
		return mulberry32(hash(`${seed} ${key} ${n}`));
	};
}

export class FaultBook {
	private queues: QueueEntry[] = [];
	private randoms: RandomEntry[] = [];

	inject(method: string, path: PathMatcher, faults: Fault[], pass = 0): void {
		if (faults.length > 0) this.queues.push({ method, path, faults: [...faults], pass });
	}

	injectRandom(method: string, path: PathMatcher, opts: RandomFaults): void {
		if (opts.faults.length === 0) throw new Error('injectRandom: faults must not be empty');
		const arrivals = mulberry32(opts.seed);
		const draws = opts.perRequest ? perRequestDraws(opts.seed) : () => arrivals;
		this.randoms.push({ method, path, rate: opts.rate, faults: [...opts.faults], draws });
	}

	clear(): void {
		this.queues = [];
		this.randoms = [];
	}

	/** The fault for this request: queued faults first (oldest injection first), then random ones. */
	take(method: string, path: string): Fault | undefined {
		if (this.queues.length === 0 && this.randoms.length === 0) return undefined;
		for (let i = 0; i < this.queues.length; i++) {
			const q = this.queues[i];
			if (!matches(q.method, q.path, method, path)) continue;
			if (q.pass > 0) {
				q.pass--;
				continue;
			}
			const f = q.faults.shift();
			if (q.faults.length === 0) this.queues.splice(i, 1);
			return f;
		}
		for (const r of this.randoms) {
			if (!matches(r.method, r.path, method, path)) continue;
			// Two draws per matching request, always, so the sequence depends only on seed and request count.
			const next = r.draws(method, path);
			const hit = next() < r.rate;
			const pick = r.faults[Math.floor(next() * r.faults.length)];
			if (hit) return pick;
		}
		return undefined;
	}
}
