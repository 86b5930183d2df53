/**
 * Hook for the node's "Map Automatically" mode (issue 13): each input item carries the user and the
 * whole PUT body in `$json` (workload.ts `bodyItem`, or your own shape) and the node reads them
 * without a single expression. The node does not have that mode yet, so `AUTO_MAP` is undefined:
 * the bench skips the "automap" rows and prints their targets as "not measured yet".
 *
 * When the mode exists, set AUTO_MAP to the node's real parameters for it (Fill Unset Fields off,
 * the given Concurrency) and the item shape it expects; the scenarios (scenarios.ts) and targets
 * (floor-targets.ts) need no other change.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Contact } from './workload';

export interface AutoMapScenario {
	/** The input item for a contact, e.g. `bodyItem(contact)`. */
	item(contact: Contact): IDataObject;
	/** The Convirza node's parameters for User → Update in Map Automatically mode. */
	parameters(concurrency: number): INodeParameters;
}

export const AUTO_MAP: AutoMapScenario | undefined = undefined;
