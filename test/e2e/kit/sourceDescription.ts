import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { ConvirzaApi } from '../../../credentials/ConvirzaApi.credentials';
import { Convirza } from '../../../nodes/Convirza/Convirza.node';

/**
 * The node and credential as the SOURCE describes them: what n8n must show once it loaded the
 * PACKED package. Comparing against the source, not dist/, is what makes a broken build fail.
 */
export const SOURCE_NODE: INodeTypeDescription = new Convirza().description;
export const SOURCE_CREDENTIAL = new ConvirzaApi();

/** A parameter of one operation, e.g. ('update', 'updateFields'). */
export function operationParameter(operation: string, name: string, resource = 'user'): INodeProperties {
	// Several resources have an operation of the same value (Create or Update: user and group).
	const found = SOURCE_NODE.properties.find(
		(property) =>
			property.name === name &&
			property.displayOptions?.show?.operation?.includes(operation) &&
			property.displayOptions?.show?.resource?.includes(resource),
	);
	if (!found) throw new Error(`the source has no "${name}" for the ${operation} operation`);
	return found;
}

/** Display names of a collection's options, e.g. the fields "Update Fields" offers. */
export function collectionOptionNames(property: INodeProperties): string[] {
	return (property.options ?? []).map((option) => (option as INodeProperties).displayName);
}

interface Described {
	name: string;
	displayName?: string;
	value?: unknown;
	options?: Described[];
	values?: Described[];
}

/**
 * Every parameter, collection field and option value as one line, nested ones with their path:
 * `updateFields.firstName: First Name`, `operation=update: Update`. Two descriptions with equal
 * signatures offer the same parameters under the same names and labels.
 */
export function propertySignature(properties: readonly object[], path = ''): string[] {
	return (properties as Described[]).flatMap((property) => {
		if (property.displayName === undefined) return [`${path.slice(0, -1)}=${String(property.value)}: ${property.name}`];
		const here = `${path}${property.name}`;
		const children = [...(property.options ?? []), ...(property.values ?? [])];
		return [`${here}: ${property.displayName}`, ...propertySignature(children, `${here}.`)];
	});
}
