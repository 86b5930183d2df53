import { UserError, type IDataObject, type IHttpRequestHelper } from 'n8n-workflow';

import type { AttemptOutcome, ErrorWithOutcome } from '../nodes/Convirza/transport/outcome';

interface LoginFailure {
	code?: string;
	response?: { status?: number; headers?: IDataObject };
	httpCode?: string;
}

/**
 * A login failure as the user sees it, how long the same login should not be tried again, and what
 * the attempt means for the request that needed the login (read by the node's transport). The
 * request itself was never sent, so it certainly was not applied: retrying it is safe for any
 * method when trying the login again may help.
 */
class LoginError extends UserError implements ErrorWithOutcome {
	readonly outcome: AttemptOutcome;

	constructor(
		message: string,
		description: string,
		readonly holdMs: number,
		retry: { transient: boolean; retryAfterMs?: number },
	) {
		super(message, { description });
		this.outcome = { ...retry, mayHaveApplied: false };
	}
}

/** The login is one small request; n8n's default would wait for it indefinitely. */
const LOGIN_TIMEOUT_MS = 30_000;

/** Convirza counts failed logins against its limit too: a refused login is not retried for a while. */
const REFUSED_HOLD_MS = 60_000;

// Described in words: n8n replaces any error message that contains a network code (ECONNREFUSED, ...)
// with a generic text, which would hide that it was the login that failed.
const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'the connection to the OAuth URL was refused',
	ECONNRESET: 'the connection to the OAuth URL was closed',
	ENOTFOUND: "the OAuth URL's host name does not exist",
	EAI_AGAIN: "the OAuth URL's host name could not be looked up",
	ETIMEDOUT: 'the OAuth URL did not answer in time',
	ECONNABORTED: 'the OAuth URL did not answer in time',
};

/** The login response is documented both bare and wrapped in the standard envelope under `data`. */
function accessTokenOf(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const bare = body as IDataObject;
	const wrapped = bare.data as IDataObject | undefined;
	const token = bare.access_token ?? wrapped?.access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

function loginError(error: LoginFailure): LoginError {
	// Built from scratch on purpose: the original error carries the request, and so the password.
	const status = error.response?.status ?? Number(error.httpCode);
	if (status === 400 || status === 401 || status === 403) {
		return new LoginError(
			'Convirza rejected the email or password',
			'Check the Email and Password of the Convirza credential.',
			REFUSED_HOLD_MS,
			{ transient: false },
		);
	}
	if (status === 429) {
		const retryAfter = Number(error.response?.headers?.['retry-after']);
		// Without a usable Retry-After, assume the documented window: a minute.
		const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
		return new LoginError(
			'Convirza refused the login: too many login attempts',
			`Convirza allows 10 logins a minute from one IP address. Wait ${seconds} seconds and try again.`,
			seconds * 1000,
			{ transient: true, retryAfterMs: seconds * 1000 },
		);
	}
	const reason = Number.isFinite(status)
		? `Convirza answered HTTP ${status}`
		: (NETWORK_REASONS[error.code ?? ''] ?? 'no answer from the OAuth URL');
	const code = error.code ? ` (${error.code})` : '';
	return new LoginError(
		`Could not log in to Convirza: ${reason}`,
		`Check the OAuth URL of the credential and that Convirza is reachable${code}.`,
		0,
		{ transient: !Number.isFinite(status) || status >= 500 },
	);
}

/** Logs in with email and password (`POST /oauth/token`) and returns the access token. */
async function requestToken(
	helpers: IHttpRequestHelper['helpers'],
	oauthUrl: string,
	email: string,
	password: string,
): Promise<string> {
	if (email.trim() === '' || password === '') {
		throw new UserError('The Convirza credential needs both an email and a password');
	}
	let body: unknown;
	try {
		body = await helpers.httpRequest({
			method: 'POST',
			url: `${oauthUrl}/oauth/token`,
			// Key names are inferred from the docs' prose (`email`, `password`).
			body: { email: email.trim(), password },
			json: true,
			timeout: LOGIN_TIMEOUT_MS,
		});
	} catch (error) {
		throw loginError(error as LoginFailure);
	}
	const token = accessTokenOf(body);
	if (token === undefined) {
		throw new UserError('Convirza answered the login without an access token', {
			description: 'Check that the OAuth URL points to the Convirza login service.',
		});
	}
	return token;
}

interface Renewal {
	/** The token this login replaces ('' for the first login). */
	replaces: string;
	token: Promise<string>;
	/** Until when callers replacing the same token share this outcome. */
	until: number;
}

/** After a successful login, requests still in flight with the old token may come asking. */
const SUCCESS_SHARE_MS = 60_000;

/**
 * Logins that replace a given token, shared by every request that needs the same replacement.
 *
 * n8n calls preAuthentication for each request that finds the token empty or gets a 401, so with
 * several requests in flight (or many items failing one after the other) every one of them would
 * log in, and Convirza allows only 10 logins a minute. Requests that present the same old token
 * (or none yet) for the same login share one login and its outcome: a success for a minute, a
 * refused password for a minute, a rate limit until its Retry-After; a network failure is not
 * shared. Entries are in memory only and dropped when they lapse; changing the password in the
 * credential makes a new key, so it logs in at once.
 */
const renewals = new Map<string, Renewal>();

function dropLapsed(now: number): void {
	for (const [key, renewal] of renewals) if (renewal.until <= now) renewals.delete(key);
}

export async function logInOnce(
	helpers: IHttpRequestHelper['helpers'],
	oauthUrl: string,
	email: string,
	password: string,
	currentToken: string,
): Promise<string> {
	dropLapsed(Date.now());
	const key = JSON.stringify([oauthUrl, email, password]);
	const shared = renewals.get(key);
	if (shared !== undefined && shared.replaces === currentToken) return await shared.token;

	const renewal: Renewal = {
		replaces: currentToken,
		token: requestToken(helpers, oauthUrl, email, password),
		until: Number.POSITIVE_INFINITY,
	};
	renewals.set(key, renewal);
	// Decide how long the outcome is shared once it is known; the caller gets the outcome itself
	// (token or error) through the await below.
	renewal.token.then(
		() => (renewal.until = Date.now() + SUCCESS_SHARE_MS),
		(error: unknown) => (renewal.until = Date.now() + (error instanceof LoginError ? error.holdMs : 0)),
	);
	return await renewal.token;
}
