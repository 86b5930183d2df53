import { USER_FIELDS, readBackField } from './fields';
import type { ApiUser, UserBodyField, UserRequestBody } from '../../api/types';

export interface CurrentProfile {
	/** Current values, renamed for a request body. Absent or null values are left out. */
	body: UserRequestBody;
	/** Fields whose current value cannot be written back safely, with the reason. */
	unmappable: Partial<Record<UserBodyField, string>>;
}

/**
 * Maps a user as Convirza returns it to the PUT body that would keep it unchanged. A field missing
 * from the response (the list row lacks some of the fields; get-one may or may not have them —
 * inferred) is left out: PUT overwrites only the fields present in the body (documented), so a
 * missing field keeps its stored value instead of being blanked.
 */
export function toCurrentProfile(user: ApiUser): CurrentProfile {
	const body: Record<string, unknown> = {};
	const unmappable: CurrentProfile['unmappable'] = {};
	for (const field of USER_FIELDS) {
		const current = readBackField(field, user);
		if (current === undefined) continue;
		if ('value' in current) body[field.key] = current.value;
		else unmappable[field.key] = current.unmappable;
	}
	return { body: body as UserRequestBody, unmappable };
}
