import { flattenGroupTree, pathSegments } from '../../nodes/Convirza/helpers/groupTree';

describe('flattenGroupTree', () => {
	it('reads the documented flat shape, labelling each group with its path and parent', () => {
		const groups = [
			{ org_unit_id: 70035, text: 'Sales Team', code: '1.1.1', group_level: 3 },
			{ org_unit_id: 60001, text: 'Acme Corporation', code: '1', group_level: 1 },
			{ org_unit_id: 65000, text: 'West Region', code: '1.1', group_level: 2 },
			{ org_unit_id: 65001, text: 'East Region', code: '1.2', group_level: 2 },
		];
		expect(flattenGroupTree(groups)).toEqual([
			{ id: 60001, name: 'Acme Corporation', parentId: null, path: 'Acme Corporation' },
			{ id: 65000, name: 'West Region', parentId: 60001, path: 'Acme Corporation › West Region' },
			{ id: 70035, name: 'Sales Team', parentId: 65000, path: 'Acme Corporation › West Region › Sales Team' },
			{ id: 65001, name: 'East Region', parentId: 60001, path: 'Acme Corporation › East Region' },
		]);
	});

	it('reads the nested shape the prose promises', () => {
		const groups = [
			{
				org_unit_id: 60001,
				org_unit_name: 'Acme Corporation',
				children: [{ org_unit_id: 65000, org_unit_name: 'West Region', children: [] }],
			},
		];
		expect(flattenGroupTree(groups)).toEqual([
			{ id: 60001, name: 'Acme Corporation', parentId: null, path: 'Acme Corporation' },
			{ id: 65000, name: 'West Region', parentId: 60001, path: 'Acme Corporation › West Region' },
		]);
	});
});

describe('pathSegments', () => {
	it('splits a path on "/" and on the picker\'s "›", trimming each name and ignoring letter case', () => {
		expect(pathSegments(' Acme / Sales /West ')).toEqual(['acme', 'sales', 'west']);
		expect(pathSegments('Acme Corporation › West Region › Sales Team')).toEqual(['acme corporation', 'west region', 'sales team']);
		expect(pathSegments('Sales Team')).toEqual(['sales team']);
	});
});
