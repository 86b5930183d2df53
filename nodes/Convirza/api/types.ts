/**
 * Shapes of Convirza Platform API v3 payloads, as documented (see the project's API notes).
 * Where the docs are silent the shapes are marked "inferred" and the code reading them is defensive.
 */
import type { IDataObject } from 'n8n-workflow';

export type { ConvirzaEnvelope, ConvirzaErrorBody, HttpMethod } from '../transport/wire';

export type UserRole = 'Admin' | 'Standard' | 'ReadOnly';
export type UserStatus = 'active' | 'inactive';

/** Body of PUT/POST/PATCH /v3/users (request-side names, documented). */
export interface UserRequestBody {
	username?: string;
	first_name?: string;
	last_name?: string;
	role?: UserRole;
	user_ext_id?: string;
	user_status?: UserStatus;
	aliases?: string | null;
	timezone?: string;
	agent_ring_to?: string;
	agent_code?: number;
	ct_user_ou_id?: number;
	score_call?: boolean;
	access_audio?: boolean;
}

export type UserBodyField = keyof UserRequestBody;

/** A user as the API returns it (response-side names; list row documented, get-one inferred). */
export interface ApiUser extends IDataObject {
	ct_user_id?: number;
	email?: string;
	first_name?: string;
	last_name?: string;
	user_ext_id?: string | null;
	status?: string;
	role?: string;
	role_id?: number;
	agent_ring_to?: string | null;
	agent_code?: number | null;
	group_org_unit_id?: number;
	access_audio?: string | boolean;
	assign_scorecard?: boolean;
	timezone?: string | null;
	aliases?: string | null;
	group?: string;
	user_created?: string;
}

/** Query of GET /v3/users/list (documented; every parameter optional, none may be sent empty). */
export interface UserListQuery {
	org_unit_id?: number;
	/** Part of first + last name, any letter case. */
	name?: string;
	/** Part of the email. */
	email?: string;
	role_id?: number;
	user_status?: UserStatus | 'deleted';
	sort_by?: 'created_on' | 'name' | 'email';
	sort_order?: 'asc' | 'desc';
}

export interface UserListData {
	users: ApiUser[];
	total: number;
}

/** A group as GET /v3/groups/list returns it (documented row); GET /v3/groups/{id} inferred alike. */
export interface ApiGroup extends IDataObject {
	org_unit_id?: number;
	org_unit_ext_id?: string | null;
	org_unit_name?: string;
	org_unit_parent_id?: number | null;
	org_unit_status?: string;
}

/** Body of POST /v3/groups (documented example); PATCH /v3/groups/{id} inferred: any subset. */
export interface GroupRequestBody {
	org_unit_name?: string;
	org_unit_ext_id?: string;
	org_unit_parent_id?: number;
	address?: string;
	city?: string;
	state?: string;
	zip?: string;
	phone_number?: string;
	industry_id?: number;
}

/** Query of GET /v3/groups/list (documented; `status` values inferred). */
export interface GroupListQuery {
	/** Whose direct children are listed (default: the caller's own group). */
	org_unit_id?: number;
	/** Part of the name, any letter case. */
	group_name?: string;
	status?: 'active' | 'inactive';
}

/** GET /v3/groups/tree: documented flat rows, prose promises nested `children` (accept both). */
export interface GroupTreeNode {
	org_unit_id: number;
	text?: string;
	org_unit_name?: string;
	code?: string;
	group_level?: number;
	children?: GroupTreeNode[];
}
