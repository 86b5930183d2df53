/** Creating and changing a group, shared by Create, Update and Create or Update. */
import { NodeApiError } from 'n8n-workflow';

import type { DirectoryGroup, GroupDirectory } from './directory';
import { resolveGroupId, type GroupChoice } from './locator';
import type { GroupServices } from './services';
import { createGroup, updateGroup, type GroupChangeResponse } from '../../api/groups';
import type { ApiGroup, GroupRequestBody } from '../../api/types';
import { ItemError } from '../../helpers/InputError';
import { nameKey } from '../../helpers/groupTree';

export const PARENT = 'Parent Group';

/**
 * The parent a new group goes under: in the caller's hierarchy and active (documented), checked
 * in the execution's directory before anything is sent, whichever way it was given.
 */
export async function resolveParent(choice: GroupChoice, groups: GroupDirectory, itemIndex: number): Promise<DirectoryGroup> {
	const id = await resolveGroupId(choice, groups, PARENT, itemIndex);
	const parent = await groups.byId(id, itemIndex);
	if (parent === undefined) {
		throw new ItemError(
			`No group in your Convirza hierarchy has the ID ${id}`,
			`The "${PARENT}" must be a group your credential's user can see. Pick it from the list.`,
		);
	}
	if (!parent.active) {
		throw new ItemError(
			`The parent group ${groups.pathOf(parent)} (${id}) is inactive`,
			`Convirza creates groups only under an active group. Activate it in Convirza, or choose another "${PARENT}".`,
		);
	}
	return parent;
}

/** The group under `parent` with this name (any letter case), if there is one. */
export async function siblingNamed(
	groups: GroupDirectory,
	parent: DirectoryGroup,
	name: string,
	itemIndex: number,
): Promise<DirectoryGroup | undefined> {
	return (await groups.childrenOf(parent.id, itemIndex)).find((group) => nameKey(group.name) === nameKey(name));
}

/** Whether Convirza certainly did not act on a request that failed with `error`: it refused it (4xx). */
const refused = (error: unknown) => error instanceof NodeApiError && /^4\d\d$/.test(String(error.httpCode ?? ''));

/**
 * POST /v3/groups for a group named `body.org_unit_name` under `parent`, unless a group of that name
 * is there already (names are unique among siblings). The new group goes into the directory, so
 * later items find it. A create whose outcome is unclear is never sent again, in this item (the
 * transport) or a later one of the execution (`unsure`).
 */
export async function createUnder(
	{ client, groups, unsure }: GroupServices,
	parent: DirectoryGroup,
	body: GroupRequestBody & { org_unit_name: string },
	itemIndex: number,
): Promise<{ groupId: number | undefined; response: GroupChangeResponse }> {
	const name = body.org_unit_name;
	const where = `"${name}" under ${groups.pathOf(parent)}`;
	const taken = await siblingNamed(groups, parent, name, itemIndex);
	if (taken !== undefined) {
		const theirs = taken.externalId ? `, External ID "${taken.externalId}"` : '';
		throw new ItemError(
			`A group named ${where} exists already (ID ${taken.id}${theirs})`,
			'Convirza keeps group names unique under one parent. Use Group → Create or Update to change it, or another name.',
		);
	}
	const check = `Look for the group with Group → Get Many (Direct Children of ${groups.pathOf(parent)}, Name Contains "${name}") before running this item again.`;
	const key = `${parent.id}/${nameKey(name)}`;
	if (unsure.has(key)) {
		throw new ItemError(`An earlier item's create of the group ${where} failed without a clear answer, so it is not sent again`, check);
	}
	const sent = { ...body, org_unit_parent_id: parent.id };
	const ambiguous = `Convirza may have created the group ${where} before the request failed, so it was not sent again. ${check}`;
	const outcome = await createGroup(client, sent, ambiguous, itemIndex).then(
		(response) => ({ response }),
		(error: unknown) => ({ error }),
	);
	if ('error' in outcome) {
		if (!refused(outcome.error)) unsure.add(key);
		throw outcome.error;
	}
	const { response } = outcome;
	const id = Number(response.data?.orgUnitId);
	const groupId = Number.isSafeInteger(id) && id > 0 ? id : undefined;
	if (groupId !== undefined) {
		groups.remember(
			groupId,
			{ name, parentId: parent.id, active: true, externalId: body.org_unit_ext_id ?? null },
			// The body's keys are the list row's.
			{ ...(body as ApiGroup), org_unit_parent_id: parent.id },
		);
	}
	return { groupId, response };
}

/**
 * Sends only the fields set, as PATCH /v3/groups/{id}: Convirza's reference lists PATCH for groups
 * but documents no body (inferred: the create keys, any subset). The change goes into the
 * execution's directory, so later items look the group up by its new name or External ID.
 */
export async function changeGroup(
	run: GroupServices,
	groupId: number,
	body: GroupRequestBody,
	itemIndex: number,
): Promise<GroupChangeResponse> {
	const response = await updateGroup(run.client, groupId, body, itemIndex);
	const values = {
		...(body.org_unit_name !== undefined ? { name: body.org_unit_name } : {}),
		...(body.org_unit_ext_id !== undefined ? { externalId: body.org_unit_ext_id || null } : {}),
	};
	run.groups.remember(groupId, values, body as ApiGroup);
	return response;
}
