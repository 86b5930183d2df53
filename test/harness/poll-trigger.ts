/**
 * Drives a polling trigger the way an n8n server does: n8n-core's own PollTriggerExecutor runs each
 * tick (TriggersAndPollers calls the node's poll() on a real PollContext), and the node's static data
 * lives in a "database" (`stored`, JSON) written exactly when n8n 2.41 writes it. A restart is a new
 * PollTrigger built from that database. After the activation n8n saves the workflow's static data
 * (saveStaticData), on every engine. Then:
 *
 * - durable: n8n 2.x with its durable scheduler on. The node's state is a cursor row, created from
 *   the node's static data on first use; each poll works on a copy of it, and the copy is committed
 *   with the execution an emitting poll starts, or alone (__commitCursor) after a scheduled poll that
 *   emits nothing. The activation's poll is never committed, a failed poll's copy is dropped. Each
 *   tick builds its workflow from the database. The poll budget is given (getPollBudgetMs).
 * - classic: n8n 2.x as installed (durable scheduler off). The node changes the workflow's live
 *   static data, which n8n saves when a poll emits (saveStaticData in __emit), not otherwise: a restart
 *   loses what a poll that emitted nothing changed. The PollContext's default budget (5 minutes).
 * - n8n1: classic, on a context without getPollBudgetMs, as n8n 1.x builds it.
 */
import './engine-environment';

import { AsyncLocalStorage } from 'node:async_hooks';
import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
import { Workflow, deepCopy } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, INodeTypes, IPollFunctions, IWorkflowBase } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { TestCredentialsHelper } from './credentials-helper';
import { toWorkflowBase } from './workflow-json';

export type PollEngine = 'durable' | 'classic' | 'n8n1';

export interface PollTriggerOptions {
	node: INode;
	nodeTypes: INodeTypes;
	credentialsHelper: TestCredentialsHelper;
	engine: PollEngine;
	/** getPollBudgetMs (durable: default 4 minutes, what n8n computes from its default timeouts). */
	budgetMs?: number;
	/** What n8n's database holds: `stored` of the trigger before a restart. */
	stored?: string;
	/** The workflow's ID (the trigger keys its one-poll-at-a-time rule on it). */
	workflowId?: string;
}

/** What n8n keeps: the workflow's static data, and (durable) the poll cursor row of the node. */
interface Database {
	staticData: IDataObject;
	cursor?: IDataObject;
}

export interface Tick {
	/** The items the tick handed to a new execution; none: it started none. */
	items: IDataObject[];
	/** The error n8n recorded as a failed execution (a cron tick) or threw (the activation). */
	error?: Error;
}

type Emit = (data: INodeExecutionData[][]) => void;

let ticks = 0;

export class PollTrigger {
	private db: Database;
	private workflow: Workflow;
	private readonly workflowData: IWorkflowBase;
	private readonly key: string;

	constructor(private readonly options: PollTriggerOptions) {
		this.db = options.stored === undefined ? { staticData: {} } : (JSON.parse(options.stored) as Database);
		this.key = `node:${options.node.name}`;
		this.workflowData = { ...toWorkflowBase({ id: options.workflowId ?? 'poll-workflow', nodes: [options.node], connections: {} }), active: true };
		this.workflow = this.loadWorkflow();
	}

	/** The database, as JSON. */
	get stored(): string {
		return JSON.stringify(this.db);
	}

	/** n8n restarted: a trigger that knows only what the database holds. */
	restart(changes: Partial<PollTriggerOptions> = {}): PollTrigger {
		return new PollTrigger({ ...this.options, ...changes, stored: this.stored });
	}

	/** The node's state as stored (durable: the cursor row). */
	get state(): IDataObject {
		const state = this.options.engine === 'durable' ? this.db.cursor : this.db.staticData[this.key];
		return deepCopy((state ?? {}) as IDataObject);
	}

	/** The activation's poll: n8n runs it at once (a throw fails the activation), then saves the static data. */
	async activate(): Promise<Tick> {
		const tick = await this.run(true);
		this.saveStaticData();
		return tick;
	}

	/** One scheduled tick: what it emitted, or the error n8n recorded. */
	async tick(): Promise<Tick> {
		if (this.options.engine === 'durable') this.workflow = this.loadWorkflow();
		return await this.run(false);
	}

	private loadWorkflow(): Workflow {
		return new Workflow({
			id: this.workflowData.id,
			name: this.workflowData.name,
			nodes: this.workflowData.nodes,
			connections: {},
			active: true,
			nodeTypes: this.options.nodeTypes,
			staticData: deepCopy(this.db.staticData),
			settings: this.workflowData.settings,
		});
	}

	private saveStaticData(): void {
		this.db = { ...this.db, staticData: deepCopy(this.workflow.staticData as IDataObject) };
	}

	private async run(activation: boolean): Promise<Tick> {
		const tick: Tick = { items: [] };
		const node = this.workflow.getNode(this.options.node.name) as INode;
		const emit: Emit = (data) => {
			this.saveStaticData(); // n8n's __emit: saveStaticData, then the execution
			tick.items = (data[0] ?? []).map((item) => item.json);
		};
		const emitError = (error: Error) => {
			tick.error = error;
		};
		const context = this.options.engine === 'durable' ? this.durableContext(node, emit, emitError) : this.classicContext(node, emit, emitError);
		try {
			await Container.get(PollTriggerExecutor).create(this.workflow, node, context, () => true)(activation);
		} catch (error) {
			tick.error = error as Error;
		}
		return tick;
	}

	private additionalData() {
		const { credentialsHelper } = this.options;
		return createAdditionalData({ credentialsHelper, executionId: `poll-${++ticks}`, mode: 'trigger', workflowData: this.workflowData });
	}

	private classicContext(node: INode, emit: Emit, emitError: (error: Error) => void): IPollFunctions {
		const { budgetMs } = this.options;
		const budget = budgetMs === undefined ? undefined : () => budgetMs;
		const context = new PollContext(this.workflow, node, this.additionalData(), 'trigger', 'activate', emit, emitError, undefined, undefined, undefined, budget);
		if (this.options.engine === 'n8n1') Object.assign(context, { getPollBudgetMs: undefined });
		return context;
	}

	private durableContext(node: INode, emit: Emit, emitError: (error: Error) => void): IPollFunctions {
		const staged = new AsyncLocalStorage<{ snapshot: IDataObject; seed: string }>();
		const commit = () => {
			const store = staged.getStore();
			if (store === undefined || JSON.stringify(store.snapshot) === store.seed) return;
			this.db = { ...this.db, cursor: deepCopy(store.snapshot) };
			store.seed = JSON.stringify(store.snapshot);
		};
		return new PollContext(
			this.workflow,
			node,
			this.additionalData(),
			'trigger',
			'update',
			(data) => {
				commit(); // committed with the execution it starts
				emit(data);
			},
			emitError,
			async () => commit(),
			async (poll) => {
				// getOrCreateCursor: the row, else one made from the node's static data
				this.db.cursor ??= deepCopy((this.db.staticData[this.key] ?? {}) as IDataObject);
				const cursor = this.db.cursor;
				return await staged.run({ snapshot: deepCopy(cursor), seed: JSON.stringify(cursor) }, poll);
			},
			() => {
				const store = staged.getStore();
				if (store === undefined) throw new Error('the node read its static data outside of a poll');
				return store.snapshot;
			},
			() => this.options.budgetMs ?? 4 * 60_000,
		);
	}
}
