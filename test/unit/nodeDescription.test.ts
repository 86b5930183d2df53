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

	it('gives every operation an action and every operation the request options', () => {
		const operationsOf = (resource: string) =>
			(properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))?.options ??
				[]) as INodePropertyOptions[];
		const expected: Record<string, { values: string[]; action: RegExp }> = {
			call: { values: ['get', 'getAll', 'getRecording'], action: /^Get (a call|many calls|a call recording)$/ },
			group: { values: ['create', 'upsert', 'get', 'getAll', 'update'], action: /^(Create|Create or update|Get|Update) a group$|^Get many groups$/ },
			textConversation: { values: ['getAll'], action: /^Get many text conversations$/ },
			user: {
				values: ['create', 'upsert', 'delete', 'get', 'getAll', 'update', 'updatePartial'],
				action: /^[A-Z][a-z]+ (a|many) users?$|^Partially update a user$|^Create or update a user$/,
			},
		};
		const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[];
		expect(resources.map((r) => r.value)).toEqual(Object.keys(expected));
		for (const [resource, { values, action }] of Object.entries(expected)) {
			const operations = operationsOf(resource);
			expect(operations.map((operation) => operation.value)).toEqual(values);
			for (const operation of operations) {
				expect(operation.action).toMatch(action);
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
