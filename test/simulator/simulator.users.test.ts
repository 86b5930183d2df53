// Users resource, envelopes, auth, validation: one test per documented rule.
import { ROLE_DISPLAY_NAMES, startSimulator, type ConvirzaSimulator, type UserRecord } from './index';
import { call, expectError, expectSuccess, ids } from './test-helpers';

let sim: ConvirzaSimulator;
beforeEach(async () => {
	sim = await startSimulator();
});
afterEach(async () => {
	await sim.close();
});

const JOHN_DOC_ROW = {
	first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com', user_ext_id: 'EXT-12345',
	ct_user_id: 10001, status: 'active', agent_ring_to: '+14255551234', agent_id: 'AGT-001',
	group: 'Sales Team', group_org_unit_id: 70035, group_external_id: 'GRP-70035',
	account: 'Acme Corporation', account_org_unit_id: 60001, account_external_id: 'ACC-60001',
	parent_group: 'West Region', parent_group_org_unit_id: 65000, parent_group_external_id: 'REG-65000',
	role: 'Standard User', access_audio: 'Yes', group_access: 3, report_access: 5,
	assign_scorecard: true, user_created: '2026-03-29T12:00:00.000Z',
};
const JOHN_GET_ONE = { ...JOHN_DOC_ROW, timezone: 'America/Los_Angeles', aliases: null, agent_code: 1 };

describe('envelopes', () => {
	test('success envelope {code, message, data, request_id, timestamp}; get-one is the documented row + extras', async () => {
		const data = expectSuccess(await call(sim, 'GET', '/v3/users/10001'));
		expect(data).toEqual({ user: JOHN_GET_ONE });
		expect(sim.user(10001)).toEqual(JOHN_GET_ONE);
	});

	test('error envelope is exactly {statusCode, message, error, timestamp, path, requestId}', async () => {
		expectError(await call(sim, 'GET', '/v3/users/99999'), 404, 'Not Found', 'User not found', '/v3/users/99999');
	});

	test('ROLE_DISPLAY_NAMES maps request-side roles to display names', () => {
		expect(ROLE_DISPLAY_NAMES).toEqual({ Admin: 'Admin', Standard: 'Standard User', ReadOnly: 'Read Only User' });
	});
});

describe('auth', () => {
	const path = '/v3/users/list';
	test('401 without Authorization header', async () => {
		expectError(await call(sim, 'GET', path, { token: null }), 401, 'Unauthorized', 'Missing or malformed Authorization header', path);
	});
	test('401 with a non-Bearer scheme', async () => {
		const res = await call(sim, 'GET', path, { token: null, headers: { authorization: 'Basic YTpi' } });
		expectError(res, 401, 'Unauthorized', 'Missing or malformed Authorization header', path);
	});
	test('401 with an unknown token', async () => {
		expectError(await call(sim, 'GET', path, { token: 'nope' }), 401, 'Unauthorized', 'Invalid or expired token', path);
	});
	test('401 with an expired token', async () => {
		sim.expireAccessToken(sim.tokens.admin);
		expectError(await call(sim, 'GET', path), 401, 'Unauthorized', 'Invalid or expired token', path);
	});
	test('401 with a revoked token', async () => {
		sim.revokeToken(sim.tokens.admin);
		expectError(await call(sim, 'GET', path), 401, 'Unauthorized', 'Invalid or expired token', path);
	});
	test('401 comes before 404 for unknown /v3 routes', async () => {
		expectError(await call(sim, 'GET', '/v3/nothing', { token: null }), 401, 'Unauthorized', /Authorization/, '/v3/nothing');
		expectError(await call(sim, 'GET', '/v3/nothing'), 404, 'Not Found', 'Cannot GET /v3/nothing', '/v3/nothing');
	});
	test.each([
		['GET', '/v3/users/list'], ['GET', '/v3/users/10001'], ['PUT', '/v3/users/10001'],
		['PATCH', '/v3/users/10001'], ['DELETE', '/v3/users/10001'], ['POST', '/v3/users'],
	])('403 for a Standard token on %s %s, nothing applied', async (method, p) => {
		const res = await call(sim, method, p, { token: sim.tokens.standard, body: method === 'GET' || method === 'DELETE' ? undefined : { first_name: 'X' } });
		expectError(res, 403, 'Forbidden', 'Insufficient permissions: Admin role required', p);
		expect(sim.writes).toEqual([]);
	});
});

