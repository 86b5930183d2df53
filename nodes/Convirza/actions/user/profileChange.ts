import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBodySettings, toUpdateBody } from './body';
import { userIdParameter } from './descriptions';
import type { UserRequestBody } from '../../api/types';

/** What Update and Update (Partial) read for an item before sending anything. */
export interface ProfileChange {
	userId: number;
	/** The Update Fields set, as body fields (an empty value left out unless Ignore Empty Values is off). */
	body: UserRequestBody;
	options: IDataObject;
}

export function readProfileChange(this: IExecuteFunctions, itemIndex: number): ProfileChange {
	const userId = userIdParameter(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { userId, body: toUpdateBody(fields, readBodySettings(options)), options };
}
