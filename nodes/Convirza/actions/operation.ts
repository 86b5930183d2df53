import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ConvirzaClient } from '../transport';

/**
 * One operation file: its parameters, and what it does for one item in two steps. `read` takes the
 * item's parameters and checks them without sending anything, so the router may run it for the next
 * items while earlier ones wait on Convirza; `execute` sends the item's requests.
 */
export interface OperationModule<Input = unknown> {
	description: INodeProperties[];
	read(this: IExecuteFunctions, itemIndex: number): Input;
	execute(
		this: IExecuteFunctions,
		input: Input,
		itemIndex: number,
		client: ConvirzaClient,
	): Promise<IDataObject | IDataObject[]>;
}
