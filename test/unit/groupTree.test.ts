import { flattenGroupTree } from '../../nodes/Convirza/helpers/groupTree';

describe('flattenGroupTree', () => {
	it('reads the documented flat shape, labelling each group with its path', () => {
		const data = {
			groups: [
				{ org_unit_id: 70035, text: 'Sales Team', code: '1.1.1', group_level: 3 },
				{ org_unit_id: 60001, text: 'Acme Corporation', code: '1', group_level: 1 },
				{ org_unit_id: 65000, text: 'West Region', code: '1.1', group_level: 2 },
				{ org_unit_id: 65001, text: 'East Region', code: '1.2', group_level: 2 },
			],
		};
		expect(flattenGroupTree(data)).toEqual([
			{ id: 60001, path: 'Acme Corporation' },
			{ id: 65000, path: 'Acme Corporation › West Region' },
			{ id: 70035, path: 'Acme Corporation › West Region › Sales Team' },
			{ id: 65001, path: 'Acme Corporation › East Region' },
		]);
	});

	it('reads the nested shape the prose promises', () => {
		const data = {
			groups: [
				{
					org_unit_id: 60001,
					org_unit_name: 'Acme Corporation',
					children: [{ org_unit_id: 65000, org_unit_name: 'West Region', children: [] }],
				},
			],
		};
		expect(flattenGroupTree(data)).toEqual([
			{ id: 60001, path: 'Acme Corporation' },
			{ id: 65000, path: 'Acme Corporation › West Region' },
		]);
	});

	it('returns nothing for an unexpected answer', () => {
		expect(flattenGroupTree(undefined)).toEqual([]);
		expect(flattenGroupTree({ groups: 'x' })).toEqual([]);
	});
});
