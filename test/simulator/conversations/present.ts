// A stored call as the calls listing shows it: the shape (rows' start key) and the asked expansions,
// the recording as a signed URL on the recording endpoint that expires 7 days after this fetch.
import { createHmac } from 'node:crypto';
import { CAMPAIGNS, DAY_MS, flowById } from './fixture';
import type { ApiCall, CallInclude, CallRecord, CallShape } from './types';
import type { SimState } from '../state';

/** Signs recording URLs; a URL whose signature does not match answers 403. */
const SIGNING_KEY = 'simulator-recording-signing-key';

export function recordingSignature(callId: number, expires: number): string {
	return createHmac('sha256', SIGNING_KEY).update(`${callId}.${expires}`).digest('hex').slice(0, 32);
}

/** Documented: signed URLs are valid 7 days from the fetch; `expires_at` is in Unix seconds. */
export function recordingDetails(call: CallRecord, origin: string, now: number): Record<string, unknown> {
	const expires = Math.floor((now + 7 * DAY_MS) / 1000);
	const url = `${origin}/recordings/${call.call_id}.wav?expires=${expires}&signature=${recordingSignature(call.call_id, expires)}`;
	const seconds = call.endedAt === null ? 0 : Math.round((call.endedAt - call.startedAt) / 1000);
	return { url, expires_at: expires, duration: seconds, format: 'wav' };
}

export interface PresentContext {
	state: SimState;
	shape: CallShape;
	includes: ReadonlySet<CallInclude>;
	origin: string;
	now: number;
}

export function toApiCall(call: CallRecord, ctx: PresentContext): ApiCall {
	const flow = flowById(call.provisioned_route_id);
	const row: ApiCall = {
		call_id: call.call_id,
		[ctx.shape.startKey]: new Date(call.startedAt).toISOString(),
		call_ended: call.endedAt === null ? null : new Date(call.endedAt).toISOString(),
		duration: call.endedAt === null ? null : Math.round((call.endedAt - call.startedAt) / 1000),
		caller_id: call.caller_id,
		caller_name: call.caller_name,
		phone_number: call.phone_number,
		ring_to: call.ring_to,
		disposition: call.disposition,
		org_unit_id: call.org_unit_id,
		org_unit_name: ctx.state.orgUnits.get(call.org_unit_id)?.name ?? null,
		campaign_id: call.campaign_id,
		campaign_name: CAMPAIGNS.find((c) => c.id === call.campaign_id)?.name ?? null,
		provisioned_route_id: call.provisioned_route_id,
		provisioned_route_name: flow?.name ?? null,
		ad_source: flow?.source ?? null,
		has_recording: call.hasRecording,
	};
	const has = (include: CallInclude) => ctx.includes.has(include);
	if (has('tags')) row.tags = call.tags.map((name, i) => ({ tag_id: 100 + i, tag_name: name }));
	if (has('comments')) {
		row.comments = call.comments.map((text, i) => ({
			comment_id: call.call_id * 10 + i,
			comment: text,
			ct_user_id: 10001,
			created_at: new Date((call.endedAt ?? call.startedAt) + 60_000).toISOString(),
		}));
	}
	if (has('custom_sources')) row.custom_sources = call.utm;
	if (has('call_flow')) {
		row.call_flow = flow && { provisioned_route_id: flow.id, route_name: flow.name, tracking_number: flow.phone_number, ring_to: flow.ring_to, routing: 'simple' };
	}
	if (has('recordings')) row.recording_details = call.hasRecording && call.endedAt !== null ? recordingDetails(call, ctx.origin, ctx.now) : null;
	if (has('transcription')) row.transcription = call.transcript === null ? null : { text: call.transcript, language: 'en-US' };
	return row;
}
