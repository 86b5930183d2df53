// Deterministic seed data: one account (Acme) with regions and teams, one foreign account, a dozen users.
import type { OrgUnit, UserRecord, UserRole, UserStatus } from './types';

export const ACCOUNT_ID = 60001;
export const FOREIGN_ACCOUNT_ID = 90001;

export const SEED_ORG_UNITS: readonly OrgUnit[] = [
	{ id: 60001, name: 'Acme Corporation', parentId: null, status: 'active', extId: 'ACC-60001' },
	{ id: 65000, name: 'West Region', parentId: 60001, status: 'active', extId: 'REG-65000' },
	{ id: 65001, name: 'East Region', parentId: 60001, status: 'active', extId: 'REG-65001' },
	{ id: 70035, name: 'Sales Team', parentId: 65000, status: 'active', extId: 'GRP-70035' },
	{ id: 70036, name: 'Support Team', parentId: 65000, status: 'active', extId: 'GRP-70036' },
	{ id: 70040, name: 'Inbound Sales', parentId: 65001, status: 'active', extId: 'GRP-70040' },
	{ id: 70041, name: 'Legacy Outbound', parentId: 65001, status: 'inactive', extId: 'GRP-70041' },
	{ id: 90001, name: 'Other Corp', parentId: null, status: 'active', extId: 'ACC-90001' },
];

const REGIONS = ['North', 'South', 'Central', 'Pacific', 'Mountain', 'Gulf', 'Atlantic', 'Lakes'];
const BRANCHES = ['Sales', 'Support', 'Billing', 'Retention', 'West'];
const TEAMS = ['West', 'East', 'Inbound', 'Outbound', 'Sales'];
export const LARGE_HIERARCHY_FIRST_ID = 80001;

/**
 * The large hierarchy (option `largeHierarchy`): 288 groups under Acme, ids from 80001 in depth-first
 * order. Eight regions ("North Region", …), each with the branches Sales, Support, Billing,
 * Retention and West, each with the teams West, East, Inbound, Outbound and Sales, and a "Night
 * Shift" under every Inbound team. So "Sales" and "West" are names at two levels in every region,
 * and many paths end alike ("… › Sales › Sales"). Some teams are inactive, Retention groups have no
 * External ID, and a region's five Night Shifts share one ("NS-<region>"), as Convirza does not
 * keep External IDs unique (inferred).
 */
export function largeHierarchy(): OrgUnit[] {
	const units: OrgUnit[] = [];
	let id = LARGE_HIERARCHY_FIRST_ID;
	const add = (name: string, parentId: number, extId: string, more: Partial<OrgUnit> = {}): number => {
		units.push({ id, name, parentId, status: 'active', extId, ...more });
		return id++;
	};
	REGIONS.forEach((region, r) => {
		const regionId = add(`${region} Region`, ACCOUNT_ID, `REG-${region.toUpperCase()}`, {
			city: `${region}ville`,
			state: 'WA',
			phone: `+1206555${1000 + r}`,
		});
		BRANCHES.forEach((branch, b) => {
			const ext = (suffix: string) => (branch === 'Retention' ? '' : `${region.slice(0, 3).toUpperCase()}-${suffix}`);
			const branchId = add(branch, regionId, ext(branch.toUpperCase()));
			TEAMS.forEach((team, t) => {
				const status = (r + b + t) % 9 === 8 ? 'inactive' : 'active';
				const teamId = add(team, branchId, ext(`${branch}-${team}`.toUpperCase()), { status });
				if (team === 'Inbound') add('Night Shift', teamId, `NS-${r + 1}`);
			});
		});
	});
	return units;
}

/** Seeded long-lived bearer tokens (opaque strings, never expire unless a test expires/revokes them). */
export const SEED_TOKENS = Object.freeze({
	admin: 'cvz_sim_at_admin_3f9c2a7e5b8d41c6a0e4',
	standard: 'cvz_sim_at_standard_8b1d6f04c2e9473a95d1',
	readOnly: 'cvz_sim_at_readonly_5e27c9a1d04b4f8e61b3',
});

export const ADMIN_USER_ID = 10002;
export const STANDARD_USER_ID = 10001;
/** Carla Rodríguez, an active ReadOnly user. */
export const READ_ONLY_USER_ID = 10004;

export const SEED_LOGINS = Object.freeze({
	admin: Object.freeze({ email: 'alice.morgan@acme-corp.example', password: 'Adm1n!Passw0rd' }),
	standard: Object.freeze({ email: 'john.doe@example.com', password: 'Std!Passw0rd' }),
});

type SeedRow = [
	id: number,
	first: string,
	last: string,
	email: string,
	role: UserRole,
	status: UserStatus,
	ou: number,
	tz: string,
	phone: string | null,
	extId: string | null,
	created: string,
];