describe('get one / 404', () => {
	test.each(['/v3/users/99999', '/v3/users/abc', '/v3/users/12.5', '/v3/users/'])('404 for %s', async (p) => {
		expectError(await call(sim, 'GET', p), 404, 'Not Found', 'User not found', p);
	});
	test('PUT without an id (the docs\' curl) is 404 and applies nothing', async () => {
		expectError(await call(sim, 'PUT', '/v3/users/', { body: { first_name: 'X' } }), 404, 'Not Found', 'User not found', '/v3/users/');
		expect(sim.writes).toEqual([]);
	});
	test('a user of another account is 404 (outside the hierarchy)', async () => {
		expectError(await call(sim, 'GET', '/v3/users/10012'), 404, 'Not Found', 'User not found', '/v3/users/10012');
	});
	test('a deleted user is still readable with status deleted', async () => {
		expect(expectSuccess(await call(sim, 'GET', '/v3/users/10007')).user.status).toBe('deleted');
	});
	test.each([
		['data', (d: any) => d],
		['data.user', (d: any) => d.user],
		['data.users', (d: any) => d.users[0]],
	] as const)('getUserShape %s', async (shape, pick) => {
		const s = await startSimulator({ getUserShape: shape });
		try {
			const data = expectSuccess(await call(s, 'GET', '/v3/users/10001'));
			expect(pick(data)).toEqual(JOHN_GET_ONE);
			if (shape === 'data.users') expect(data.users).toHaveLength(1);
		} finally {
			await s.close();
		}
	});
	test('setUser roleDisplay gives an unknown display name; a real role change clears it', async () => {
		sim.setUser(10003, { roleDisplay: 'Supervisor' });
		expect(expectSuccess(await call(sim, 'GET', '/v3/users/10003')).user.role).toBe('Supervisor');
		expect(sim.userRecord(10003)?.role).toBe('Standard');
		expectSuccess(await call(sim, 'PATCH', '/v3/users/10003', { body: { role: 'ReadOnly' } }));
		expect(sim.user(10003)?.role).toBe('Read Only User');
		expect(sim.userRecord(10003)).not.toHaveProperty('roleDisplay');
	});
});

