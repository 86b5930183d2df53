// Groups (org units): GET /v3/groups/tree (flat documented shape, or nested), GET /v3/groups/list
// (direct children), GET /v3/groups/org-list/, POST /v3/groups and GET|PUT|PATCH|DELETE /v3/groups/{id}.
// Documented rules: names unique among siblings, a new group's parent active and in scope, a unit
// outside the caller's hierarchy refused with 401 (create) or 403 (the id endpoints): "401 or 403
// depending on the endpoint". The tree and the list answer every role, as before; the rest is Admin only.
import { fail, ok } from '../envelope';
import { validateGroupBody } from '../groupValidation';
import { toGroupRow } from '../present';
import { enumParam, pagingParams, rejectEmptyParams, stringParam } from '../query';
import type { OrgUnit, Reply, RouteContext, UserRecord } from '../types';
import { scopedOrgUnit, type Services } from './context';

const ID_PATH = /^\/v3\/groups\/([^/]*)$/;

interface FlatNode {
	org_unit_id: number;
	text: string;
	code: string;
	group_level: number;
}

interface NestedNode {
	org_unit_id: number;
	org_unit_name: string;
	org_unit_parent_id: number | null;
	org_unit_status: 'active' | 'inactive';
	code: string;
	group_level: number;
	children: NestedNode[];
}

export function handleGroups(ctx: RouteContext, caller: UserRecord, svc: Services): Reply | undefined {
	const { method, path, requestId } = ctx;
	if (path === '/v3/groups/tree') return method === 'GET' ? groupTree(ctx, caller, svc) : undefined;
	if (path === '/v3/groups/list') return method === 'GET' ? groupList(ctx, caller, svc) : undefined;
	if (path !== '/v3/groups' && !path.startsWith('/v3/groups/')) return undefined;
	if (caller.role !== 'Admin') return fail(403, 'Insufficient permissions: Admin role required', path, requestId);
	if (path === '/v3/groups/org-list' || path === '/v3/groups/org-list/') {
		return method === 'GET' ? orgList(ctx, caller, svc) : undefined;
	}
	if (path === '/v3/groups') return method === 'POST' ? createGroup(ctx, caller, svc) : undefined;
	const m = ID_PATH.exec(path);
	if (!m || !['GET', 'PUT', 'PATCH', 'DELETE'].includes(method)) return undefined;
	const id = /^[0-9]{1,15}$/.test(m[1]) ? Number(m[1]) : NaN;
	const target = svc.state.orgUnits.get(id);
	if (!target) return fail(404, 'Group not found', path, requestId);
	if (!svc.state.inHierarchy(caller.ct_user_ou_id, id)) return fail(403, 'Org unit is outside your scope', path, requestId);
	if (method === 'GET') return ok(toGroupRow(target, svc.state), requestId);
	if (method === 'DELETE') return deleteGroup(ctx, caller, target, svc);
	return updateGroup(ctx, caller, target, svc, method === 'PUT' ? 'update' : 'patch');
}

function orgList(ctx: RouteContext, caller: UserRecord, svc: Services): Reply {
	const scope = scopedOrgUnit(ctx, caller, svc);
	if ('refused' in scope) return scope.refused;
	const ids = [...svc.state.subtree(scope.ou)].filter((id) => id !== scope.ou).sort((a, b) => a - b);
	return ok({ orgUnits: [scope.ou, ...ids] }, ctx.requestId);
}

function createGroup(ctx: RouteContext, caller: UserRecord, svc: Services): Reply {
	const { state } = svc;
	const v = validateGroupBody(ctx.body, ctx.bodyInvalid, 'create', { state, callerOu: caller.ct_user_ou_id });
	if (!v.ok) return fail(v.status, v.error, ctx.path, ctx.requestId);
	const now = new Date().toISOString();
	const id = state.nextOrgUnitId();
	const unit: OrgUnit = { extId: '', ...v.patch, id, name: v.patch.name ?? '', parentId: v.patch.parentId ?? null, status: 'active', created: now, modified: now };
	state.addOrgUnits([unit]);
	state.recordGroupWrite(ctx.method, ctx.path, id, ctx.requestId);
	return ok({ orgUnitId: id }, ctx.requestId);
}

