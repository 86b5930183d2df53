// Validation of user bodies (POST/PUT/PATCH). First failing rule wins; nothing is applied on failure.
import { ROLES } from './roles';
import type { SimState } from './state';
import type { UserRecord } from './types';

export type WritableField =
	| 'username' | 'first_name' | 'last_name' | 'role' | 'user_ext_id' | 'user_status' | 'aliases'
	| 'timezone' | 'agent_ring_to' | 'agent_code' | 'ct_user_ou_id' | 'score_call' | 'access_audio';

export const WRITABLE_FIELDS: readonly WritableField[] = [
	'username', 'first_name', 'last_name', 'role', 'user_ext_id', 'user_status', 'aliases',
	'timezone', 'agent_ring_to', 'agent_code', 'ct_user_ou_id', 'score_call', 'access_audio',
];
const WRITABLE = new Set<string>(WRITABLE_FIELDS);

export const REQUIRED_ON_CREATE: readonly WritableField[] = ['username', 'first_name', 'last_name', 'role', 'ct_user_ou_id'];

const TIME_ZONES = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC']);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9]{7,15}$/;

export interface ValidationScope {
	state: SimState;
	/** the caller's org unit: ct_user_ou_id must be inside its subtree */
	callerOu: number;
	/** the user being updated (undefined on create) */
	targetId?: number;
}

export type Validated = { ok: true; patch: Partial<UserRecord> } | { ok: false; error: string };

const isNonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkField(field: WritableField, v: unknown, scope: ValidationScope): string | undefined {
	switch (field) {
		case 'username': {
			if (typeof v !== 'string' || !EMAIL_RE.test(v)) return 'username must be a valid email address';
			const owner = scope.state.userIdByEmail(v);
			if (owner !== undefined && owner !== scope.targetId) return 'Email already in use';
			return undefined;
		}
		case 'first_name':
		case 'last_name':
			return typeof v === 'string' && v.trim() !== '' ? undefined : `${field} must be a non-empty string`;
		case 'user_ext_id':
			return typeof v === 'string' ? undefined : 'user_ext_id must be a string';
		case 'role':
			return typeof v === 'string' && (ROLES as readonly string[]).includes(v)
				? undefined
				: `role must be one of ${ROLES.join(', ')}`;
		case 'user_status':
			return v === 'active' || v === 'inactive' ? undefined : 'user_status must be one of active, inactive';
		case 'aliases':
			return v === null || typeof v === 'string' ? undefined : 'aliases must be null or a string';
		case 'timezone':
			return typeof v === 'string' && TIME_ZONES.has(v) ? undefined : 'timezone must be a valid IANA time zone';
		case 'agent_ring_to':
			return typeof v === 'string' && PHONE_RE.test(v)
				? undefined
				: 'agent_ring_to must be a phone number (7 to 15 digits, optional leading +)';
		case 'agent_code':
			return isNonNegInt(v) ? undefined : 'agent_code must be a non-negative integer';
		case 'ct_user_ou_id':
			if (!isNonNegInt(v)) return 'ct_user_ou_id must be a non-negative integer';
			return scope.state.inHierarchy(scope.callerOu, v) ? undefined : 'Org unit is outside your hierarchy';
		case 'score_call':
		case 'access_audio':
			return typeof v === 'boolean' ? undefined : `${field} must be a boolean`;
	}
	return undefined;
}

/**
 * mode 'create': required fields must be present.
 * mode 'update' (PUT) / 'patch': at least one field; present fields overwrite, absent ones are kept.
 */
export function validateUserBody(
	body: unknown,
	bodyInvalid: boolean,
	mode: 'create' | 'update' | 'patch',
	scope: ValidationScope,
): Validated {
	if (bodyInvalid || body === null || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, error: 'Request body must be a JSON object' };
	}
	const obj = body as Record<string, unknown>;
	const keys = Object.keys(obj);
	const unknown = keys.find((k) => !WRITABLE.has(k));
	if (unknown !== undefined) return { ok: false, error: `Unknown field: ${unknown}` };
	if (mode !== 'create' && keys.length === 0) {
		return { ok: false, error: 'Request body must contain at least one field' };
	}
	if (mode === 'create') {
		const missing = REQUIRED_ON_CREATE.find((k) => obj[k] === undefined);
		if (missing !== undefined) return { ok: false, error: `Missing required field: ${missing}` };
	}
	const patch: Record<string, unknown> = {};
	for (const field of WRITABLE_FIELDS) {
		if (!(field in obj)) continue;
		const error = checkField(field, obj[field], scope);
		if (error !== undefined) return { ok: false, error };
		patch[field] = obj[field];
	}
	return { ok: true, patch: patch as Partial<UserRecord> };
}
