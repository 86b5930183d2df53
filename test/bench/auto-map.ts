/**
 * The node's "Map Automatically" mode in the bench: each input item carries the whole PUT body in
 * `$json` under Convirza's field names, and the node reads it without a single expression. The user
 * comes from the item too: its `ct_user_id` (the usual rows), or its External ID (the lookup rows of
 * issue 12, which find each user through the execution's one listing of the account).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { putBody, type Contact } from './workload';

export type Lookup = 'id' | 'externalId';

/** The External ID the lookup rows give each user: fixed, so every run finds what the last one wrote. */
const benchExternalId = (c: Contact) => `BENCH-${c.id}`;

export interface AutoMapScenario {
	/** The input item for a contact. */
	item(contact: Contact, lookup?: Lookup): IDataObject;
	/** The Convirza node's parameters for User → Update in Map Automatically mode. */
	parameters(concurrency: number, lookup?: Lookup): INodeParameters;
}

export const AUTO_MAP: AutoMapScenario = {
	item: (contact, lookup) => {
		if (lookup === undefined) return { ct_user_id: contact.id, ...putBody(contact) };
		const body = { ...putBody(contact), user_ext_id: benchExternalId(contact) };
		return lookup === 'id' ? { ct_user_id: contact.id, ...body } : body;
	},
	parameters: (concurrency, lookup = 'id') => ({
		mappingMode: 'autoMapInputData',
		userFromInput: lookup,
		options: { concurrency, fillUnsetFields: false },
	}),
};
