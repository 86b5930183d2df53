/**
 * The groups of the caller's hierarchy, for one execution. A CRM knows a team by its name or its own
 * territory code, never by Convirza's org unit ID, so groups are looked up by name, path or
 * External ID, and that must not cost requests per item:
 * - names and paths come from the tree: two requests (all groups, and the active ones, as the
 *   tree's documented rows do not carry the status);
 * - External IDs (and the groups' other fields) only from the list, which returns the direct
 *   children of one group: the first lookup by External ID walks the tree, one list request per
 *   group that has sub-groups (plus the top group itself), a few at a time.
 * Both are loaded once and shared by every item. What the execution itself creates or changes is
 * written in (`remember`), so a group created by one item is found by the next.
 */
import { getGroup, getGroupTree, listGroups } from '../../api/groups';
import type { ApiGroup } from '../../api/types';
import { PATH_SEPARATOR, flattenGroupTree, nameKey, pathSegments } from '../../helpers/groupTree';
import type { ConvirzaClient } from '../../transport';

/** What the directory keeps of a group. */
export interface DirectoryGroup {
	id: number;
	name: string;
	parentId: number | null;
	active: boolean;
	/** Known once the tree was walked (or the execution set it); null: the group has none. */
	externalId?: string | null;
}

/** Requests of the walk in flight at once: quick for a large tree, gentle on Convirza. */
const WALK_CONCURRENCY = 4;

const asExternalId = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() || null : null;

export class GroupDirectory {
	private readonly groups = new Map<number, DirectoryGroup>();

	/** Rows of the walk (list rows, the top group's get-one answer), by group ID. */
	private readonly rows = new Map<number, ApiGroup>();

	/** What this execution created or changed: its own values win over an older answer. */
	private readonly changes = new Map<number, { values: Partial<Omit<DirectoryGroup, 'id'>>; row: ApiGroup }>();

	private loadingTree: Promise<void> | undefined;

	private walking: Promise<void> | undefined;

	constructor(private readonly client: ConvirzaClient) {}

	/** Every group, parents before their children (depth first, in Convirza's order). */
	async all(itemIndex?: number): Promise<DirectoryGroup[]> {
		await this.loadTree(itemIndex);
		const children = new Map<number | null, DirectoryGroup[]>();
		for (const group of this.groups.values()) {
			const parent = group.parentId !== null && this.groups.has(group.parentId) ? group.parentId : null;
			children.set(parent, [...(children.get(parent) ?? []), group]);
		}
		const ordered: DirectoryGroup[] = [];
		const visit = (group: DirectoryGroup) => {
			ordered.push(group);
			for (const child of children.get(group.id) ?? []) visit(child);
		};
		for (const top of children.get(null) ?? []) visit(top);
		return ordered;
	}

	/** The group with this ID, if the caller's hierarchy has it. */
	async byId(id: number, itemIndex?: number): Promise<DirectoryGroup | undefined> {
		await this.loadTree(itemIndex);
		return this.groups.get(id);
	}

	/** The groups directly below `parentId`. */
	async childrenOf(parentId: number, itemIndex?: number): Promise<DirectoryGroup[]> {
		return (await this.all(itemIndex)).filter((group) => group.parentId === parentId);
	}

	/** Names from the top of the hierarchy down to the group, e.g. "Acme › West Region › Sales Team". */
	pathOf(group: DirectoryGroup): string {
		const names: string[] = [];
		const seen = new Set<number>();
		for (let at: DirectoryGroup | undefined = group; at !== undefined && !seen.has(at.id); ) {
			seen.add(at.id);
			names.unshift(at.name);
			at = at.parentId === null ? undefined : this.groups.get(at.parentId);
		}
		return names.join(PATH_SEPARATOR);
	}

	/** The path of the group with this ID; null when the caller's hierarchy does not have it. */
	async pathOfId(id: number, itemIndex?: number): Promise<string | null> {
		const group = await this.byId(id, itemIndex);
		return group === undefined ? null : this.pathOf(group);
	}

	/**
	 * The groups a name or path names: those with that name, and (for a path such as
	 * "West Region / Sales Team") those whose path ends with its names. Active and inactive alike.
	 */
	async findByName(text: string, itemIndex?: number): Promise<DirectoryGroup[]> {
		await this.loadTree(itemIndex);
		const whole = nameKey(text);
		const segments = pathSegments(text);
		return [...this.groups.values()].filter(
			(group) => nameKey(group.name) === whole || (segments.length > 1 && this.endsWith(group, segments)),
		);
	}

