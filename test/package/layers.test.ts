/**
 * The node's layers import one way: operations (actions/, methods/) → api/ → transport/. helpers/ are
 * pure and import no layer. A new resource is a folder under actions/ plus a module under api/, and
 * must follow the same rule; this test reads every import of nodes/Convirza and holds it to that.
 * One exception: the pure helpers may name the API's payload shapes (`import type` from api/types.ts).
 * transport/ imports nothing from api/: the wire types it needs live in transport/wire.ts.
 * The trigger (nodes/ConvirzaTrigger) sits on top like the node file: it may use every layer of
 * nodes/Convirza (the call filters' definitions, the API, the transport), and nothing imports it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const nodeRoot = path.resolve(__dirname, '../../nodes/Convirza');
const triggerRoot = path.resolve(__dirname, '../../nodes/ConvirzaTrigger');

/** Which top-level folders of nodes/Convirza each folder may import from (besides itself). */
const allowed: Record<string, string[]> = {
	transport: [],
	helpers: [],
	api: ['transport', 'helpers'],
	actions: ['api', 'transport', 'helpers'],
	methods: ['actions', 'api', 'transport', 'helpers'],
	'.': ['actions', 'methods', 'api', 'transport', 'helpers'],
	trigger: ['actions', 'methods', 'api', 'transport', 'helpers'],
};

function tsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return tsFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** The layer a file belongs to: its first folder under nodes/Convirza ('.' for the node file), or the trigger. */
function layerOf(file: string): string {
	if (!path.relative(triggerRoot, file).startsWith('..')) return 'trigger';
	const [first, ...rest] = path.relative(nodeRoot, file).split(path.sep);
	return rest.length === 0 ? '.' : first;
}

function relativeImports(file: string): Array<{ specifier: string; typeOnly: boolean }> {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const found: Array<{ specifier: string; typeOnly: boolean }> = [];
	source.forEachChild((statement) => {
		if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
			const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
			const typeOnly = ts.isImportDeclaration(statement)
				? statement.importClause?.isTypeOnly === true
				: statement.isTypeOnly;
			if (specifier.startsWith('.')) found.push({ specifier, typeOnly });
		}
	});
	return found;
}

const payloadTypes = path.join(nodeRoot, 'api', 'types.ts');

const imports = [...tsFiles(nodeRoot), ...tsFiles(triggerRoot)].flatMap((file) =>
	relativeImports(file).map(({ specifier, typeOnly }) => {
		const target = path.resolve(path.dirname(file), specifier);
		const module = existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
		const from = layerOf(file);
		return { file: path.relative(path.dirname(nodeRoot), file), from, to: from === 'helpers' && typeOnly && module === payloadTypes ? from : layerOf(module), specifier };
	}),
);

test('the layers are known folders', () => {
	expect(imports.length).toBeGreaterThan(20);
	for (const { from, to } of imports) {
		expect(Object.keys(allowed)).toContain(from);
		expect(Object.keys(allowed)).toContain(to);
	}
});

test('every import goes down the layers, never up', () => {
	const upward = imports
		.filter(({ from, to }) => from !== to && !allowed[from].includes(to))
		.map(({ file, specifier }) => `${file} imports ${specifier}`);
	expect(upward).toEqual([]);
});

test('the trigger is held to the layers too', () => {
	const fromTrigger = imports.filter(({ from }) => from === 'trigger');
	expect(fromTrigger.map(({ to }) => to)).toEqual(expect.arrayContaining(['api', 'transport']));
	expect(imports.filter(({ from, to }) => from !== 'trigger' && to === 'trigger')).toEqual([]);
});
