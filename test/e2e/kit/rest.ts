import { randomUUID } from 'node:crypto';

/** The instance owner the suite sets up (a throw-away instance: the password guards nothing). */
export const OWNER = Object.freeze({
	email: 'owner@e2e.example',
	firstName: 'Erin',
	lastName: 'Tester',
	password: 'E2e-Owner-Passw0rd',
});

export interface RestResponse {
	status: number;
	/** the parsed JSON body (n8n wraps results as `{ data }`), or the text when it is not JSON */
	body: unknown;
}

/**
 * n8n's REST API called the way the editor calls it: JSON bodies, the `n8n-auth` cookie from the
 * login, and the same `browser-id` header on every request (n8n binds the session to it).
 */
export class N8nRest {
	private cookie = '';

	readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	async request(method: string, path: string, body?: unknown): Promise<RestResponse> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, body: parsed };
	}

	/** The body of a 2xx answer; any other status fails with what n8n answered. */
	async json<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.request(method, path, body);
		if (response.status < 200 || response.status > 299) {
			throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 2000)}`);
		}
		return response.body as T;
	}

	/** The `data` of a 2xx answer of the REST API (`{ data }`). */
	async data<T>(method: string, path: string, body?: unknown): Promise<T> {
		return (await this.json<{ data: T }>(method, path, body)).data;
	}

	/** Sets up the owner of a new instance, then logs in as the editor's sign-in page does. */
	async setUpOwnerAndLogIn(): Promise<void> {
		await this.data('POST', '/rest/owner/setup', OWNER);
		await this.data('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (!this.cookie) throw new Error('n8n set no n8n-auth cookie at login');
	}
}
