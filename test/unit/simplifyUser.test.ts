import { simplifyUser } from '../../nodes/Convirza/actions/user/simplify';

/** The documented list-row example, field for field. */
const listRow = {
	first_name: 'John',
	last_name: 'Doe',
	email: 'john.doe@example.com',
	user_ext_id: 'EXT-12345',
	ct_user_id: 10001,
	status: 'active',
	agent_ring_to: '+14255551234',
	agent_id: 'AGT-001',
	group: 'Sales Team',
	group_org_unit_id: 70035,
	group_external_id: 'GRP-70035',
	account: 'Acme Corporation',
	account_org_unit_id: 60001,
	account_external_id: 'ACC-60001',
	parent_group: 'West Region',
	parent_group_org_unit_id: 65000,
	parent_group_external_id: 'REG-65000',
	role: 'Standard User',
	access_audio: 'Yes',
	group_access: 3,
	report_access: 5,
	assign_scorecard: true,
	user_created: '2026-03-29T12:00:00.000Z',
};

describe('simplifyUser', () => {
	it('renames the documented list row into the compact view', () => {
		expect(simplifyUser(listRow)).toEqual({
			id: 10001,
			email: 'john.doe@example.com',
			firstName: 'John',
			lastName: 'Doe',
			role: 'Standard',
			status: 'active',
			group: { id: 70035, name: 'Sales Team' },
			externalId: 'EXT-12345',
			agentRingTo: '+14255551234',
			accessAudio: true,
			scoreCalls: true,
			createdAt: '2026-03-29T12:00:00.000Z',
		});
	});

	it('always has the same keys: what Convirza did not send is null', () => {
		const simplified = simplifyUser({ ct_user_id: 7 });
		expect(Object.keys(simplified)).toEqual(Object.keys(simplifyUser(listRow)));
		expect(simplified).toEqual({
			id: 7,
			email: null,
			firstName: null,
			lastName: null,
			role: null,
			status: null,
			group: { id: null, name: null },
			externalId: null,
			agentRingTo: null,
			accessAudio: null,
			scoreCalls: null,
			createdAt: null,
		});
	});

	it.each([
		[{ role: 'Admin' }, 'Admin'],
		[{ role: 'Read Only User' }, 'ReadOnly'],
		[{ role: 'Supervisor' }, 'Supervisor'],
		[{ role: 'Supervisor', role_id: 3 }, 'ReadOnly'],
	])('names role %j as %j (unknown names are kept, never guessed)', (fields, role) => {
		expect(simplifyUser({ ...listRow, ...fields }).role).toBe(role);
	});

	it('reads "Yes"/"No" and real booleans alike; anything else is null', () => {
		expect(simplifyUser({ ...listRow, access_audio: 'No', assign_scorecard: false })).toMatchObject({
			accessAudio: false,
			scoreCalls: false,
		});
		expect(simplifyUser({ ...listRow, access_audio: true }).accessAudio).toBe(true);
		expect(simplifyUser({ ...listRow, access_audio: 'Maybe' }).accessAudio).toBeNull();
	});

	it('keeps a deleted status and a missing external ID as they are', () => {
		expect(simplifyUser({ ...listRow, status: 'deleted', user_ext_id: null })).toMatchObject({
			status: 'deleted',
			externalId: null,
		});
	});
});
