/**
 * The community-package rules of n8n's verification (see shared/n8n-node-guide.md, "Package rules"):
 * what `npm pack` would publish, the package.json contract, and what code under nodes/ and credentials/
 * may use. Needs a built dist/ (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const repoRoot = path.resolve(__dirname, '../..');
const sourceDirs = ['nodes', 'credentials'];

interface PackageJson {
	name: string;
	keywords?: string[];
	license?: string;
	files?: string[];
	engines?: Record<string, string>;
	scripts?: Record<string, string>;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n?: { n8nNodesApiVersion?: number; strict?: boolean; nodes?: string[]; credentials?: string[] };
}

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full) : [full];
	});
}

const sourceFiles = sourceDirs.flatMap((dir) => listFiles(path.join(repoRoot, dir)));
const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');

describe('npm pack contents', () => {
	let packed: string[];

	beforeAll(() => {
		if (!existsSync(path.join(repoRoot, 'dist'))) {
			throw new Error('dist/ is missing: run `npm run build` first (`npm test` builds before running jest).');
		}
		let stdout: string;
		try {
			stdout = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: repoRoot,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			});
		} catch (error) {
			const { stderr, message } = error as { stderr?: string; message: string };
			throw new Error(`npm pack --dry-run failed: ${message}\n${stderr ?? ''}`);
		}
		const [report] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
		packed = report.files.map((file) => file.path);
	});

	it('lists only dist/**, package.json, README.md and LICENSE', () => {
		const outside = packed.filter(
			(file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file),
		);
		expect(outside).toEqual([]);
		expect(packed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
	});

	it('ships only compiled nodes and credentials from dist/, no tests, fixtures, simulator or bench', () => {
		const distFiles = packed.filter((file) => file.startsWith('dist/'));
		expect(distFiles.length).toBeGreaterThan(0);
		expect(distFiles.filter((file) => !/^dist\/(nodes|credentials)\//.test(file))).toEqual([]);
		const testLike = /(^|\/)(test|tests|__tests__|__mocks__|fixtures?|simulator|harness|bench)(\/|$)|\.(test|spec)\./i;
		expect(distFiles.filter((file) => testLike.test(file))).toEqual([]);
	});

	it('ships every node and credential that package.json registers', () => {
		const registered = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
		expect(registered.length).toBeGreaterThan(0);
		expect(packed).toEqual(expect.arrayContaining(registered));
	});
});

describe('package.json', () => {
	it('follows the community-package naming, keyword, license and files rules', () => {
		expect(packageJson.name).toBe('n8n-nodes-convirza');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.license).toBe('MIT');
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.engines?.node).toBe('>=20.15');
	});

	it('has an n8n section with API version 1, strict mode, and node/credential paths that exist in dist/', () => {
		const { n8n } = packageJson;
		expect(n8n?.n8nNodesApiVersion).toBe(1);
		expect(n8n?.strict).toBe(true);
		expect(n8n?.nodes?.length).toBeGreaterThan(0);
		expect(n8n?.credentials?.length).toBeGreaterThan(0);
		const registered = [...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])];
		for (const file of registered) expect(file).toMatch(/^dist\//);
		expect(registered.filter((file) => !existsSync(path.join(repoRoot, file)))).toEqual([]);
	});

	it('has no runtime dependencies and peers exactly on n8n-workflow', () => {
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('has no install-time lifecycle scripts', () => {
		const scripts = Object.keys(packageJson.scripts ?? {});
		expect(scripts.filter((name) => ['prepare', 'preinstall', 'install', 'postinstall'].includes(name))).toEqual([]);
	});
});

/** Identifiers that community-node code must not reference (n8n Cloud runs nodes without them). */
const forbiddenGlobals = new Set(['process', 'setTimeout', 'setInterval', 'globalThis', 'console', '__dirname']);

/** Whether `node` names a property (`x.process`, `{ process: 1 }`) rather than referencing a variable. */
function isPropertyName(node: ts.Identifier): boolean {
	const { parent } = node;
	return (
		(ts.isPropertyAccessExpression(parent) && parent.name === node) ||
		(ts.isQualifiedName(parent) && parent.right === node) ||
		((ts.isPropertyAssignment(parent) ||
			ts.isPropertyDeclaration(parent) ||
			ts.isPropertySignature(parent) ||
			ts.isMethodDeclaration(parent) ||
			ts.isMethodSignature(parent)) &&
			parent.name === node)
	);
}

