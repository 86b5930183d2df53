// Validation of group bodies (POST/PUT/PATCH /v3/groups): the documented create keys. First failing
// rule wins; nothing is applied on failure. The bodies of PUT and PATCH are not documented (inferred:
// the create keys; PUT must name the group, PATCH any subset).
import type { SimState } from './state';
import type { OrgUnit } from './types';

const FIELDS = [
	'org_unit_name', 'org_unit_ext_id', 'org_unit_parent_id', 'top_ou_id', 'billing_id',
	'address', 'city', 'state', 'zip', 'phone_number', 'industry_id',
] as const;
type GroupField = (typeof FIELDS)[number];
const KNOWN = new Set<string>(FIELDS);
const PHONE_RE = /^\+[0-9]{7,15}$/;

export type GroupValidated =
	| { ok: true; patch: Partial<Omit<OrgUnit, 'id'>> }
	| { ok: false; status: number; error: string };

export interface GroupScope {
	state: SimState;
	callerOu: number;
	/** the group being changed (undefined on create) */
	target?: OrgUnit;
}

const refuse = (error: string, status = 400): GroupValidated => ({ ok: false, status, error });
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const text = (v: unknown): v is string | null => v === null || typeof v === 'string';
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Where the body's values go in the stored unit (null clears a text field). */
function toPatch(obj: Record<string, unknown>): Partial<Omit<OrgUnit, 'id'>> {
	const patch: Partial<Omit<OrgUnit, 'id'>> = {};
	const set = <K extends keyof OrgUnit>(key: K, field: GroupField) => {
		if (field in obj) (patch as Record<string, unknown>)[key] = obj[field];
	};
	if ('org_unit_name' in obj) patch.name = String(obj.org_unit_name).trim();
	if ('org_unit_ext_id' in obj) patch.extId = (obj.org_unit_ext_id as string | null) ?? '';
	set('parentId', 'org_unit_parent_id');
	set('address', 'address');
	set('city', 'city');
	set('state', 'state');
	set('zip', 'zip');
	set('phone', 'phone_number');
	set('industryId', 'industry_id');
	return patch;
}

function checkValues(obj: Record<string, unknown>): string | undefined {
	if ('org_unit_name' in obj) {
		const name = obj.org_unit_name;
		if (typeof name !== 'string' || name.trim() === '' || name.length > 255) return 'org_unit_name must be a non-empty string';
	}
	for (const field of ['org_unit_ext_id', 'address', 'city', 'state', 'zip'] as const) {
		if (field in obj && !text(obj[field])) return `${field} must be a string or null`;
	}
	if ('phone_number' in obj && obj.phone_number !== null && !(typeof obj.phone_number === 'string' && PHONE_RE.test(obj.phone_number))) {
		return 'phone_number must be an E.164 phone number (+ and 7 to 15 digits)';
	}
	for (const field of ['org_unit_parent_id', 'top_ou_id', 'billing_id'] as const) {
		if (field in obj && !isId(obj[field])) return `${field} must be a positive integer`;
	}
	if ('industry_id' in obj && obj.industry_id !== null && !isId(obj.industry_id)) return 'industry_id must be a positive integer or null';
	return undefined;
}

/** The parent a body names (or the target's), checked: in scope, active, and not the group itself or below it. */
function checkParent(parentId: number, scope: GroupScope, creating: boolean): GroupValidated | undefined {
	const { state, callerOu, target } = scope;
	const parent = state.orgUnits.get(parentId);
	// Documented: a unit outside your hierarchy answers 401 on create (one of the "inconsistent" endpoints).
	if (!parent || !state.inHierarchy(callerOu, parentId)) {
		return refuse('Org unit is outside your scope', creating ? 401 : 403);
	}
	if (parent.status !== 'active') return refuse('Parent org unit must be active');
	if (target && state.subtree(target.id).has(parentId)) return refuse('A group cannot be moved below itself');
	return undefined;
}

export function validateGroupBody(
	body: unknown,
	bodyInvalid: boolean,
	mode: 'create' | 'update' | 'patch',
	scope: GroupScope,
): GroupValidated {
	if (bodyInvalid || body === null || typeof body !== 'object' || Array.isArray(body)) {
		return refuse('Request body must be a JSON object');
	}
	const obj = body as Record<string, unknown>;
	const unknown = Object.keys(obj).find((key) => !KNOWN.has(key));
	if (unknown !== undefined) return refuse(`Unknown field: ${unknown}`);
	if (mode === 'patch' && Object.keys(obj).length === 0) return refuse('Request body must contain at least one field');
	const required: GroupField[] = mode === 'create' ? ['org_unit_name', 'org_unit_parent_id'] : mode === 'update' ? ['org_unit_name'] : [];
	const missing = required.find((field) => obj[field] === undefined);
	if (missing !== undefined) return refuse(`Missing required field: ${missing}`);
	const invalid = checkValues(obj);
	if (invalid !== undefined) return refuse(invalid);

	const { state, target } = scope;
	const parentId = (obj.org_unit_parent_id as number | undefined) ?? target?.parentId ?? undefined;
	if (obj.org_unit_parent_id !== undefined) {
		const refused = checkParent(obj.org_unit_parent_id as number, scope, mode === 'create');
		if (refused) return refused;
	}
	const name = (obj.org_unit_name as string | undefined) ?? target?.name;
	if (name !== undefined && parentId !== undefined && parentId !== null) {
		const taken = state.childrenOf(parentId).find((sibling) => sibling.id !== target?.id && sameName(sibling.name, name));
		if (taken) return refuse(`A group named "${taken.name}" already exists under this parent (org unit ${taken.id})`);
	}
	return { ok: true, patch: toPatch(obj) };
}
