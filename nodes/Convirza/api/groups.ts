import type { ConvirzaClient } from '../transport';

/** GET /v3/groups/tree of active groups: the raw `data` (see helpers/groupTree.ts for its shapes). */
export async function getActiveGroupTree(client: ConvirzaClient): Promise<unknown> {
	const response = await client.request({ method: 'GET', path: '/groups/tree', qs: { active: 'true' } });
	return response.data;
}
