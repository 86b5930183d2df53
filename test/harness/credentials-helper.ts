import './engine-environment';

import {
	ICredentialsHelper,
	UnexpectedError,
	UserError,
	deepCopy,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialTypes,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import {
	StoredCredentials,
	createCredentialTypes,
	findStoredCredential,
	getCredentialProperties,
} from './credential-store';
import type { CredentialStore } from './credential-store';
import { resolveCredentialData } from './credential-resolution';

/** One call of `preAuthentication` by the engine; `loggedIn` says whether the type's hook ran. */
export interface PreAuthCall {
	credentialType: string;
	nodeName: string;
	credentialsExpired: boolean;
	loggedIn: boolean;
}

/** Like n8n's CLI: a credential's own allowlist applies to the requests its login hook makes. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) {
					return await helpers.helpers.httpRequest(requestOptions);
				}
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined ' +
							'with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

/**
 * The credentials helper n8n's engine talks to, with the CLI `CredentialsHelper` semantics
 * (defaults applied, expressions resolved, generic `authenticate` resolved through the workflow's
 * expression engine with `$credentials`, expirable-token `preAuthentication` persisted to the
 * store) but an in-memory {@link CredentialStore} instead of the encrypted database.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly credentialTypes: ICredentialTypes;

	/** Every `preAuthentication` call the engine made, in order. */
	readonly preAuthLog: PreAuthCall[] = [];

	constructor(
		credentialTypes: Record<string, ICredentialType> | ICredentialTypes,
		readonly store: CredentialStore = {},
	) {
		super();
		this.credentialTypes =
			typeof credentialTypes.getByName === 'function'
				? (credentialTypes as ICredentialTypes)
				: createCredentialTypes(credentialTypes as Record<string, ICredentialType>);
	}

	/** How many times a credential type's `preAuthentication` (the login) actually ran. */
	get preAuthCalls(): number {
		return this.preAuthLog.filter((call) => call.loggedIn).length;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		if (!this.credentialTypes.getByName(credentialType).restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return getCredentialProperties(this.credentialTypes, type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (typeof authenticate === 'object') {
			if (!workflow || !node) {
				throw new UnexpectedError(
					'Workflow and node are required for declarative credential authentication',
				);
			}
			requestOptions.headers ??= {};
			if (authenticate.type === 'generic') {
				const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
						const keys = { $credentials: credentials };
						const resolvedKey = this.resolveValue(key, keys, workflow, node);
						target[outerKey] ??= {};
						target[outerKey][resolvedKey] = this.resolveValue(value, keys, workflow, node);
					}
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const call: PreAuthCall = {
			credentialType: typeName,
			nodeName: node?.name,
			credentialsExpired,
			loggedIn: false,
		};
		this.preAuthLog.push(call);

		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		// Copied from n8n's CLI. Its credential tester types the temp node with the No-Op node's
		// description name, which is the short "noOp" at runtime, so this is false there as well:
		// a test logs in only when the token field is empty, or after a 401.
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (!(credentials[expirable.name] === '' || credentialsExpired || isTestingCredentials)) {
			return undefined;
		}

		call.loggedIn = true;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		if (output[expirable.name] === undefined || !node.credentials) return undefined;

		// Persist the token, but never overwrite a field the user stored as an expression
		const nodeCredentials = node.credentials[credentialType.name];
		const stored = await this.getCredentials(nodeCredentials, credentialType.name);
		const storedData = await stored.getData();
		const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
		for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
			if (key === expirable.name || !isExpression(storedData[key])) dataToPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.credentialTypes.getByName(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		const restricted = restrictToCredentialDomains(helpers, credentials);
		const output = await preAuthentication.call(restricted, credentials);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<StoredCredentials> {
		return new StoredCredentials(findStoredCredential(this.store, nodeCredentials, type));
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = deepCopy(findStoredCredential(this.store, nodeCredentials, type).data);
		if (raw === true) return data;
		return await this.applyDefaultsAndResolve(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** n8n's `applyDefaultsAndOverwrites` without overwrites: type defaults, then expressions. */
	async applyDefaultsAndResolve(
		additionalData: IWorkflowExecuteAdditionalData,
		data: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		resolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		return await resolveCredentialData(
			properties,
			data,
			additionalData,
			mode,
			executeData,
			resolveValues,
		);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await (await this.getCredentials(nodeCredentials, type)).setData(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
	}

	/** Resolves one `authenticate` key or value exactly as n8n's CLI does. */
	private resolveValue(
		value: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}
}
