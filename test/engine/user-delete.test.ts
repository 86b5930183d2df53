/**
 * User → Delete through n8n's real engine against the simulator: DELETE /v3/users/{id} is a soft
 * delete (the user stays, status "deleted"); output { deleted: true, userId }.
 */
import { startSimulator, type ConvirzaSimulator } from '../simulator';
import { byId } from './convirzaWorkflow';
import { FAST_RETRIES, jsonOf, pairedOf, runUser, standardToken, unknownToken } from '../kit';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => sim.close());

describe('User → Delete', () => {
	it('sends one DELETE without a body and outputs { deleted: true, userId }', async () => {
		const run = await runUser(sim, 'delete', { parameters: { userId: byId(10003) } });

		expect(run.status).toBe('success');
		expect(sim.log.map((r) => [r.method, r.path, r.query, r.rawBody])).toEqual([
			['DELETE', '/v3/users/10003', {}, ''],
		]);
		expect(jsonOf(run.items)).toEqual([{ deleted: true, userId: 10003 }]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }]);
		// Soft delete: the user is kept with the status "deleted".
		expect(sim.user(10003)?.status).toBe('deleted');
	});

	it('deletes one user per input item, IDs mapped from the input', async () => {
		const run = await runUser(sim, 'delete', {
			items: [{ id: 10003 }, { id: ' 10004 ' }],
			parameters: { userId: byId('={{ $json.id }}') },
		});
		expect(jsonOf(run.items)).toEqual([
			{ deleted: true, userId: 10003 },
			{ deleted: true, userId: 10004 },
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 1 }]);
		// Items run concurrently: Convirza may see them in any order.
		expect(sim.writes.map((w) => `${w.method} ${w.userId}`).sort()).toEqual(['DELETE 10003', 'DELETE 10004']);
	});

	it('retries a lost answer: deleting twice is harmless', async () => {
		sim.inject('DELETE', '/v3/users/10003', { reset: 'after' });
		const run = await runUser(sim, 'delete', {
			parameters: { userId: byId(10003), options: FAST_RETRIES },
		});
		expect(jsonOf(run.items)).toEqual([{ deleted: true, userId: 10003 }]);
		expect(sim.requests('DELETE', '/v3/users/10003')).toHaveLength(2);
	});

	it('404: says which ID Convirza does not know, and deletes nothing', async () => {
		const run = await runUser(sim, 'delete', { parameters: { userId: byId(99999) } });
		expect(run.error?.message).toBe('Convirza error 404: User not found');
		expect(run.error?.description).toMatch(/^No Convirza user has the ID 99999\./);
		expect(sim.writes).toHaveLength(0);
	});

	it('401: the token is unknown', async () => {
		const run = await runUser(sim, 'delete', { parameters: { userId: byId(10003) }, credential: unknownToken(sim) });
		expect(run.error?.message).toMatch(/^Convirza error 401: /);
		expect(sim.user(10003)?.status).toBe('active');
	});

	it('403: a Standard user may not delete users', async () => {
		const run = await runUser(sim, 'delete', { parameters: { userId: byId(10003) }, credential: standardToken(sim) });
		expect(run.error?.message).toBe('Convirza error 403: Insufficient permissions: Admin role required');
		expect(sim.user(10003)?.status).toBe('active');
	});

	it('continue-on-fail: good items are deleted, bad ones go to the error output, all linked', async () => {
		const run = await runUser(sim, 'delete', {
			items: [{ id: 10003 }, { id: 99999 }, { id: '' }, { id: 10004 }],
			parameters: { userId: byId('={{ $json.id }}') },
			settings: { onError: 'continueErrorOutput' },
		});

		expect(jsonOf(run.items)).toEqual([
			{ deleted: true, userId: 10003 },
			{ deleted: true, userId: 10004 },
		]);
		expect(pairedOf(run.items)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(pairedOf(run.errors)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(jsonOf(run.errors).map((item) => item.error)).toEqual([
			'Convirza error 404: User not found',
			'The "User" parameter must be a positive whole number, not "" (item 2)',
		]);
		expect(sim.writes.map((w) => w.userId).sort()).toEqual([10003, 10004]);
	});
});
