import { InputError } from '../../nodes/Convirza/helpers/InputError';

/** Runs a parse that must refuse its input, and returns the InputError it refused with. */
export function refusal(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}
