import { deepCopy } from 'n8n-workflow';
import type { IConnections, INode, IPinData, IWorkflowBase, IWorkflowSettings } from 'n8n-workflow';

/** A workflow as n8n exports it (only the parts the engine reads). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

/**
 * The workflow record n8n hands to its lifecycle hooks, built from exported JSON. Nodes are copied:
 * `new Workflow()` fills parameter defaults in place and the caller's JSON must stay reusable.
 */
export function toWorkflowBase(json: WorkflowJson): IWorkflowBase {
	const now = new Date();
	return {
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: deepCopy(json.nodes),
		connections: json.connections,
		// n8n creates every new workflow with execution order v1, and exports carry it
		settings: { executionOrder: 'v1', ...json.settings },
		pinData: json.pinData,
	};
}
