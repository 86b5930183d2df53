/**
 * The router's contract, whatever an operation throws: the failing item is named (an error that
 * names none gets the item's index, one that names an item keeps it, a thrown non-Error becomes a
 * NodeOperationError), an error item is `{ error }` or `{ error, message }` only, and Concurrency Auto
 * runs several items at once. A probe resource stands in for the real ones (they cannot throw a
 * non-Error or an error without an item on demand); the engine suites run the real operations.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { router } from '../../nodes/Convirza/actions/router';
import { AUTO_START } from '../../nodes/Convirza/actions/scheduler';
import { convirzaNode } from '../kit/node';

/** What the probe operation does for each item's JSON. */
const mockProbe: { execute: (json: IDataObject, itemIndex: number) => Promise<IDataObject> } = {
	execute: async (json) => json,
};

jest.mock('../../nodes/Convirza/actions/call', () => ({
	resource: {
		operations: {
			probe: {
				description: [],
				read(this: IExecuteFunctions, itemIndex: number) {
					return this.getInputData()[itemIndex].json;
				},
				execute: async (json: IDataObject, itemIndex: number) => await mockProbe.execute(json, itemIndex),
			},
		},
		services: (client: unknown) => ({ client }),
	},
}));

const NODE = convirzaNode('Convirza');

function context(items: IDataObject[], { continueOnFail = false, options = {} as IDataObject } = {}): IExecuteFunctions {
	const fake = {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => {
			if (name === 'resource') return 'call';
			if (name === 'operation') return 'probe';
			const option = name.replace(/^options\./, '');
			return option in options ? options[option] : fallback;
		},
		continueOnFail: () => continueOnFail,
		getNode: () => NODE,
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (output: Array<{ json: IDataObject }>, { itemData }: { itemData: { item: number } }) =>
				output.map((item) => ({ ...item, pairedItem: itemData })),
		},
	};
	return fake as unknown as IExecuteFunctions;
}

type Thrown = Error & { context?: IDataObject; description?: string };

async function failure(items: IDataObject[], throwAt: number, thrown: () => unknown): Promise<Thrown> {
	mockProbe.execute = async (json, itemIndex) => {
		if (itemIndex === throwAt) throw thrown();
		return json;
	};
	return await router.call(context(items)).then(
		() => {
			throw new Error('The run was expected to fail');
		},
		(error: Thrown) => error,
	);
}

const apiError = () => new NodeApiError(NODE, { message: 'Listing failed' } as JsonObject, { message: 'Listing failed' });

describe('the item a failure names', () => {
	it.each([0, 2])('an error that names no item is given the failing item, %i', async (index) => {
		const error = await failure([{}, {}, {}], index, apiError);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context?.itemIndex).toBe(index);
	});

	it('an error that already names an item keeps it', async () => {
		const error = await failure([{}, {}], 1, () => new NodeOperationError(NODE, 'About item 0', { itemIndex: 0 }));
		expect(error.context?.itemIndex).toBe(0);
	});

	it.each([['text', 'not an object'], ['null', null]])('an Error whose context is %s is passed on as it is', async (_case, value) => {
		const thrown = Object.assign(new Error('Odd error'), { context: value });
		const error = await failure([{}], 0, () => thrown);
		expect(error).toBe(thrown);
		expect(error.context).toBe(value);
	});

	it('a thrown value that is not an Error becomes a NodeOperationError naming the item', async () => {
		const error = await failure([{}, {}], 1, () => 'plain text');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('plain text');
		expect(error.context?.itemIndex).toBe(1);
	});
});

describe('error items under Continue on Fail', () => {
	it('are { error } without a description and { error, message } with one, each linked to its item', async () => {
		mockProbe.execute = async (json, itemIndex) => {
			if (itemIndex === 0) throw new Error('No description');
			if (itemIndex === 1) throw new NodeOperationError(NODE, 'Bad Email', { description: 'Enter an email address.' });
			return json;
		};
		const [output] = await router.call(context([{}, {}, { id: 3 }], { continueOnFail: true }));
		expect(output).toEqual([
			{ json: { error: 'No description' }, pairedItem: { item: 0 } },
			{ json: { error: 'Bad Email', message: 'Enter an email address.' }, pairedItem: { item: 1 } },
			{ json: { id: 3 }, pairedItem: { item: 2 } },
		]);
		// Not even an empty `message`: n8n 1.x routes { error, message } only with a message in it.
		expect(Object.keys(output[0].json)).toEqual(['error']);
	});
});

describe('Concurrency', () => {
	async function mostAtOnce(options: IDataObject): Promise<number> {
		let running = 0;
		let most = 0;
		mockProbe.execute = async (json) => {
			most = Math.max(most, ++running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return json;
		};
		const [output] = await router.call(context(Array.from({ length: 20 }, (_, id) => ({ id })), { options }));
		expect(output.map(({ json }) => json.id)).toEqual(Array.from({ length: 20 }, (_, id) => id));
		return most;
	}

	it(`Auto (unset or 0) starts ${AUTO_START} items at once; a number is the limit`, async () => {
		expect(await mostAtOnce({})).toBe(AUTO_START);
		expect(await mostAtOnce({ concurrency: 0 })).toBe(AUTO_START);
		expect(await mostAtOnce({ concurrency: 3 })).toBe(3);
		expect(await mostAtOnce({ concurrency: 1 })).toBe(1);
	});
});
