import { GroupDirectory } from './directory';
import type { RunServices } from '../operation';
import { KeyedQueue } from '../scheduler';
import type { ConvirzaClient } from '../../transport';

/** What the group operations' items share in one execution. */
export interface GroupServices extends RunServices {
	/** The hierarchy: one tree, at most one walk, kept true by the execution's own creates and updates. */
	groups: GroupDirectory;
	/** Items that share a key (what Create or Update matches on) run in input order. */
	inOrder: KeyedQueue;
	/** Groups ("<parent ID>/<name>") whose create failed without a clear answer: never sent again. */
	unsure: Set<string>;
}

export function groupServices(client: ConvirzaClient): GroupServices {
	return { client, groups: new GroupDirectory(client), inOrder: new KeyedQueue(), unsure: new Set() };
}
