import { NodeOperationError, type INode } from 'n8n-workflow';

import type { ItemError } from '../helpers/InputError';

/** What the operator sees of an ItemError: its message naming the item, its fix as the description. */
export function itemFailure(node: INode, error: ItemError, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `${error.message} (item ${itemIndex})`, { description: error.fix, itemIndex });
}
