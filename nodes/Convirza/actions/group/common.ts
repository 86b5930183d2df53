/** What the group operations read alike: the group fields' settings, the group parameters. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseGroupChoice, type GroupChoice } from './locator';
import { nodeParameter, readOptions } from '../parameters';
import { readBodySettings, type BodySettings } from '../user/body';
import { defaultCountryCodeOption, ignoreEmptyValuesOption } from '../user/descriptions';
import { optionsCollection } from '../common/requestOptions';

type Show = NonNullable<INodeProperties['displayOptions']>['show'] & object;

/** Options of the operations that send group fields: the user's Default Country Code and Ignore Empty Values. */
const FIELD_OPTIONS = [defaultCountryCodeOption, ignoreEmptyValuesOption];

export const fieldOptions = (show: Show) => optionsCollection(show, FIELD_OPTIONS);

export function readSettings(context: IExecuteFunctions, itemIndex: number): BodySettings {
	return readBodySettings(readOptions(context, itemIndex, FIELD_OPTIONS));
}

/** A group parameter (resource locator), read whole: its mode is part of its value. */
export function readGroupChoice(context: IExecuteFunctions, name: string, label: string, itemIndex: number): GroupChoice {
	return parseGroupChoice(nodeParameter<unknown>(context, name, itemIndex, '', { label }), label);
}
