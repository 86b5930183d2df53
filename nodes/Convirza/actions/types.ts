import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ConvirzaClient } from '../transport';

/** One operation file: its parameters and what it does for one item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: ConvirzaClient,
	): Promise<IDataObject | IDataObject[]>;
}
