import './engine-environment';

import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import { UnexpectedError } from 'n8n-workflow';
import type { IWorkflowBase, IWorkflowExecuteAdditionalData, WorkflowExecuteMode } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';

/** Base of every URL n8n puts into additional data; nothing listens there, it only has to parse. */
export const INSTANCE_BASE_URL = 'http://127.0.0.1:5678/';

const url = (path: string) => new URL(path, INSTANCE_BASE_URL).toString();

const unsupported = (what: string) => async () => {
	throw new UnexpectedError(`${what} is not available in the engine test harness`);
};

/**
 * What n8n's CLI `WorkflowExecuteAdditionalData.getBase()` builds for an execution, minus the
 * database, sub-workflows and task runners: our credentials helper, parseable instance URLs, and
 * n8n-core's own `ExecutionLifecycleHooks` (the engine asserts they exist).
 */
export function createAdditionalData(options: {
	credentialsHelper: TestCredentialsHelper;
	executionId: string;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
}): IWorkflowExecuteAdditionalData & { hooks: ExecutionLifecycleHooks } {
	const { credentialsHelper, executionId, mode, workflowData } = options;
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		executionId,
		workflowId: workflowData.id,
		currentNodeExecutionIndex: 0,
		restApiUrl: url('rest'),
		instanceBaseUrl: INSTANCE_BASE_URL,
		formBaseUrl: url('form'),
		formWaitingBaseUrl: url('form-waiting'),
		formTestBaseUrl: url('form-test'),
		webhookBaseUrl: url('webhook'),
		webhookWaitingBaseUrl: url('webhook-waiting'),
		webhookTestBaseUrl: url('webhook-test'),
		mcpBaseUrl: url('mcp'),
		mcpTestBaseUrl: url('mcp-test'),
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('Executing a sub-workflow'),
		startRunnerTask: unsupported('The task runner'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	};
}
