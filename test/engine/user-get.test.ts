/**
 * User → Get through n8n's real engine against the simulator: GET /v3/users/{id}, the simplified and
 * the raw user, every documented shape of the answer, the documented errors, continue-on-fail.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { byId } from './convirzaWorkflow';
import { jsonOf, pairedOf, runUser, standardToken, unknownToken, JOHN_SIMPLIFIED } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());


describe('User → Get', () => {
	it('reads the user with one GET and outputs the simplified view by default', async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byId(10001) } });

		expect(run.status).toBe('success');
		expect(sim.log.map((r) => [r.method, r.path, r.query, r.rawBody])).toEqual([
			['GET', '/v3/users/10001', {}, ''],
		]);
		expect(jsonOf(run.items)).toEqual([JOHN_SIMPLIFIED]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
	});

	it.each(['data', 'data.user', 'data.users'] as const)(
		'reads the user whether Convirza answers with %s',
		async (shape) => {
			sim.setGetUserShape(shape);
			const run = await runUser(sim, 'get', { parameters: { userId: byId(10001) } });
			expect(jsonOf(run.items)).toEqual([JOHN_SIMPLIFIED]);
		},
	);

	it('outputs the user exactly as Convirza returns it with Simplify off', async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byId(10009), simplify: false } });
		expect(jsonOf(run.items)).toEqual([sim.user(10009)]);
	});

	it('names roles consistently and keeps an unknown role name as Convirza shows it', async () => {
		sim.setUser(10003, { roleDisplay: 'Supervisor' });
		const run = await runUser(sim, 'get', {
			items: [{ id: 10002 }, { id: 10004 }, { id: 10003 }],
			parameters: { userId: byId('={{ $json.id }}') },
		});
		expect(jsonOf(run.items).map((user) => [user.id, user.role, user.accessAudio])).toEqual([
			[10002, 'Admin', true],
			[10004, 'ReadOnly', false],
			[10003, 'Supervisor', true],
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('refuses a mapped ID that is not a positive whole number before any request', async () => {
		const run = await runUser(sim, 'get', { items: [{ id: '12a' }], parameters: { userId: byId('={{ $json.id }}') } });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('The "User" parameter must be a positive whole number, not "12a" (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	it('a typed ID that is not a number is flagged in the editor, so the workflow does not start', async () => {
		await expect(runUser(sim, 'get', { parameters: { userId: byId('12a') } })).rejects.toThrow('Not a valid user ID');
		expect(sim.log).toHaveLength(0);
	});

	it('404: says which ID Convirza does not know', async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byId(99999) } });
		expect(run.error?.message).toBe('Convirza error 404: User not found');
		expect(run.error?.description).toMatch(/^No Convirza user has the ID 99999\./);
		expect(sim.requests('GET', '/v3/users/99999')).toHaveLength(1);
	});

	it("404 for a user outside the caller's account, without retrying", async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byId(10012) } });
		expect(run.error?.message).toBe('Convirza error 404: User not found');
		expect(sim.log).toHaveLength(1);
	});

	it('401: the token is unknown', async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byId(10001) }, credential: unknownToken(sim) });
		expect(run.error?.message).toMatch(/^Convirza error 401: /);
		expect(run.error?.description).toMatch(/access token is missing, expired or revoked/);
	});

	it('403: a Standard user may not read users', async () => {
		const run = await runUser(sim, 'get', { parameters: { userId: byId(10001) }, credential: standardToken(sim) });
		expect(run.error?.message).toBe('Convirza error 403: Insufficient permissions: Admin role required');
		expect(run.error?.description).toMatch(/need an Admin token/);
	});

	it('continue-on-fail: good items go on, the bad one goes to the error output, all linked', async () => {
		const run = await runUser(sim, 'get', {
			items: [{ id: 10001 }, { id: 99999 }, { id: 'abc' }, { id: 10003 }],
			parameters: { userId: byId('={{ $json.id }}') },
			settings: { onError: 'continueErrorOutput' },
		});

		expect(run.status).toBe('success');
		expect(jsonOf(run.items).map((user) => user.id)).toEqual([10001, 10003]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(pairedOf(run.errors)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'Convirza error 404: User not found',
			'The "User" parameter must be a positive whole number, not "abc" (item 2)',
		]);
		// The invalid ID never reached Convirza.
		expect(sim.log.map((r) => r.path).sort()).toEqual(['/v3/users/10001', '/v3/users/10003', '/v3/users/99999']);
	});
});