describe('writes', () => {
	test('PUT overwrites present fields, keeps absent ones, sets updated_at, returns data.userId', async () => {
		const before = sim.userRecord(10001) as UserRecord;
		const res = await call(sim, 'PUT', '/v3/users/10001', { body: { first_name: 'Johnny', agent_code: 0, aliases: 'JD' } });
		expect(expectSuccess(res)).toEqual({ userId: 10001 });
		const after = sim.userRecord(10001) as UserRecord;
		expect(after).toEqual({ ...before, first_name: 'Johnny', agent_code: 0, aliases: 'JD', updated_at: after.updated_at });
		expect(after.updated_at).not.toBe(before.updated_at);
		expect(sim.writes).toEqual([{ method: 'PUT', path: '/v3/users/10001', userId: 10001, requestId: res.json.request_id }]);
	});

	test('PUT with the documented full body maps to the response-side names', async () => {
		const body = {
			username: 'updated.user@example.com', first_name: 'Updated', last_name: 'User', role: 'Admin',
			user_ext_id: 'EXT-001', user_status: 'inactive', aliases: null, timezone: 'America/Los_Angeles',
			agent_ring_to: '+1234567890', agent_code: 10, ct_user_ou_id: 70036, score_call: false, access_audio: false,
		};
		expectSuccess(await call(sim, 'PUT', '/v3/users/10003', { body }));
		expect(sim.user(10003)).toMatchObject({
			email: 'updated.user@example.com', status: 'inactive', role: 'Admin', access_audio: 'No',
			assign_scorecard: false, group_org_unit_id: 70036, group: 'Support Team', parent_group: 'West Region',
			user_ext_id: 'EXT-001', agent_ring_to: '+1234567890', agent_code: 10, aliases: null, agent_id: 'AGT-003',
		});
	});

	test('PUT may keep the user\'s own email (uniqueness is against OTHER users)', async () => {
		expectSuccess(await call(sim, 'PUT', '/v3/users/10001', { body: { username: 'JOHN.DOE@example.com' } }));
	});

	test('PATCH changes only the given subset', async () => {
		const before = sim.userRecord(10004) as UserRecord;
		expect(expectSuccess(await call(sim, 'PATCH', '/v3/users/10004', { body: { timezone: 'UTC' } }))).toEqual({ userId: 10004 });
		const after = sim.userRecord(10004) as UserRecord;
		expect(after).toEqual({ ...before, timezone: 'UTC', updated_at: after.updated_at });
		expect(sim.writes.map((w) => w.method)).toEqual(['PATCH']);
	});

	test('DELETE is a soft delete: status deleted, hidden from the default list, still readable', async () => {
		expect(expectSuccess(await call(sim, 'DELETE', '/v3/users/10003'))).toEqual({ userId: 10003 });
		expect(sim.userRecord(10003)?.user_status).toBe('deleted');
		const list = expectSuccess(await call(sim, 'GET', '/v3/users/list'));
		expect(ids(list.users)).not.toContain(10003);
		const deleted = expectSuccess(await call(sim, 'GET', '/v3/users/list?user_status=deleted'));
		expect(ids(deleted.users)).toEqual([10007, 10003]); // created_on desc
		expect(expectSuccess(await call(sim, 'GET', '/v3/users/10003')).user.status).toBe('deleted');
	});

	test('POST creates a user (200, data.userId) with defaults for absent fields', async () => {
		const body = { username: 'new.hire@acme-corp.example', first_name: 'New', last_name: 'Hire', role: 'ReadOnly', ct_user_ou_id: 70040 };
		expect(expectSuccess(await call(sim, 'POST', '/v3/users', { body }))).toEqual({ userId: 10013 });
		expect(sim.user(10013)).toMatchObject({
			email: 'new.hire@acme-corp.example', status: 'active', role: 'Read Only User', group: 'Inbound Sales',
			agent_id: 'AGT-013', aliases: null, user_ext_id: null, timezone: 'UTC', access_audio: 'No',
		});
		expect(sim.writes).toEqual([expect.objectContaining({ method: 'POST', path: '/v3/users', userId: 10013 })]);
	});

	test('POST without a required field is 400', async () => {
		const res = await call(sim, 'POST', '/v3/users', { body: { username: 'x@acme-corp.example', first_name: 'X', last_name: 'Y', role: 'Standard' } });
		expectError(res, 400, 'Bad Request', 'Missing required field: ct_user_ou_id', '/v3/users');
		expect(sim.writes).toEqual([]);
	});
});

