import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

type CodeRunner = (
	$input: unknown,
	items: INodeExecutionData[],
	$json: IDataObject | undefined,
) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
	...args: string[]
) => CodeRunner;

const compiled = new Map<string, CodeRunner>();

/**
 * Snippets up to this size are cached. A bench run's items come as one literal in the code (7 MB for
 * 20,000 items, 34 MB for 100,000), different in every run: cached, each stayed in the process for
 * good, counted as memory the run kept and grown into every later run's garbage collections.
 */
const CACHED_UP_TO = 64 * 1024;

function compile(jsCode: string): CodeRunner {
	let runner = compiled.get(jsCode);
	if (!runner) {
		runner = new AsyncFunction('$input', 'items', '$json', jsCode);
		if (jsCode.length <= CACHED_UP_TO) compiled.set(jsCode, runner);
	}
	return runner;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns what the user's code returned into items the way n8n's Code node does: an array (or one
 * object) of `{ json }` items or plain objects; plain objects are wrapped in `{ json }`.
 * Items without `pairedItem` are linked to the input item at the same index (or to the only input
 * item), which is what the real node's item-linking gives for these simple shapes.
 */
function toItems(
	ctx: IExecuteFunctions,
	returned: unknown,
	inputCount: number,
): INodeExecutionData[] {
	if (returned === undefined || returned === null) return [];
	const list = Array.isArray(returned) ? returned : [returned];
	return list.map((entry, index) => {
		if (!isObject(entry)) {
			throw new NodeOperationError(ctx.getNode(), 'Code doesn\'t return items properly', {
				description: 'Please return an array of objects, one for each item you would like to output.',
				itemIndex: index,
			});
		}
		const item: INodeExecutionData = isObject(entry.json)
			? ({ ...entry } as unknown as INodeExecutionData)
			: { json: entry };
		if (item.pairedItem === undefined) {
			if (index < inputCount) item.pairedItem = { item: index };
			else if (inputCount === 1) item.pairedItem = { item: 0 };
		}
		return item;
	});
}

/**
 * Stand-in for n8n's Code node (`n8n-nodes-base.code`), JavaScript "Run Once for All Items" only.
 * Test code: the snippet is compiled with `new Function`, with `$input.all()/first()/last()`,
 * `items` and `$json` (first item) in scope. Compiled snippets are cached per source text (small ones).
 */
export class Code implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Code',
		name: 'code',
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		description: 'Run custom JavaScript code',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Run Once for All Items', value: 'runOnceForAllItems' },
					{ name: 'Run Once for Each Item', value: 'runOnceForEachItem' },
				],
				default: 'runOnceForAllItems',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'JavaScript', value: 'javaScript' }],
				default: 'javaScript',
			},
			{
				displayName: 'JavaScript',
				name: 'jsCode',
				type: 'string',
				typeOptions: { editor: 'jsEditor' },
				noDataExpression: true,
				default: '',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const mode = this.getNodeParameter('mode', 0) as string;
		if (mode !== 'runOnceForAllItems') {
			throw new NodeOperationError(
				this.getNode(),
				`The test stand-in Code node supports only mode "runOnceForAllItems", got "${mode}"`,
			);
		}
		const jsCode = this.getNodeParameter('jsCode', 0) as string;
		const items = this.getInputData();
		const $input = {
			all: () => items,
			first: () => items[0],
			last: () => items[items.length - 1],
		};
		let returned: unknown;
		try {
			returned = await compile(jsCode)($input, items, items[0]?.json);
		} catch (error) {
			if (error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		return [toItems(this, returned, items.length)];
	}
}