// John Doe (10001) is the documented list-row example, field for field.
const ROWS: SeedRow[] = [
	[10001, 'John', 'Doe', 'john.doe@example.com', 'Standard', 'active', 70035, 'America/Los_Angeles', '+14255551234', 'EXT-12345', '2026-03-29T12:00:00.000Z'],
	[10002, 'Alice', 'Morgan', 'alice.morgan@acme-corp.example', 'Admin', 'active', 60001, 'America/New_York', '+12125550100', 'EXT-10002', '2024-11-04T15:30:00.000Z'],
	[10003, 'Bob', 'Chen', 'bob.chen@acme-corp.example', 'Standard', 'active', 70036, 'America/Denver', '+17205550143', 'EXT-10003', '2025-01-13T09:15:00.000Z'],
	[10004, 'Carla', 'Rodríguez', 'carla.rodriguez@acme-corp.example', 'ReadOnly', 'active', 70040, 'America/Chicago', '+13125550187', 'EXT-10004', '2025-02-20T14:45:00.000Z'],
	[10005, 'David', "O'Brien", 'david.obrien@acme-corp.example', 'Standard', 'inactive', 65001, 'America/New_York', '+16175550122', 'EXT-10005', '2025-03-02T08:00:00.000Z'],
	[10006, 'Emma', 'Schmidt', 'emma.schmidt@acme-corp.example', 'Standard', 'active', 65000, 'Europe/Berlin', '+4930901820', 'EXT-10006', '2025-04-18T07:20:00.000Z'],
	[10007, 'Frank', 'Miller', 'frank.miller@acme-corp.example', 'Standard', 'deleted', 70035, 'America/Phoenix', '+16025550199', 'EXT-10007', '2025-05-05T16:10:00.000Z'],
	[10008, 'Grace', 'Kim', 'grace.kim@acme-corp.example', 'Admin', 'active', 65001, 'America/New_York', '+19175550111', 'EXT-10008', '2025-06-23T11:00:00.000Z'],
	[10009, 'Hiro', 'Tanaka', 'hiro.tanaka@acme-corp.example', 'ReadOnly', 'active', 70036, 'Asia/Tokyo', '+81355550123', 'EXT-10009', '2025-08-11T02:30:00.000Z'],
	[10010, 'Isabel', 'Duarte', 'isabel.duarte@acme-corp.example', 'Standard', 'active', 70040, 'America/Sao_Paulo', '+551155550134', null, '2025-10-01T13:05:00.000Z'],
	[10011, 'Jamal', 'Wright', 'jamal.wright@acme-corp.example', 'Standard', 'active', 70035, 'America/Los_Angeles', '+12065550176', 'EXT-10011', '2025-12-15T18:40:00.000Z'],
	[10012, 'Kate', 'Novak', 'kate.novak@othercorp.example', 'Admin', 'active', 90001, 'Europe/London', '+442079460123', 'OC-7', '2026-01-09T10:00:00.000Z'],
];

const ACCESS_BY_ROLE: Record<UserRole, [number, number]> = { Admin: [5, 5], Standard: [3, 5], ReadOnly: [1, 1] };

export function defaultAccess(role: UserRole): [groupAccess: number, reportAccess: number] {
	return ACCESS_BY_ROLE[role];
}

export function seedUsers(): UserRecord[] {
	return ROWS.map(([id, first, last, email, role, status, ou, tz, phone, extId, created], i) => {
		const [groupAccess, reportAccess] = defaultAccess(role);
		return {
			id,
			username: email,
			first_name: first,
			last_name: last,
			role,
			user_ext_id: extId,
			user_status: status,
			aliases: id === 10009 ? 'Hiro T.; H. Tanaka' : null,
			timezone: tz,
			agent_ring_to: phone,
			agent_code: i + 1,
			ct_user_ou_id: ou,
			score_call: role !== 'ReadOnly',
			access_audio: id !== 10004 && id !== 10009,
			group_access: groupAccess,
			report_access: reportAccess,
			created_on: created,
			updated_at: created,
		};
	});
}

const FIRST = ['Liam', 'Olivia', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Ethan', 'Mia', 'Lucas', 'Amara', 'Yuki', 'Omar', 'Chloé', 'Priya', 'Sean', 'Zoë', 'Andrei', 'Fatima', 'Kwame', 'Ingrid'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Patel', 'Johnson', 'Okafor', 'Müller', 'Rossi', 'Kowalski', 'Haddad', 'Silva', "O'Neil", 'Larsen', 'Ivanova', 'Brown'];
const EXTRA_GROUPS = [70035, 70036, 70040, 65000, 65001];
const EXTRA_TZ = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'UTC', 'Europe/Dublin'];
const EXTRA_BASE_MS = Date.parse('2024-06-01T00:00:00.000Z');

/** The k-th extra user (k counts all extra users ever added), deterministic. */
export function extraUser(k: number, id: number): UserRecord {
	const first = FIRST[k % FIRST.length];
	const last = LAST[Math.floor(k / FIRST.length) % LAST.length];
	const role: UserRole = k % 10 === 9 ? 'Admin' : k % 4 === 3 ? 'ReadOnly' : 'Standard';
	const [groupAccess, reportAccess] = defaultAccess(role);
	const created = new Date(EXTRA_BASE_MS + k * 3_600_000).toISOString();
	const slug = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
	return {
		id,
		username: `${slug}.${id}@acme-corp.example`,
		first_name: first,
		last_name: last,
		role,
		user_ext_id: `EXT-${id}`,
		user_status: k % 17 === 16 ? 'inactive' : 'active',
		aliases: null,
		timezone: EXTRA_TZ[k % EXTRA_TZ.length],
		agent_ring_to: `+1555${String(2000000 + k).padStart(7, '0')}`,
		agent_code: 100 + k,
		ct_user_ou_id: EXTRA_GROUPS[k % EXTRA_GROUPS.length],
		score_call: k % 3 !== 0,
		access_audio: k % 5 !== 0,
		group_access: groupAccess,
		report_access: reportAccess,
		created_on: created,
		updated_at: created,
	};
}
