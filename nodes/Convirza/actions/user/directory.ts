/**
 * Finds users by email or External ID for one execution. A CRM knows people by email and its own
 * contact ID, never by Convirza's numeric user ID, so every operation on one user can look it up.
 *
 * Convirza's list filters by email only partly (a substring) and not at all by External ID, so:
 * - a few email lookups ask Convirza with the email filter and keep the exact matches;
 * - otherwise the directory lists the account once (200 a page), shared by every item of the
 *   execution, and answers from that listing. 2,000 items then cost ⌈users / 200⌉ list requests,
 *   not 2,000 scans.
 * What the execution itself creates or changes is written into the directory (`remember`), so a
 * user created or re-emailed by one item is found by the next. Deleted users never match, whether
 * or not Convirza's list includes them: what its list returns without a status filter is not documented.
 */
import { asText, fieldByParam } from './fields';
import type { ApiUser, UserListQuery, UserRequestBody } from '../../api/types';
import { listUsers } from '../../api/users';
import type { ConvirzaClient } from '../../transport';

// The fields a lookup matches on, and the status that takes a user out of every match.
const EMAIL = fieldByParam('email');
const EXTERNAL_ID = fieldByParam('externalId');
const STATUS = fieldByParam('status');

/** Up to this many lookups in an execution, email lookups ask Convirza one by one. */
export const FEW_LOOKUPS = 5;

/** What the directory keeps of a user: enough to match and to name them. */
export interface DirectoryEntry {
	id: number;
	email: string | null;
	externalId: string | null;
	status: string | null;
}

export type LookupKey = { by: 'email'; email: string } | { by: 'externalId'; externalId: string };

const emailKey = (email: string) => email.trim().toLowerCase();
const externalIdKey = (externalId: string) => externalId.trim();

function entryOf(user: ApiUser): DirectoryEntry | undefined {
	const id = Number(user.ct_user_id);
	if (!Number.isSafeInteger(id) || id <= 0) return undefined;
	return {
		id,
		email: asText(user[EMAIL.response]),
		externalId: asText(user[EXTERNAL_ID.response]),
		status: asText(user[STATUS.response]),
	};
}

/** What a request body sent for user `id` changes of their directory entry. */
export function changeOf(body: UserRequestBody): Partial<Omit<DirectoryEntry, 'id'>> {
	const change: Partial<Omit<DirectoryEntry, 'id'>> = {};
	const sent = body as Record<string, unknown>;
	if (sent[EMAIL.key] !== undefined) change.email = asText(sent[EMAIL.key]);
	if (sent[EXTERNAL_ID.key] !== undefined) change.externalId = asText(sent[EXTERNAL_ID.key]);
	if (sent[STATUS.key] !== undefined) change.status = asText(sent[STATUS.key]);
	return change;
}

/** What a lookup compares, normalised; empty when there is nothing to compare. */
const wanted = (key: LookupKey) => (key.by === 'email' ? emailKey(key.email) : externalIdKey(key.externalId));
const held = (entry: DirectoryEntry, by: LookupKey['by']) => {
	const value = by === 'email' ? entry.email : entry.externalId;
	return value === null ? '' : by === 'email' ? emailKey(value) : externalIdKey(value);
};

/** The index key a lookup uses; `matches` stays the judge (it also leaves deleted users out). */
const keyOf = (by: LookupKey['by'], value: string) => `${by}:${value}`;

/** An empty email or External ID is no key: users without one are nobody in particular. */
function keysOf(entry: DirectoryEntry): string[] {
	const kinds = ['email', 'externalId'] as const;
	return kinds.filter((by) => held(entry, by) !== '').map((by) => keyOf(by, held(entry, by)));
}

function matches(entry: DirectoryEntry, key: LookupKey): boolean {
	if (entry.status === 'deleted') return false;
	return wanted(key) !== '' && held(entry, key.by) === wanted(key);
}

