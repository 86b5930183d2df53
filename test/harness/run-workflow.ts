import { WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ExecutionError,
	IDataObject,
	ICredentialType,
	INodeExecutionData,
	INodeTypes,
	IRun,
	IRunData,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { startExpressionEngine } from './expression-engine';
import type { CredentialStore } from './credential-store';
import { TestCredentialsHelper } from './credentials-helper';
import { toWorkflowBase } from './workflow-json';
import type { WorkflowJson } from './workflow-json';

export interface RunWorkflowOptions {
	workflow: WorkflowJson;
	nodeTypes: INodeTypes;
	credentialTypes?: Record<string, ICredentialType>;
	/** Saved credentials; pass the same store to several runs to share persisted tokens. */
	credentials?: CredentialStore;
	/** Use this helper (and its store and `preAuthLog`) instead of building one per run. */
	credentialsHelper?: TestCredentialsHelper;
	/** Run only up to (and including) this node, like n8n's "Execute step" from scratch. */
	destinationNode?: string;
	/** The workflow's static data (changed in place by what the run writes into it). */
	staticData?: IDataObject;
}

export interface RunResult {
	run: IRun;
	runData: IRunData;
	/**
	 * Workflow-level error: a node failed without "continue" settings, or the run was cancelled.
	 * Like `nodeError`, a plain copy (`{ ...error, message, stack }`) as n8n stores it, so match on
	 * `name`/`message`/`httpCode`, not `instanceof`.
	 */
	error?: ExecutionError;
	/** 'success' | 'error' | 'canceled' | 'waiting', as n8n records the execution. */
	status: string;
	/** Nodes in the order they finished. */
	executedNodes: string[];
	credentialsHelper: TestCredentialsHelper;
	/** Items of the node's last run on output `branch` (default 0), `pairedItem` untouched. */
	output(nodeName: string, branch?: number): INodeExecutionData[];
	/** All main outputs of the node's last run. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** The error the node's last run ended with, if any. */
	nodeError(nodeName: string): ExecutionError | undefined;
}

export interface StartedWorkflow {
	/** Cancels like n8n's "Stop execution": aborts `getExecutionCancelSignal()` in running nodes. */
	cancel(reason?: string): void;
	result: Promise<RunResult>;
}

let executionCounter = 0;

function toRunResult(
	run: IRun,
	credentialsHelper: TestCredentialsHelper,
	executedNodes: string[],
	cancelled: boolean,
): RunResult {
	const runData = run.data.resultData.runData;
	const lastRun = (nodeName: string) => runData[nodeName]?.at(-1);
	const outputs = (nodeName: string) =>
		(lastRun(nodeName)?.data?.main ?? []).map((items) => items ?? []);
	return {
		run,
		runData,
		error: run.data.resultData.error,
		status: cancelled ? 'canceled' : run.status,
		executedNodes,
		credentialsHelper,
		output: (nodeName, branch = 0) => outputs(nodeName)[branch] ?? [],
		outputs,
		nodeError: (nodeName) => lastRun(nodeName)?.error,
	};
}

/**
 * Starts a manual execution through n8n-core's real `WorkflowExecute`, the way n8n's
 * `ManualExecutionService` runs a full workflow: `run()` from the start node (the trigger), once
 * the expression engine has started (expression-engine.ts). Anything the engine refuses before
 * starting (unknown node type, WorkflowHasIssuesError) rejects `result`.
 */
export function startWorkflow(options: RunWorkflowOptions): StartedWorkflow {
	const credentialsHelper =
		options.credentialsHelper ??
		new TestCredentialsHelper(options.credentialTypes ?? {}, options.credentials);
	const executedNodes: string[] = [];
	let execution: ReturnType<WorkflowExecute['run']> | undefined;
	// A node may turn the abort into an error of its own; n8n still records the run as canceled
	let cancelled: { reason?: string } | undefined;
	const result = startExpressionEngine().then(async () => {
		execution = launch(options, credentialsHelper, executedNodes);
		// cancelled while the engine was starting: cancel as soon as the run exists
		if (cancelled) execution.cancel(cancelled.reason);
		const run = await execution;
		return toRunResult(run, credentialsHelper, executedNodes, cancelled !== undefined);
	});
	return {
		cancel: (reason) => {
			cancelled = { reason };
			execution?.cancel(reason);
		},
		result,
	};
}

function launch(
	options: RunWorkflowOptions,
	credentialsHelper: TestCredentialsHelper,
	executedNodes: string[],
) {
	const workflowData = toWorkflowBase(options.workflow);
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: options.nodeTypes,
		settings: workflowData.settings,
		pinData: workflowData.pinData,
		staticData: options.staticData,
	});
	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: String(++executionCounter),
		mode: 'manual',
		workflowData,
	});
	additionalData.hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});
	const { destinationNode } = options;
	return new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		destinationNode: destinationNode ? { nodeName: destinationNode, mode: 'inclusive' } : undefined,
		pinData: workflowData.pinData,
	});
}

/** Runs a workflow to completion; see {@link startWorkflow}. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunResult> {
	return await startWorkflow(options).result;
}
