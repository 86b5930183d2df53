// What every route module receives besides the request (the state and the mutable settings), and
// the checks the list routes share.
import { fail } from '../envelope';
import { intParam, rejectEmptyParams } from '../query';
import type { ConversationStore } from '../conversations/store';
import type { SimState } from '../state';
import type { Reply, RouteContext, Settings, UserRecord } from '../types';

export interface Services {
	state: SimState;
	settings: Settings;
	conversations: ConversationStore;
}

/** The simulator's clock: frozen where a test set it (sim.setNow), else the real time. */
export function simNow(settings: Settings): number {
	return settings.nowMs ?? Date.now();
}

/**
 * The `org_unit_id` a list is scoped to (default: the caller's own group) after refusing empty
 * parameters, or the 400 Convirza answers for a group outside the caller's hierarchy.
 */
export function scopedOrgUnit(ctx: RouteContext, caller: UserRecord, svc: Services): { ou: number } | { refused: Reply } {
	rejectEmptyParams(ctx.query);
	const ou = intParam(ctx.query, 'org_unit_id', caller.ct_user_ou_id, 0, Number.MAX_SAFE_INTEGER);
	if (!svc.state.inHierarchy(caller.ct_user_ou_id, ou)) {
		return { refused: fail(400, 'Org unit is outside your hierarchy', ctx.path, ctx.requestId) };
	}
	return { ou };
}
