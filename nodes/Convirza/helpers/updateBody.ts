import type { IDataObject } from 'n8n-workflow';

import { InputError } from './InputError';
import { toUserRequestBody } from './userBody';
import type { UserRequestBody } from '../types';

/**
 * The body of an update (PUT or PATCH), built out of "Update Fields": the fields set, plus `aliases: null`
 * for Clear Aliases. An update that would send nothing is refused before any request.
 */
export function toUpdateBody(fields: IDataObject, ignoreEmpty: boolean): UserRequestBody {
	const body = toUserRequestBody(fields, ignoreEmpty);
	if (fields.clearAliases === true) {
		if (body.aliases !== undefined) {
			throw new InputError('Clear Aliases', 'cannot be used together with Aliases', 'Remove one of the two.');
		}
		body.aliases = null;
	}
	if (Object.keys(body).length === 0) {
		throw new InputError(
			'Update Fields',
			'has no value to send for this item',
			ignoreEmpty
				? 'Add at least one field. Fields whose value was empty were skipped because "Ignore Empty Values" is on.'
				: 'Add at least one field to update.',
		);
	}
	return body;
}
