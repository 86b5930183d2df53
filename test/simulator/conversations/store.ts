// The conversations a simulator holds: its calls (the fixture, then whatever a test adds) and its
// text conversations. Built on first use, so a test that never touches calls never pays for them.
import { CALL_FLOWS, FIRST_CALL_ID, fixtureCalls, fixtureTexts, flowById, makeCall } from './fixture';
import { mulberry32 } from '../faults';
import type { CallRecord, NewCall, TextChange, TextRecord } from './types';

export interface FixtureSize {
	calls: number;
	days: number;
	/** the fixture's calls end here (ms); the simulator's clock when it started */
	anchor: number;
	/** who "Assigned to Me" means in the text fixture */
	assignee: number;
}

/** A time given as ms or as ISO text, checked. */
export function toMs(value: number | string, what: string): number {
	const ms = typeof value === 'number' ? value : Date.parse(value);
	if (!Number.isFinite(ms)) throw new Error(`simulator: ${what} is not a time: ${String(value)}`);
	return ms;
}

export class ConversationStore {
	private built?: { calls: Map<number, CallRecord>; texts: Map<number, TextRecord> };
	private readonly rand = mulberry32(1919);

	constructor(
		private readonly size: FixtureSize,
		private readonly now: () => number,
	) {}

	private get data(): { calls: Map<number, CallRecord>; texts: Map<number, TextRecord> } {
		this.built ??= {
			calls: new Map(fixtureCalls(this.size.calls, this.size.days, this.size.anchor).map((c) => [c.call_id, c])),
			texts: new Map(fixtureTexts(36, this.size.anchor, this.size.assignee).map((t) => [t.row.conversation_id, t])),
		};
		return this.built;
	}

	get calls(): ReadonlyMap<number, CallRecord> {
		return this.data.calls;
	}

	get texts(): ReadonlyMap<number, TextRecord> {
		return this.data.texts;
	}

	addCall(spec: NewCall): CallRecord {
		const calls = this.data.calls;
		let next = FIRST_CALL_ID;
		for (const id of calls.keys()) next = Math.max(next, id + 1);
		const id = spec.call_id ?? next;
		if (calls.has(id)) throw new Error(`simulator: call ${id} exists already`);
		const flowId = spec.provisioned_route_id ?? CALL_FLOWS[0].id;
		const flow = flowById(flowId);
		if (flow === undefined) throw new Error(`simulator: no call flow ${flowId}`);
		const startedAt = spec.started === undefined ? this.now() : toMs(spec.started, 'started');
		const call = makeCall(id, startedAt, flow, this.rand);
		const duration = spec.duration ?? 120;
		const outcome = spec.disposition ?? 'ANSWERED';
		Object.assign(call, {
			org_unit_id: spec.org_unit_id ?? flow.org_unit_id,
			endedAt: spec.inProgress ? null : spec.ended === undefined ? startedAt + duration * 1000 : toMs(spec.ended, 'ended'),
			caller_id: spec.caller_id ?? call.caller_id,
			caller_name: spec.caller_name === undefined ? call.caller_name : spec.caller_name,
			phone_number: spec.phone_number ?? flow.phone_number,
			ring_to: spec.ring_to ?? flow.ring_to,
			campaign_id: spec.campaign_id ?? flow.campaign_id,
			disposition: outcome,
			hasRecording: spec.recording ?? (outcome === 'ANSWERED' || outcome === 'VOICEMAIL' || outcome === 'TRANSFERRED'),
			tags: spec.tags ?? call.tags,
			transcript: spec.transcript === undefined ? call.transcript : spec.transcript,
		});
		calls.set(id, call);
		return call;
	}

	/** Ends a call in progress (now, or at `at`); from then on listings show it. */
	endCall(id: number, at?: number | string): CallRecord {
		const call = this.data.calls.get(id);
		if (call === undefined) throw new Error(`simulator: no call ${id}`);
		if (call.endedAt !== null) throw new Error(`simulator: call ${id} has ended already`);
		call.endedAt = at === undefined ? Math.max(this.now(), call.startedAt) : toMs(at, 'at');
		return call;
	}

	addText(change: TextChange): TextRecord {
		const texts = this.data.texts;
		let next = 5001;
		for (const id of texts.keys()) next = Math.max(next, id + 1);
		const at = new Date(change.at === undefined ? this.now() : toMs(change.at, 'at')).toISOString();
		const record: TextRecord = {
			contactName: change.contact_name ?? 'New Contact',
			org_unit_id: change.org_unit_id ?? 70035,
			row: {
				conversation_id: next,
				phone_number: change.phone_number ?? `1206555${String(next).slice(-4)}`,
				first_response_time: null,
				avg_response_time: null,
				sms_type: change.sms_type ?? 'incoming',
				conversation_started: at,
				conversation_updated: at,
				source: 'tracking_number',
				source_name: 'Sales Main Line',
				conversation_status: 'unread',
				ct_user_id: change.ct_user_id ?? null,
				pin: false,
				message: change.message ?? 'Hello',
				unread_count: 1,
				agent: null,
				closed_at: null,
			},
		};
		texts.set(next, record);
		if (change.closed) this.updateText(next, { closed: true, at });
		return record;
	}

	updateText(id: number, change: TextChange): TextRecord {
		const record = this.data.texts.get(id);
		if (record === undefined) throw new Error(`simulator: no text conversation ${id}`);
		const at = new Date(change.at === undefined ? this.now() : toMs(change.at, 'at')).toISOString();
		const row = record.row;
		if (change.contact_name !== undefined) record.contactName = change.contact_name;
		if (change.org_unit_id !== undefined) record.org_unit_id = change.org_unit_id;
		if (change.phone_number !== undefined) row.phone_number = change.phone_number;
		if (change.ct_user_id !== undefined) row.ct_user_id = change.ct_user_id;
		if (change.message !== undefined) {
			row.message = change.message;
			row.sms_type = change.sms_type ?? 'incoming';
			row.conversation_updated = at;
			row.unread_count += 1;
			if (row.conversation_status !== 'closed') row.conversation_status = 'unread';
		}
		if (change.closed === true) {
			row.conversation_status = 'closed';
			row.closed_at = at;
			row.conversation_updated = at;
		} else if (change.closed === false) {
			row.conversation_status = 'read';
			row.closed_at = null;
			row.conversation_updated = at;
		}
		return record;
	}
}
