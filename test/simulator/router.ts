// Dispatch: /oauth/* and /recordings/* (no Bearer) and /v3/* (Bearer required, 401 before anything else).
import { fail } from './envelope';
import { QueryError } from './query';
import { handleCalls } from './routes/calls';
import type { Services } from './routes/context';
import { handleGroups } from './routes/groups';
import { handleOAuth } from './routes/oauth';
import { handleProfile } from './routes/profile';
import { handleRecording } from './routes/recordings';
import { handleTexts } from './routes/texts';
import { handleUsers } from './routes/users';
import type { Reply, RouteContext } from './types';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function routeNotFound(ctx: RouteContext): Reply {
	return fail(404, `Cannot ${ctx.method} ${ctx.path}`, ctx.path, ctx.requestId);
}

function dispatch(ctx: RouteContext, svc: Services): Reply {
	if (ctx.path.startsWith('/oauth/')) return handleOAuth(ctx, svc) ?? routeNotFound(ctx);
	if (ctx.path.startsWith('/recordings/')) return handleRecording(ctx, svc) ?? routeNotFound(ctx);
	if (ctx.path !== '/v3' && !ctx.path.startsWith('/v3/')) return routeNotFound(ctx);

	const header = ctx.headers.authorization;
	const m = typeof header === 'string' ? BEARER.exec(header) : null;
	if (!m) return fail(401, 'Missing or malformed Authorization header', ctx.path, ctx.requestId);
	const auth = svc.state.checkAccessToken(m[1]);
	if (!auth.ok) return fail(401, auth.reason, ctx.path, ctx.requestId);
	const caller = auth.user;

	return (
		handleProfile(ctx, caller) ??
		handleUsers(ctx, caller, svc) ??
		handleGroups(ctx, caller, svc) ??
		handleCalls(ctx, caller, svc) ??
		handleTexts(ctx, caller, svc) ??
		routeNotFound(ctx)
	);
}

export function route(ctx: RouteContext, svc: Services): Reply {
	try {
		return dispatch(ctx, svc);
	} catch (e: unknown) {
		if (e instanceof QueryError) return fail(400, e.message, ctx.path, ctx.requestId);
		return fail(500, `Internal server error: ${e instanceof Error ? e.message : String(e)}`, ctx.path, ctx.requestId);
	}
}
