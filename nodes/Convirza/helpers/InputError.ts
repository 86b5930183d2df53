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

	/** The same problem, found in one of an operation's Options rather than a parameter. */
	static inOption(option: string, problem: string, fix: string): InputError {
		return new InputError(option, problem, fix, `The "${option}" option`);
	}

	/** Runs a validator on a value that came from the input item's `key`, naming the key if it refuses. */
	static forInputKey<T>(key: string, parse: () => T): T {
		return InputError.restated(parse, (failure) => InputError.inInput(key, failure.problem, failure.fix));
	}

	/** Runs a validator on an option's value, naming the option if it refuses. */
	static forOption<T>(option: string, parse: () => T): T {
		return InputError.restated(parse, (failure) => InputError.inOption(option, failure.problem, failure.fix));
	}

	private static restated<T>(parse: () => T, restate: (failure: InputError) => InputError): T {
		let failure: unknown;
		try {
			return parse();
		} catch (error) {
			failure = error;
		}
		throw failure instanceof InputError ? restate(failure) : failure;
	}
}
