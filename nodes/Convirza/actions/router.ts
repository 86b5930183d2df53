import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { ConcurrencyLimit, forEachBounded } from './concurrency';
import { readRunSettings } from './common/requestOptions';
import type { OperationModule } from './types';
import * as user from './user';
import { InputError } from '../helpers/InputError';
import { ConvirzaClient } from '../transport';

const resources: Record<string, Record<string, OperationModule>> = {
	user: user.operations,
};

/** Bad input becomes a NodeOperationError naming the parameter and the item; the rest passes. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof InputError) {
		return new NodeOperationError(context.getNode(), `${error.message} (item ${itemIndex})`, {
			description: error.fix,
			itemIndex,
		});
	}
	if (error instanceof Error) {
		if ('context' in error && typeof error.context === 'object' && error.context !== null) {
			(error.context as IDataObject).itemIndex ??= itemIndex;
		}
		return error;
	}
	return new NodeOperationError(context.getNode(), String(error), { itemIndex });
}

/** The error item routed to the error output ("Continue (using error output)"). */
function errorItem(error: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject }, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error.httpCode) details.httpCode = error.httpCode;
	if (error.context?.requestId) details.requestId = error.context.requestId;
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation once per input item. Each item yields exactly one output item, in input
 * order, linked to it by pairedItem: a result, or (with "Continue on Fail") an error item. Without
 * it, the first failing item stops the node with its error; no new item starts after a failure.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	let firstError: { index: number; error: Error } | undefined;

	let operation: OperationModule | undefined;
	let client: ConvirzaClient | undefined;
	let limit = ConcurrencyLimit.fixed(1);
	try {
		const resource = this.getNodeParameter('resource', 0) as string;
		const name = this.getNodeParameter('operation', 0) as string;
		operation = resources[resource]?.[name];
		if (operation === undefined) {
			throw new NodeOperationError(this.getNode(), `The operation "${name}" is not supported`);
		}
		const settings = readRunSettings(this);
		limit = settings.concurrency === 0 ? ConcurrencyLimit.auto() : ConcurrencyLimit.fixed(settings.concurrency);
		client = new ConvirzaClient(this, settings.policy, limit);
	} catch (error) {
		// The node is misconfigured for every item alike; still one error item per input item.
		firstError = { index: 0, error: asNodeError(this, error, 0) };
	}

	/** An item's parameters, read and checked (or the error that gave), waiting for its turn. */
	const prepared = new Map<number, { input: unknown } | { error: unknown }>();
	const prepare = (itemIndex: number): void => {
		try {
			prepared.set(itemIndex, { input: operation?.read.call(this, itemIndex) });
		} catch (error) {
			// Kept for the item's turn: earlier items still run first, exactly as without look-ahead.
			prepared.set(itemIndex, { error });
		}
	};

	const runItem = async (itemIndex: number): Promise<void> => {
		try {
			if (operation === undefined || client === undefined) throw firstError?.error;
			if (!prepared.has(itemIndex)) prepare(itemIndex);
			const ready = prepared.get(itemIndex);
			prepared.delete(itemIndex);
			if (ready === undefined || 'error' in ready) throw ready?.error;
			const output = await operation.execute.call(this, ready.input, itemIndex, client);
			results[itemIndex] = this.helpers.constructExecutionMetaData(
				this.helpers.returnJsonArray(output),
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
	};

	if (firstError !== undefined && this.continueOnFail()) {
		const { error } = firstError;
		return [items.map((_, itemIndex) => errorItem(error, itemIndex))];
	}
	await forEachBounded({
		count: items.length,
		limit,
		run: runItem,
		prepare,
		shouldStop: () => firstError !== undefined && !this.continueOnFail(),
	});
	if (firstError !== undefined) throw firstError.error;
	return [results.flat()];
}
