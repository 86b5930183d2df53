import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

/** Whether a parameter's stored value holds an expression anywhere ("=…" strings, in collections too). */
function holdsExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(holdsExpression);
	if (typeof raw === 'object' && raw !== null) return Object.values(raw).some(holdsExpression);
	return false;
}

const VARIES = Symbol('varies per item');

/** Per execution (n8n gives each node run its own context): values read once, or VARIES. */
const runs = new WeakMap<IExecuteFunctions, Map<string, unknown>>();

/**
 * `getNodeParameter`, but a parameter that holds no expression is read once per execution: n8n would
 * give every item the same value, and reading it again costs a copy and a validation per item. The
 * value returned may be shared by every item, so callers must not change it.
 */
export function nodeParameter<T>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: T,
	options?: IGetNodeParameterOptions,
): T {
	let values = runs.get(context);
	if (values === undefined) {
		values = new Map();
		runs.set(context, values);
	}
	const key = options?.extractValue ? `${name}#value` : name;
	let known = values.get(key);
	if (known === undefined) {
		const raw = context.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
		known = holdsExpression(raw) ? VARIES : context.getNodeParameter(name, itemIndex, fallback, options);
		values.set(key, known);
	}
	return (known === VARIES ? context.getNodeParameter(name, itemIndex, fallback, options) : known) as T;
}
