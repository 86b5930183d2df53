// OAuth service (same server): POST /oauth/token, /oauth/refresh-token, /oauth/revoke-token. No Bearer needed.
import { fail, ok } from '../envelope';
import { ROLE_IDS } from '../roles';
import type { IssuedPair } from '../state';
import type { Reply, RouteContext, UserRecord } from '../types';
import type { Services } from './context';

export interface TokenResponse {
	access_token: string;
	refresh_token: string;
	frontend_token: string;
	token_type: 'Bearer';
	/** absolute ISO-8601 timestamp (documented), not seconds */
	expires_in: string;
	refresh_expires_in: string;
	user: { user_id: number; email: string; role_id: number; org_unit_id: number };
}

function asObject(ctx: RouteContext): Record<string, unknown> | undefined {
	const b = ctx.body;
	return !ctx.bodyInvalid && b !== null && typeof b === 'object' && !Array.isArray(b)
		? (b as Record<string, unknown>)
		: undefined;
}

function tokenReply(ctx: RouteContext, svc: Services, user: UserRecord, pair: IssuedPair): Reply {
	const body: TokenResponse = {
		access_token: pair.access,
		refresh_token: pair.refresh,
		frontend_token: pair.frontend,
		token_type: 'Bearer',
		expires_in: new Date(pair.accessExpiresAt).toISOString(),
		refresh_expires_in: new Date(pair.refreshExpiresAt).toISOString(),
		user: { user_id: user.id, email: user.username, role_id: ROLE_IDS[user.role], org_unit_id: user.ct_user_ou_id },
	};
	return svc.settings.loginShape === 'envelope' ? ok(body, ctx.requestId) : { status: 200, body };
}

export function handleOAuth(ctx: RouteContext, svc: Services): Reply | undefined {
	if (ctx.method !== 'POST') return undefined;
	switch (ctx.path) {
		case '/oauth/token':
			return login(ctx, svc);
		case '/oauth/refresh-token':
			return refresh(ctx, svc);
		case '/oauth/revoke-token':
			return revoke(ctx, svc);
		default:
			return undefined;
	}
}

function login(ctx: RouteContext, svc: Services): Reply {
	const { state, settings } = svc;
	const wait = state.takeLoginAttempt(ctx.remoteAddress, settings.loginRateLimitPerMinute);
	if (wait !== undefined) {
		return fail(429, 'Too many login attempts', ctx.path, ctx.requestId, { 'Retry-After': String(wait) });
	}
	const b = asObject(ctx);
	if (!b || typeof b.email !== 'string' || typeof b.password !== 'string') {
		return fail(400, 'email and password are required', ctx.path, ctx.requestId);
	}
	const id = state.userIdByEmail(b.email);
	const user = id === undefined ? undefined : state.users.get(id);
	if (!user || !state.checkPassword(user.id, b.password)) {
		return fail(401, 'Invalid email or password', ctx.path, ctx.requestId);
	}
	if (user.user_status !== 'active') return fail(401, 'Account is not active', ctx.path, ctx.requestId);
	state.loginCount++;
	return tokenReply(ctx, svc, user, state.issuePair(user.id, settings.accessTokenTtlMs, settings.refreshTokenTtlMs));
}

function refresh(ctx: RouteContext, svc: Services): Reply {
	const { state, settings } = svc;
	const b = asObject(ctx);
	if (!b || typeof b.refresh_token !== 'string' || b.refresh_token === '') {
		return fail(400, 'refresh_token is required', ctx.path, ctx.requestId);
	}
	const t = state.tokens.get(b.refresh_token);
	const user = t ? state.users.get(t.userId) : undefined;
	if (!t || !user || t.kind !== 'refresh' || t.revoked || Date.now() >= t.expiresAt) {
		return fail(401, 'Invalid or expired refresh token', ctx.path, ctx.requestId);
	}
	t.revoked = true; // single use
	return tokenReply(ctx, svc, user, state.issuePair(user.id, settings.accessTokenTtlMs, settings.refreshTokenTtlMs));
}

function revoke(ctx: RouteContext, svc: Services): Reply {
	const b = asObject(ctx);
	if (!b || typeof b.token !== 'string' || b.token === '') {
		return fail(400, 'token is required', ctx.path, ctx.requestId);
	}
	if (b.token_type !== 'access' && b.token_type !== 'refresh') {
		return fail(400, 'token_type must be one of access, refresh', ctx.path, ctx.requestId);
	}
	// RFC 7009 style: an unknown token is not an error.
	svc.state.revokeToken(b.token);
	return ok({ revoked: true }, ctx.requestId);
}
