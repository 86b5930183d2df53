import { simplifyUser } from '../../nodes/Convirza/actions/user/simplify';
import { JOHN_LIST_ROW, JOHN_SIMPLIFIED } from '../kit/users';

const listRow = JOHN_LIST_ROW;

describe('simplifyUser', () => {
	it('renames the documented list row into the compact view', () => {
		expect(simplifyUser(listRow)).toEqual(JOHN_SIMPLIFIED);
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