interface SourceFindings {
	imports: string[];
	globals: string[];
}

/** Module specifiers and forbidden global references of one file, found on its syntax tree (not in comments or strings). */
function scanSource(file: string): SourceFindings {
	return scanSourceText(file, readFileSync(file, 'utf8'));
}

function scanSourceText(fileName: string, text: string): SourceFindings {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
	const findings: SourceFindings = { imports: [], globals: [] };
	const at = (node: ts.Node) => `${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

	const visit = (node: ts.Node): void => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
			if (ts.isStringLiteral(node.moduleSpecifier)) findings.imports.push(node.moduleSpecifier.text);
		} else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
			const { expression } = node.moduleReference;
			findings.imports.push(ts.isStringLiteral(expression) ? expression.text : expression.getText());
		} else if (
			ts.isCallExpression(node) &&
			(node.expression.kind === ts.SyntaxKind.ImportKeyword ||
				(ts.isIdentifier(node.expression) && node.expression.text === 'require'))
		) {
			const [argument] = node.arguments;
			findings.imports.push(argument && ts.isStringLiteral(argument) ? argument.text : `<dynamic ${node.getText()}>`);
		} else if (ts.isImportTypeNode(node)) {
			const { argument } = node;
			if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
				findings.imports.push(argument.literal.text);
			}
		} else if (ts.isIdentifier(node) && forbiddenGlobals.has(node.text) && !isPropertyName(node)) {
			findings.globals.push(`${node.text} (line ${at(node)})`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return findings;
}

describe('code under nodes/ and credentials/', () => {
	const tsFiles = sourceFiles.filter((file) => file.endsWith('.ts'));

	it('has TypeScript sources to check', () => {
		expect(tsFiles.length).toBeGreaterThan(0);
	});

	it('imports only n8n-workflow and relative files', () => {
		const disallowed = tsFiles.flatMap((file) =>
			scanSource(file)
				.imports.filter((specifier) => specifier !== 'n8n-workflow' && !/^\.\.?\//.test(specifier))
				.map((specifier) => `${relative(file)}: ${specifier}`),
		);
		expect(disallowed).toEqual([]);
	});

	it('does not use process, setTimeout, setInterval, globalThis, console or __dirname', () => {
		const uses = tsFiles.flatMap((file) => scanSource(file).globals.map((use) => `${relative(file)}: ${use}`));
		expect(uses).toEqual([]);
	});

	it('holds no test, fixture, simulator or bench files', () => {
		const testLike =
			/(^|\/)(test|tests|__tests__|__mocks__|mocks?|fixtures?|__fixtures__|simulator|harness|bench)(\/|$)|\.(test|spec)\.|fixture/i;
		expect(sourceFiles.map(relative).filter((file) => testLike.test(file))).toEqual([]);
	});
});

describe('source scanner self-check', () => {
	it('finds forbidden references and non-relative imports, but not property names, comments or strings', () => {
		const sample = [
			"import { sleep } from 'n8n-workflow';",
			"import axios from 'axios';",
			"import type { X } from './types';",
			"const fs = require('fs');",
			"const later = import('./later');",
			'// process.env in a comment, console.log too',
			"const text = 'the process. setTimeout( console.';",
			'const options = { process: 1, console: 2 };',
			'options.process = 3;',
			'const env = process.env;',
			'setTimeout(() => undefined, 1);',
			'const g = globalThis;',
			'console.log(__dirname);',
		].join('\n');
		const findings = scanSourceText('sample.ts', sample);
		expect(findings.imports).toEqual(['n8n-workflow', 'axios', './types', 'fs', './later']);
		expect(findings.globals).toEqual([
			'process (line 10)',
			'setTimeout (line 11)',
			'globalThis (line 12)',
			'console (line 13)',
			'__dirname (line 13)',
		]);
	});
});

describe('Node.js runtime of this test run', () => {
	// .ci/run sets EXPECT_NODE_MAJOR for its Node 24 pass, so a pass that silently ran on another node fails
	it('is a Node.js that package.json engines allow, and the one .ci/run asked for', () => {
		const major = process.versions.node.split('.')[0];
		expect(Number(major)).toBeGreaterThanOrEqual(20);
		expect(major).toBe(process.env.EXPECT_NODE_MAJOR ?? major);
	});
});
