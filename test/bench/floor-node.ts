/**
 * The n8n floor: the least any node can do for these PUTs inside n8n's rules, so the bench can
 * tell n8n's own cost from the Convirza node's. It runs under the Convirza node's name and
 * parameters, through the same engine, credential and `httpRequestWithAuthentication`, with N
 * requests in flight, and does nothing else: no checks, no retries, no timeout, no error items.
 *
 * - 'expressions': reads User and the 13 Update Fields per item with getNodeParameter, so n8n
 *   evaluates the same 14 expressions per item as for the node.
 * - 'item': takes the PUT body from the input item itself; no expression at all.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { putBody, type Contact } from './workload';

const built = require('../../dist/nodes/Convirza/Convirza.node.js') as { Convirza: new () => INodeType };

export type FloorMode = 'expressions' | 'item';

/** Update Fields parameter name → PUT body field, as the node maps them (group is a locator). */
const BODY_NAMES: Record<string, string> = {
	email: 'username',
	firstName: 'first_name',
	lastName: 'last_name',
	role: 'role',
	externalId: 'user_ext_id',
	status: 'user_status',
	aliases: 'aliases',
	timezone: 'timezone',
	agentRingTo: 'agent_ring_to',
	agentCode: 'agent_code',
	scoreCalls: 'score_call',
	accessAudio: 'access_audio',
};

function bodyFromParameters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (name === 'group') body.ct_user_ou_id = Number((value as IDataObject).value);
		else body[BODY_NAMES[name]] = value;
	}
	return body;
}

export function floorNode(mode: FloorMode, inFlight: number): INodeType {
	return {
		// The node's own description, so the engine keeps the same parameters.
		description: new built.Convirza().description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('convirzaApi');
			const output: INodeExecutionData[] = new Array(items.length);
			let next = 0;
			const worker = async (): Promise<void> => {
				while (next < items.length) {
					const i = next++;
					const contact = items[i].json as unknown as Contact;
					const userId =
						mode === 'item' ? contact.id : this.getNodeParameter('userId', i, undefined, { extractValue: true });
					const body = mode === 'item' ? putBody(contact) : bodyFromParameters(this, i);
					const json = (await this.helpers.httpRequestWithAuthentication.call(this, 'convirzaApi', {
						method: 'PUT',
						url: `${baseUrl}/users/${String(userId)}`,
						body,
						json: true,
					})) as IDataObject;
					output[i] = { json, pairedItem: { item: i } };
				}
			};
			await Promise.all(Array.from({ length: inFlight }, worker));
			return [output];
		},
	};
}
