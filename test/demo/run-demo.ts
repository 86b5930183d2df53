/**
 * `npm run demo`: the node's main job, end to end, with no Convirza account. Starts the local
 * Convirza simulator, runs `crm-sync.workflow.json` (importable into n8n as it is: CRM contacts keyed
 * by email → Convirza "Create or Update") through n8n's real execution engine with the BUILT node
 * from dist/, and prints what went in, what came out, the Convirza records before and after, and
 * a one-line summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { createCredentialStore, runWorkflow, type WorkflowJson } from '../harness';
import { CREDENTIAL_REF, convirzaNodeTypes, credentialTypes } from '../engine/convirzaWorkflow';
import { startSimulator, type ConvirzaSimulator } from '../simulator';

const WATCHED = ['username', 'first_name', 'last_name', 'agent_ring_to', 'user_ext_id', 'role', 'timezone', 'ct_user_ou_id'] as const;
const NODE = 'Create or update user';

/** The simulator's users with these emails (seeded IDs start at 10001; created ones follow). */
function idsByEmail(sim: ConvirzaSimulator, emails: string[]): number[] {
	const wanted = new Set(emails.map((email) => email.toLowerCase()));
	const ids: number[] = [];
	for (let id = 10001; id < 10100; id++) {
		const email = sim.userRecord(id)?.username.toLowerCase();
		if (email !== undefined && wanted.has(email)) ids.push(id);
	}
	return ids;
}

function loadBuiltNode(): INodeType {
	const built = join(__dirname, '..', '..', 'dist', 'nodes', 'Convirza', 'Convirza.node.js');
	const { Convirza } = require(built) as { Convirza: new () => INodeType };
	return new Convirza();
}

function records(sim: ConvirzaSimulator, ids: number[]): IDataObject[] {
	return ids.map((id) => {
		const user = sim.userRecord(id);
		if (user === undefined) return { id, record: '(no such user)' };
		return { id, ...Object.fromEntries(WATCHED.map((key) => [key, user[key]])) };
	});
}

function heading(text: string): void {
	process.stdout.write(`\n── ${text} ${'─'.repeat(Math.max(0, 70 - text.length))}\n`);
}

function show(items: INodeExecutionData[], pick: (item: INodeExecutionData) => IDataObject): void {
	if (items.length === 0) process.stdout.write('(none)\n');
	else console.table(items.map(pick));
}

async function main(): Promise<void> {
	const workflow = JSON.parse(readFileSync(join(__dirname, 'crm-sync.workflow.json'), 'utf8')) as WorkflowJson;
	const sim = await startSimulator();
	try {
		const credentials = createCredentialStore({
			...CREDENTIAL_REF,
			type: 'convirzaApi',
			data: { authentication: 'accessToken', accessToken: sim.tokens.admin, baseUrl: sim.baseUrl },
		});
		process.stdout.write(`Convirza simulator: ${sim.baseUrl}\nWorkflow: test/demo/crm-sync.workflow.json\n`);

		const run = async (destinationNode?: string) => {
			const result = await runWorkflow({
				workflow,
				nodeTypes: convirzaNodeTypes(loadBuiltNode()),
				credentialTypes,
				credentials,
				destinationNode,
			});
			if (result.error) throw new Error(`The workflow failed: ${result.error.message}`);
			return result;
		};

		// First only up to the CRM step, to know which users the contacts are.
		const contacts = (await run('CRM contacts')).output('CRM contacts');
		const emails = contacts.map((item) => String(item.json.email));
		heading('In: CRM contacts');
		show(contacts, (item) => item.json);
		heading('Convirza before (the contacts Convirza already has)');
		console.table(records(sim, idsByEmail(sim, emails)));
		sim.clearLog();

		const result = await run();
		const synced = result.output(NODE, 0);
		const failed = result.output(NODE, 1);
		heading('Out: success output (what was done, Convirza envelope, linked to the input item)');
		show(synced, (item) => ({
			item: (item.pairedItem as { item: number }).item,
			action: item.json.action as string,
			userId: item.json.userId as number,
			code: item.json.code as number,
			request_id: item.json.request_id as string,
		}));

		heading('Out: error output (one per failed item, merged with its input; nothing was sent for these)');
		show(failed, (item) => ({
			item: (item.pairedItem as { item: number }).item,
			email: item.json.email as string,
			error: item.json.error as string,
		}));

		heading('Requests Convirza received');
		console.table(sim.log.map((entry) => ({ request: `${entry.method} ${entry.url}`, status: entry.status })));

		heading('Convirza after (empty CRM fields left stored values alone; phones are E.164)');
		console.table(records(sim, idsByEmail(sim, emails)));

		const count = (action: string) => synced.filter((item) => item.json.action === action).length;
		process.stdout.write(`\n${count('updated')} updated, ${count('created')} created, ${failed.length} failed\n`);
	} finally {
		await sim.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
