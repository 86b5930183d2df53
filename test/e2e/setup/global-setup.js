// Before the end-to-end suite: checks the n8n install and dist/, packs the package once with `npm pack`
// (what a user installs), and passes the paths to the test files through the environment.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');

module.exports = async () => {
	const installFile = join(root, '.e2e-cache', 'n8n.json');
	if (!existsSync(installFile)) {
		throw new Error('No n8n install: run `npm run test:e2e` (it runs test/e2e/setup/install-n8n.sh first).');
	}
	const install = JSON.parse(readFileSync(installFile, 'utf8'));
	for (const file of [install.node, install.n8n]) {
		if (!existsSync(file)) throw new Error(`${file} is missing: run test/e2e/setup/install-n8n.sh again.`);
	}
	if (!existsSync(join(root, 'dist', 'nodes', 'Convirza', 'Convirza.node.js'))) {
		throw new Error('dist/ is not built: run `npm run test:e2e` (it builds first).');
	}

	const work = mkdtempSync(join(tmpdir(), 'convirza-e2e-'));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--cache', join(work, 'npm-cache')], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	const tarball = join(work, packed[0].filename);
	process.stdout.write(`\nPacked ${packed[0].filename} (${packed[0].entryCount} files); n8n ${install.version}\n`);

	const screenshots = join(root, 'test', 'e2e', 'screenshots');
	rmSync(screenshots, { recursive: true, force: true });
	mkdirSync(screenshots, { recursive: true });

	Object.assign(process.env, {
		E2E_WORK_DIR: work,
		E2E_PACKAGE_TARBALL: tarball,
		E2E_NODE: install.node,
		E2E_N8N: install.n8n,
		E2E_N8N_VERSION: install.version,
		E2E_SCREENSHOTS: screenshots,
	});
};
