// GET /v3/conversations/calls with the documented rules: limit required (1–200), start/end in ISO
// UTC (default the last 7 days, end after start, at most 31 days apart), call_id single-record mode
// (range and paging ignored), an org unit outside the caller's scope → 403, include expansions.
// The window filters on the call's START time, inclusive at both ends, and a call in progress is not
// listed until it ends (so a later read of the same window may find more calls). The rows' order is
// undocumented: the simulator lists by group, then call ID, deliberately not by time.
import { fail, ok } from '../envelope';
import { intParam, listParam, QueryError, rejectEmptyParams, timeParam } from '../query';
import { DAY_MS } from '../conversations/fixture';
import { toApiCall, type PresentContext } from '../conversations/present';
import { CALL_INCLUDES, DISPOSITIONS, type CallRecord } from '../conversations/types';
import type { Reply, RouteContext, UserRecord } from '../types';
import { simNow, type Services } from './context';

const E164 = /^\+[1-9][0-9]{7,14}$/;
const MAX_SPAN_MS = 31 * DAY_MS;

function phoneParam(q: URLSearchParams, name: string): string | undefined {
	const raw = q.get(name);
	if (raw !== null && !E164.test(raw)) throw new QueryError(`Query parameter '${name}' must be an E.164 number such as +15551234567`);
	return raw ?? undefined;
}

export function handleCalls(ctx: RouteContext, caller: UserRecord, svc: Services): Reply | undefined {
	if (ctx.path !== '/v3/conversations/calls' || ctx.method !== 'GET') return undefined;
	const q = ctx.query;
	rejectEmptyParams(q);
	if (q.get('limit') === null) throw new QueryError("Query parameter 'limit' is required");
	const limit = intParam(q, 'limit', 0, 1, 200);
	const offset = intParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
	const ou = intParam(q, 'org_unit_id', caller.ct_user_ou_id, 0, Number.MAX_SAFE_INTEGER);
	if (!svc.state.inHierarchy(caller.ct_user_ou_id, ou)) {
		return fail(403, 'Org unit is outside your scope', ctx.path, ctx.requestId);
	}
	const now = simNow(svc.settings);
	const present: PresentContext = {
		state: svc.state,
		shape: svc.settings.callShape,
		includes: new Set(listParam(q, 'include', CALL_INCLUDES) ?? []),
		origin: svc.settings.origin,
		now,
	};
	const units = svc.state.subtree(ou);
	const rows = (calls: CallRecord[]) => ({ [svc.settings.callShape.listKey]: calls.map((c) => toApiCall(c, present)), total: calls.length });

	const callId = q.get('call_id');
	if (callId !== null) {
		const id = intParam(q, 'call_id', 0, 1, Number.MAX_SAFE_INTEGER);
		const call = svc.conversations.calls.get(id);
		if (call === undefined || !units.has(call.org_unit_id)) return fail(404, 'Call not found', ctx.path, ctx.requestId);
		return ok(rows([call]), ctx.requestId);
	}

	const startParam = timeParam(q, 'start');
	const endParam = timeParam(q, 'end');
	const end = endParam ?? (startParam === undefined ? now : Math.max(now, startParam));
	const start = startParam ?? end - 7 * DAY_MS;
	if (end <= start) throw new QueryError("'end' must be after 'start'");
	if (end - start > MAX_SPAN_MS) throw new QueryError('The date range between start and end must not exceed 31 days');

	const campaign = q.get('campaign_id') === null ? undefined : intParam(q, 'campaign_id', 0, 1, Number.MAX_SAFE_INTEGER);
	const route = q.get('provisioned_route_id') === null ? undefined : intParam(q, 'provisioned_route_id', 0, 1, Number.MAX_SAFE_INTEGER);
	const callerId = phoneParam(q, 'caller_id');
	const tracking = phoneParam(q, 'phone_number');
	const ringTo = phoneParam(q, 'ring_to');
	const dispositions = listParam(q, 'disposition', DISPOSITIONS);

	const found: CallRecord[] = [];
	for (const call of svc.conversations.calls.values()) {
		if (call.endedAt === null || !units.has(call.org_unit_id)) continue;
		if (call.startedAt < start || call.startedAt > end) continue;
		if (campaign !== undefined && call.campaign_id !== campaign) continue;
		if (route !== undefined && call.provisioned_route_id !== route) continue;
		if (callerId !== undefined && call.caller_id !== callerId) continue;
		if (tracking !== undefined && call.phone_number !== tracking) continue;
		if (ringTo !== undefined && call.ring_to !== ringTo) continue;
		if (dispositions !== undefined && !dispositions.includes(call.disposition)) continue;
		found.push(call);
	}
	found.sort((a, b) => a.org_unit_id - b.org_unit_id || a.call_id - b.call_id);
	const page = found.slice(offset, offset + limit);
	return ok({ ...rows(page), total: found.length }, ctx.requestId);
}
