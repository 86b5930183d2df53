// GET /v3/auth/profile: the caller's own profile (any valid token, any role).
//
// The response shape is inferred (Convirza documents the path, not the answer): the standard
// envelope whose `data` is the login's documented `user` object (user_id, email, role_id as
// 1 Admin / 2 Standard / 3 ReadOnly, org_unit_id) plus the names and the role's display name as
// user rows show it ("Standard User"). The credential test reads `data.role_id` and `data.role`
// here (it also looks in `data.user` and in an unwrapped body) to refuse a user who is not an Admin.
import { ok } from '../envelope';
import { ROLE_DISPLAY_NAMES, ROLE_IDS } from '../roles';
import type { Reply, RouteContext, UserRecord } from '../types';

export function handleProfile(ctx: RouteContext, caller: UserRecord): Reply | undefined {
	if (ctx.path !== '/v3/auth/profile' || ctx.method !== 'GET') return undefined;
	return ok(
		{
			user_id: caller.id,
			email: caller.username,
			first_name: caller.first_name,
			last_name: caller.last_name,
			role_id: ROLE_IDS[caller.role],
			role: caller.roleDisplay ?? ROLE_DISPLAY_NAMES[caller.role],
			org_unit_id: caller.ct_user_ou_id,
		},
		ctx.requestId,
	);
}
