import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

import { ItemError } from '../helpers/InputError';

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
 * Reads a parameter for an item, naming it when n8n cannot. On n8n 2.x's default vm engine an
 * expression whose result cannot leave the sandbox (an object with a "constructor" key, say) makes
 * getNodeParameter throw a bare error, with no parameter and no item; errors n8n already attributed
 * (they carry a context) pass as they are.
 */
function evaluate<T>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: T,
	options: ParameterOptions | undefined,
): T {
	let failure: unknown;
	try {
		return context.getNodeParameter(name, itemIndex, fallback, options) as T;
	} catch (error) {
		failure = error;
	}
	const attributed = typeof (failure as { context?: unknown })?.context === 'object';
	throw attributed
		? failure
		: new ItemError(
				`The "${options?.label ?? name}" parameter could not be read: ${(failure as Error)?.message ?? String(failure)}`,
				'An expression in it returned a value n8n cannot hand to the node (for example an object with a "constructor" key). Map plain text, numbers or booleans instead.',
			);
}

export interface ParameterOptions extends IGetNodeParameterOptions {
	/** The parameter's display name, for an error about reading it. */
	label?: string;
}

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
	options?: ParameterOptions,
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
		known = holdsExpression(raw) ? VARIES : evaluate(context, name, itemIndex, fallback, options);
		values.set(key, known);
	}
	return known === VARIES ? evaluate(context, name, itemIndex, fallback, options) : (known as T);
}
