export const DEFAULT_BASE_URL = 'https://platform-api.convirza.com/v3';
export const DEFAULT_OAUTH_URL = 'https://platform-oauth.convirza.com';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** A checked service URL, or why it was refused: a message naming the field and how to fix it. */
export type CheckedUrl = { url: string } | { message: string; description: string };

/**
 * Validates and normalises a Convirza service URL from the credential ("Base URL" or "OAuth URL").
 *
 * A bearer token or a password must never travel in cleartext, so `http://` is accepted only for
 * loopback hosts (the local simulator). The result has no trailing slash, so paths can be appended.
 * The URL is safe to echo back in a refusal (user info, which could hold a secret, is refused
 * before it is printed).
 */
export function checkServiceUrl(raw: unknown, fieldName: string, fallback: string): CheckedUrl {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') return { url: fallback };

	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { message: `The credential's "${fieldName}" is not a valid URL`, description: `Use a full address such as "${fallback}".` };
	}
	if (url.username !== '' || url.password !== '') {
		return { message: `The credential's "${fieldName}" must not contain a user name or password`, description: 'Put the access token or login in their own credential fields instead.' };
	}
	if (url.search !== '' || url.hash !== '') {
		return { message: `The credential's "${fieldName}" must not contain a query or fragment`, description: `Use only the scheme, host and path, such as "${fallback}".` };
	}
	const secure = url.protocol === 'https:';
	const localPlainHttp = url.protocol === 'http:' && isLoopback(url.hostname);
	if (!secure && !localPlainHttp) {
		return {
			message: `The credential's "${fieldName}" must use https:// (got ${url.protocol}//${url.host})`,
			description:
				'Convirza tokens and passwords are never sent over an unencrypted connection. Plain http:// is allowed only for a local server on 127.0.0.1 or localhost.',
		};
	}
	return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/**
 * A URL Convirza handed out for a file (a signed recording URL). It carries its own signature, and
 * nothing of the credential is sent to it; it must still be https://, or http:// on loopback (the
 * local simulator), like the credential's URLs. Refusals name `what` but never echo the URL, whose
 * signature grants access to the file.
 */
export function checkDownloadUrl(raw: unknown, what: string): CheckedUrl {
	const fix = 'Convirza hands out https:// links to recordings; fetch the call again for a fresh one.';
	let url: URL;
	try {
		url = new URL(typeof raw === 'string' ? raw.trim() : '');
	} catch {
		return { message: `The ${what} is not a valid URL`, description: fix };
	}
	if (url.username !== '' || url.password !== '') {
		return { message: `The ${what} must not contain a user name or password`, description: fix };
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		return { message: `The ${what} must use https:// (got ${url.protocol}//${url.host})`, description: fix };
	}
	return { url: url.href };
}
