import { UserDirectory } from './directory';
import { GroupDirectory } from '../group/directory';
import type { RunServices } from '../operation';
import { KeyedQueue } from '../scheduler';
import type { ConvirzaClient } from '../../transport';

/** What the user operations' items share in one execution. */
export interface UserServices extends RunServices {
	/** Users looked up by email or External ID (one listing of the account serves every item). */
	users: UserDirectory;
	/** Groups looked up by name, path or External ID (one tree, at most one walk, per execution). */
	groups: GroupDirectory;
	/** Items that share a key (e.g. the email Create or Update matches on) run in input order. */
	inOrder: KeyedQueue;
}

export function userServices(client: ConvirzaClient, itemCount: number): UserServices {
	return { client, users: new UserDirectory(client, itemCount), groups: new GroupDirectory(client), inOrder: new KeyedQueue() };
}
