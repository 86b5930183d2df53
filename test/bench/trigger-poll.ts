/**
 * `npm run bench:trigger`: one poll of the Convirza Trigger (the built node in dist/) over 10,000 new
 * calls, through n8n-core's poll machinery as n8n 2.41 runs it by default (live static data): its wall
 * time, CPU time, memory, the requests it made and the size of the state it leaves in static data.
 * The simulator runs in this process, so CPU time includes it. Run with --expose-gc (the script does)
 * for the retained heap.
 */
import '../harness/engine-environment';

import type { INodeType } from 'n8n-workflow';

import { CREDENTIAL_REF, credentialTypes, tokenCredential } from '../engine/convirzaWorkflow';
import { PollTrigger, TestCredentialsHelper, createCredentialStore, createNodeTypes } from '../harness';
import { startSimulator } from '../simulator';
import { canCollectGarbage, measure } from './measure';

// The built node, required at run time so that typechecking a fresh clone needs no dist/.
const { ConvirzaTrigger } = require('../../dist/nodes/ConvirzaTrigger/ConvirzaTrigger.node.js') as {
	ConvirzaTrigger: new () => INodeType;
};

const DAY = 24 * 3600 * 1000;
const TYPE = 'n8n-nodes-convirza.convirzaTrigger';

async function main(): Promise<void> {
	// The trigger and the simulator share this clock; it moves only when the bench moves it.
	let now = Date.now();
	Date.now = () => now;
	const activation = now;
	// 10,834 fixture calls in the day after the activation, 10,001 of them in the caller's account
	const sim = await startSimulator({ calls: 10_834, callDays: 1, now: activation + DAY, logBodies: false });
	try {
		const trigger = new PollTrigger({
			node: {
				id: 'c0a1b2c3-0000-4000-8000-0000000be4c1',
				name: 'Convirza Trigger',
				type: TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newCall' },
				credentials: { convirzaApi: CREDENTIAL_REF },
			},
			nodeTypes: createNodeTypes({ [TYPE]: new ConvirzaTrigger() }),
			credentialsHelper: new TestCredentialsHelper(credentialTypes, createCredentialStore(tokenCredential(sim))),
			engine: 'classic',
		});
		const activated = await trigger.activate();
		if (activated.error) throw activated.error;
		now = activation + DAY + 60_000;
		sim.setNow(now);
		sim.clearLog();
		const { result, m } = await measure(async () => await trigger.tick());
		if (result.error) throw result.error;
		const stateBytes = Buffer.byteLength(JSON.stringify(trigger.state));
		const row = {
			scenario: 'one poll over 10,000 new calls (New Call, n8n 2.41 default engine)',
			items: result.items.length,
			requests: sim.requests('GET', '/v3/conversations/calls').length,
			wallMs: Math.round(m.wallMs),
			cpuMs: Math.round(m.cpuMs),
			peakRssMb: Math.round(m.peakRssMb),
			peakHeapDeltaMb: Math.round(m.peakHeapDeltaMb),
			retainedHeapMb: m.retainedHeapMb === null ? null : Math.round(m.retainedHeapMb),
			staticDataKb: Math.round(stateBytes / 1024),
			node: process.version,
			gc: canCollectGarbage,
		};
		process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
	} finally {
		await sim.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
