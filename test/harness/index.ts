import './engine-environment';

export { createNodeTypes } from './nodes/node-types';
export { TestCredentialsHelper } from './credentials-helper';
export type { PreAuthCall } from './credentials-helper';
export { createCredentialStore, createCredentialTypes } from './credential-store';
export type { CredentialStore, StoredCredential } from './credential-store';
export { runWorkflow, startWorkflow } from './run-workflow';
export { PollTrigger } from './poll-trigger';
export type { PollEngine, PollTriggerOptions, Tick } from './poll-trigger';
export type { RunResult, RunWorkflowOptions, StartedWorkflow } from './run-workflow';
export { toWorkflowBase } from './workflow-json';
export type { WorkflowJson } from './workflow-json';
export { INSTANCE_BASE_URL, createAdditionalData } from './additional-data';
export { testCredential } from './test-credential';
export type { TestCredentialOptions } from './test-credential';
export {
	activeExpressionEngine,
	canLoadIsolatedVm,
	requestedExpressionEngine,
	settleExpressionEngine,
	startExpressionEngine,
	stopExpressionEngine,
	useExpressionEngine,
} from './expression-engine';
export type { ExpressionEngineName } from './expression-engine';
