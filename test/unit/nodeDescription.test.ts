/**
 * What n8n's linters check on literal descriptions, checked here on the composed ones (operation
 * files build their collections from shared parts, which the linters cannot follow).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Convirza } from '../../nodes/Convirza/Convirza.node';

const { properties } = new Convirza().description;

function walk(list: INodeProperties[], visit: (property: INodeProperties) => void): void {
	for (const property of list) {
		visit(property);
		if (property.type === 'collection') walk(property.options as INodeProperties[], visit);
	}
}

const all: INodeProperties[] = [];
walk(properties, (property) => all.push(property));

describe('the composed node description', () => {
	it('lists every collection alphabetically', () => {
		for (const property of all.filter((p) => p.type === 'collection')) {
			const names = (property.options as INodeProperties[]).map((option) => option.displayName);
			expect({ [property.name]: names }).toEqual({ [property.name]: [...names].sort((a, b) => a.localeCompare(b)) });
		}
	});

	it('describes every boolean with "Whether"', () => {
		for (const property of all.filter((p) => p.type === 'boolean')) {
			expect(`${property.name}: ${property.description}`).toMatch(/^\w+: Whether /);
		}
	});

	it('gives every operation of every resource an action and the request options', () => {
		const operationsOf = (resource: string) =>
			(properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))?.options ??
				[]) as INodePropertyOptions[];
		const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[];
		const values = Object.fromEntries(
			resources.map(({ value }) => [value, operationsOf(String(value)).map((operation) => operation.value)]),
		);
		expect(values).toEqual({
			group: ['create', 'upsert', 'get', 'getAll', 'update'],
			user: ['create', 'upsert', 'delete', 'get', 'getAll', 'update', 'updatePartial'],
		});
		for (const { value: resource } of resources) {
			for (const operation of operationsOf(String(resource))) {
				expect(operation.action).toMatch(new RegExp(`^(Create|Create or update|Delete|Get|Get many|Update|Partially update) an? ${String(resource)}$|^Get many ${String(resource)}s$`));
				const options = properties.find(
					(p) =>
						p.name === 'options' &&
						p.displayOptions?.show?.resource?.includes(resource) &&
						p.displayOptions?.show?.operation?.includes(operation.value),
				);
				const names = (options?.options as INodeProperties[]).map((option) => option.name);
				expect(names).toEqual(
					expect.arrayContaining(['concurrency', 'maxAttempts', 'maxRetryWaitSeconds', 'retryDelayMs', 'timeoutMs']),
				);
			}
		}
	});
});
