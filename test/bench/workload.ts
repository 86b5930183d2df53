/**
 * What the bench sends: CRM contacts (one per distinct Convirza user) with a value for each of the
 * 13 Update User fields, the Convirza node parameters that map them by expression, and the
 * identical PUT body the raw client builds itself.
 */
import type { INodeParameters } from 'n8n-workflow';

import { byId } from '../engine/convirzaWorkflow';

export interface Contact {
	id: number;
	email: string;
	first: string;
	last: string;
	role: 'Admin' | 'Standard' | 'ReadOnly';
	crmId: string;
	status: 'active' | 'inactive';
	nickname: string;
	timezone: string;
	phone: string;
	agentCode: number;
	team: number;
	scoreCalls: boolean;
	audio: boolean;
}

export const FIRST = ['Maya', 'Daniel', 'Aisha', 'Tomás', 'Lena', 'Kofi', 'Sara', 'Jonas', 'Mei', 'Ravi', 'Elif', 'Owen'];
export const LAST = ['Hart', 'Okoro', 'Lindqvist', 'Moreau', 'Tan', 'Alvarez', 'Novak', 'Byrne', 'Sato', 'Fischer', 'Reyes'];
export const TIMEZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'UTC'];
/** Active Acme teams and regions, all inside the seeded admin's hierarchy. */
export const TEAMS = [70035, 70036, 70040, 65000, 65001];

/** Contacts for the given users; `run` changes the CRM id so every run really changes something. */
export function contacts(userIds: readonly number[], run: number): Contact[] {
	return userIds.map((id, k) => {
		const first = FIRST[k % FIRST.length];
		const last = LAST[(k * 7) % LAST.length];
		const slug = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
		return {
			id,
			email: `${slug}.${id}@acme-corp.example`,
			first,
			last,
			role: k % 20 === 0 ? 'Admin' : k % 5 === 0 ? 'ReadOnly' : 'Standard',
			crmId: `CRM-${run}-${String(id).padStart(6, '0')}`,
			status: k % 13 === 0 ? 'inactive' : 'active',
			nickname: `${first.slice(0, 3)} ${last[0]}.`,
			timezone: TIMEZONES[k % TIMEZONES.length],
			phone: `+1206555${String(k % 10_000).padStart(4, '0')}`,
			agentCode: 1000 + k,
			team: TEAMS[k % TEAMS.length],
			scoreCalls: k % 3 !== 0,
			audio: k % 4 !== 0,
		};
	});
}

/** Convirza node parameters: every field set by expression, one PUT per item (no GET first). */
export function nodeParameters(concurrency: number, extraOptions: INodeParameters = {}): INodeParameters {
	return {
		userId: byId('={{ $json.id }}'),
		updateFields: {
			email: '={{ $json.email }}',
			firstName: '={{ $json.first }}',
			lastName: '={{ $json.last }}',
			role: '={{ $json.role }}',
			externalId: '={{ $json.crmId }}',
			status: '={{ $json.status }}',
			aliases: '={{ $json.nickname }}',
			timezone: '={{ $json.timezone }}',
			agentRingTo: '={{ $json.phone }}',
			agentCode: '={{ $json.agentCode }}',
			group: { __rl: true, mode: 'id', value: '={{ $json.team }}' },
			scoreCalls: '={{ $json.scoreCalls }}',
			accessAudio: '={{ $json.audio }}',
		},
		options: { concurrency, fillUnsetFields: false, ...extraOptions },
	};
}

/** The body the node sends for a contact (the node's validators leave these values unchanged). */
export function putBody(c: Contact): Record<string, unknown> {
	return {
		username: c.email,
		first_name: c.first,
		last_name: c.last,
		role: c.role,
		user_ext_id: c.crmId,
		user_status: c.status,
		aliases: c.nickname,
		timezone: c.timezone,
		agent_ring_to: c.phone,
		agent_code: c.agentCode,
		ct_user_ou_id: c.team,
		score_call: c.scoreCalls,
		access_audio: c.audio,
	};
}

/**
 * Diagnostic: the user id by expression, 12 fields as fixed values (Email left out: one address
 * for every user would be refused). Shows how much of the node's cost is n8n's per-expression
 * work: every expression gets a fresh WorkflowDataProxy.
 */
export function fixedFieldsParameters(concurrency: number): INodeParameters {
	return {
		userId: byId('={{ $json.id }}'),
		updateFields: {
			firstName: 'Maya',
			lastName: 'Hart',
			role: 'Standard',
			externalId: 'CRM-000001',
			status: 'active',
			aliases: 'May H.',
			timezone: 'America/Chicago',
			agentRingTo: '+12065550100',
			agentCode: 1000,
			group: { __rl: true, mode: 'id', value: '70035' },
			scoreCalls: true,
			accessAudio: false,
		},
		options: { concurrency, fillUnsetFields: false },
	};
}

/**
 * The input item for mapping without expressions: the user id and the whole PUT body in `$json`,
 * keyed by Convirza's body field names, as a CRM step (or an Edit Fields node in JSON mode) would
 * shape it for the node's "Map Automatically" mode (auto-map.ts).
 */
export function bodyItem(c: Contact): Record<string, unknown> {
	return { id: c.id, ...putBody(c) };
}
