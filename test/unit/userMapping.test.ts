import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toUserRequestBody } from '../../nodes/Convirza/actions/user/body';
import { toCurrentProfile } from '../../nodes/Convirza/actions/user/currentProfile';
import { USER_FIELDS } from '../../nodes/Convirza/actions/user/fields';
import { fillFromCurrentUser } from '../../nodes/Convirza/actions/user/fillFromCurrent';
import { fieldsFromInput, userRefFromInput } from '../../nodes/Convirza/actions/user/mapping';
import type { UserRequestBody } from '../../nodes/Convirza/api/types';
import type { ConvirzaClient } from '../../nodes/Convirza/transport';
import { userFromResponse } from '../../nodes/Convirza/api/users';
import { refusal } from '../kit/refusal';
import { JOHN_LIST_ROW } from '../kit/users';

/** Body settings as an operation's Options give them, country code 1. */
const settings = (ignoreEmpty: boolean) => ({ ignoreEmpty, defaultCountryCode: '1' });

/** The documented list row. */
const listRow = JOHN_LIST_ROW;

describe('toCurrentProfile (response names to request names)', () => {
	it('maps the documented list row', () => {
		expect(toCurrentProfile(listRow)).toEqual({
			body: {
				username: 'john.doe@example.com',
				first_name: 'John',
				last_name: 'Doe',
				user_ext_id: 'EXT-12345',
				agent_ring_to: '+14255551234',
				ct_user_ou_id: 70035,
				role: 'Standard',
				user_status: 'active',
				access_audio: true,
				score_call: true,
			},
			unmappable: {},
		});
	});

	it('leaves out what the response does not have, and nulls', () => {
		const { body } = toCurrentProfile({ ...listRow, agent_ring_to: null, timezone: 'UTC', aliases: null });
		expect(body).not.toHaveProperty('agent_ring_to');
		expect(body).not.toHaveProperty('aliases');
		expect(body).not.toHaveProperty('agent_code');
		expect(body.timezone).toBe('UTC');
	});

	it.each([
		['Admin', 'Admin'],
		['Admin User', 'Admin'],
		['Read Only User', 'ReadOnly'],
		['Read-Only', 'ReadOnly'],
		['standard', 'Standard'],
	])('maps role display name %j', (display, role) => {
		expect(toCurrentProfile({ ...listRow, role: display }).body.role).toBe(role);
	});

	it('never guesses an unknown role, status or audio flag', () => {
		const profile = toCurrentProfile({ ...listRow, role: 'Supervisor', status: 'deleted', access_audio: 'Maybe' });
		expect(profile.body).not.toHaveProperty('role');
		expect(profile.body).not.toHaveProperty('user_status');
		expect(profile.body).not.toHaveProperty('access_audio');
		expect(Object.keys(profile.unmappable).sort()).toEqual(['access_audio', 'role', 'user_status']);
		expect(profile.unmappable.role).toMatch(/Supervisor/);
	});

	it('falls back to role_id when the display name is unknown', () => {
		expect(toCurrentProfile({ ...listRow, role: 'Custom', role_id: 3 }).body.role).toBe('ReadOnly');
	});
});

describe('userFromResponse accepts every inferred get-one shape', () => {
	it.each([
		['data', listRow],
		['data.user', { user: listRow }],
		['data.users[0]', { users: [listRow] }],
	])('%s', (_, data) => {
		expect(userFromResponse(data)?.ct_user_id).toBe(10001);
	});
	it('returns undefined for anything else', () => {
		expect(userFromResponse(null)).toBeUndefined();
		expect(userFromResponse({ users: [] })).toBeUndefined();
		expect(userFromResponse({ unrelated: true })).toBeUndefined();
	});
});

