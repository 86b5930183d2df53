import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ConvirzaClient } from '../transport';

/** What the items of one execution share, whatever the resource: the client. */
export interface RunServices {
	client: ConvirzaClient;
}

/**
 * One operation file: its parameters, and what it does for one item in two steps. `read` takes the
 * item's parameters and checks them without sending anything, so the scheduler may run it for the
 * next items while earlier ones wait on Convirza; `execute` sends the item's requests.
 */
export interface OperationModule<Input = unknown, Services extends RunServices = RunServices> {
	description: INodeProperties[];
	read(this: IExecuteFunctions, itemIndex: number): Input;
	execute(
		this: IExecuteFunctions,
		input: Input,
		itemIndex: number,
		run: Services,
	): Promise<IDataObject | IDataObject[] | OutputItems>;
}

/** An operation's output when its items carry more than JSON (a file as binary data). */
export class OutputItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

/** The services of a resource whose items share nothing but the client. */
export function clientServices(client: ConvirzaClient): RunServices {
	return { client };
}

/**
 * A resource (a folder under actions/): its operations by value, and the services its items share in
 * one execution (the user resource adds its directory of users and its same-key queue). The router
 * knows no resource's services; it asks the resource for them once per execution.
 */
export interface Resource<Services extends RunServices = RunServices> {
	operations: Record<string, OperationModule<unknown, Services>>;
	services(client: ConvirzaClient, itemCount: number): Services;
}
