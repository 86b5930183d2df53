// Groups (org units): GET /v3/groups/tree (flat documented shape, or nested) and GET /v3/groups/list.
import { ok } from '../envelope';
import { enumParam, pagingParams, rejectEmptyParams, stringParam } from '../query';
import type { OrgUnit, Reply, RouteContext, UserRecord } from '../types';
import { scopedOrgUnit, type Services } from './context';

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
	if (ctx.method !== 'GET') return undefined;
	if (ctx.path === '/v3/groups/tree') return groupTree(ctx, caller, svc);
	if (ctx.path === '/v3/groups/list') return groupList(ctx, caller, svc);
	return undefined;
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
		.map((o) => ({
			org_unit_id: o.id,
			org_unit_name: o.name,
			org_unit_parent_id: o.parentId,
			org_unit_status: o.status,
			org_unit_ext_id: o.extId,
		}));
	return ok({ groups: rows.slice(offset, offset + limit), total: rows.length }, ctx.requestId);
}
