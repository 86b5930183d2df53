// Conversations (calls and texts) in the simulator: what it stores, and what a test may ask it to add.

export const DISPOSITIONS = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'VOICEMAIL', 'ABANDONED', 'TRANSFERRED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The `include` expansions Convirza documents for calls. */
export const CALL_INCLUDES = ['tags', 'comments', 'custom_sources', 'call_flow', 'recordings', 'transcription'] as const;
export type CallInclude = (typeof CALL_INCLUDES)[number];

/** The start time's key in call rows: undocumented, one of these three (see setCallShape). */
export type CallStartKey = 'call_started' | 'start_time' | 'call_start';

/** How call listings are shaped (undocumented, so tests vary it): the rows' key under `data`, the start key. */
export interface CallShape {
	listKey: string;
	startKey: CallStartKey;
}

export interface Utm {
	utm_source: string;
	utm_medium: string;
	utm_campaign: string;
	utm_term: string | null;
	utm_content: string | null;
}

/** A call as stored. Times in ms; `endedAt` null while the call is in progress (it is not listed then). */
export interface CallRecord {
	call_id: number;
	org_unit_id: number;
	startedAt: number;
	endedAt: number | null;
	caller_id: string;
	caller_name: string | null;
	phone_number: string;
	ring_to: string;
	campaign_id: number;
	provisioned_route_id: number;
	disposition: Disposition;
	hasRecording: boolean;
	tags: string[];
	comments: string[];
	utm: Utm | null;
	transcript: string | null;
}

/** A call row as GET /v3/conversations/calls shows it (start key per CallShape; expansions per include). */
export type ApiCall = Record<string, unknown> & { call_id: number };

/** What sim.addCall takes: every field optional; times as ms or ISO text. */
export interface NewCall {
	call_id?: number;
	org_unit_id?: number;
	/** default: the simulator's now */
	started?: number | string;
	/** default: started + duration; ignored when inProgress */
	ended?: number | string;
	/** seconds; default 120 */
	duration?: number;
	/** true: not listed until sim.endCall(id) */
	inProgress?: boolean;
	caller_id?: string;
	caller_name?: string | null;
	/** a seeded call flow (tracking number, ring-to and campaign follow it unless given) */
	provisioned_route_id?: number;
	phone_number?: string;
	ring_to?: string;
	campaign_id?: number;
	disposition?: Disposition;
	/** default true for an answered call */
	recording?: boolean;
	tags?: string[];
	transcript?: string | null;
}

/** A text conversation as GET /v3/conversations/sms shows it (documented, field for field). */
export interface ApiTextConversation {
	conversation_id: number;
	phone_number: string;
	first_response_time: string | null;
	avg_response_time: string | null;
	sms_type: 'incoming' | 'outgoing';
	conversation_started: string;
	conversation_updated: string;
	source: string;
	source_name: string;
	conversation_status: 'unread' | 'read' | 'closed';
	ct_user_id: number | null;
	pin: boolean;
	message: string;
	unread_count: number;
	agent: string | null;
	closed_at: string | null;
}

/** A text conversation as stored: the row, the contact's name (searchable, not in rows) and its group. */
export interface TextRecord {
	row: ApiTextConversation;
	contactName: string;
	org_unit_id: number;
}

/** What sim.addTextConversation / updateTextConversation take. */
export interface TextChange {
	phone_number?: string;
	contact_name?: string;
	/** the new last message: conversation_updated becomes `at` (default now), unread_count grows by one */
	message?: string;
	at?: number | string;
	sms_type?: 'incoming' | 'outgoing';
	/** a user id, or null for unassigned */
	ct_user_id?: number | null;
	/** true closes the conversation (closed_at = at), false reopens it */
	closed?: boolean;
	org_unit_id?: number;
}
