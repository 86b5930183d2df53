/**
 * User → Create through n8n's real engine against the simulator: POST /v3/users with the required
 * fields and the additional ones, Return Created User, the documented errors, continue-on-fail, and
 * the one thing special to a create: it is never sent twice after a failure that leaves open
 * whether Convirza acted, and the error says how to check.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { FAST_RETRIES, groupFromList, jsonOf, pairedOf, runUser, SHORT_TIMEOUT_MS, standardToken, unknownToken } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

const REQUIRED = {
	email: 'nina.park@acme-corp.example',
	firstName: 'Nina',
	lastName: 'Park',
	role: 'Standard',
	group: groupFromList(70035),
};
const REQUIRED_BODY = {
	username: 'nina.park@acme-corp.example',
	first_name: 'Nina',
	last_name: 'Park',
	role: 'Standard',
	ct_user_ou_id: 70035,
};

const posts = () => sim.requests('POST', '/v3/users');
const creates = () => sim.writes.filter((w) => w.method === 'POST');

describe('User → Create', () => {
	it('sends one POST with the required fields and outputs the confirmation', async () => {
		const run = await runUser(sim, 'create', { parameters: REQUIRED });

		expect(run.status).toBe('success');
		expect(sim.log.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
			['POST', '/v3/users', {}, REQUIRED_BODY],
		]);
		const [created] = creates();
		expect(jsonOf(run.items)).toEqual([
			expect.objectContaining({ code: 200, message: 'Success', data: { userId: created.userId } }),
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
		expect(sim.user(created.userId)).toMatchObject({ email: REQUIRED.email, group_org_unit_id: 70035, status: 'active' });
	});

	it('adds the additional fields, validated and normalised like Update', async () => {
		await runUser(sim, 'create', {
			parameters: {
				...REQUIRED,
				role: 'read only',
				group: { __rl: true, mode: 'id', value: ' 70040 ' },
				additionalFields: {
					accessAudio: true,
					agentCode: 12,
					agentRingTo: '+1 (206) 555-0199',
					aliases: 'Nin',
					externalId: 'CRM-42',
					scoreCalls: false,
					status: 'inactive',
					timezone: 'America/Chicago',
				},
			},
		});
		expect(posts()[0].body).toEqual({
			...REQUIRED_BODY,
			role: 'ReadOnly',
			ct_user_ou_id: 70040,
			access_audio: true,
			agent_code: 12,
			agent_ring_to: '+12065550199',
			aliases: 'Nin',
			user_ext_id: 'CRM-42',
			score_call: false,
			user_status: 'inactive',
			timezone: 'America/Chicago',
		});
	});

	it('maps every field from the input, skipping empty additional fields', async () => {
		const run = await runUser(sim, 'create', {
			items: [{ mail: 'ola@acme-corp.example', first: 'Ola', last: 'Berg', group: 65001, crm: '' }],
			parameters: {
				email: '={{ $json.mail }}',
				firstName: '={{ $json.first }}',
				lastName: '={{ $json.last }}',
				role: 'Admin',
				group: { __rl: true, mode: 'id', value: '={{ $json.group }}' },
				additionalFields: { externalId: '={{ $json.crm }}' },
			},
		});
		expect(run.status).toBe('success');
		expect(posts()[0].body).toEqual({
			username: 'ola@acme-corp.example',
			first_name: 'Ola',
			last_name: 'Berg',
			role: 'Admin',
			ct_user_ou_id: 65001,
		});
	});

	it('Return Created User reads the new user and outputs their profile', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, options: { returnCreatedUser: true } } });
		const [created] = creates();
		expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/users', `GET /v3/users/${created.userId}`]);
		expect(jsonOf(run.items)).toEqual([sim.user(created.userId)]);
	});

	it('when reading the new user back fails, the error says the user was created', async () => {
		sim.inject('GET', /^\/v3\/users\/\d+$/, { status: 500 });
		const run = await runUser(sim, 'create', {
			parameters: { ...REQUIRED, options: { returnCreatedUser: true, maxAttempts: 1 } },
		});
		const [created] = creates();
		expect(run.error?.message).toBe(
			`Convirza created the user (ID ${created.userId}), but reading them back failed: Convirza error 500: Injected fault`,
		);
		expect(run.error?.description).toBe(
			`Do not create nina.park@acme-corp.example again: read them with User → Get (ID ${created.userId}), or turn off "Return Created User".`,
		);
		expect(posts()).toHaveLength(1);
	});

	it.each([
		['Email', { email: '={{ $json.empty }}' }],
		['First Name', { firstName: '={{ $json.blank }}' }],
		['Group', { group: { __rl: true, mode: 'id', value: '={{ $json.empty }}' } }],
	])('refuses an empty mapped required field (%s) before any request', async (label, empty) => {
		const run = await runUser(sim, 'create', { items: [{ empty: '', blank: '  ' }], parameters: { ...REQUIRED, ...empty } });
		expect(run.error?.message).toBe(`The "${label}" parameter is empty (item 0)`);
		expect(run.error?.description).toBe(
			`Every new Convirza user needs a value for "${label}": set it, or map it from the input.`,
		);
		expect(sim.log).toHaveLength(0);
	});

	it('a required field left empty in the editor keeps the workflow from starting (n8n checks it)', async () => {
		await expect(runUser(sim, 'create', { parameters: { ...REQUIRED, email: '' } })).rejects.toThrow(
			'Parameter "Email" is required.',
		);
		expect(sim.log).toHaveLength(0);
	});

	it('refuses an invalid email before any request', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, email: 'nina.park' } });
		expect(run.error?.message).toBe('The "Email" parameter is not a valid email address: "nina.park" (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	it('400: another user has the email', async () => {
		const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, email: 'john.doe@example.com' } });
		expect(run.error?.message).toBe('Convirza error 400: Email already in use');
		expect(run.error?.description).toMatch(/^Another Convirza user already has this email/);
		expect(creates()).toHaveLength(0);
	});

	it("400: the group is outside the caller's hierarchy", async () => {
		const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, group: groupFromList(90001) } });
		expect(run.error?.message).toBe('Convirza error 400: Org unit is outside your hierarchy');
		expect(run.error?.description).toMatch(/inside your account's hierarchy/);
	});

	it('401 and 403: token unknown, token not Admin', async () => {
		const unknown = await runUser(sim, 'create', { parameters: REQUIRED, credential: unknownToken(sim) });
		expect(unknown.error?.message).toMatch(/^Convirza error 401: /);
		const standard = await runUser(sim, 'create', { parameters: REQUIRED, credential: standardToken(sim) });
		expect(standard.error?.message).toBe('Convirza error 403: Insufficient permissions: Admin role required');
		expect(creates()).toHaveLength(0);
	});

	describe('never created twice', () => {
		const hint =
			'Convirza may have created the user nina.park@acme-corp.example before the request failed, so it was not sent again. ' +
			'Search for the email with User → Get Many (Filters → Email Contains) before running this item again.';

		it('a connection lost after Convirza created the user: one POST, one user, the error says how to check', async () => {
			sim.inject('POST', '/v3/users', { reset: 'after' });
			const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, options: FAST_RETRIES } });

			expect(posts()).toHaveLength(1);
			expect(creates()).toHaveLength(1);
			expect(run.error?.message).toBe(
				'Could not reach Convirza: the connection was closed before Convirza answered (ECONNRESET)',
			);
			expect(run.error?.description).toBe(hint);
		});

		it('a garbled answer: not repeated, same hint', async () => {
			sim.inject('POST', '/v3/users', { malformedJson: true });
			const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, options: FAST_RETRIES } });
			expect(posts()).toHaveLength(1);
			expect(run.error?.description).toBe(hint);
		});

		it('a timeout: not repeated, same hint', async () => {
			sim.inject('POST', '/v3/users', { hang: true });
			const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, options: { ...FAST_RETRIES, timeoutMs: SHORT_TIMEOUT_MS } } });
			expect(posts()).toHaveLength(1);
			expect(run.error?.message).toMatch(/^Could not reach Convirza: /);
			expect(run.error?.description).toBe(hint);
		});

		it('a gateway error (502): not repeated, same hint, Convirza request ID kept', async () => {
			sim.inject('POST', '/v3/users', { status: 502 });
			const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, options: FAST_RETRIES } });
			expect(posts()).toHaveLength(1);
			expect(run.error?.message).toBe('Convirza error 502: Injected fault');
			expect(run.error?.description).toMatch(new RegExp(`^${hint.replace(/[.()→]/g, '\\$&')} Convirza request ID: `));
		});

		it('429 means Convirza did not act: retried, and the user is created once', async () => {
			sim.inject('POST', '/v3/users', { status: 429, retryAfter: '0' });
			const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, options: FAST_RETRIES } });
			expect(run.status).toBe('success');
			expect(posts()).toHaveLength(2);
			expect(creates()).toHaveLength(1);
		});

		it('a definite refusal (400) carries the usual hint, not the "may have created" one', async () => {
			const run = await runUser(sim, 'create', { parameters: { ...REQUIRED, email: 'john.doe@example.com' } });
			expect(run.error?.description).not.toMatch(/may have created/);
		});
	});

	it('continue-on-fail: good items are created, bad ones go to the error output, all linked', async () => {
		const run = await runUser(sim, 'create', {
			items: [
				{ mail: 'a.one@acme-corp.example' },
				{ mail: 'john.doe@example.com' },
				{ mail: 'not an email' },
				{ mail: 'a.four@acme-corp.example' },
			],
			parameters: { ...REQUIRED, email: '={{ $json.mail }}' },
			settings: { onError: 'continueErrorOutput' },
		});

		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(pairedOf(run.errors)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'Convirza error 400: Email already in use',
			'The "Email" parameter is not a valid email address: "not an email" (item 2)',
		]);
		const createdEmails = creates().map((w) => sim.user(w.userId)?.email);
		expect(createdEmails.sort()).toEqual(['a.four@acme-corp.example', 'a.one@acme-corp.example']);
		expect(posts()).toHaveLength(3);
	});
});
