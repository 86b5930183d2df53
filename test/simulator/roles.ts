// Role names: request side (`Admin`/`Standard`/`ReadOnly`), ids 1/2/3, and the display names responses show.
import type { UserRole } from './types';

/** Request-side role -> display name in response objects (documented example: 'Standard User'). */
export const ROLE_DISPLAY_NAMES: Readonly<Record<UserRole, string>> = Object.freeze({
	Admin: 'Admin',
	Standard: 'Standard User',
	ReadOnly: 'Read Only User',
});

/** Request-side role -> role id (documented: 1 Admin, 2 Standard, 3 ReadOnly). */
export const ROLE_IDS: Readonly<Record<UserRole, number>> = Object.freeze({
	Admin: 1,
	Standard: 2,
	ReadOnly: 3,
});

export const ROLES: readonly UserRole[] = ['Admin', 'Standard', 'ReadOnly'];

export function roleFromId(id: number): UserRole | undefined {
	return ROLES.find((r) => ROLE_IDS[r] === id);
}
