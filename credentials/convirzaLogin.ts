import { UserError, type IDataObject, type IHttpRequestHelper } from 'n8n-workflow';

interface LoginFailure {
	code?: string;
	response?: { status?: number; headers?: IDataObject };
	httpCode?: string;
}

/** The login response is documented both bare and wrapped in the standard envelope under `data`. */
function accessTokenOf(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const bare = body as IDataObject;
	const wrapped = bare.data as IDataObject | undefined;
	const token = bare.access_token ?? wrapped?.access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

function loginError(error: LoginFailure): UserError {
	// Built from scratch on purpose: the original error carries the request, and so the password.
	const status = error.response?.status ?? Number(error.httpCode);
	if (status === 400 || status === 401 || status === 403) {
		return new UserError('Convirza rejected the email or password', {
			description: 'Check the Email and Password of the Convirza credential.',
		});
	}
	if (status === 429) {
		const retryAfter = error.response?.headers?.['retry-after'];
		return new UserError('Convirza refused the login: too many login attempts', {
			description: `Convirza allows 10 logins a minute from one IP address. Wait${
				retryAfter ? ` ${String(retryAfter)} seconds` : ' a minute'
			} and try again.`,
		});
	}
	const reason = Number.isFinite(status) ? `HTTP ${status}` : (error.code ?? 'no answer');
	return new UserError(`Could not log in to Convirza (${reason})`, {
		description: 'Check the OAuth URL of the credential and that Convirza is reachable.',
	});
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

/**
 * Logins that replace a given token, shared by every request that needs the same replacement.
 *
 * n8n calls preAuthentication for each request that finds the token empty or gets a 401, so with
 * several requests in flight every one of them would log in again, and Convirza allows only 10
 * logins a minute. Requests that present the same old token (or none yet) for the same login share
 * one login. Kept in memory only; one entry per login, replaced by the next renewal.
 */
const renewals = new Map<string, { replaces: string; token: Promise<string> }>();

export async function logInOnce(
	helpers: IHttpRequestHelper['helpers'],
	oauthUrl: string,
	email: string,
	password: string,
	currentToken: string,
): Promise<string> {
	const key = JSON.stringify([oauthUrl, email, password]);
	const pending = renewals.get(key);
	if (pending !== undefined && pending.replaces === currentToken) return await pending.token;

	const token = requestToken(helpers, oauthUrl, email, password);
	renewals.set(key, { replaces: currentToken, token });
	// A failed login is not shared with later attempts: the next one tries again. (The failure
	// itself reaches the caller through the await below.)
	token.then(undefined, () => {
		if (renewals.get(key)?.token === token) renewals.delete(key);
	});
	return await token;
}
