// GET /v3/auth/profile: the caller's own profile (any valid token). Response shape is inferred.
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
