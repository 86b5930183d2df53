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
	) {
		super(`The "${parameter}" parameter ${problem}`, fix);
		this.name = 'InputError';
	}
}