function updateGroup(ctx: RouteContext, caller: UserRecord, target: OrgUnit, svc: Services, mode: 'update' | 'patch'): Reply {
	const { state } = svc;
	const v = validateGroupBody(ctx.body, ctx.bodyInvalid, mode, { state, callerOu: caller.ct_user_ou_id, target });
	if (!v.ok) return fail(v.status, v.error, ctx.path, ctx.requestId);
	if (v.patch.parentId !== undefined && target.id === caller.ct_user_ou_id) {
		return fail(400, 'Your own group cannot be moved', ctx.path, ctx.requestId);
	}
	state.updateOrgUnit(target.id, { ...v.patch, modified: new Date().toISOString() });
	state.recordGroupWrite(ctx.method, ctx.path, target.id, ctx.requestId);
	return ok({ orgUnitId: target.id }, ctx.requestId);
}

function deleteGroup(ctx: RouteContext, caller: UserRecord, target: OrgUnit, svc: Services): Reply {
	const { state } = svc;
	const refuse = (error: string) => fail(400, error, ctx.path, ctx.requestId);
	if (target.id === caller.ct_user_ou_id) return refuse('Your own group cannot be deleted');
	if (state.childrenOf(target.id).length > 0) return refuse('Group has sub-groups: delete or move them first');
	const members = [...state.users.values()].some((u) => u.ct_user_ou_id === target.id && u.user_status !== 'deleted');
	if (members) return refuse('Group has users: move them to another group first');
	state.removeOrgUnit(target.id);
	state.recordGroupWrite(ctx.method, ctx.path, target.id, ctx.requestId);
	return ok({ orgUnitId: target.id }, ctx.requestId);
}

function groupTree(ctx: RouteContext, caller: UserRecord, svc: Services): Reply {
	rejectEmptyParams(ctx.query);
	const onlyActive = enumParam(ctx.query, 'active', ['true', 'false'] as const) === 'true';
	const { state } = svc;
	const root = state.orgUnits.get(caller.ct_user_ou_id);
	const include = (ou: OrgUnit): boolean => !onlyActive || ou.status === 'active';
	const build = (ou: OrgUnit, code: string): NestedNode => ({
		org_unit_id: ou.id,
		org_unit_name: ou.name,
		org_unit_parent_id: ou.parentId,
		org_unit_status: ou.status,
		code,
		group_level: state.depth(ou.id),
		children: state
			.childrenOf(ou.id)
			.filter(include)
			.map((c, i) => build(c, `${code}.${i + 1}`)),
	});
	const tree = root && include(root) ? [build(root, '1')] : [];
	if (svc.settings.groupTreeShape === 'nested') return ok({ groups: tree }, ctx.requestId);
	const flat: FlatNode[] = [];
	const walk = (n: NestedNode): void => {
		flat.push({ org_unit_id: n.org_unit_id, text: n.org_unit_name, code: n.code, group_level: n.group_level });
		n.children.forEach(walk);
	};
	tree.forEach(walk);
	return ok({ groups: flat }, ctx.requestId);
}

function groupList(ctx: RouteContext, caller: UserRecord, svc: Services): Reply {
	const q = ctx.query;
	const { state } = svc;
	const scope = scopedOrgUnit(ctx, caller, svc);
	if ('refused' in scope) return scope.refused;
	const parent = scope.ou;
	const name = stringParam(q, 'group_name')?.toLowerCase();
	const status = enumParam(q, 'status', ['active', 'inactive'] as const);
	const { limit, offset } = pagingParams(q);
	const rows = state
		.childrenOf(parent)
		.filter((o) => (status === undefined || o.status === status) && (name === undefined || o.name.toLowerCase().includes(name)))
		.map((o) => toGroupRow(o, state));
	return ok({ groups: rows.slice(offset, offset + limit), total: rows.length }, ctx.requestId);
}
