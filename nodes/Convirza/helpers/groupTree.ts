import type { IDataObject } from 'n8n-workflow';

import type { GroupTreeNode } from '../api/types';

export interface GroupEntry {
	id: number;
	/** Names from the top of the tree down to the group, e.g. "West Region › Sales Team". */
	path: string;
}

function nameOf(node: GroupTreeNode): string {
	return String(node.org_unit_name ?? node.text ?? node.org_unit_id);
}

/**
 * Flattens GET /v3/groups/tree into entries labelled with their full path. The docs show a flat
 * list whose `code` ("1.2.1") encodes the position, while their prose promises nested `children`:
 * both shapes are read.
 */
export function flattenGroupTree(data: unknown): GroupEntry[] {
	const groups = (data as IDataObject | undefined)?.groups;
	if (!Array.isArray(groups)) return [];
	const entries: GroupEntry[] = [];
	const pathByCode = new Map<string, string>();

	const visit = (node: GroupTreeNode, parentPath: string | undefined) => {
		let parent = parentPath;
		if (parent === undefined && typeof node.code === 'string') {
			parent = pathByCode.get(node.code.split('.').slice(0, -1).join('.'));
		}
		const path = parent === undefined ? nameOf(node) : `${parent} › ${nameOf(node)}`;
		if (typeof node.code === 'string') pathByCode.set(node.code, path);
		entries.push({ id: Number(node.org_unit_id), path });
		for (const child of node.children ?? []) visit(child, path);
	};
	// Flat rows come parents first (ordered by code), so a parent's path is known before its children.
	const ordered = [...(groups as GroupTreeNode[])].sort((a, b) =>
		String(a.code ?? '').localeCompare(String(b.code ?? ''), 'en', { numeric: true }),
	);
	for (const node of ordered) visit(node, undefined);
	return entries;
}
