/**
 * The Convirza Trigger in n8n's engine: a trigger node as the editor saves it, driven tick by tick
 * through n8n-core's poll machinery (test/harness/poll-trigger.ts), and Fetch Test Event as the
 * editor runs it (a manual execution of the trigger alone).
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_REF, credentialTypes, tokenCredential } from './convirzaWorkflow';
import { ConvirzaTrigger } from '../../nodes/ConvirzaTrigger/ConvirzaTrigger.node';
import { PollTrigger, TestCredentialsHelper, createCredentialStore, createNodeTypes, runWorkflow, type PollEngine } from '../harness';
import { freezeClock, type TestClock } from '../kit/clock';
import { startSimulator, type ConvirzaSimulator } from '../simulator';

export const TRIGGER_TYPE = 'n8n-nodes-convirza.convirzaTrigger';
export const TRIGGER_NAME = 'Convirza Trigger';
export const CALLS = '/v3/conversations/calls';
export const TEXTS = '/v3/conversations/sms';
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const ENGINES: PollEngine[] = ['durable', 'classic', 'n8n1'];

export function triggerNode(parameters: INodeParameters = {}): INode {
	return {
		id: 'c0a1b2c3-0000-4000-8000-00000000f001',
		name: TRIGGER_NAME,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
		credentials: { convirzaApi: CREDENTIAL_REF },
	};
}

const nodeTypes = () => createNodeTypes({ [TRIGGER_TYPE]: new ConvirzaTrigger() });

let workflows = 0;

export interface TriggerSetup {
	parameters?: INodeParameters;
	engine?: PollEngine;
	budgetMs?: number;
}

/** A trigger of a workflow of its own (its own one-poll-at-a-time key), not yet activated. */
export function newTrigger(sim: ConvirzaSimulator, { parameters = {}, engine = 'durable', budgetMs }: TriggerSetup = {}): PollTrigger {
	return new PollTrigger({
		node: triggerNode(parameters),
		nodeTypes: nodeTypes(),
		credentialsHelper: new TestCredentialsHelper(credentialTypes, createCredentialStore(tokenCredential(sim))),
		engine,
		budgetMs,
		workflowId: `trigger-workflow-${++workflows}`,
	});
}

/** Fetch Test Event: the editor's manual run of the trigger alone, over the workflow's static data. */
export async function fetchTestEvent(sim: ConvirzaSimulator, parameters: INodeParameters, staticData: IDataObject = {}) {
	const run = await runWorkflow({
		workflow: { nodes: [triggerNode(parameters)], connections: {} },
		nodeTypes: nodeTypes(),
		credentialTypes,
		credentials: createCredentialStore(tokenCredential(sim)),
		staticData,
	});
	return { run, items: run.output(TRIGGER_NAME).map((item) => item.json) };
}

export const idsOf = (items: IDataObject[]) => items.map((item) => item.call_id ?? item.conversation_id);

export interface TriggerTestBed {
	sim: ConvirzaSimulator;
	clock: TestClock;
}

/**
 * For each test of the file: a simulator (with `calls` fixture calls) and the frozen clock it shares
 * with the trigger, started before the test and stopped after it.
 */
export function useTriggerTestBed(calls: number): TriggerTestBed {
	const bed = {} as TriggerTestBed;
	beforeEach(async () => {
		bed.clock = freezeClock();
		bed.sim = await startSimulator({ calls });
	});
	afterEach(async () => {
		await bed.sim.close();
		bed.clock.restore();
	});
	return bed;
}

/** The trigger once activated: the activation's poll emitted nothing and failed not. */
export async function activated(trigger: PollTrigger): Promise<PollTrigger> {
	expect(await trigger.activate()).toEqual({ items: [] });
	return trigger;
}
