/**
 * A value the operator gave cannot be used. Thrown by the validators with the parameter's display
 * name; the router turns it into a NodeOperationError that names the item, before any request.
 */
export class InputError extends Error {
	constructor(
		readonly parameter: string,
		readonly problem: string,
		readonly fix: string,
	) {
		super(`The "${parameter}" parameter ${problem}`);
		this.name = 'InputError';
	}
}