describe('toUserRequestBody', () => {
	it('maps every parameter to its body field', () => {
		expect(
			toUserRequestBody(
				{
					email: 'a@example.com',
					firstName: 'Ann',
					lastName: 'Lee',
					role: 'Admin',
					externalId: 'CRM-1',
					status: 'inactive',
					aliases: 'Annie',
					timezone: 'Europe/Berlin',
					agentRingTo: '+1 425 555 0000',
					agentCode: 7,
					group: { __rl: true, mode: 'list', value: '70035' },
					scoreCalls: 'true',
					accessAudio: false,
				},
				settings(true),
			),
		).toEqual({
			username: 'a@example.com',
			first_name: 'Ann',
			last_name: 'Lee',
			role: 'Admin',
			user_ext_id: 'CRM-1',
			user_status: 'inactive',
			aliases: 'Annie',
			timezone: 'Europe/Berlin',
			agent_ring_to: '+14255550000',
			agent_code: 7,
			ct_user_ou_id: 70035,
			score_call: true,
			access_audio: false,
		});
	});

	it('skips empty values when asked to, and refuses them otherwise', () => {
		const fields = { firstName: '', lastName: '  ', email: null, group: { __rl: true, mode: 'id', value: '' } };
		expect(toUserRequestBody(fields, settings(true))).toEqual({});
		expect(() => toUserRequestBody({ email: null }, settings(false))).toThrow(/"Email" parameter has no value/);
		expect(toUserRequestBody({ firstName: '' }, settings(false))).toEqual({ first_name: '' });
	});

	it('reads only known keys', () => {
		const fields = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "firstName": "Ann"}');
		const body = toUserRequestBody(fields, settings(true));
		expect(body).toEqual({ first_name: 'Ann' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('fieldsFromInput (Map Automatically)', () => {
	it("reads Convirza's names and the node's, and remembers which key set each field", () => {
		expect(fieldsFromInput({ first_name: 'Jo', agentRingTo: '+14255550199', ct_user_ou_id: 70035 }, false)).toEqual({
			fields: { firstName: 'Jo', agentRingTo: '+14255550199', group: 70035 },
			keys: { firstName: 'first_name', agentRingTo: 'agentRingTo', group: 'ct_user_ou_id' },
		});
	});

	it('accepts two keys for one field when they agree', () => {
		expect(fieldsFromInput({ first_name: 'Jo', firstName: 'Jo' }, false).fields).toEqual({ firstName: 'Jo' });
		const twice = refusal(() => fieldsFromInput({ first_name: 'Jo', firstName: 'Joe' }, false));
		expect(twice.message).toBe('The input item\'s "firstName" and "first_name" set the same field to different values');
		expect(twice.fix).toBe('Keep one of the two keys.');
	});

	it('leaves consumed keys out, takes extra keys as they are, and skips unknown keys only when asked', () => {
		const json = { ct_user_id: 10001, clearAliases: true, title: 'VP', last_name: 'Doe' };
		expect(fieldsFromInput(json, true, ['ct_user_id'], ['clearAliases']).fields).toEqual({ clearAliases: true, lastName: 'Doe' });
		expect(refusal(() => fieldsFromInput(json, false, ['ct_user_id'], ['clearAliases'])).message).toBe(
			'The input item\'s "title" is not a Convirza user field',
		);
		expect(refusal(() => fieldsFromInput({ clearAliases: true }, false)).parameter).toBe('clearAliases');
	});

	it.each([
		['First_Name', /^Did you mean "first_name"\? /],
		['firstname', /^Did you mean "firstName"\? /],
		['AGENT_RING_TO', /^Did you mean "agent_ring_to"\? /],
		['agent_ringto', /^Did you mean "agent_ring_to"\? /],
		['titel', /^Use Convirza's field names \(username, first_name, /],
	])('a near miss such as %s points to the key meant, in its naming style', (key, fix) => {
		const refused = refusal(() => fieldsFromInput({ [key]: 'x' }, false));
		expect(refused.fix).toMatch(fix);
		expect(refused.fix).toMatch(/or turn on "Ignore Unknown Keys"\.$/);
	});
});

describe("fieldsFromInput: a user row's group keys", () => {
	it('group is an ID when a number and a name or path when text; group_external_id is an External ID', () => {
		expect(fieldsFromInput({ group: 70035 }, false)).toEqual({ fields: { group: 70035 }, keys: { group: 'group' } });
		expect(fieldsFromInput({ group: 'Sales / East' }, false).fields).toEqual({
			group: { __rl: true, mode: 'name', value: 'Sales / East' },
		});
		expect(fieldsFromInput({ group_external_id: 'OU-9' }, false)).toEqual({
			fields: { group: { __rl: true, mode: 'externalId', value: 'OU-9' } },
			keys: { group: 'group_external_id' },
		});
	});
});

describe('userRefFromInput (Find User By)', () => {
	/** The Find User By parameter as n8n hands it, with nothing else set. */
	const byKey = (by: string) =>
		({
			getNode: () => ({ parameters: { userFromInput: by } }),
			getNodeParameter: (name: string, _index: number, fallback: unknown) => (name === 'userFromInput' ? by : fallback),
		}) as unknown as IExecuteFunctions;
	const refused = (by: string, json: IDataObject) => refusal(() => userRefFromInput(byKey(by), json, 0));

	it('takes the first key that holds a value: null is no value', () => {
		expect(userRefFromInput(byKey('email'), { username: null, email: 'Jo@Example.com' }, 0)).toEqual({ by: 'email', email: 'Jo@Example.com' });
		expect(userRefFromInput(byKey('externalId'), { user_ext_id: 'CRM-1' }, 0)).toEqual({ by: 'externalId', externalId: 'CRM-1' });
		expect(userRefFromInput(byKey('id'), { ct_user_id: '42' }, 0)).toEqual({ by: 'id', id: 42 });
	});

	it('a key without a value is named as missing, with where the user is taken from', () => {
		const missing = refused('id', { ct_user_id: null });
		expect([missing.parameter, missing.message, missing.fix]).toEqual([
			'ct_user_id',
			'The input item\'s "ct_user_id" is missing',
			'"Find User By" takes the user from this key of each input item.',
		]);
		expect(refused('email', {}).message).toBe('The input item\'s "username" or "email" is missing');
	});

	it('a value that is no email or External ID is refused naming its key', () => {
		expect(refused('email', { email: 'nope' }).message).toBe('The input item\'s "email" is not a valid email address: "nope"');
		const blank = refused('externalId', { externalId: '' });
		expect([blank.message, blank.fix]).toEqual([
			'The input item\'s "externalId" has no External ID',
			'Map the CRM contact ID (or whatever you store as External ID) into this key of each input item.',
		]);
	});
});

describe('fillFromCurrentUser', () => {
	it('sends no request when the operator set every field', async () => {
		const request = jest.fn();
		const body = Object.fromEntries(USER_FIELDS.map((field) => [field.key, `value of ${field.key}`])) as unknown as UserRequestBody;
		await expect(fillFromCurrentUser({ request } as unknown as ConvirzaClient, 7, body, 0)).resolves.toBe(body);
		expect(request).not.toHaveBeenCalled();
	});
});
