// The secret checker itself: it must find a secret wherever it hides, name the path, and never
// print the secret in its own failure message.
import { NodeApiError, NodeOperationError, UserError } from 'n8n-workflow';

import { convirzaNode } from '../kit';
import { startSimulator } from '../simulator';
import { SOURCE, byId, runConvirza } from './convirzaWorkflow';
import { SIMULATOR_TOKEN, expectNoSecrets, expectRunWithoutSecrets, findSecrets, type Secret } from './secrets';

const TOKEN = 'cvz_at_S3cretTokenValue_abc123';
const PASSWORD = 'Adm1n!P@ss w0rd&x=1';

const node = convirzaNode();

/** The failure message of expectNoSecrets (it must throw). */
function failureOf(value: unknown, secrets: Secret[] = [TOKEN, PASSWORD]): string {
	try {
		expectNoSecrets(value, secrets);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expectNoSecrets did not fail');
}

const paths = (value: unknown, secrets: Secret[] = [TOKEN, PASSWORD]) =>
	findSecrets(value, secrets).map((hit) => hit.path);

describe('expectNoSecrets', () => {
	test('passes for a clean value, cycles included', () => {
		const a: Record<string, unknown> = { name: 'John', list: [1, 'two', { three: 3 }] };
		a.self = a;
		a.map = new Map<unknown, unknown>([['k', a]]);
		const error = new Error('Convirza error 401: Invalid or expired token', { cause: a });
		(error as unknown as Record<string, unknown>).loop = error;
		expect(() => expectNoSecrets({ a, error }, [TOKEN, PASSWORD])).not.toThrow();
	});

	test("finds a secret nested in an error's cause chain, in a non-enumerable property", () => {
		const inner = new Error('request failed');
		Object.defineProperty(inner, 'config', {
			enumerable: false,
			value: { headers: { Authorization: `Bearer ${TOKEN}` } },
		});
		const middle = new Error('wrapped', { cause: inner });
		const outer = new UserError('The login failed', { cause: middle });

		expect(paths({ error: outer })).toEqual(['$.error.cause.cause.config.headers.Authorization']);
		const message = failureOf({ error: outer });
		expect(message).toContain('$.error.cause.cause.config.headers.Authorization');
		expect(message).toContain('Bearer «secret #0»');
		expect(message).not.toContain(TOKEN);
		expect(message).not.toContain(PASSWORD);
	});

	test('finds a secret in an n8n error description, context, errorResponse and stack', () => {
		const described = new NodeOperationError(node, 'Failed', { description: `token ${TOKEN}` });
		expect(paths(described)).toContain('$.description');

		const withContext = new NodeOperationError(node, 'Failed');
		withContext.context.sent = { password: PASSWORD };
		expect(paths(withContext)).toEqual(['$.context.sent.password']);

		const api = new NodeApiError(node, { message: 'x', sent: `password=${encodeURIComponent(PASSWORD)}` });
		expect(paths(api)).toContain('$.errorResponse.sent');

		const stacked = new Error('boom');
		stacked.stack = `Error: boom with ${TOKEN}\n    at somewhere`;
		expect(paths(stacked)).toEqual(['$.stack']);
	});

	test('finds a secret in a Map (key and value), a Set and an array', () => {
		const map = new Map<unknown, unknown>([
			['safe', { deep: [0, 1, `Bearer ${TOKEN}`] }],
			[PASSWORD, 'the key is the secret'],
		]);
		const found = paths({ map, set: new Set(['a', TOKEN]), list: ['x', ['y', [PASSWORD]]] });
		expect(found.sort()).toEqual(
			[
				'$.map<Map value "safe">.deep[2]',
				'$.map<Map key #1>',
				'$.set<Set #1>',
				'$.list[1][1][0]',
			].sort(),
		);
		// A path that would show a secret (here a Map key) is itself redacted.
		expect(found.join('\n')).not.toContain(PASSWORD);
		const message = failureOf({ map: new Map([[PASSWORD, TOKEN]]) });
		expect(message).not.toContain(PASSWORD);
		expect(message).not.toContain(TOKEN);
		expect(message).toContain('$.map<Map key #0>');
		expect(message).toContain('$.map<Map value "«secret #1»">');
	});

	test('finds a secret as a property name, in bytes, URLs, symbols, getters and toJSON output', () => {
		expect(paths({ [TOKEN]: 1 })).toEqual(['$.«secret #0»<key>']);
		expect(paths({ body: Buffer.from(`{"password":"${PASSWORD}"}`) })).toEqual(['$.body<bytes>']);
		expect(paths({ body: new TextEncoder().encode(TOKEN) })).toEqual(['$.body<bytes>']);
		expect(paths({ url: new URL(`https://x.example/?t=${TOKEN}`) })).toEqual(['$.url.href']);
		expect(paths({ [Symbol('k')]: TOKEN })).toEqual(['$[Symbol(k)]']);
		expect(paths({ get lazy() { return TOKEN; } })).toEqual(['$.lazy']);
		expect(paths({ x: { toJSON: () => ({ auth: TOKEN }) } })).toEqual(['$.x.toJSON().auth']);
		expect(paths(new URLSearchParams({ password: PASSWORD }))).toEqual(['$<entry "password">']);
	});

	test('finds URL-encoded and JSON-escaped forms of a secret', () => {
		const quoted = 'pa"ss\\word';
		expect(paths({ form: `email=a%40b.c&password=${encodeURIComponent(PASSWORD)}` })).toEqual(['$.form']);
		expect(paths({ json: JSON.stringify({ password: quoted }) }, [quoted])).toEqual(['$.json']);
	});

	test('RegExp secrets catch every token of a format', () => {
		expect(paths({ a: 'Bearer cvz_rt_xyz123' }, [/cvz_(?:sim_)?(?:at|rt|ft)_/])).toEqual(['$.a']);
		expect(failureOf({ a: 'Bearer cvz_rt_xyz123' }, [/cvz_(?:sim_)?(?:at|rt|ft)_\w+/g])).toContain(
			'Bearer «secret #0»',
		);
	});

	test('survives deep chains without overflowing the stack', () => {
		let chain: unknown = TOKEN;
		for (let i = 0; i < 20_000; i++) chain = { next: chain };
		expect(findSecrets(chain, [TOKEN])).toHaveLength(1);
	});

	test('refuses a missing, empty or too short secret instead of passing vacuously', () => {
		expect(() => expectNoSecrets({}, [undefined as unknown as string])).toThrow(/secret #0 is undefined/);
		expect(() => expectNoSecrets({}, [''])).toThrow(/at least 4/);
		expect(() => expectNoSecrets({}, [])).toThrow(/at least one secret/);
	});

	test('excerpts stay on one line', () => {
		expect(findSecrets({ header: `GET / HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}\r\n` }, [TOKEN])[0].excerpt).toBe(
			'GET / HTTP/1.1\\r\\nAuthorization: Bearer «secret #0»\\r\\n',
		);
	});
});

describe('expectRunWithoutSecrets', () => {
	test("checks a run's data, outputs and errors, but not the credential store the run used", async () => {
		const sim = await startSimulator();
		try {
			const parameters = { userId: byId(10001), updateFields: { firstName: 'Johnny' } };
			const clean = await runConvirza(sim, { items: [{ id: 1 }], parameters });
			// The store holds the token, as n8n's database does; the run itself must not
			expect(JSON.stringify(clean.credentialsHelper.store)).toContain(sim.tokens.admin);
			expect(() => expectRunWithoutSecrets(clean, [sim.tokens.admin, SIMULATOR_TOKEN])).not.toThrow();

			const leaky = await runConvirza(sim, { items: [{ note: `token ${sim.tokens.admin}` }], parameters });
			expect(() => expectRunWithoutSecrets(leaky, [sim.tokens.admin])).toThrow(
				`$.runData[${JSON.stringify(SOURCE)}][0].data.main[0][0].json.note`,
			);
		} finally {
			await sim.close();
		}
	});
});
