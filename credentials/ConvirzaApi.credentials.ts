import {
	UserError,
	type IAuthenticateRuleResponseCode,
	type IAuthenticateRuleResponseSuccessBody,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INodeProperties,
	type Icon,
} from 'n8n-workflow';

import { logInOnce } from './convirzaLogin';
import { ROLES } from '../nodes/Convirza/actions/user/roles';
import {
	DEFAULT_BASE_URL,
	DEFAULT_OAUTH_URL,
	checkServiceUrl,
} from '../nodes/Convirza/transport/endpoints';

/** Refuses an unsafe URL before any secret is sent; returns the normalised one. */
function safeUrl(raw: unknown, fieldName: string, fallback: string): string {
	const checked = checkServiceUrl(raw, fieldName, fallback);
	if ('url' in checked) return checked.url;
	throw new UserError(checked.message, { description: checked.description });
}

/*
 * The credential test refuses a token (or login) of a user who is not an Admin: every user
 * operation needs the Admin role, and otherwise the user would only learn it from a 403 later.
 *
 * GET /v3/auth/profile's response is not documented. The login documents `user.role_id` (1 Admin,
 * 2 Standard, 3 ReadOnly) and user rows show `role` as a display name ("Standard User"), so the
 * test looks for a non-Admin role id or display name where a profile plausibly carries it: in the
 * envelope's `data`, in `data.user`, and in a bare (unwrapped) body. A shape it does not recognise
 * passes, as before: the test must never refuse an Admin because the profile looks different.
 *
 * Declarative rules, not a node-side `testedBy` function: n8n runs this request through its
 * routing engine with `preAuthentication` and `authenticate`, so Email and Password logs in exactly
 * as at run time, while a `testedBy` function gets neither (it would have to log in by itself).
 * n8n judges a `responseSuccessBody` rule on a 2xx answer only, by lodash-style path (`a.b.c`)
 * and strict equality (2 does not match "2"), rules in order, first match failing the test with
 * its message; hence one rule per place and spelling, ids both as number and as string.
 */
const ROLE_ID_PATHS = ['data.role_id', 'data.user.role_id', 'role_id', 'user.role_id'];
const ROLE_NAME_PATHS = ['data.role', 'data.user.role', 'role', 'user.role'];
const NON_ADMIN_ROLES = ROLES.filter((role) => role.value !== 'Admin');

/** The test's message for a user with a role other than Admin; names the role found. */
function notAdminMessage(role: string): string {
	return (
		`Convirza accepted the credential, but its user has the ${role} role. User operations ` +
		"need a user with the Admin role: use an Admin's access token (or an Admin's email and password)."
	);
}

type TestRule = IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody;

/** n8n types `rules` as an array of one kind of rule, but its tester reads both kinds from one array. */
function testRules(rules: TestRule[]): ICredentialTestRequest['rules'] {
	return rules as ICredentialTestRequest['rules'];
}

function nonAdminRoleRules(): IAuthenticateRuleResponseSuccessBody[] {
	return NON_ADMIN_ROLES.flatMap(({ value, id, displayNames }) => {
		const message = notAdminMessage(value);
		const rule = (key: string, value: number | string): IAuthenticateRuleResponseSuccessBody => ({
			type: 'responseSuccessBody',
			properties: { key, value, message },
		});
		return [
			...ROLE_ID_PATHS.flatMap((key) => [rule(key, id), rule(key, String(id))]),
			...ROLE_NAME_PATHS.flatMap((key) => displayNames.map((name) => rule(key, name))),
		];
	});
}

export class ConvirzaApi implements ICredentialType {
	name = 'convirzaApi';

	displayName = 'Convirza API';

	icon: Icon = { light: 'file:convirza.svg', dark: 'file:convirza.dark.svg' };

	documentationUrl = 'https://docs.convirza.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'Paste an access token issued by Convirza',
				},
				{
					name: 'Email and Password',
					value: 'login',
					description: 'n8n logs in for you and renews the token when it expires',
				},
			],
			default: 'accessToken',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Bearer access token of a Convirza user. User operations need a token of a user with the Admin role.',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. admin@example.com',
			default: '',
			required: true,
			description:
				'Login email of a Convirza user. User operations need a user with the Admin role.',
			displayOptions: { show: { authentication: ['login'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['login'] } },
		},
		{
			// Filled by preAuthentication with the token the login returned; n8n clears and refills it
			// (one new login) when the API answers 401. Never shown to the user.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Address of the Convirza API. Change it only for a local test server; it must use https:// unless the host is 127.0.0.1 or localhost.',
		},
		{
			displayName: 'OAuth URL',
			name: 'oauthUrl',
			type: 'string',
			default: DEFAULT_OAUTH_URL,
			description:
				'Address of the Convirza login service, used with Email and Password. It must use https:// unless the host is 127.0.0.1 or localhost.',
			displayOptions: { show: { authentication: ['login'] } },
		},
	];

	/**
	 * Runs before every authenticated request while the hidden session token is empty, after a 401,
	 * and for every credential test. It refuses insecure URLs before any secret is sent, and for
	 * Email and Password logs in (Convirza allows 10 logins a minute per IP, so the token is reused
	 * until the API rejects it).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		safeUrl(credentials.baseUrl, 'Base URL', DEFAULT_BASE_URL);
		if (credentials.authentication !== 'login') {
			if (String(credentials.accessToken ?? '').trim() === '') {
				throw new UserError('The Convirza credential has no access token', {
					description: 'Paste an access token into the credential, or use Email and Password.',
				});
			}
			// Nothing to refresh: returning no session token leaves the stored credential unchanged.
			return {};
		}
		const oauthUrl = safeUrl(credentials.oauthUrl, 'OAuth URL', DEFAULT_OAUTH_URL);
		const sessionToken = await logInOnce(
			this.helpers,
			oauthUrl,
			String(credentials.email ?? ''),
			String(credentials.password ?? ''),
			String(credentials.sessionToken ?? ''),
		);
		return { sessionToken };
	}

	/**
	 * Sends the token as a Bearer header. A function rather than the guide's generic object: n8n
	 * resolves a generic object as an expression on every request (a fresh data proxy each time,
	 * about a tenth of the node's CPU in a bulk run), and the HTTP Request node reuses a function
	 * credential exactly the same way.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) {
		const token =
			credentials.authentication === 'login'
				? String(credentials.sessionToken ?? '')
				: String(credentials.accessToken ?? '').trim();
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`,
			url: '/auth/profile',
			method: 'GET',
		},
		// responseCode rules judge a failed request, then the role rules judge a 2xx answer.
		rules: testRules([
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Convirza rejected the token: it is wrong, expired or revoked. Paste a fresh access token (or check the email and password).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `No Convirza API answered at this Base URL. Check "Base URL" (normally ${DEFAULT_BASE_URL}).`,
				},
			},
			...nonAdminRoleRules(),
		]),
	};
}