describe('validation: 400, nothing applied', () => {
	const cases: Array<[string, { body?: unknown; raw?: string }, string]> = [
		['invalid JSON', { raw: '{"first_name": ' }, 'Request body must be a JSON object'],
		['JSON array', { raw: '[{"first_name":"X"}]' }, 'Request body must be a JSON object'],
		['JSON null', { raw: 'null' }, 'Request body must be a JSON object'],
		['no body', {}, 'Request body must be a JSON object'],
		['empty object', { body: {} }, 'Request body must contain at least one field'],
		['unknown key', { body: { first_name: 'X', email: 'a@b.co' } }, 'Unknown field: email'],
		['username not an email', { body: { username: 'not-an-email' } }, 'username must be a valid email address'],
		['email in use by another user', { body: { username: 'bob.chen@acme-corp.example' } }, 'Email already in use'],
		['email in use, other case', { body: { username: 'BOB.Chen@Acme-Corp.example' } }, 'Email already in use'],
		['email of another account', { body: { username: 'kate.novak@othercorp.example' } }, 'Email already in use'],
		['unknown role', { body: { role: 'Manager' } }, 'role must be one of Admin, Standard, ReadOnly'],
		['role display name', { body: { role: 'Standard User' } }, 'role must be one of Admin, Standard, ReadOnly'],
		['user_status deleted', { body: { user_status: 'deleted' } }, 'user_status must be one of active, inactive'],
		['first_name not a string', { body: { first_name: 42 } }, 'first_name must be a non-empty string'],
		['last_name empty', { body: { last_name: '' } }, 'last_name must be a non-empty string'],
		['user_ext_id not a string', { body: { user_ext_id: 12345 } }, 'user_ext_id must be a string'],
		['agent_code as string', { body: { agent_code: '10' } }, 'agent_code must be a non-negative integer'],
		['agent_code negative', { body: { agent_code: -1 } }, 'agent_code must be a non-negative integer'],
		['agent_code fractional', { body: { agent_code: 1.5 } }, 'agent_code must be a non-negative integer'],
		['ct_user_ou_id as string', { body: { ct_user_ou_id: '70035' } }, 'ct_user_ou_id must be a non-negative integer'],
		['org unit of another account', { body: { ct_user_ou_id: 90001 } }, 'Org unit is outside your hierarchy'],
		['unknown org unit (documented example 1002)', { body: { ct_user_ou_id: 1002 } }, 'Org unit is outside your hierarchy'],
		['score_call not boolean', { body: { score_call: 'true' } }, 'score_call must be a boolean'],
		['access_audio not boolean', { body: { access_audio: 1 } }, 'access_audio must be a boolean'],
		['aliases as list', { body: { aliases: ['JD'] } }, 'aliases must be null or a string'],
		['bad timezone', { body: { timezone: 'Pacific Time' } }, 'timezone must be a valid IANA time zone'],
		['bad phone (dashes)', { body: { agent_ring_to: '425-555-1234' } }, /^agent_ring_to must be a phone number/],
		['bad phone (6 digits)', { body: { agent_ring_to: '123456' } }, /^agent_ring_to must be a phone number/],
		['phone as number', { body: { agent_ring_to: 14255551234 } }, /^agent_ring_to must be a phone number/],
	] as any;
	test.each(cases)('PUT: %s', async (_name, opts, error) => {
		const before = sim.userRecord(10001);
		const res = await call(sim, 'PUT', '/v3/users/10001', opts);
		expectError(res, 400, 'Bad Request', error, '/v3/users/10001');
		expect(sim.userRecord(10001)).toEqual(before);
		expect(sim.writes).toEqual([]);
	});
	test('PATCH with an empty body is 400', async () => {
		expectError(await call(sim, 'PATCH', '/v3/users/10001', { body: {} }), 400, 'Bad Request', 'Request body must contain at least one field', '/v3/users/10001');
	});
	test('org unit check follows the caller: a region admin cannot move users to the other region', async () => {
		sim.setUser(10002, { ct_user_ou_id: 65001 }); // admin token's user now sits in East Region
		const res = await call(sim, 'PATCH', '/v3/users/10004', { body: { ct_user_ou_id: 70035 } });
		expectError(res, 400, 'Bad Request', 'Org unit is outside your hierarchy', '/v3/users/10004');
	});
	test('accepted edge values: aliases null/string, UTC, phone without +, agent_code 0', async () => {
		const body = { aliases: null, timezone: 'UTC', agent_ring_to: '4255551234', agent_code: 0 };
		expectSuccess(await call(sim, 'PATCH', '/v3/users/10009', { body }));
		expectSuccess(await call(sim, 'PATCH', '/v3/users/10009', { body: { aliases: 'H.T.' } }));
		expect(sim.userRecord(10009)).toMatchObject({ ...body, aliases: 'H.T.' });
	});
});