/** Users holding `email` exactly (any letter case), asked of Convirza now with its substring filter. */
export async function findUsersByEmail(
	client: ConvirzaClient,
	email: string,
	options: { deleted?: boolean; itemIndex?: number } = {},
): Promise<DirectoryEntry[]> {
	const query: Record<string, string> = { [EMAIL.listFilter as string]: email.trim() };
	if (options.deleted) query[STATUS.listFilter as string] = 'deleted';
	const key: LookupKey = { by: 'email', email };
	const found: DirectoryEntry[] = [];
	for await (const user of listUsers(client, query as UserListQuery, { itemIndex: options.itemIndex })) {
		const entry = entryOf(user);
		if (entry === undefined) continue;
		// The deleted listing is asked for on purpose; elsewhere a deleted user never matches.
		const candidate = options.deleted ? { ...entry, status: null } : entry;
		if (matches(candidate, key)) found.push(entry);
	}
	// Lowest ID first, as the directory answers: an error listing several users reads the same either way.
	return found.sort((a, b) => a.id - b.id);
}

export class UserDirectory {
	private readonly entries = new Map<number, DirectoryEntry>();

	/** Lookup key (see `keyOf`) → ids of the entries holding it. */
	private readonly index = new Map<string, Set<number>>();

	private loading: Promise<void> | undefined;

	private loaded = false;

	/** Changes noted before the listing finished: applied on top of it, as they are newer. */
	private readonly pending = new Map<number, Partial<DirectoryEntry>>();

	/** @param lookups how many lookups the execution may make at most (its item count) */
	constructor(
		private readonly client: ConvirzaClient,
		private readonly lookups: number,
	) {}

	/** The users (not deleted) that `key` names exactly. */
	async find(key: LookupKey, itemIndex?: number): Promise<DirectoryEntry[]> {
		if (key.by === 'email' && this.lookups <= FEW_LOOKUPS && !this.loaded) {
			return await findUsersByEmail(this.client, key.email, { itemIndex });
		}
		await this.load(itemIndex);
		const ids = this.index.get(keyOf(key.by, wanted(key))) ?? [];
		return [...ids]
			.map((id) => this.entries.get(id) as DirectoryEntry)
			.filter((entry) => matches(entry, key))
			.sort((a, b) => a.id - b.id);
	}

	/**
	 * Notes what the execution changed of user `id`, so later lookups see it. Before any listing
	 * started there is nothing to note: the listing, when a lookup starts it, reads Convirza after
	 * the change. Keeping a note per item anyway held every updated user until the end of a run
	 * by ID that never looks anyone up (100,000 notes for 100,000 items).
	 */
	remember(id: number, change: Partial<Omit<DirectoryEntry, 'id'>>): void {
		if (this.loading === undefined) return;
		if (!this.loaded) {
			this.pending.set(id, { ...this.pending.get(id), ...change });
			return;
		}
		const entry = this.entries.get(id) ?? { id, email: null, externalId: null, status: null };
		this.put({ ...entry, ...change, id });
	}

	private put(entry: DirectoryEntry): void {
		const previous = this.entries.get(entry.id);
		if (previous !== undefined) for (const key of keysOf(previous)) this.index.get(key)?.delete(entry.id);
		this.entries.set(entry.id, entry);
		for (const key of keysOf(entry)) {
			const ids = this.index.get(key) ?? new Set<number>();
			ids.add(entry.id);
			this.index.set(key, ids);
		}
	}

	/** Lists the account once for the whole execution; concurrent callers share the listing. */
	private async load(itemIndex?: number): Promise<void> {
		this.loading ??= (async () => {
			for await (const user of listUsers(this.client, {}, { itemIndex })) {
				const entry = entryOf(user);
				if (entry !== undefined) this.put(entry);
			}
			this.loaded = true;
			for (const [id, change] of this.pending) this.remember(id, change);
			this.pending.clear();
		})().catch((error: unknown) => {
			// Let a later item try again: the transport already retried what it could.
			this.entries.clear();
			this.index.clear();
			this.loading = undefined;
			throw error;
		});
		await this.loading;
	}
}
