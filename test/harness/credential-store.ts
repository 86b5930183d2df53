import { ICredentials, NodeHelpers, UnexpectedError, UserError, deepCopy } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialTypes,
	ICredentialsEncrypted,
	INodeCredentialsDetails,
	INodeProperties,
} from 'n8n-workflow';

/** One saved credential, as n8n keeps it in its database (here decrypted, in memory). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * In-memory stand-in for n8n's credentials table, keyed by credential id. Pass the same object to
 * several runs and whatever `preAuthentication` persisted in one run is read by the next.
 */
export type CredentialStore = Record<string, StoredCredential>;

export function createCredentialStore(...credentials: StoredCredential[]): CredentialStore {
	return Object.fromEntries(credentials.map((credential) => [credential.id, deepCopy(credential)]));
}

/** Looks a node's credential reference up the way n8n's CLI does: by id and type, never by name. */
export function findStoredCredential(
	store: CredentialStore,
	nodeCredentials: INodeCredentialsDetails | undefined,
	type: string,
): StoredCredential {
	if (!nodeCredentials?.id) {
		throw new UserError(
			`The credential "${nodeCredentials?.name ?? ''}" of type "${type}" has no ID; give it one in the workflow JSON`,
		);
	}
	const stored = store[nodeCredentials.id];
	if (!stored || stored.type !== type) {
		throw new UserError(
			`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`,
		);
	}
	return stored;
}

/** `ICredentials` backed by a store entry; reads and writes copies, like decrypt/encrypt would. */
export class StoredCredentials extends ICredentials {
	constructor(private readonly stored: StoredCredential) {
		super({ id: stored.id, name: stored.name }, stored.type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return deepCopy(this.stored.data);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.stored.data) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.stored.data = deepCopy(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...this.stored.data, ...deepCopy(toUpdate) } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		this.stored.data = data;
	}
}

/** `ICredentialTypes` over a plain `{ convirzaApi: new ConvirzaApi() }` map. */
export function createCredentialTypes(types: Record<string, ICredentialType>): ICredentialTypes {
	const getByName = (name: string): ICredentialType => {
		const type = types[name];
		if (!type) throw new UnexpectedError(`Unrecognized credential type: ${name}`);
		return type;
	};
	const getParentTypes = (name: string): string[] => {
		const parents = types[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...getParentTypes(parent)]);
	};
	return {
		recognizes: (name) => name in types,
		getByName,
		getSupportedNodes: (name) => types[name]?.supportedNodes ?? [],
		getParentTypes,
	};
}

/** A credential type's properties including those it inherits through `extends`, parent first. */
export function getCredentialProperties(
	credentialTypes: ICredentialTypes,
	type: string,
): INodeProperties[] {
	const credentialType = credentialTypes.getByName(type);
	if (credentialType.extends === undefined) return credentialType.properties;
	const combined: INodeProperties[] = [];
	for (const parent of credentialType.extends) {
		NodeHelpers.mergeNodeProperties(combined, getCredentialProperties(credentialTypes, parent));
	}
	NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
	return combined;
}
