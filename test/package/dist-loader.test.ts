/**
 * Load test of the built package: n8n-core's own PackageDirectoryLoader (what an n8n instance uses for an
 * installed community package) reads package.json's `n8n` section and loads dist/. It proves that the node
 * and the credential are found under their package-qualified names, that the codex (categories...) was
 * emitted beside the node, and that the light and dark icons of both were copied into dist/.
 *
 * dist/ must be built first: `npm test` runs `npm run build` before jest.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeType, Themed } from 'n8n-workflow';

const repoRoot = path.resolve(__dirname, '../..');

interface ExpectedPackage {
	root: string;
	packageName: string;
	/** `description.name` of the node; n8n knows it as `<packageName>.<nodeName>` */
	nodeName: string;
	credentialName: string;
}

interface PackageJsonN8n {
	n8n: { nodes: string[]; credentials: string[] };
}

interface Codex {
	categories?: string[];
	node?: string;
}

function readPackageJson(root: string): PackageJsonN8n {
	return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJsonN8n;
}

/** Fails with a message that says what to do, instead of a loader stack trace, when dist/ was not built. */
function assertBuilt(root: string): void {
	const { n8n } = readPackageJson(root);
	const missing = [...n8n.nodes, ...n8n.credentials].filter((file) => !existsSync(path.join(root, file)));
	if (!existsSync(path.join(root, 'dist')) || missing.length > 0) {
		throw new Error(
			`dist/ is missing or incomplete in ${root} (not found: ${missing.join(', ') || 'dist/'}). ` +
				'Run `npm run build` first (`npm test` builds before running jest).',
		);
	}
}

async function loadPackage(root: string): Promise<PackageDirectoryLoader> {
	assertBuilt(root);
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	return loader;
}

/** The loader rewrites `file:` icons to `icons/<packageName>/<path in package>`: map that back to a file. */
function iconFiles(root: string, packageName: string, iconUrl: Themed<string> | undefined) {
	expect(iconUrl).toEqual({ light: expect.any(String), dark: expect.any(String) });
	const { light, dark } = iconUrl as { light: string; dark: string };
	const prefix = `icons/${packageName}/`;
	for (const url of [light, dark]) expect(url.startsWith(prefix)).toBe(true);
	return {
		light: path.resolve(root, light.slice(prefix.length)),
		dark: path.resolve(root, dark.slice(prefix.length)),
	};
}

/** Like expect(existsSync(file)).toBe(true), with a message that names the file and what it is. */
function expectFile(file: string, what: string): void {
	if (!existsSync(file)) throw new Error(`${what} not found: ${file}`);
}

function expectIconsInDist(root: string, owner: string, files: { light: string; dark: string }): void {
	expect(files.light).not.toBe(files.dark);
	for (const [theme, file] of Object.entries(files)) {
		expect(path.relative(path.join(root, 'dist'), file).startsWith('..')).toBe(false);
		expect(file.endsWith('.svg')).toBe(true);
		expectFile(file, `${theme} icon of ${owner} in dist/`);
		const svg = readFileSync(file, 'utf8');
		expect(svg).toMatch(/<svg[\s>]/);
		expect(svg).not.toMatch(/<script|data:image\/|<image[\s>]/i);
	}
}

/** Everything the load test asserts, shared by the real package and the self-check fakes below. */
async function expectPackageLoads(expected: ExpectedPackage): Promise<void> {
	const { root, packageName, nodeName, credentialName } = expected;
	const loader = await loadPackage(root);
	const qualifiedNodeName = `${packageName}.${nodeName}`;

	expect(loader.packageName).toBe(packageName);
	const knownNodes = Object.keys(loader.known.nodes).map((name) => `${loader.packageName}.${name}`);
	expect(knownNodes).toContain(qualifiedNodeName);
	expect(Object.keys(loader.known.credentials)).toContain(credentialName);
	// the node declares the credential, so n8n lists it as a node that supports the credential
	expect(loader.known.credentials[credentialName].supportedNodes).toContain(nodeName);
	expect(loader.types.nodes.map((description) => description.name)).toContain(nodeName);
	expect(loader.types.credentials.map((credential) => credential.name)).toContain(credentialName);

	// codex: the loader reads `<node file>on` (Foo.node.js -> Foo.node.json) from dist/
	const nodeType = loader.getNode(nodeName).type;
	const nodeFile = loader.known.nodes[nodeName].sourcePath;
	const codexFile = path.join(root, `${nodeFile}on`);
	expectFile(codexFile, `codex of node "${nodeName}" in dist/`);
	const codexJson = JSON.parse(readFileSync(codexFile, 'utf8')) as Codex;
	// n8n's codex files name their node; when ours does, it must be the package-qualified name
	expect(codexJson.node ?? qualifiedNodeName).toBe(qualifiedNodeName);
	const codex = nodeType.description.codex;
	expect(codex?.categories?.length).toBeGreaterThan(0);
	expect(codex?.categories).toEqual(codexJson.categories);

	expectIconsInDist(root, `node "${nodeName}"`, iconFiles(root, packageName, nodeType.description.iconUrl));
	const credential = loader.getCredential(credentialName).type;
	expectIconsInDist(root, `credential "${credentialName}"`, iconFiles(root, packageName, credential.iconUrl));
}

