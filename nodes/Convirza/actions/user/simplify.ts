import type { IDataObject } from 'n8n-workflow';

import { USER_FIELDS, asId, asText, readBackField } from './fields';
import type { ApiUser } from '../../api/types';

/** The compact user that Get and Get Many output with "Simplify" on. */
export interface SimplifiedUser extends IDataObject {
	id: number | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	/** Admin, Standard or ReadOnly when the display name is known; otherwise Convirza's own text. */
	role: string | null;
	externalId: string | null;
	status: string | null;
	agentRingTo: string | null;
	group: { id: number | null; name: string | null };
	scoreCalls: boolean | null;
	accessAudio: boolean | null;
	createdAt: string | null;
}

const VIEW_FIELDS = USER_FIELDS.filter((field) => field.simplified !== undefined);

/**
 * Renames a user as Convirza returns it (list row or get-one) into consistent camelCase keys, every
 * key always present (null when Convirza did not send it), so that downstream nodes can rely on the
 * shape. Only fields both the list and get-one carry are kept. Role and the "Yes"/"No" flags are
 * read back exactly as Update reads a user, so both agree on what they mean.
 */
export function simplifyUser(user: ApiUser): SimplifiedUser {
	const view: IDataObject = { id: asId(user.ct_user_id) };
	for (const field of VIEW_FIELDS) {
		const raw = user[field.response];
		const value = field.simplify ? field.simplify(raw, readBackField(field, user), user) : asText(raw);
		view[field.simplified as string] = value as IDataObject[string];
	}
	view.createdAt = asText(user.user_created);
	return view as SimplifiedUser;
}
