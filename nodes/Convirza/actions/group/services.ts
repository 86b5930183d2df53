import { GroupDirectory } from './directory';
import type { RunServices } from '../operation';
import { KeyedQueue } from '../scheduler';
import type { ConvirzaClient } from '../../transport';

/** What the items of a resource that names groups share: the group directory. */
export interface DirectoryServices extends RunServices {
	/** The hierarchy: one tree, at most one walk, kept true by the execution's own creates and updates. */
	groups: GroupDirectory;
}

export function directoryServices(client: ConvirzaClient): DirectoryServices {
	return { client, groups: new GroupDirectory(client) };
}

/** What the group operations' items share in one execution. */
export interface GroupServices extends DirectoryServices {
	/** Items that share a key (what Create or Update matches on) run in input order. */
	inOrder: KeyedQueue;
	/** Groups ("<parent ID>/<name>") whose create failed without a clear answer: never sent again. */
	unsure: Set<string>;
}

export function groupServices(client: ConvirzaClient): GroupServices {
	return { ...directoryServices(client), inOrder: new KeyedQueue(), unsure: new Set() };
}