	/** The groups whose External ID is exactly `externalId` (after trimming). */
	async findByExternalId(externalId: string, itemIndex?: number): Promise<DirectoryGroup[]> {
		await this.walk(itemIndex);
		const wanted = externalId.trim();
		return [...this.groups.values()].filter((group) => wanted !== '' && group.externalId === wanted);
	}

	/** Every group as Convirza's list shows it, parents first (walks the tree once). */
	async rowsOf(groups: DirectoryGroup[], itemIndex?: number): Promise<ApiGroup[]> {
		await this.walk(itemIndex);
		return groups.map((group) => {
			const change = this.changes.get(group.id);
			return { ...this.rowOf(group), ...this.rows.get(group.id), ...change?.row, ...(change ? this.rowOf(group) : {}) };
		});
	}

	/**
	 * Notes what the execution created or changed (`row`: the values sent, as a list row names
	 * them), so later lookups see it. A group not known yet is added when its name and parent are given.
	 */
	remember(id: number, values: Partial<Omit<DirectoryGroup, 'id'>>, row: ApiGroup = {}): void {
		const before = this.changes.get(id);
		this.changes.set(id, { values: { ...before?.values, ...values }, row: { ...before?.row, ...row } });
		const known = this.groups.get(id);
		if (known !== undefined) this.groups.set(id, { ...known, ...values, id });
		else if (values.name !== undefined && values.parentId !== undefined) {
			this.groups.set(id, { active: true, ...values, id, name: values.name, parentId: values.parentId });
		}
	}

	private endsWith(group: DirectoryGroup, segments: string[]): boolean {
		let at: DirectoryGroup | undefined = group;
		for (let i = segments.length - 1; i >= 0; i--) {
			if (at === undefined || nameKey(at.name) !== segments[i]) return false;
			at = at.parentId === null ? undefined : this.groups.get(at.parentId);
		}
		return true;
	}

	/** The keys the directory knows of a group, as a list row names them. */
	private rowOf(group: DirectoryGroup): ApiGroup {
		return {
			org_unit_id: group.id,
			org_unit_name: group.name,
			org_unit_parent_id: group.parentId,
			org_unit_status: group.active ? 'active' : 'inactive',
			...(group.externalId !== undefined ? { org_unit_ext_id: group.externalId } : {}),
		};
	}

	/** Loads the tree once for the execution; concurrent callers share it, a failure lets a later item retry. */
	private async loadTree(itemIndex?: number): Promise<void> {
		this.loadingTree ??= (async () => {
			const [all, active] = await Promise.all([
				getGroupTree(this.client, false, itemIndex),
				getGroupTree(this.client, true, itemIndex),
			]);
			const activeIds = new Set(flattenGroupTree(active).map((entry) => entry.id));
			for (const entry of flattenGroupTree(all)) {
				// An ID goes into request paths (the walk): only a positive whole number is one.
				if (!Number.isSafeInteger(entry.id) || entry.id <= 0) continue;
				const { name, parentId } = entry;
				const values = this.changes.get(entry.id)?.values;
				this.groups.set(entry.id, { name, parentId, active: activeIds.has(entry.id), ...values, id: entry.id });
			}
		})().catch((error: unknown) => {
			this.loadingTree = undefined;
			throw error;
		});
		await this.loadingTree;
	}

	/** Walks the tree once for the execution: the top groups' own rows, and every parent's children. */
	private async walk(itemIndex?: number): Promise<void> {
		this.walking ??= (async () => {
			const groups = await this.all(itemIndex);
			const parents = new Set(groups.map((group) => group.parentId).filter((id): id is number => id !== null));
			const tasks = [
				...groups.filter((group) => group.parentId === null).map((top) => async () => [await getGroup(this.client, top.id, itemIndex)]),
				...[...parents].map((parent) => async () => {
					const children: ApiGroup[] = [];
					for await (const row of listGroups(this.client, { org_unit_id: parent }, { itemIndex })) children.push(row);
					return children;
				}),
			];
			const found = await inPool(tasks, WALK_CONCURRENCY);
			for (const row of found.flat()) this.take(row);
		})().catch((error: unknown) => {
			this.walking = undefined;
			throw error;
		});
		await this.walking;
	}

	private take(row: ApiGroup): void {
		const id = Number(row.org_unit_id);
		const group = this.groups.get(id);
		if (group === undefined) return;
		this.rows.set(id, row);
		if (this.changes.get(id)?.values.externalId === undefined) group.externalId = asExternalId(row.org_unit_ext_id);
	}
}

/** Runs the tasks with at most `limit` at once; the results in the tasks' order. */
async function inPool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	return results;
}