describe('built package (dist/) loaded by n8n-core PackageDirectoryLoader', () => {
	it.each(['convirza', 'convirzaTrigger'])('knows n8n-nodes-convirza.%s and convirzaApi, with codex and light/dark icons in dist/', async (nodeName) => {
		await expectPackageLoads({
			root: repoRoot,
			packageName: 'n8n-nodes-convirza',
			nodeName,
			credentialName: 'convirzaApi',
		});
	});

	it('loads the trigger as a polling trigger without inputs that is not a tool', async () => {
		const loader = await loadPackage(repoRoot);
		const { description } = loader.getNode('convirzaTrigger').type as INodeType;
		expect(description).toMatchObject({ polling: true, group: ['trigger'], inputs: [], outputs: ['main'] });
		expect(description.usableAsTool).toBeUndefined();
		expect(Object.keys(loader.known.nodes)).toEqual(expect.arrayContaining(['convirzaTrigger']));
		// n8n adds its Poll Times parameter to every polling node it loads
		expect(description.properties.map((property) => property.name)).toContain('pollTimes');
	});
});

/**
 * Self-check of the assertions above on tiny generated packages in the OS temp folder: a complete one must
 * pass, and removing the codex or the dark icon must make the same assertions fail.
 */
describe('load-test self-check on a generated package', () => {
	const packageName = 'n8n-nodes-loadcheck';
	let root: string;

	function writeFakePackage(options: { codex: boolean; darkIcon: boolean }): void {
		rmSync(root, { recursive: true, force: true });
		const nodeDir = path.join(root, 'dist/nodes/LoadCheck');
		const credentialDir = path.join(root, 'dist/credentials');
		mkdirSync(nodeDir, { recursive: true });
		mkdirSync(credentialDir, { recursive: true });
		writeFileSync(
			path.join(root, 'package.json'),
			JSON.stringify({
				name: packageName,
				version: '1.0.0',
				n8n: {
					n8nNodesApiVersion: 1,
					strict: true,
					nodes: ['dist/nodes/LoadCheck/LoadCheck.node.js'],
					credentials: ['dist/credentials/LoadCheckApi.credentials.js'],
				},
			}),
		);
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 60"><rect width="60" height="60"/></svg>';
		for (const dir of [nodeDir, credentialDir]) {
			writeFileSync(path.join(dir, 'loadcheck.svg'), svg);
			if (options.darkIcon) writeFileSync(path.join(dir, 'loadcheck.dark.svg'), svg);
		}
		const icon = "{ light: 'file:loadcheck.svg', dark: 'file:loadcheck.dark.svg' }";
		writeFileSync(
			path.join(nodeDir, 'LoadCheck.node.js'),
			`class LoadCheck {
	constructor() {
		this.description = {
			displayName: 'Load Check', name: 'loadCheck', icon: ${icon}, group: ['transform'], version: 1,
			description: 'x', defaults: { name: 'Load Check' }, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'loadCheckApi', required: true }], properties: [],
		};
	}
	async execute() { return [this.getInputData()]; }
}
module.exports = { LoadCheck };
`,
		);
		if (options.codex) {
			writeFileSync(
				path.join(nodeDir, 'LoadCheck.node.json'),
				JSON.stringify({ node: `${packageName}.loadCheck`, categories: ['Data & Storage'], resources: {} }),
			);
		}
		writeFileSync(
			path.join(credentialDir, 'LoadCheckApi.credentials.js'),
			`class LoadCheckApi {
	constructor() {
		this.name = 'loadCheckApi'; this.displayName = 'Load Check API'; this.icon = ${icon};
		this.properties = [];
	}
}
module.exports = { LoadCheckApi };
`,
		);
	}

	const expected = () => ({ root, packageName, nodeName: 'loadCheck', credentialName: 'loadCheckApi' });

	// a fresh folder per test, so no variant is served from the require cache of another
	beforeEach(() => {
		root = mkdtempSync(path.join(tmpdir(), 'n8n-loadcheck-'));
	});

	afterEach(() => {
		rmSync(root, { recursive: true, force: true });
	});

	it('passes for a complete package', async () => {
		writeFakePackage({ codex: true, darkIcon: true });
		await expectPackageLoads(expected());
	});

	it('fails when the codex was not emitted into dist/', async () => {
		writeFakePackage({ codex: false, darkIcon: true });
		await expect(expectPackageLoads(expected())).rejects.toThrow(/codex of node "loadCheck" in dist\/ not found/);
	});

	it('fails when the dark icon was not copied into dist/', async () => {
		writeFakePackage({ codex: true, darkIcon: false });
		await expect(expectPackageLoads(expected())).rejects.toThrow(/dark icon of node "loadCheck" in dist\/ not found/);
	});

	it('fails with a clear message when dist/ was not built', async () => {
		writeFakePackage({ codex: true, darkIcon: true });
		rmSync(path.join(root, 'dist'), { recursive: true, force: true });
		await expect(loadPackage(root)).rejects.toThrow(/Run `npm run build` first/);
	});
});
