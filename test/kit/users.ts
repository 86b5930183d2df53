/** Users of the simulator's seed, and the values the node's operations must turn them into. */

/** Three Acme users in the admin's hierarchy, none of them the caller. */
export const USER_A = 10003;
export const USER_B = 10004;
export const USER_C = 10005;

/** John Doe as GET /v3/users/list returns him: Convirza's documented list-row example, field for field. */
export const JOHN_LIST_ROW = {
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

/** John Doe as Get and Get Many simplify him. */
export const JOHN_SIMPLIFIED = {
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
};

/** Every Update Field set, as an operator would fill the form (group picked by ID). */
export const ALL_FIELDS = {
	accessAudio: false,
	agentCode: 42,
	agentRingTo: '+1 (206) 555-0199',
	aliases: 'Johnny D',
	email: 'johnny.doe@example.com',
	externalId: 'CRM-0042',
	firstName: 'Johnny',
	group: { __rl: true, mode: 'id', value: '70036' },
	lastName: 'Doe-Smith',
	role: 'ReadOnly',
	scoreCalls: false,
	status: 'inactive',
	timezone: 'Europe/Berlin',
};

/** The PUT body those fields must produce, keys in the node's documented order. */
export const ALL_FIELDS_BODY = {
	username: 'johnny.doe@example.com',
	first_name: 'Johnny',
	last_name: 'Doe-Smith',
	role: 'ReadOnly',
	user_ext_id: 'CRM-0042',
	user_status: 'inactive',
	aliases: 'Johnny D',
	timezone: 'Europe/Berlin',
	agent_ring_to: '+12065550199',
	agent_code: 42,
	ct_user_ou_id: 70036,
	score_call: false,
	access_audio: false,
};
