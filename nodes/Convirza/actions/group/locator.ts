/**
 * Naming a group: picked from the list, or given by Convirza's org unit ID, by name or path, or by
 * External ID (what a CRM knows a team by). The user's Group field and the Group resource's
 * parameters share these modes. Reading a value checks it without any request; resolving it looks
 * the group up in the execution's directory, and fails unless exactly one active group matches.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DirectoryGroup, GroupDirectory } from './directory';
import { InputError, ItemError } from '../../helpers/InputError';
import { parseNonNegativeInteger, parseText } from '../../helpers/validation';
import { nodeParameter } from '../parameters';

/** A group named by what the operator knows of it; an org unit ID needs no lookup and stays a number. */
export type GroupLookup = { by: 'name'; name: string } | { by: 'externalId'; externalId: string };

/** A group as an item gives it: its org unit ID, or what to look it up by. */
export type GroupChoice = number | GroupLookup;

/** A group parameter (resource locator): from the list, by ID, by name or path, by External ID. */
export function groupLocator(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group...',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 70035',
				hint: 'The numeric org unit ID of the group',
				validation: [{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Not a valid group ID' } }],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Sales Team, or West Region / Sales Team',
				hint: 'The group\'s name, or its path from the top down (separated by "/" or "›") where names repeat; any letter case',
			},
			{
				displayName: 'By External ID',
				name: 'externalId',
				type: 'string',
				placeholder: 'e.g. TERR-WEST-01',
				hint: "Your own ID for the group (the org unit's External ID), matched exactly",
			},
		],
	};
}

/**
 * A group value as n8n hands it over: the locator ({mode, value}), or a plain value (an ID, as
 * expressions gave it before the locator had modes). Checked, no request.
 */
export function parseGroupChoice(value: unknown, label: string): GroupChoice {
	const locator = typeof value === 'object' && value !== null && 'mode' in value ? (value as { mode?: unknown; value?: unknown }) : undefined;
	const raw = locator === undefined ? value : locator.value;
	if (locator?.mode === 'name' || locator?.mode === 'externalId') {
		const text = parseText(raw, label);
		if (text === '') {
			const what = locator.mode === 'name' ? 'name' : 'External ID';
			throw new InputError(label, `has no group ${what}`, `Give the group's ${what}, or pick the group from the list.`);
		}
		return locator.mode === 'name' ? { by: 'name', name: text } : { by: 'externalId', externalId: text };
	}
	return parseNonNegativeInteger(raw, label, '70035');
}

/** A group value that may be left empty (a filter): undefined when it is, else as parseGroupChoice reads it. */
export function optionalGroupChoice(value: unknown, label: string): GroupChoice | undefined {
	const raw = typeof value === 'object' && value !== null && 'value' in value ? value.value : value;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	return parseGroupChoice(value, label);
}

/** A Group filter (a locator inside Filters, e.g. `filters.group`), read whole: its mode is part of its value. */
export function readGroupFilter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): GroupChoice | undefined {
	return optionalGroupChoice(nodeParameter<unknown>(context, name, itemIndex, '', { label }), label);
}

const MAX_LISTED = 10;

/** How the groups a lookup finds are named in a message: `named "x"`, `with the External ID "y"`. */
function describe(lookup: GroupLookup): string {
	return lookup.by === 'name' ? `named "${lookup.name}"` : `with the External ID "${lookup.externalId}"`;
}

/** "No Convirza group is named "x"", "3 Convirza groups have the External ID "y"". */
function counted(count: number, lookup: GroupLookup): string {
	const groups = count === 0 ? 'No Convirza group' : `${count} Convirza groups`;
	if (lookup.by === 'name') return `${groups} ${count === 0 ? 'is' : 'are'} named "${lookup.name}"`;
	return `${groups} ${count === 0 ? 'has' : 'have'} the External ID "${lookup.externalId}"`;
}

/** "Acme › North Region › Sales (80002), …", at most ten, then how many more. */
function listed(groups: DirectoryGroup[], directory: GroupDirectory): string {
	const shown = groups.slice(0, MAX_LISTED).map((group) => `${directory.pathOf(group)} (${group.id})`);
	const more = groups.length > MAX_LISTED ? ` and ${groups.length - MAX_LISTED} more` : '';
	return `${shown.join('; ')}${more}`;
}

/**
 * Exactly one group, or an error that says there is none or lists them. Users go into active
 * groups only; an operation on the group itself (`inactiveToo`) may name an inactive one.
 */
export function onlyGroup(
	lookup: GroupLookup,
	found: DirectoryGroup[],
	directory: GroupDirectory,
	parameter: string,
	inactiveToo = false,
): DirectoryGroup {
	const active = inactiveToo ? found : found.filter((group) => group.active);
	if (active.length === 1) return active[0];
	if (active.length > 1) {
		throw new ItemError(
			`${counted(active.length, lookup)}: ${listed(active, directory)}`,
			`The "${parameter}" parameter must name one group, and the node never picks one of several. Give the group's path (e.g. "West Region / Sales Team"), its External ID, or pick it from the list.`,
		);
	}
	if (found.length > 0) {
		throw new ItemError(
			`The only Convirza group ${describe(lookup)} is inactive: ${listed(found, directory)}`,
			`The "${parameter}" parameter needs an active group. Activate the group in Convirza, or name another one.`,
		);
	}
	throw new ItemError(
		counted(0, lookup),
		lookup.by === 'name'
			? `The "${parameter}" parameter found no group of that name or path in your hierarchy. Names match exactly in any letter case; a path gives the names from the top down, e.g. "West Region / Sales Team" (or with "›", as the list shows it).`
			: `The "${parameter}" parameter found no group with that External ID in your hierarchy. External IDs match exactly, letter case included.`,
	);
}

/** Looks a group up by name or External ID: all groups that match, active or not. */
export async function findGroups(lookup: GroupLookup, directory: GroupDirectory, itemIndex: number): Promise<DirectoryGroup[]> {
	return lookup.by === 'name'
		? await directory.findByName(lookup.name, itemIndex)
		: await directory.findByExternalId(lookup.externalId, itemIndex);
}

/** The org unit ID an item means, looked up when it was given by name or External ID. */
export async function resolveGroupId(
	choice: GroupChoice,
	directory: GroupDirectory,
	parameter: string,
	itemIndex: number,
	inactiveToo = false,
): Promise<number> {
	if (typeof choice === 'number') return choice;
	return onlyGroup(choice, await findGroups(choice, directory, itemIndex), directory, parameter, inactiveToo).id;
}
