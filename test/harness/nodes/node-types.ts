import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { Code } from './code.node';
import { ManualTrigger } from './manual-trigger.node';
import { NoOp } from './no-op.node';

/**
 * A node-type registry keyed by package-qualified type (`n8n-nodes-base.noOp`), as workflow JSON
 * refers to nodes. Holds the stand-ins for n8n's Manual Trigger, Code and No Operation nodes plus
 * whatever `extra` adds (e.g. `{ 'n8n-nodes-convirza.convirza': new Convirza() }`).
 */
export function createNodeTypes(extra: Record<string, INodeType | IVersionedNodeType> = {}): INodeTypes {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		'n8n-nodes-base.code': new Code(),
		'n8n-nodes-base.noOp': new NoOp(),
		...extra,
	};

	const lookup = (type: string) => {
		const nodeType = types[type];
		if (!nodeType) {
			throw new UnexpectedError(`Unrecognized node type: ${type}`, { extra: { known: Object.keys(types) } });
		}
		return nodeType;
	};

	return {
		getByName: (type) => lookup(type),
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(lookup(type), version),
		getKnownTypes: () =>
			Object.fromEntries(Object.keys(types).map((type) => [type, { className: type, sourcePath: '' }])) as IDataObject,
	};
}
