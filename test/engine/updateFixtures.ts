/** Shared values for the User → Update engine tests. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { ConvirzaSimulator, LoggedRequest } from '../simulator';

/** Every Update Field set, as an operator would fill the form (group picked by ID). */
export const ALL_FIELDS = {
	accessAudio: false,
	agentCode: 42,
	agentRingTo: '+1 (206) 555-0199',
	aliases: 'Johnny D',
	email: 'johnny.doe@example.com',
	externalId: 'CRM-0042',
	firstName: 'Johnny',
	group: { __rl: true, mode: 'id', value: '70036' },
	lastName: 'Doe-Smith',
	role: 'ReadOnly',
	scoreCalls: false,
	status: 'inactive',
	timezone: 'Europe/Berlin',
};

/** The PUT body those fields must produce, keys in the node's documented order. */
export const ALL_FIELDS_BODY = {
	username: 'johnny.doe@example.com',
	first_name: 'Johnny',
	last_name: 'Doe-Smith',
	role: 'ReadOnly',
	user_ext_id: 'CRM-0042',
	user_status: 'inactive',
	aliases: 'Johnny D',
	timezone: 'Europe/Berlin',
	agent_ring_to: '+12065550199',
	agent_code: 42,
	ct_user_ou_id: 70036,
	score_call: false,
	access_audio: false,
};

/** What the simulator saw, as "METHOD /path", without the request ids. */
export function calls(sim: ConvirzaSimulator, filter: (entry: LoggedRequest) => boolean = () => true): string[] {
	return sim.log.filter(filter).map((entry) => `${entry.method} ${entry.url}`);
}

export function jsonOf(items: INodeExecutionData[]) {
	return items.map((item) => item.json);
}

export function pairedOf(items: INodeExecutionData[]) {
	return items.map((item) => item.pairedItem);
}
