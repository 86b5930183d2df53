/**
 * The two workflows `npm run bench:n8n` imports into a real n8n for one run length, both fed by the
 * same Code node: A, the Convirza node (User → Update, Map Automatically, the user by `ct_user_id`,
 * as the in-process bench's "by ID" scale row sets it); B, n8n's own HTTP Request node sending the
 * same PUTs with the Convirza credential. The Code node builds its items from a compact list of id
 * ranges, so the workflow stays small at 20,000 items and the Code node cheap.
 */
import { isDeepStrictEqual } from 'node:util';

import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { NODE_TYPE, TRIGGER, type CredentialFile, type WorkflowFile } from '../e2e/kit/fixtures';
import { AUTO_MAP } from './auto-map';
import { FIRST, LAST, TEAMS, TIMEZONES, contacts } from './workload';

export const SOURCE = 'CRM profiles';
export const CONVIRZA = 'Update user';
export const HTTP = 'PUT user';

/** What the profiles are built from: ids as [first, count] ranges and workload.ts's lists. */
interface ProfileSource {
	ranges: Array<[number, number]>;
	first: readonly string[];
	last: readonly string[];
	timezones: readonly string[];
	teams: readonly number[];
}

/**
 * workload.ts's `contacts` as the bench's "by ID" row feeds them (`AUTO_MAP.item(contact, 'id')`), in one
 * self-contained function: its source text is the Code node's code. `checkProfiles` proves it builds
 * exactly the bench's items.
 */
function profiles(s: ProfileSource): Array<{ json: Record<string, unknown> }> {
	const items: Array<{ json: Record<string, unknown> }> = [];
	let k = 0;
	for (const [start, count] of s.ranges) {
		for (let id = start; id < start + count; id++, k++) {
			const first = s.first[k % s.first.length];
			const last = s.last[(k * 7) % s.last.length];
			const slug = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
			items.push({
				json: {
					ct_user_id: id,
					username: `${slug}.${id}@acme-corp.example`,
					first_name: first,
					last_name: last,
					role: k % 20 === 0 ? 'Admin' : k % 5 === 0 ? 'ReadOnly' : 'Standard',
					user_ext_id: `BENCH-${id}`,
					user_status: k % 13 === 0 ? 'inactive' : 'active',
					aliases: `${first.slice(0, 3)} ${last[0]}.`,
					timezone: s.timezones[k % s.timezones.length],
					agent_ring_to: `+1206555${String(k % 10_000).padStart(4, '0')}`,
					agent_code: 1000 + k,
					ct_user_ou_id: s.teams[k % s.teams.length],
					score_call: k % 3 !== 0,
					access_audio: k % 4 !== 0,
				},
			});
		}
	}
	return items;
}

/** Consecutive ids as [first, count] ranges (the simulator's added users are one range). */
function idRanges(ids: readonly number[]): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const id of ids) {
		const last = ranges[ranges.length - 1];
		if (last && last[0] + last[1] === id) last[1]++;
		else ranges.push([id, 1]);
	}
	return ranges;
}

const source = (ids: readonly number[]): ProfileSource => ({
	ranges: idRanges(ids),
	first: FIRST,
	last: LAST,
	timezones: TIMEZONES,
	teams: TEAMS,
});

/** The items the Code node must return, as the in-process bench builds them. */
export function expectedProfiles(ids: readonly number[]): IDataObject[] {
	// contacts' run number changes only the CRM id, which the "by ID" items replace with BENCH-<id>
	return contacts(ids, 0).map((contact) => AUTO_MAP.item(contact, 'id'));
}

/** Fails unless the Code node's generator builds exactly the bench's items (run before n8n sees it). */
export function checkProfiles(ids: readonly number[]): void {
	const built = profiles(source(ids)).map((item) => item.json);
	if (!isDeepStrictEqual(built, expectedProfiles(ids))) {
		throw new Error("the Code node's profiles differ from workload.ts's contacts: keep profiles() in step with it");
	}
}

const nodeId = (x: number, n: number): string => `5e7b0c1a-0000-4000-8000-${String(n).padStart(6, '0')}${String(x).padStart(6, '0')}`;

function node(name: string, type: string, typeVersion: number, x: number, n: number, parameters: INodeParameters = {}): INode {
	return { id: nodeId(x, n), name, type, typeVersion, position: [x, 0], parameters };
}

export interface BenchTarget {
	items: number;
	baseUrl: string;
	userIds: readonly number[];
	credential: CredentialFile;
}

function workflow(id: string, name: string, target: BenchTarget, last: INode): WorkflowFile {
	const code = `// ${target.items} CRM profiles keyed as Convirza names the fields (test/bench/real-n8n-workflows.ts)\n` +
		`return (${profiles.toString()})(${JSON.stringify(source(target.userIds.slice(0, target.items)))});\n`;
	const credentials = { convirzaApi: { id: target.credential.id, name: target.credential.name } };
	const nodes = [
		node(TRIGGER, 'n8n-nodes-base.manualTrigger', 1, 0, target.items),
		node(SOURCE, 'n8n-nodes-base.code', 2, 220, target.items, { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: code }),
		{ ...last, credentials },
	];
	const to = (next: string) => ({ main: [[{ node: next, type: 'main', index: 0 }]] });
	return { id, name, nodes, connections: { [TRIGGER]: to(SOURCE), [SOURCE]: to(last.name) }, settings: { executionOrder: 'v1' } };
}

/** Workflow A: the Convirza node, Concurrency Auto, Fill Unset Fields off. */
export function convirzaWorkflow(target: BenchTarget): WorkflowFile {
	const update = node(CONVIRZA, NODE_TYPE, 1, 440, target.items, {
		resource: 'user',
		operation: 'update',
		...AUTO_MAP.parameters(0, 'id'),
	});
	return workflow(`benchConvirza${target.items}`, `Bench: Convirza node, ${target.items} items`, target, update);
}

/**
 * Workflow B: n8n's HTTP Request node, PUT per item with the Convirza credential, batching off (so it
 * starts every request at once, as n8n does by default). The body is the item without `ct_user_id`,
 * which the API refuses as an unknown field: one expression per item.
 */
export function httpWorkflow(target: BenchTarget): WorkflowFile {
	const put = node(HTTP, 'n8n-nodes-base.httpRequest', 4.2, 440, target.items, {
		method: 'PUT',
		url: `=${target.baseUrl}/users/{{ $json.ct_user_id }}`,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'convirzaApi',
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ (({ ct_user_id, ...body }) => body)($json) }}',
		options: {},
	});
	return workflow(`benchHttp${target.items}`, `Bench: HTTP Request node, ${target.items} items`, target, put);
}
