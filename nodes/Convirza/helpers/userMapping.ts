import type { IDataObject } from 'n8n-workflow';

import type { ApiUser, UserBodyField, UserRequestBody, UserRole } from '../types';

/**
 * Reading a user returns response-side names, writing one takes request-side names (documented
 * table). Role display names are only partly documented ("Standard User"): map the known spellings
 * and never guess an unknown one.
 */
const ROLE_BY_DISPLAY_NAME: Record<string, UserRole> = {
	admin: 'Admin',
	adminuser: 'Admin',
	administrator: 'Admin',
	standard: 'Standard',
	standarduser: 'Standard',
	readonly: 'ReadOnly',
	readonlyuser: 'ReadOnly',
};

/** Role ids as the list endpoint filters by them (documented). */
export const ROLE_IDS: Record<UserRole, number> = { Admin: 1, Standard: 2, ReadOnly: 3 };

const ROLE_BY_ID = Object.fromEntries(
	Object.entries(ROLE_IDS).map(([role, id]) => [id, role as UserRole]),
) as Record<number, UserRole>;

export interface CurrentProfile {
	/** Current values, renamed for a request body. Absent or null values are left out. */
	body: UserRequestBody;
	/** Fields whose current value cannot be written back safely, with the reason. */
	unmappable: Partial<Record<UserBodyField, string>>;
}

function yesNo(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'Yes') return true;
	if (value === 'No') return false;
	return undefined;
}

function setIfPresent<K extends UserBodyField>(
	body: UserRequestBody,
	key: K,
	value: UserRequestBody[K] | null | undefined,
): void {
	if (value !== undefined && value !== null) body[key] = value;
}

/**
 * Maps a user as Convirza returns it to the PUT body that would keep it unchanged. A field missing
 * from the response (the list row has no timezone, aliases or agent code; get-one may or may not —
 * inferred) is left out: PUT overwrites only the fields present in the body (documented), so a
 * missing field keeps its stored value instead of being blanked.
 */
export function toCurrentProfile(user: ApiUser): CurrentProfile {
	const body: UserRequestBody = {};
	const unmappable: CurrentProfile['unmappable'] = {};

	setIfPresent(body, 'username', user.email);
	setIfPresent(body, 'first_name', user.first_name);
	setIfPresent(body, 'last_name', user.last_name);
	setIfPresent(body, 'user_ext_id', user.user_ext_id);
	setIfPresent(body, 'aliases', user.aliases);
	setIfPresent(body, 'timezone', user.timezone);
	setIfPresent(body, 'agent_ring_to', user.agent_ring_to);
	setIfPresent(body, 'agent_code', user.agent_code);
	setIfPresent(body, 'ct_user_ou_id', user.group_org_unit_id);

	if (user.role !== undefined && user.role !== null) {
		const role =
			ROLE_BY_DISPLAY_NAME[String(user.role).toLowerCase().replace(/[^a-z]/g, '')] ??
			ROLE_BY_ID[Number(user.role_id)];
		if (role) body.role = role;
		else unmappable.role = `Convirza shows the role as "${String(user.role)}", which has no known request value`;
	}
	if (user.status !== undefined && user.status !== null) {
		if (user.status === 'active' || user.status === 'inactive') body.user_status = user.status;
		else unmappable.user_status = `the user's current status is "${String(user.status)}"`;
	}
	if (user.access_audio !== undefined && user.access_audio !== null) {
		const access = yesNo(user.access_audio);
		if (access === undefined) unmappable.access_audio = `Convirza shows it as "${String(user.access_audio)}"`;
		else body.access_audio = access;
	}
	// Pairing inferred from the docs: score_call (request) is shown as assign_scorecard.
	const scoring = yesNo(user.assign_scorecard);
	if (scoring !== undefined) body.score_call = scoring;

	return { body, unmappable };
}

/** GET /v3/users/{id}: `data` is the user, or holds it as `user` or `users[0]` (inferred; accept all). */
export function userFromResponse(data: unknown): ApiUser | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const record = data as IDataObject;
	if (typeof record.user === 'object' && record.user !== null) return record.user as ApiUser;
	if (Array.isArray(record.users)) return record.users[0] as ApiUser | undefined;
	return 'ct_user_id' in record || 'email' in record ? (record as ApiUser) : undefined;
}
