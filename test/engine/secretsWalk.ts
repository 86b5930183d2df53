/**
 * The deep walker behind `expectNoSecrets` (see ./secrets.ts, the jest-facing API).
 *
 * `findSecrets` walks the value the way a thorough serialiser would, and further: every own
 * property (enumerable or not, string- or symbol-keyed, getters included), so an error's
 * `message`, `description`, `context`, `cause`, `stack`, `errorResponse`, `functionality`, … are
 * all read; Map keys and values, Set members, array items, Buffer / typed-array / ArrayBuffer
 * bytes (as UTF-8), `Headers` / `URLSearchParams` / `FormData` entries, URLs, Dates, RegExps,
 * boxed primitives, and whatever `toJSON()` returns. Property names are checked too. Cycles and
 * shared references are visited once.
 *
 * A secret is found in a string when the string contains it as is, URL-encoded (form bodies,
 * query strings) or JSON-escaped (a JSON text embedded in a string), or when a RegExp pattern
 * matches (e.g. every token format the simulator issues).
 */

export type Secret = string | RegExp;

export interface SecretHit {
	/** Where the secret is, e.g. `$.error.cause.description` or `$.headers<Map value "a">`. */
	path: string;
	/** Which entry of `secrets` was found (its index). */
	secretIndex: number;
	/** The secret masked (first 3 characters and its length), safe to print. */
	secret: string;
	/** The text around the finding, with every secret replaced by `«secret #n»`. */
	excerpt: string;
}

export interface FindSecretsOptions {
	/** Stop walking after this many values (a guard against enormous graphs such as sockets). */
	maxNodes?: number;
	/** Stop after this many findings. */
	maxHits?: number;
}

const MIN_SECRET_LENGTH = 4;
const DEFAULT_MAX_NODES = 2_000_000;
/** Also used by expectNoSecrets to say "at least" when the findings were cut off. */
export const DEFAULT_MAX_HITS = 50;
const EXCERPT_RADIUS = 40;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Error properties that are commonly non-enumerable or inherited and must always be read. */
const ERROR_KEYS = [
	'name',
	'message',
	'description',
	'stack',
	'cause',
	'context',
	'errorResponse',
	'httpCode',
	'code',
	'errors',
	'response',
	'request',
	'config',
	'functionality',
	'level',
	'node',
	'extra',
	'tags',
];

interface Needle {
	index: number;
	masked: string;
	matches(text: string): boolean;
	/** Replaces every occurrence with `«secret #n»` (for excerpts). */
	redact(text: string): string;
}

function mask(secret: Secret): string {
	if (secret instanceof RegExp) return `pattern ${String(secret)}`;
	return `"${secret.slice(0, 3)}…" (${secret.length} characters)`;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function toNeedle(secret: unknown, index: number): Needle {
	if (secret instanceof RegExp) {
		const flags = `${secret.flags.replace(/[gy]/g, '')}g`;
		const global = new RegExp(secret.source, flags);
		return {
			index,
			masked: mask(secret),
			matches: (text) => new RegExp(secret.source, secret.flags.replace(/[gy]/g, '')).test(text),
			redact: (text) => text.replace(global, `«secret #${index}»`),
		};
	}
	if (typeof secret !== 'string') {
		throw new TypeError(
			`expectNoSecrets: secret #${index} is ${secret === null ? 'null' : typeof secret}, not a string or RegExp. ` +
				'A missing secret would make the check pass vacuously.',
		);
	}
	if (secret.length < MIN_SECRET_LENGTH) {
		throw new TypeError(
			`expectNoSecrets: secret #${index} has ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed ` +
				'for a meaningful check (an empty secret would match everything).',
		);
	}
	const variants = [
		...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]),
	];
	const pattern = new RegExp(variants.map(escapeRegExp).join('|'), 'g');
	return {
		index,
		masked: mask(secret),
		matches: (text) => variants.some((variant) => text.includes(variant)),
		redact: (text) => text.replace(pattern, `«secret #${index}»`),
	};
}

