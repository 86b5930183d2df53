import type { INode } from 'n8n-workflow';

import { failureToError } from '../../nodes/Convirza/transport/apiError';
import type { Failure } from '../../nodes/Convirza/transport/failure';

export const TEST_NODE: INode = {
	id: 'n',
	name: 'Convirza',
	type: 'n8n-nodes-convirza.convirza',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const HINT = 'Convirza may have created the user; check before running again.';

/** Whether the error the operator would see for `failure` says Convirza may have acted. */
export function apiErrorHasAmbiguousHint(failure: Failure): boolean {
	const error = failureToError(TEST_NODE, failure, { itemIndex: 0, ambiguous: HINT, attempts: 1, elapsedMs: 1 });
	return error.description?.includes(HINT) === true;
}
