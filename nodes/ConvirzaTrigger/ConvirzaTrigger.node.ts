import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { onePollAtATime, pollBudget } from './budget';
import { callEvents } from './calls';
import { properties, readCallFilters, readEvent, readLookBackMs, readTextType } from './description';
import { freshState, loadState, rememberStart, saveState, storedStart } from './state';
import { textEvents } from './texts';
import { ItemError } from '../Convirza/helpers/InputError';
import { searchGroups } from '../Convirza/methods/listSearch';
import { ConvirzaClient } from '../Convirza/transport';

/** Where each event keeps its state in the node's static data. */
const STATE_KEY = { newCall: 'calls', newTextMessage: 'texts' } as const;

/** A poll n8n gave up on stops blocking the next one this long after its budget. */
const STALE_AFTER_BUDGET_MS = 60_000;

export class ConvirzaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Convirza Trigger',
		name: 'convirzaTrigger',
		icon: { light: 'file:convirza.svg', dark: 'file:convirza.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newCall" ? "New Call" : "New Text Message" }}',
		description: 'Starts the workflow on each new Convirza call or text message',
		defaults: { name: 'Convirza Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'convirzaApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchGroups },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		let rows: IDataObject[] | null;
		try {
			rows = await pollOnce(this);
		} catch (caught) {
			throw asNodeError(this.getNode(), caught);
		}
		return rows === null || rows.length === 0 ? null : [this.helpers.returnJsonArray(rows)];
	}
}

/** A parameter the operator set wrong becomes a NodeOperationError naming it; the rest passes. */
function asNodeError(node: INode, error: unknown): Error {
	if (error instanceof ItemError) return new NodeOperationError(node, error.message, { description: error.fix });
	return error instanceof Error ? error : new NodeOperationError(node, String(error));
}

async function pollOnce(context: IPollFunctions): Promise<IDataObject[] | null> {
	const event = readEvent(context);
	const lookBackMs = readLookBackMs(context);
	const client = new ConvirzaClient(context);
	const source =
		event === 'newCall'
			? callEvents(client, await readCallFilters(context, client), lookBackMs)
			: textEvents(client, readTextType(context), lookBackMs);
	// Fetch Test Event: the newest event, and the state left exactly as it was.
	if (context.getMode() === 'manual') return [await source.newest(Date.now())];

	const budget = pollBudget(context);
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	return await onePollAtATime(key, budget.ms + STALE_AFTER_BUDGET_MS, async () => {
		const staticData = context.getWorkflowStaticData('node');
		const now = Date.now();
		let state = loadState(staticData, STATE_KEY[event]);
		if (state === undefined) {
			const globalData = context.getWorkflowStaticData('global');
			const startKey = `${context.getNode().id}:${event}`;
			const since = storedStart(globalData, startKey, now);
			if (since === undefined) {
				// The activation: nothing from before it is new, nothing to read yet.
				saveState(staticData, STATE_KEY[event], await source.start(now));
				rememberStart(globalData, startKey, now);
				return [];
			}
			// The activation's state was lost (durable scheduler): read from the activation on.
			state = freshState(since);
		}
		const outcome = await source.poll(state, now, budget);
		// Written only now, in one assignment: a poll that failed on the way left the state untouched.
		saveState(staticData, STATE_KEY[event], outcome.state);
		return outcome.emit;
	});
}
