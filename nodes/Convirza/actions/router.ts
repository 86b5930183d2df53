import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { readRunSettings } from './common/requestOptions';
import { itemFailure } from './itemError';
import { OutputItems, type OperationModule, type Resource, type RunServices } from './operation';
import { ConcurrencyLimit, forEachBounded } from './scheduler';
import * as call from './call';
import * as group from './group';
import * as textConversation from './textConversation';
import * as user from './user';
import { ItemError } from '../helpers/InputError';
import { ConvirzaClient } from '../transport';

/** Every resource the node offers, by its Resource parameter's value. */
const resources: Record<string, Resource> = {
	call: call.resource,
	group: group.resource,
	textConversation: textConversation.resource,
	user: user.resource,
};

/** A table's own entry: a value such as "constructor" names nothing. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Bad input (or a lookup that found no one) becomes a NodeOperationError naming the item; the rest passes. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof ItemError) return itemFailure(context.getNode(), error, itemIndex);
	if (error instanceof Error) {
		if ('context' in error && typeof error.context === 'object' && error.context !== null) {
			(error.context as IDataObject).itemIndex ??= itemIndex;
		}
		return error;
	}
	return new NodeOperationError(context.getNode(), String(error), { itemIndex });
}

/**
 * The error item of a failed input item ("Continue on Fail"): `{ error, message }`, the message and
 * what to do about it (the HTTP code and Convirza's request ID are in those texts). No other key, and
 * no item-level `error`: n8n 1.x sends an item to the error output of "Continue (using error output)"
 * only when its json is exactly `{ error }` or `{ error, message }` or it has `error` set (2.x also
 * accepts `details`), and an item-level `error` makes n8n replace the json with `{ error }` after
 * routing, dropping the input item it merged in (`handleNodeErrorOutput` and the normalising of node
 * errors in n8n-core's execution-engine/workflow-execute, 1.x and 2.x alike).
 */
function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	// 1.x routes `{ error, message }` only when the message is not empty.
	if (error.description) json.message = error.description;
	return { json, pairedItem: { item: itemIndex } };
}

interface Run {
	operation: OperationModule;
	services: RunServices;
	limit: ConcurrencyLimit;
}

/** What the whole run shares: the operation, and its services shaped by the run's Options. */
function setUp(context: IExecuteFunctions, itemCount: number): Run {
	const resource = own(resources, context.getNodeParameter('resource', 0) as string);
	const name = context.getNodeParameter('operation', 0) as string;
	const operation = resource && own(resource.operations, name);
	if (resource === undefined || operation === undefined) {
		throw new NodeOperationError(context.getNode(), `The operation "${name}" is not supported`);
	}
	const settings = readRunSettings(context);
	const limit =
		settings.concurrency === 0 ? ConcurrencyLimit.auto() : ConcurrencyLimit.fixed(settings.concurrency);
	const client = new ConvirzaClient(context, settings.policy, limit);
	return { operation, services: resource.services(client, itemCount), limit };
}

/**
 * Runs the chosen operation once per input item. Each item yields exactly one output item, in input
 * order, linked to it by pairedItem: a result, or (with "Continue on Fail") an error item. Without
 * it, the first failing item stops the node with its error; no new item starts after a failure.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	let run: Run;
	try {
		run = setUp(this, items.length);
	} catch (caught) {
		// The node is misconfigured for every item alike: one error item per input item, or the error.
		const error = asNodeError(this, caught, 0);
		if (!this.continueOnFail()) throw error;
		return [items.map((_, itemIndex) => errorItem(error, itemIndex))];
	}
	const { operation, services, limit } = run;
	const results: INodeExecutionData[][] = new Array(items.length);
	let firstError: { index: number; error: Error } | undefined;

	await forEachBounded({
		count: items.length,
		limit,
		read: (itemIndex) => operation.read.call(this, itemIndex),
		run: async (itemIndex, prepared) => {
			try {
				if ('error' in prepared) throw prepared.error;
				const output = await operation.execute.call(this, prepared.input, itemIndex, services);
				results[itemIndex] = this.helpers.constructExecutionMetaData(
					output instanceof OutputItems ? output.items : this.helpers.returnJsonArray(output),
					{ itemData: { item: itemIndex } },
				);
			} catch (caught) {
				const error = asNodeError(this, caught, itemIndex);
				if (this.continueOnFail()) {
					results[itemIndex] = [errorItem(error, itemIndex)];
				} else if (firstError === undefined || itemIndex < firstError.index) {
					firstError = { index: itemIndex, error };
				}
			}
		},
		shouldStop: () => firstError !== undefined && !this.continueOnFail(),
	});
	if (firstError !== undefined) throw firstError.error;
	return [results.flat()];
}
