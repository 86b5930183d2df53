/**
 * The floor: the same PUTs sent by hand with undici, keep-alive connections, `inFlight` requests
 * at a time, no retries, no engine. Keeps every response like the node keeps its output items.
 */
import { Pool } from 'undici';

import { putBody, type Contact } from './workload';

export interface RawResult {
	ok: number;
	failed: number;
	responses: unknown[];
}

export async function rawUndici(
	baseUrl: string,
	token: string,
	items: readonly Contact[],
	inFlight: number,
): Promise<RawResult> {
	const url = new URL(baseUrl);
	const pool = new Pool(url.origin, { connections: inFlight, pipelining: 1 });
	const headers = {
		authorization: `Bearer ${token}`,
		'content-type': 'application/json',
		accept: 'application/json',
	};
	const responses: unknown[] = new Array(items.length);
	let next = 0;
	let ok = 0;
	let failed = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			const contact = items[index];
			const res = await pool.request({
				method: 'PUT',
				path: `${url.pathname}/users/${contact.id}`,
				headers,
				body: JSON.stringify(putBody(contact)),
			});
			const json = (await res.body.json()) as { code?: number };
			responses[index] = json;
			if (res.statusCode === 200 && json.code === 200) ok++;
			else failed++;
		}
	};
	try {
		await Promise.all(Array.from({ length: inFlight }, worker));
	} finally {
		await pool.close();
	}
	return { ok, failed, responses };
}
