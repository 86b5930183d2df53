// Maps a stored record (request-side names) to the API's response object (response-side names).
import { ROLE_DISPLAY_NAMES } from './roles';
import type { SimState } from './state';
import type { ApiUser, ApiUserListRow, UserRecord } from './types';

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
