// Maps a stored record (request-side names) to the API's response object (response-side names).
import { ROLE_DISPLAY_NAMES } from './roles';
import type { SimState } from './state';
import type { ApiGroupRow, ApiUser, ApiUserListRow, OrgUnit, UserRecord } from './types';

export function agentId(userId: number): string {
	return `AGT-${String(userId - 10000).padStart(3, '0')}`;
}

export function toListRow(u: UserRecord, state: SimState): ApiUserListRow {
	const group = state.orgUnits.get(u.ct_user_ou_id);
	const parent = group && group.parentId !== null ? state.orgUnits.get(group.parentId) : undefined;
	const account = state.accountOf(u.ct_user_ou_id);
	return {
		first_name: u.first_name,
		last_name: u.last_name,
		email: u.username,
		user_ext_id: u.user_ext_id,
		ct_user_id: u.id,
		status: u.user_status,
		agent_ring_to: u.agent_ring_to,
		agent_id: agentId(u.id),
		group: group?.name ?? '',
		group_org_unit_id: u.ct_user_ou_id,
		group_external_id: group?.extId ?? '',
		account: account?.name ?? '',
		account_org_unit_id: account?.id ?? u.ct_user_ou_id,
		account_external_id: account?.extId ?? '',
		parent_group: parent?.name ?? null,
		parent_group_org_unit_id: parent?.id ?? null,
		parent_group_external_id: parent?.extId ?? null,
		role: u.roleDisplay ?? ROLE_DISPLAY_NAMES[u.role] ?? String(u.role),
		access_audio: u.access_audio ? 'Yes' : 'No',
		group_access: u.group_access,
		report_access: u.report_access,
		assign_scorecard: u.score_call,
		user_created: u.created_on,
	};
}

export function toApiUser(u: UserRecord, state: SimState): ApiUser {
	return { ...toListRow(u, state), timezone: u.timezone, aliases: u.aliases, agent_code: u.agent_code };
}

const INDUSTRIES: Record<number, string> = { 1: 'Automotive', 2: 'Healthcare', 3: 'Home Services', 4: 'Legal' };
const SEEDED_AT = '2024-01-15T09:00:00.000Z';

/** A group as GET /v3/groups/list and GET /v3/groups/{id} return it (the documented list row). */
export function toGroupRow(ou: OrgUnit, state: SimState): ApiGroupRow {
	const account = state.accountOf(ou.id);
	return {
		org_unit_id: ou.id,
		org_unit_ext_id: ou.extId === '' ? null : ou.extId,
		org_unit_name: ou.name,
		org_unit_parent_id: ou.parentId,
		top_ou_id: account?.id ?? ou.id,
		org_unit_status: ou.status,
		billing_id: account?.id ?? ou.id,
		address: ou.address ?? null,
		city: ou.city ?? null,
		state: ou.state ?? null,
		zip: ou.zip ?? null,
		phone_number: ou.phone ?? null,
		industry_id: ou.industryId ?? null,
		industry_name: ou.industryId == null ? null : INDUSTRIES[ou.industryId] ?? null,
		org_unit_created: ou.created ?? SEEDED_AT,
		org_unit_modified: ou.modified ?? ou.created ?? SEEDED_AT,
	};
}
