// GET /v3/conversations/sms (documented, answer included): type, search (≤ 255 characters, partial
// on the contact's name and number), order by last message (desc by default), limit (default 7,
// max 200), offset, start/end. The range's default and the time it filters on are not documented:
// here it filters on the last message's time (conversation_updated), and no range means all.
import { ok } from '../envelope';
import { enumParam, intParam, QueryError, rejectEmptyParams, timeParam } from '../query';
import type { TextRecord } from '../conversations/types';
import type { Reply, RouteContext, UserRecord } from '../types';
import type { Services } from './context';

const TYPES = ['allOpen', 'assignedToYou', 'unassigned', 'close'] as const;

function ofType(record: TextRecord, type: (typeof TYPES)[number], caller: UserRecord): boolean {
	const open = record.row.closed_at === null;
	if (type === 'close') return !open;
	if (type === 'assignedToYou') return open && record.row.ct_user_id === caller.id;
	if (type === 'unassigned') return open && record.row.ct_user_id === null;
	return open;
}

export function handleTexts(ctx: RouteContext, caller: UserRecord, svc: Services): Reply | undefined {
	if (ctx.path !== '/v3/conversations/sms' || ctx.method !== 'GET') return undefined;
	const q = ctx.query;
	rejectEmptyParams(q);
	const type = enumParam(q, 'type', TYPES) ?? 'allOpen';
	const order = enumParam(q, 'order', ['desc', 'asc'] as const) ?? 'desc';
	const limit = intParam(q, 'limit', 7, 1, 200);
	const offset = intParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
	const search = q.get('search');
	if (search !== null && search.length > 255) throw new QueryError("Query parameter 'search' must be at most 255 characters");
	const start = timeParam(q, 'start');
	const end = timeParam(q, 'end');
	if (start !== undefined && end !== undefined && end <= start) throw new QueryError("'end' must be after 'start'");

	const units = svc.state.subtree(caller.ct_user_ou_id);
	const needle = search?.toLowerCase();
	const digits = search?.replace(/\D/g, '');
	const found = [...svc.conversations.texts.values()].filter((record) => {
		if (!units.has(record.org_unit_id) || !ofType(record, type, caller)) return false;
		const updated = Date.parse(record.row.conversation_updated);
		if ((start !== undefined && updated < start) || (end !== undefined && updated > end)) return false;
		if (needle === undefined) return true;
		return record.contactName.toLowerCase().includes(needle) || (digits !== '' && record.row.phone_number.includes(digits ?? ''));
	});
	const dir = order === 'asc' ? 1 : -1;
	found.sort((a, b) => dir * (Date.parse(a.row.conversation_updated) - Date.parse(b.row.conversation_updated)) || a.row.conversation_id - b.row.conversation_id);
	return ok({ total: found.length, conversation: found.slice(offset, offset + limit).map((r) => ({ ...r.row })) }, ctx.requestId);
}