function keyPath(parent: string, key: PropertyKey): string {
	if (typeof key === 'symbol') return `${parent}[${String(key)}]`;
	if (typeof key === 'number' || /^\d+$/.test(key)) return `${parent}[${String(key)}]`;
	return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** A Map or entry key as shown in a path (paths are redacted before they are reported). */
function describeKey(key: unknown, index: number): string {
	if (typeof key === 'string') return JSON.stringify(key);
	if (typeof key === 'number' || typeof key === 'boolean' || typeof key === 'bigint') return String(key);
	return `#${index}`;
}

function isTypedArray(value: object): value is ArrayBufferView {
	return ArrayBuffer.isView(value);
}

function bytesToText(view: ArrayBufferView): string {
	return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('utf8');
}

function safeGet(target: object, key: PropertyKey): { value?: unknown; failed?: string } {
	try {
		return { value: Reflect.get(target, key) };
	} catch (error) {
		return { failed: error instanceof Error ? error.message : String(error) };
	}
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Every finding of any secret anywhere in `value`; an empty array when it is clean. */
export function findSecrets(
	value: unknown,
	secrets: readonly Secret[],
	options: FindSecretsOptions = {},
): SecretHit[] {
	if (!Array.isArray(secrets) || secrets.length === 0) {
		throw new TypeError('expectNoSecrets: give at least one secret to look for');
	}
	const needles = secrets.map(toNeedle);
	const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
	const maxHits = options.maxHits ?? DEFAULT_MAX_HITS;
	const hits: SecretHit[] = [];
	const seen = new WeakSet<object>();
	const reported = new Set<string>();
	let nodes = 0;

	const redactAll = (text: string) => needles.reduce((current, needle) => needle.redact(current), text);

	const checkText = (text: string, path: string): void => {
		for (const needle of needles) {
			if (hits.length >= maxHits) return;
			if (!needle.matches(text)) continue;
			if (reported.has(`${needle.index} ${path}`)) continue;
			reported.add(`${needle.index} ${path}`);
			const redacted = redactAll(text);
			const at = redacted.indexOf(`«secret #${needle.index}»`);
			const start = Math.max(0, at - EXCERPT_RADIUS);
			const end = Math.min(redacted.length, at + EXCERPT_RADIUS + 12);
			hits.push({
				path: redactAll(path),
				secretIndex: needle.index,
				secret: needle.masked,
				excerpt: `${start > 0 ? '…' : ''}${redacted.slice(start, end)}${end < redacted.length ? '…' : ''}`
					.replace(/\r/g, '\\r')
					.replace(/\n/g, '\\n'),
			});
		}
	};

	// Iterative walk: deep error chains and long arrays must not overflow the stack.
	const stack: Array<{ value: unknown; path: string }> = [{ value, path: '$' }];
	while (stack.length > 0 && hits.length < maxHits) {
		const { value: current, path } = stack.pop()!;
		if (++nodes > maxNodes) {
			throw new Error(
				`expectNoSecrets: gave up after ${maxNodes} values (last at ${path}); the value is too large to prove clean. ` +
					'Check a smaller part of it.',
			);
		}
		// Children are walked in their natural order (entries, then own properties, then toJSON()),
		// so a value reachable in several ways is reported under its first, most direct path.
		const children: Array<{ value: unknown; path: string }> = [];
		const push = (child: unknown, childPath: string) => children.push({ value: child, path: childPath });

		switch (typeof current) {
			case 'string':
				checkText(current, path);
				continue;
			case 'number':
			case 'boolean':
			case 'bigint':
				checkText(String(current), path);
				continue;
			case 'undefined':
				continue;
			case 'symbol':
				checkText(current.description ?? '', path);
				continue;
			case 'function':
				// Code, not data; but its own properties (e.g. a function used as a namespace) are data.
				break;
			default:
				if (current === null) continue;
		}

		const object = current as object;
		if (seen.has(object)) continue;
		seen.add(object);

		if (object instanceof String || object instanceof Number || object instanceof Boolean) {
			checkText(String(object.valueOf()), path);
		} else if (object instanceof Date) {
			checkText(Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString(), path);
		} else if (object instanceof RegExp) {
			checkText(object.source, path);
		} else if (object instanceof URL) {
			const decoded = safeDecode(object.href);
			checkText(decoded === object.href ? decoded : `${object.href} ${decoded}`, `${path}.href`);
		} else if (object instanceof ArrayBuffer || object instanceof SharedArrayBuffer) {
			checkText(Buffer.from(object).toString('utf8'), `${path}<bytes>`);
		} else if (isTypedArray(object)) {
			checkText(bytesToText(object), `${path}<bytes>`);
			// Indices of a typed array are bytes, already read as text: only look at other own keys.
		} else if (object instanceof Map) {
			let index = 0;
			for (const [key, entry] of object) {
				push(key, `${path}<Map key #${index}>`);
				push(entry, `${path}<Map value ${describeKey(key, index)}>`);
				index++;
			}
		} else if (object instanceof Set) {
			let index = 0;
			for (const member of object) push(member, `${path}<Set #${index++}>`);
		} else if (
			(typeof Headers !== 'undefined' && object instanceof Headers) ||
			object instanceof URLSearchParams ||
			(typeof FormData !== 'undefined' && object instanceof FormData)
		) {
			let index = 0;
			for (const [key, entry] of object as unknown as Iterable<[string, unknown]>) {
				push(key, `${path}<entry key #${index}>`);
				push(entry, `${path}<entry ${describeKey(key, index)}>`);
				index++;
			}
		}

		// Own properties of everything (plain objects, arrays, class instances, errors, functions):
		// enumerable or not, string or symbol keys, getters read (a getter that throws is skipped).
		const keys = new Set<string | symbol>(Reflect.ownKeys(object));
		if (object instanceof Error) for (const key of ERROR_KEYS) if (key in object) keys.add(key);
		const typed = isTypedArray(object);
		for (const key of keys) {
			if (typed && typeof key === 'string' && /^\d+$/.test(key)) continue;
			if (typeof current === 'function' && (key === 'prototype' || key === 'length' || key === 'name')) continue;
			if (Array.isArray(object) && key === 'length') continue;
			const childPath = keyPath(path, key);
			if (typeof key === 'string') checkText(key, `${childPath}<key>`);
			else checkText(key.description ?? '', `${childPath}<key>`);
			const { value: child, failed } = safeGet(object, key);
			if (failed === undefined) push(child, childPath);
		}

		// What JSON.stringify would emit may differ from the own properties (e.g. axios errors).
		const toJSON = (object as { toJSON?: unknown }).toJSON;
		if (typeof toJSON === 'function' && !(object instanceof Date) && !(object instanceof URL)) {
			try {
				const json: unknown = toJSON.call(object, '');
				if (json !== object) push(json, `${path}.toJSON()`);
			} catch {
				// A toJSON that throws would make JSON.stringify throw too; nothing is emitted.
			}
		}

		// Whatever the object shows when printed into a log or message.
		if (object instanceof Error) checkText(String(object), `${path}<String()>`);

		for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
	}
	return hits;
}
