/**
 * An item cannot go on because of what it asked for; the router turns it into a NodeOperationError
 * that names the item, with `fix` as its description.
 */
export class ItemError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'ItemError';
	}
}

/**
 * A value the operator gave cannot be used. Thrown by the validators with the parameter's display
 * name, before any request.
 */
export class InputError extends ItemError {
	constructor(
		readonly parameter: string,
		readonly problem: string,
		fix: string,
		subject = `The "${parameter}" parameter`,
	) {
		super(`${subject} ${problem}`, fix);
		this.name = 'InputError';
	}

	/** The same problem, found in a key of the input item (Map Automatically) rather than a parameter. */
	static inInput(key: string, problem: string, fix: string): InputError {
		return new InputError(key, problem, fix, `The input item's "${key}"`);
	}

	/** Runs a validator on a value that came from the input item's `key`, naming the key if it refuses. */
	static forInputKey<T>(key: string, parse: () => T): T {
		let failure: unknown;
		try {
			return parse();
		} catch (error) {
			failure = error;
		}
		throw failure instanceof InputError ? InputError.inInput(key, failure.problem, failure.fix) : failure;
	}
}
