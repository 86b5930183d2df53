import { getAdditionalKeys } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	INode,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/** Fields n8n keeps even though no credential property declares them. */
const UNDECLARED_FIELDS_KEPT = ['oauthTokenData', 'allowedHttpRequestDomains', 'allowedDomains'];

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};
const mockNodeType = { description: { properties: [] } } as never;
const mockNodeTypes: INodeTypes = {
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
	getKnownTypes: () => ({}),
};

/**
 * n8n CLI's `applyDefaultsAndOverwrites` minus admin overwrites: fill in the credential type's
 * defaults, then resolve expressions (`={{ ... }}`) in the data, in the calling node's context
 * when the engine gives one, else on a throw-away workflow as n8n does for credential tests.
 */
export async function resolveCredentialData(
	properties: INodeProperties[],
	original: ICredentialDataDecryptedObject,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	executeData?: IExecuteData,
	resolveValues?: ICredentialsExpressionResolveValues,
): Promise<ICredentialDataDecryptedObject> {
	const data = NodeHelpers.getNodeParameters(
		properties,
		original as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	for (const key of UNDECLARED_FIELDS_KEPT) {
		if (data[key] === undefined && original[key] !== undefined) data[key] = original[key];
	}
	const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

	if (resolveValues) {
		const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = resolveValues;
		try {
			return workflow.expression.getParameterValue(
				data as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				data,
			) as ICredentialDataDecryptedObject;
		} catch (error) {
			(error as Error).message += ' [Error resolving credentials]';
			throw error;
		}
	}

	const workflow = new Workflow({
		nodes: [mockNode],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});
	return await workflow.expression.withIsolate(
		async () =>
			workflow.expression.getComplexParameterValue(
				mockNode,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject,
	);
}
