// In-memory state: org tree, users (+ email index), tokens, login rate limit, applied writes.
import { randomBytes } from 'node:crypto';
import { ADMIN_USER_ID, READ_ONLY_USER_ID, SEED_LOGINS, SEED_ORG_UNITS, SEED_TOKENS, STANDARD_USER_ID, extraUser, seedUsers } from './seed';
import type { AppliedGroupWrite, AppliedWrite, OrgUnit, UserRecord } from './types';

export interface TokenInfo {
	userId: number;
	kind: 'access' | 'refresh' | 'frontend';
	expiresAt: number;
	revoked: boolean;
}

export type TokenCheck = { ok: true; user: UserRecord } | { ok: false; reason: string };

export interface IssuedPair {
	access: string;
	refresh: string;
	frontend: string;
	accessExpiresAt: number;
	refreshExpiresAt: number;
}

const FAR_FUTURE = Date.parse('2099-12-31T23:59:59.000Z');

function newToken(prefix: string): string {
	return prefix + randomBytes(24).toString('base64url');
}

export class SimState {
	readonly users = new Map<number, UserRecord>();
	readonly orgUnits = new Map<number, OrgUnit>();
	readonly tokens = new Map<string, TokenInfo>();
	readonly writes: AppliedWrite[] = [];
	readonly groupWrites: AppliedGroupWrite[] = [];
	loginCount = 0;
	private readonly emailIndex = new Map<string, number>();
	private readonly passwords = new Map<number, string>();
	private readonly subtrees = new Map<number, Set<number>>();
	private readonly loginAttempts = new Map<string, number[]>();
	private extraCount = 0;
	/** Bumped by every change to a user, so a cached listing is never stale. */
	private usersVersion = 0;
	private listing: { key: string; version: number; rows: UserRecord[] } | undefined;

	constructor() {
		for (const ou of SEED_ORG_UNITS) this.orgUnits.set(ou.id, { ...ou });
		for (const u of seedUsers()) this.insertUser(u);
		this.tokens.set(SEED_TOKENS.admin, { userId: ADMIN_USER_ID, kind: 'access', expiresAt: FAR_FUTURE, revoked: false });
		this.tokens.set(SEED_TOKENS.standard, { userId: STANDARD_USER_ID, kind: 'access', expiresAt: FAR_FUTURE, revoked: false });
		this.tokens.set(SEED_TOKENS.readOnly, { userId: READ_ONLY_USER_ID, kind: 'access', expiresAt: FAR_FUTURE, revoked: false });
		this.passwords.set(ADMIN_USER_ID, SEED_LOGINS.admin.password);
		this.passwords.set(STANDARD_USER_ID, SEED_LOGINS.standard.password);
	}

	// ---- users ----
	nextUserId(): number {
		let max = 0;
		for (const id of this.users.keys()) if (id > max) max = id;
		return max + 1;
	}

	insertUser(u: UserRecord): void {
		this.usersVersion++;
		this.users.set(u.id, u);
		this.emailIndex.set(u.username.toLowerCase(), u.id);
	}

	/** Applies a patch in place (keeps the email index in sync). */
	updateUser(id: number, patch: Partial<UserRecord>): UserRecord {
		const u = this.users.get(id);
		if (!u) throw new Error(`simulator: no user ${id}`);
		this.usersVersion++;
		if (patch.username !== undefined && patch.username.toLowerCase() !== u.username.toLowerCase()) {
			if (this.emailIndex.get(u.username.toLowerCase()) === id) this.emailIndex.delete(u.username.toLowerCase());
			this.emailIndex.set(patch.username.toLowerCase(), id);
		}
		Object.assign(u, patch, { id });
		if ('roleDisplay' in patch && patch.roleDisplay === undefined) delete u.roleDisplay;
		return u;
	}

	/**
	 * The rows of a list query (filtered and sorted), built once per query and state: a client paging
	 * through an account of 100,000 users asks 500 pages of one query, and filtering and sorting the
	 * whole account for each page made the simulator, not the client, the cost of a large listing.
	 */
	listRows(key: string, build: () => UserRecord[]): UserRecord[] {
		if (this.listing?.key !== key || this.listing.version !== this.usersVersion) {
			this.listing = { key, version: this.usersVersion, rows: build() };
		}
		return this.listing.rows;
	}

	/** Id of the user holding this email (case-insensitive), if any. */
	userIdByEmail(email: string): number | undefined {
		return this.emailIndex.get(email.toLowerCase());
	}

	addExtraUsers(n: number): number[] {
		const ids: number[] = [];
		let id = this.nextUserId();
		for (let i = 0; i < n; i++, id++) {
			this.insertUser(extraUser(this.extraCount++, id));
			ids.push(id);
		}
		return ids;
	}

	recordWrite(method: string, path: string, userId: number, requestId: string): void {
		this.writes.push({ method, path, userId, requestId });
	}

