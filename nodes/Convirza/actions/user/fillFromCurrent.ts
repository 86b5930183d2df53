import { toCurrentProfile } from './currentProfile';
import { USER_FIELDS, fieldByKey } from './fields';
import type { UserRequestBody } from '../../api/types';
import { getUser } from '../../api/users';
import { InputError } from '../../helpers/InputError';
import type { ConvirzaClient } from '../../transport';

/**
 * Completes a PUT body with the user's current values for every field the operator did not set, so
 * the full-replacement PUT blanks nothing (Update, and Create or Update when it finds the user). A
 * current value that cannot be written back safely fails the item and names the field to set.
 */
export async function fillFromCurrentUser(
	client: ConvirzaClient,
	userId: number,
	body: UserRequestBody,
	itemIndex: number,
	whereToSet = 'Update Fields',
): Promise<UserRequestBody> {
	const missing = USER_FIELDS.filter((field) => !(field.key in body));
	if (missing.length === 0) return body;
	const current = toCurrentProfile(await getUser(client, userId, itemIndex));
	for (const { key } of missing) {
		const reason = current.unmappable[key];
		if (reason !== undefined) {
			const label = fieldByKey(key).displayName;
			throw new InputError(label, `must be set for this user: ${reason}`, `Add "${label}" to ${whereToSet} with the value to keep.`);
		}
	}
	return { ...current.body, ...body };
}
