import type { INodePropertyOptions } from 'n8n-workflow';

import type { UserRole } from '../../api/types';
import { InputError } from '../../helpers/InputError';
import { asText, describe } from '../../helpers/validation';

interface RoleSpec {
	/** The request value (PUT/POST/PATCH `role`), documented. */
	value: UserRole;
	/** The list filter's `role_id`, documented. */
	id: number;
	/** How the editor shows it. */
	name: string;
	description: string;
	/**
	 * Display names Convirza may answer with. "Standard User" is documented; the others follow its
	 * pattern (inferred). Compared ignoring letter case, spaces and dashes; a name not listed is
	 * never guessed.
	 */
	displayNames: readonly string[];
}

/** Convirza's roles: one row each, for the Role field, the Role filter and reading a user back. */
export const ROLES: readonly RoleSpec[] = [
	{
		value: 'Admin',
		id: 1,
		name: 'Admin',
		description: 'Full access, including user management',
		displayNames: ['Admin', 'Admin User', 'Administrator'],
	},
	{
		value: 'Standard',
		id: 2,
		name: 'Standard',
		description: 'Regular access without administration',
		displayNames: ['Standard', 'Standard User'],
	},
	{
		value: 'ReadOnly',
		id: 3,
		name: 'Read Only',
		description: 'Can view but not change anything',
		displayNames: ['Read Only', 'ReadOnly', 'Read-Only', 'Read Only User', 'ReadOnly User', 'Read-Only User'],
	},
];

/** "Admin, Standard, ReadOnly": the values an operator may type. */
export const ROLE_VALUES = ROLES.map((role) => role.value).join(', ');

const BY_INPUT = new Map(ROLES.map((role) => [role.value.toLowerCase(), role]));
const lettersOf = (name: unknown) => String(name).toLowerCase().replace(/[^a-z]/g, '');
const BY_DISPLAY_NAME = new Map(
	ROLES.flatMap((role) => role.displayNames.map((name) => [lettersOf(name), role] as const)),
);
const BY_ID = new Map(ROLES.map((role) => [role.id, role]));

/** The role an operator means: a value in any letter case, spaces, dashes and underscores ignored ("read only"). */
export function roleFromInput(word: string): UserRole | undefined {
	return BY_INPUT.get(word.toLowerCase().replace(/[\s_-]/g, ''))?.value;
}

/** The role Convirza means by a display name ("Standard User"), or by its role ID. */
export function roleFromResponse(displayName: unknown, id: unknown): UserRole | undefined {
	const byName = BY_DISPLAY_NAME.get(lettersOf(displayName));
	return byName?.value ?? BY_ID.get(Number(id))?.value;
}

export function roleId(role: UserRole): number {
	return ROLES.find((spec) => spec.value === role)?.id as number;
}

/** The Role field's and the Role filter's options, alphabetically by name as n8n lists them. */
export const ROLE_OPTIONS: INodePropertyOptions[] = ROLES.map(({ name, value, description }) => ({
	name,
	value,
	description,
})).sort((a, b) => a.name.localeCompare(b.name));

/** Accepts the documented values in any letter case, plus "Read Only"/"read-only" for ReadOnly. */
export function parseRole(value: unknown, parameter: string): UserRole {
	const fix = `Use one of: ${ROLE_VALUES}.`;
	const role = roleFromInput(asText(value, parameter, fix));
	if (role === undefined) throw new InputError(parameter, `must be a Convirza role, not ${describe(value)}`, fix);
	return role;
}
