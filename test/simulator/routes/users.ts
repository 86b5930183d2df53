// Users resource (Admin only): list, get one, create, full update (PUT), partial update (PATCH), soft delete.
import { fail, ok } from '../envelope';
import { toApiUser, toListRow } from '../present';
import { enumParam, pagingParams, stringParam } from '../query';
import { roleFromId } from '../roles';
import { defaultAccess } from '../seed';
import type { Reply, RouteContext, UserRecord } from '../types';
import { validateUserBody } from '../validation';
import { scopedOrgUnit, type Services } from './context';

const ID_PATH = /^\/v3\/users\/([^/]*)$/;

export function handleUsers(ctx: RouteContext, caller: UserRecord, svc: Services): Reply | undefined {
	const { method, path, requestId } = ctx;
	const isUsers = path === '/v3/users' || path.startsWith('/v3/users/');
	if (!isUsers) return undefined;
	if (caller.role !== 'Admin') {
		return fail(403, 'Insufficient permissions: Admin role required', path, requestId);
	}
	if (path === '/v3/users/list') return method === 'GET' ? listUsers(ctx, caller, svc) : undefined;
	if (path === '/v3/users') return method === 'POST' ? createUser(ctx, caller, svc) : undefined;
	const m = ID_PATH.exec(path);
	if (!m || !['GET', 'PUT', 'PATCH', 'DELETE'].includes(method)) return undefined;
	// Only a plain positive integer is an id: '', 'abc', '12.5' are 404 like an unknown id.
	const id = /^[0-9]{1,15}$/.test(m[1]) ? Number(m[1]) : NaN;
	const target = svc.state.users.get(id);
	if (!target || !svc.state.subtree(caller.ct_user_ou_id).has(target.ct_user_ou_id)) {
		return fail(404, 'User not found', path, requestId);
	}
	if (method === 'GET') return getUser(ctx, target, svc);
	if (method === 'DELETE') return deleteUser(ctx, target, svc);
	return updateUser(ctx, caller, target, svc, method === 'PUT' ? 'update' : 'patch');
}

function listUsers(ctx: RouteContext, caller: UserRecord, svc: Services): Reply {
	const q = ctx.query;
	const { state } = svc;
	const scope = scopedOrgUnit(ctx, caller, svc);
	if ('refused' in scope) return scope.refused;
	const { ou } = scope;
	const name = stringParam(q, 'name')?.toLowerCase();
	const email = stringParam(q, 'email')?.toLowerCase();
	const roleId = enumParam(q, 'role_id', ['1', '2', '3'] as const);
	const role = roleId === undefined ? undefined : roleFromId(Number(roleId));
	const status = enumParam(q, 'user_status', ['active', 'inactive', 'deleted'] as const);
	const sortBy = enumParam(q, 'sort_by', ['created_on', 'name', 'email'] as const) ?? 'created_on';
	const sortOrder = enumParam(q, 'sort_order', ['desc', 'asc'] as const) ?? 'desc';
	const { limit, offset } = pagingParams(q);

	const build = (): UserRecord[] => {
		const units = state.subtree(ou);
		const rows: UserRecord[] = [];
		for (const u of state.users.values()) {
			if (!units.has(u.ct_user_ou_id)) continue;
			const hidden =
				status === undefined ? u.user_status === 'deleted' && !svc.settings.defaultListIncludesDeleted : u.user_status !== status;
			if (hidden) continue;
			if (role !== undefined && u.role !== role) continue;
			if (name !== undefined && !`${u.first_name} ${u.last_name}`.toLowerCase().includes(name)) continue;
			if (email !== undefined && !u.username.toLowerCase().includes(email)) continue;
			rows.push(u);
		}
		const key = (u: UserRecord): string =>
			sortBy === 'created_on' ? u.created_on
			: sortBy === 'name' ? `${u.first_name} ${u.last_name}`.toLowerCase()
			: u.username.toLowerCase();
		const dir = sortOrder === 'asc' ? 1 : -1;
		return rows.sort((a, b) => {
			const ka = key(a);
			const kb = key(b);
			return ka < kb ? -dir : ka > kb ? dir : a.id - b.id;
		});
	};
	const rows = state.listRows(JSON.stringify([ou, name, email, role, status, sortBy, sortOrder]), build);
	const page = rows.slice(offset, offset + limit).map((u) => toListRow(u, state));
	return ok({ users: page, total: rows.length }, ctx.requestId);
}

function getUser(ctx: RouteContext, target: UserRecord, svc: Services): Reply {
	const user = toApiUser(target, svc.state);
	const shape = svc.settings.getUserShape;
	const data = shape === 'data' ? user : shape === 'data.users' ? { users: [user] } : { user };
	return ok(data, ctx.requestId);
}

function createUser(ctx: RouteContext, caller: UserRecord, svc: Services): Reply {
	const { state } = svc;
	const v = validateUserBody(ctx.body, ctx.bodyInvalid, 'create', { state, callerOu: caller.ct_user_ou_id });
	if (!v.ok) return fail(400, v.error, ctx.path, ctx.requestId);
	const p = v.patch;
	const role = p.role ?? 'Standard';
	const [groupAccess, reportAccess] = defaultAccess(role);
	const now = new Date().toISOString();
	const id = state.nextUserId();
	const rec: UserRecord = {
		id,
		username: p.username ?? '',
		first_name: p.first_name ?? '',
		last_name: p.last_name ?? '',
		role,
		user_ext_id: p.user_ext_id ?? null,
		user_status: p.user_status ?? 'active',
		aliases: p.aliases ?? null,
		timezone: p.timezone ?? 'UTC',
		agent_ring_to: p.agent_ring_to ?? null,
		agent_code: p.agent_code ?? null,
		ct_user_ou_id: p.ct_user_ou_id ?? caller.ct_user_ou_id,
		score_call: p.score_call ?? false,
		access_audio: p.access_audio ?? false,
		group_access: groupAccess,
		report_access: reportAccess,
		created_on: now,
		updated_at: now,
	};
	state.insertUser(rec);
	state.recordWrite(ctx.method, ctx.path, id, ctx.requestId);
	return ok({ userId: id }, ctx.requestId);
}

function updateUser(
	ctx: RouteContext,
	caller: UserRecord,
	target: UserRecord,
	svc: Services,
	mode: 'update' | 'patch',
): Reply {
	const { state } = svc;
	const scope = { state, callerOu: caller.ct_user_ou_id, targetId: target.id };
	const v = validateUserBody(ctx.body, ctx.bodyInvalid, mode, scope);
	if (!v.ok) return fail(400, v.error, ctx.path, ctx.requestId);
	const patch: Partial<UserRecord> = { ...v.patch, updated_at: new Date().toISOString() };
	// A real role change replaces any test-injected display name.
	if (patch.role !== undefined) patch.roleDisplay = undefined;
	state.updateUser(target.id, patch);
	state.recordWrite(ctx.method, ctx.path, target.id, ctx.requestId);
	return ok({ userId: target.id }, ctx.requestId);
}

function deleteUser(ctx: RouteContext, target: UserRecord, svc: Services): Reply {
	svc.state.updateUser(target.id, { user_status: 'deleted', updated_at: new Date().toISOString() });
	svc.state.recordWrite(ctx.method, ctx.path, target.id, ctx.requestId);
	return ok({ userId: target.id }, ctx.requestId);
}
