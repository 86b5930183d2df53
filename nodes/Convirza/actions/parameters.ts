import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions, INodeProperties } from 'n8n-workflow';

import { InputError, ItemError } from '../helpers/InputError';
import { parseBoolean } from '../helpers/validation';

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
	const values = valuesOf(context);
	const key = options?.extractValue ? `${name}#value` : name;
	let known = values.get(key);
	if (known === undefined) {
		known = holdsExpression(rawParameter(context, name, fallback)) ? VARIES : evaluate(context, name, itemIndex, fallback, options);
		values.set(key, known);
	}
	return known === VARIES ? evaluate(context, name, itemIndex, fallback, options) : (known as T);
}

function valuesOf(context: IExecuteFunctions): Map<string, unknown> {
	let values = runs.get(context);
	if (values === undefined) {
		values = new Map();
		runs.set(context, values);
	}
	return values;
}

/** A parameter as stored, expressions unevaluated: the same for every item, so read once. */
function rawParameter(context: IExecuteFunctions, name: string, fallback: unknown): unknown {
	const values = valuesOf(context);
	const key = `${name}#raw`;
	if (!values.has(key)) values.set(key, context.getNodeParameter(name, 0, fallback, { rawExpressions: true }));
	return values.get(key);
}

const NO_VALUE_FIX =
	'n8n gives an expression that fails (e.g. one reading a key the item does not have) no value. Correct the expression, or remove the option to use its default.';

/** The option among `declared` whose expression throws for this item, named, or undefined. */
function failingOption(
	context: IExecuteFunctions,
	itemIndex: number,
	expressions: INodeProperties[],
): InputError | undefined {
	for (const option of expressions) {
		try {
			context.getNodeParameter(`options.${option.name}`, itemIndex);
		} catch (error) {
			const { message, description } = error as { message?: string; description?: string };
			return InputError.inOption(
				option.displayName,
				`could not be read: ${message ?? String(error)}`,
				description ?? 'Correct the expression in it, or remove the option to use its default.',
			);
		}
	}
	return undefined;
}

/**
 * An operation's Options for an item, each option of `declared` that holds an expression checked:
 * n8n turns an expression that throws into no value, and the option would silently take its
 * default, so no value fails the item naming the option, as does a boolean that is neither true
 * nor false (the words "true" and "false" are read as such). Options without expressions are what
 * the editor stored, of the right type; they are read once per execution.
 */
export function readOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	declared: readonly INodeProperties[],
): IDataObject {
	const raw = (rawParameter(context, 'options', {}) ?? {}) as IDataObject;
	const expressions = declared.filter((option) => holdsExpression(raw[option.name]));
	let options: IDataObject | undefined;
	let failure: unknown;
	try {
		options = nodeParameter<IDataObject>(context, 'options', itemIndex, {}, { label: 'Options' });
	} catch (error) {
		failure = error;
	}
	if (options === undefined) throw failingOption(context, itemIndex, expressions) ?? failure;
	if (expressions.length === 0) return options;
	const checked = { ...options };
	for (const option of expressions) {
		const value = options[option.name];
		if (value === undefined || value === null) {
			throw InputError.inOption(option.displayName, 'has no value: its expression failed or gave nothing', NO_VALUE_FIX);
		}
		if (option.type === 'boolean') {
			checked[option.name] = InputError.forOption(option.displayName, () => parseBoolean(value, option.displayName));
		}
	}
	return checked;
}
