import type { IExecuteFunctions } from 'n8n-workflow';

import { nodeParameter } from '../../nodes/Convirza/actions/parameters';

/** A context whose parameters are `stored`; expressions evaluate to "<expression>@<item>". */
function contextWith(stored: Record<string, unknown>) {
	const reads: Array<[string, number, boolean]> = [];
	const evaluate = (value: unknown, item: number): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) return `${value.slice(1)}@${item}`;
		if (typeof value === 'object' && value !== null) {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, evaluate(inner, item)]));
		}
		return value;
	};
	const context = {
		getNodeParameter: (name: string, item: number, fallback: unknown, options?: { rawExpressions?: boolean }) => {
			reads.push([name, item, options?.rawExpressions === true]);
			const value = stored[name] ?? fallback;
			return options?.rawExpressions ? value : evaluate(value, item);
		},
	} as unknown as IExecuteFunctions;
	return { context, evaluated: () => reads.filter(([, , raw]) => !raw).map(([name, item]) => `${name}@${item}`) };
}

describe('nodeParameter', () => {
	it('reads a parameter without expressions once per execution', () => {
		const { context, evaluated } = contextWith({ options: { concurrency: 5, ignoreEmptyValues: false } });
		const values = [0, 1, 2].map((item) => nodeParameter(context, 'options', item, {}));
		expect(values).toEqual([0, 1, 2].map(() => ({ concurrency: 5, ignoreEmptyValues: false })));
		expect(evaluated()).toEqual(['options@0']);
	});

	it('reads a parameter holding an expression anywhere (in a collection too) for every item', () => {
		const { context, evaluated } = contextWith({ updateFields: { firstName: '={{ $json.first }}', lastName: 'Doe' } });
		const values = [0, 1].map((item) => nodeParameter(context, 'updateFields', item, {}));
		expect(values).toEqual([
			{ firstName: '{{ $json.first }}@0', lastName: 'Doe' },
			{ firstName: '{{ $json.first }}@1', lastName: 'Doe' },
		]);
		expect(evaluated()).toEqual(['updateFields@0', 'updateFields@1']);
	});

	it('keeps executions apart: a new context reads again', () => {
		const first = contextWith({ mappingMode: 'autoMapInputData' });
		const second = contextWith({ mappingMode: 'defineBelow' });
		expect(nodeParameter(first.context, 'mappingMode', 0, 'defineBelow')).toBe('autoMapInputData');
		expect(nodeParameter(second.context, 'mappingMode', 0, 'defineBelow')).toBe('defineBelow');
	});
});
