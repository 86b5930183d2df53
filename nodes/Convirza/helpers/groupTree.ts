import type { GroupTreeNode } from '../api/types';

/** How a group's path is shown: the names from the top of the tree down, e.g. "Acme › West Region". */
export const PATH_SEPARATOR = ' › ';

export interface GroupEntry {
	id: number;
	name: string;
	/** The group above it in the tree; null at the top of what the caller sees. */
	parentId: number | null;
	/** Names from the top of the tree down to the group, e.g. "West Region › Sales Team". */
	path: string;
}

function nameOf(node: GroupTreeNode): string {
	return String(node.org_unit_name ?? node.text ?? node.org_unit_id);
}

/**
 * Flattens GET /v3/groups/tree's rows into entries labelled with their full path, parents first.
 * The docs show a flat list whose `code` ("1.2.1") encodes the position, while their prose promises
 * nested `children`: both shapes are read.
 */
export function flattenGroupTree(groups: readonly GroupTreeNode[]): GroupEntry[] {
	const entries: GroupEntry[] = [];
	const byCode = new Map<string, GroupEntry>();

	const visit = (node: GroupTreeNode, parent: GroupEntry | undefined) => {
		const above = parent ?? (typeof node.code === 'string' ? byCode.get(node.code.split('.').slice(0, -1).join('.')) : undefined);
		const name = nameOf(node);
		const entry: GroupEntry = {
			id: Number(node.org_unit_id),
			name,
			parentId: above?.id ?? null,
			path: above === undefined ? name : `${above.path}${PATH_SEPARATOR}${name}`,
		};
		if (typeof node.code === 'string') byCode.set(node.code, entry);
		entries.push(entry);
		for (const child of node.children ?? []) visit(child, entry);
	};
	// Flat rows come parents first (ordered by code), so a parent's path is known before its children.
	const ordered = [...groups].sort((a, b) =>
		String(a.code ?? '').localeCompare(String(b.code ?? ''), 'en', { numeric: true }),
	);
	for (const node of ordered) visit(node, undefined);
	return entries;
}

/** A name as names are compared: exact after trimming, in any letter case. */
export const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

/**
 * The names a group path gives, top down: "Acme / Sales / West" or "Acme › Sales › West" (the
 * picker's separator). A text without a separator is one name.
 */
export function pathSegments(text: string): string[] {
	return text.split(/[/›]/).map(nameKey);
}
