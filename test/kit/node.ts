/** The Convirza node as n8n hands it to code that builds errors, for tests without a workflow. */
import type { INode } from 'n8n-workflow';

export function convirzaNode(name = 'Update user'): INode {
	return { id: 'n1', name, type: 'n8n-nodes-convirza.convirza', typeVersion: 1, position: [0, 0], parameters: {} };
}
