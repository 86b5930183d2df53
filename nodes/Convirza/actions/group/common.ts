/** What the group operations read alike: the group fields' settings, the group parameters. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseGroupChoice, type GroupChoice } from './locator';
import { nodeParameter } from '../parameters';
import { readBodySettings, type BodySettings } from '../user/body';
import { defaultCountryCodeOption, ignoreEmptyValuesOption } from '../user/descriptions';
import { optionsCollection } from '../common/requestOptions';

type Show = NonNullable<INodeProperties['displayOptions']>['show'] & object;

/** Options of the operations that send group fields: the user's Default Country Code and Ignore Empty Values. */
export const fieldOptions = (show: Show) => optionsCollection(show, [defaultCountryCodeOption, ignoreEmptyValuesOption]);

export function readSettings(context: IExecuteFunctions, itemIndex: number): BodySettings {
	return readBodySettings(nodeParameter<IDataObject>(context, 'options', itemIndex, {}, { label: 'Options' }));
}

/** A group parameter (resource locator), read whole: its mode is part of its value. */
export function readGroupChoice(context: IExecuteFunctions, name: string, label: string, itemIndex: number): GroupChoice {
	return parseGroupChoice(nodeParameter<unknown>(context, name, itemIndex, '', { label }), label);
}