	// ---- org tree ----
	nextOrgUnitId(): number {
		let max = 0;
		for (const id of this.orgUnits.keys()) if (id > max) max = id;
		return max + 1;
	}

	/** Adds units (parents before children); the cached subtrees are rebuilt on demand. */
	addOrgUnits(units: readonly OrgUnit[]): void {
		for (const ou of units) this.orgUnits.set(ou.id, { ...ou });
		this.subtrees.clear();
	}

	/** Applies a patch in place; a new parent changes the subtrees. */
	updateOrgUnit(id: number, patch: Partial<Omit<OrgUnit, 'id'>>): OrgUnit {
		const ou = this.orgUnits.get(id);
		if (!ou) throw new Error(`simulator: no org unit ${id}`);
		Object.assign(ou, patch, { id });
		if (patch.parentId !== undefined) this.subtrees.clear();
		return ou;
	}

	removeOrgUnit(id: number): void {
		this.orgUnits.delete(id);
		this.subtrees.clear();
	}

	recordGroupWrite(method: string, path: string, orgUnitId: number, requestId: string): void {
		this.groupWrites.push({ method, path, orgUnitId, requestId });
	}

	/** The unit and all its descendants. */
	subtree(ouId: number): Set<number> {
		let s = this.subtrees.get(ouId);
		if (!s) {
			s = new Set([ouId]);
			let grew = true;
			while (grew) {
				grew = false;
				for (const ou of this.orgUnits.values()) {
					if (ou.parentId !== null && s.has(ou.parentId) && !s.has(ou.id)) {
						s.add(ou.id);
						grew = true;
					}
				}
			}
			this.subtrees.set(ouId, s);
		}
		return s;
	}

	inHierarchy(callerOu: number, ouId: number): boolean {
		return this.orgUnits.has(ouId) && this.subtree(callerOu).has(ouId);
	}

	accountOf(ouId: number): OrgUnit | undefined {
		let ou = this.orgUnits.get(ouId);
		while (ou && ou.parentId !== null) ou = this.orgUnits.get(ou.parentId);
		return ou;
	}

	childrenOf(ouId: number): OrgUnit[] {
		return [...this.orgUnits.values()].filter((o) => o.parentId === ouId).sort((a, b) => a.id - b.id);
	}

	depth(ouId: number): number {
		let d = 0;
		for (let ou = this.orgUnits.get(ouId); ou; ou = ou.parentId === null ? undefined : this.orgUnits.get(ou.parentId)) d++;
		return d;
	}

	// ---- tokens ----
	checkAccessToken(token: string, now = Date.now()): TokenCheck {
		const t = this.tokens.get(token);
		if (!t || t.kind !== 'access' || t.revoked || now >= t.expiresAt) return { ok: false, reason: 'Invalid or expired token' };
		const user = this.users.get(t.userId);
		if (!user) return { ok: false, reason: 'Invalid or expired token' };
		return { ok: true, user };
	}

	issuePair(userId: number, accessTtlMs: number, refreshTtlMs: number, now = Date.now()): IssuedPair {
		const pair: IssuedPair = {
			access: newToken('cvz_at_'),
			refresh: newToken('cvz_rt_'),
			frontend: newToken('cvz_ft_'),
			accessExpiresAt: now + accessTtlMs,
			refreshExpiresAt: now + refreshTtlMs,
		};
		this.tokens.set(pair.access, { userId, kind: 'access', expiresAt: pair.accessExpiresAt, revoked: false });
		this.tokens.set(pair.refresh, { userId, kind: 'refresh', expiresAt: pair.refreshExpiresAt, revoked: false });
		this.tokens.set(pair.frontend, { userId, kind: 'frontend', expiresAt: pair.accessExpiresAt, revoked: false });
		return pair;
	}

	expireToken(token: string): void {
		const t = this.tokens.get(token);
		if (t) t.expiresAt = Date.now() - 1;
	}

	revokeToken(token: string): boolean {
		const t = this.tokens.get(token);
		if (t) t.revoked = true;
		return t !== undefined;
	}

	checkPassword(userId: number, password: string): boolean {
		const p = this.passwords.get(userId);
		return p !== undefined && p === password;
	}

	// ---- login rate limit (sliding 60 s window per client address) ----
	/** Counts an attempt; returns seconds to wait when over the limit (the attempt is then not counted). */
	takeLoginAttempt(address: string, limitPerMinute: number, now = Date.now()): number | undefined {
		const recent = (this.loginAttempts.get(address) ?? []).filter((t) => now - t < 60_000);
		this.loginAttempts.set(address, recent);
		if (recent.length >= limitPerMinute) {
			const oldest = recent[0] ?? now;
			return Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000));
		}
		recent.push(now);
		return undefined;
	}

	resetLoginRateLimit(): void {
		this.loginAttempts.clear();
	}
}
