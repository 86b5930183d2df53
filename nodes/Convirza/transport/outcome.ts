/**
 * What a failed attempt says about trying again, in one shape for the transport and for the
 * credential's login, so that retrying and telling the operator "Convirza may have acted" rest on
 * the same answer.
 */
export interface AttemptOutcome {
	/** Whether another attempt may succeed: Convirza busy or unreachable, or its answer garbled. */
	transient: boolean;
	/** How long Convirza asked to wait before the next attempt (Retry-After), in milliseconds. */
	retryAfterMs?: number;
	/**
	 * Whether Convirza may have acted on the request although the attempt failed. Only a request
	 * that certainly was not applied may be repeated when repeating it is not harmless (a create).
	 */
	mayHaveApplied: boolean;
}

/** An error that says itself what its attempt means (the credential's login errors do). */
export interface ErrorWithOutcome {
	outcome: AttemptOutcome;
}

export function hasOutcome(error: unknown): error is ErrorWithOutcome {
	const outcome = (error as Partial<ErrorWithOutcome> | undefined)?.outcome;
	return typeof outcome === 'object' && outcome !== null && typeof outcome.transient === 'boolean';
}
