import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { KeyedQueue } from './scheduler';
import type { UserDirectory } from './user/directory';
import type { ConvirzaClient } from '../transport';

/** What the items of one execution share. */
export interface RunServices {
	client: ConvirzaClient;
	/** Users looked up by email or External ID (one listing of the account serves every item). */
	users: UserDirectory;
	/** Items that share a key (e.g. the email Create or Update matches on) run in input order. */
	inOrder: KeyedQueue;
}

/**
 * One operation file: its parameters, and what it does for one item in two steps. `read` takes the
 * item's parameters and checks them without sending anything, so the scheduler may run it for the
 * next items while earlier ones wait on Convirza; `execute` sends the item's requests.
 */
export interface OperationModule<Input = unknown> {
	description: INodeProperties[];
	read(this: IExecuteFunctions, itemIndex: number): Input;
	execute(
		this: IExecuteFunctions,
		input: Input,
		itemIndex: number,
		run: RunServices,
	): Promise<IDataObject | IDataObject[]>;
}
