import type { IDataObject } from 'n8n-workflow';

import { toCurrentProfile } from './userMapping';
import type { ApiUser } from '../types';

/** The compact user that Get and Get Many output with "Simplify" on. */
export interface SimplifiedUser extends IDataObject {
	id: number | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	/** Admin, Standard or ReadOnly when the display name is known; otherwise Convirza's own text. */
	role: string | null;
	status: string | null;
	group: { id: number | null; name: string | null };
	externalId: string | null;
	agentRingTo: string | null;
	accessAudio: boolean | null;
	scoreCalls: boolean | null;
	createdAt: string | null;
}

const text = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

const id = (value: unknown): number | null => {
	const number = Number(value);
	return value !== null && value !== undefined && value !== '' && Number.isSafeInteger(number) ? number : null;
};

/**
 * Renames a user as Convirza returns it (list row or get-one) into consistent camelCase keys, every
 * key always present (null when Convirza did not send it), so that downstream nodes can rely on the
 * shape. Only fields both the list and get-one carry are kept. Role and the "Yes"/"No" flags are
 * translated by the same mapping Update uses to read a user back, so both agree on what they mean.
 */
export function simplifyUser(user: ApiUser): SimplifiedUser {
	const mapped = toCurrentProfile(user).body;
	return {
		id: id(user.ct_user_id),
		email: text(user.email),
		firstName: text(user.first_name),
		lastName: text(user.last_name),
		role: mapped.role ?? text(user.role),
		status: text(user.status),
		group: { id: id(user.group_org_unit_id), name: text(user.group) },
		externalId: text(user.user_ext_id),
		agentRingTo: text(user.agent_ring_to),
		accessAudio: mapped.access_audio ?? null,
		scoreCalls: mapped.score_call ?? null,
		createdAt: text(user.user_created),
	};
}
