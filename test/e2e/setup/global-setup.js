// Before the end-to-end suite: checks the n8n install and dist/, packs the package once with `npm pack`
// (what a user installs), and passes the paths to the test files through the environment.
// `prepareInstall` is that without the suite's screenshots folder; `npm run n8n` (test/e2e/try/) uses it.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');

/**
 * Reads the install of a pinned n8n (a folder of test/e2e with its package.json and lock: `n8n`, the
 * 2.x the suite pins, unless E2E_N8N_PIN names another, e.g. `n8n-1`), packs the built package into a
 * new temporary folder and sets the E2E_* environment the kit reads (test/e2e/kit/env.ts).
 */
function prepareInstall({ quiet = false } = {}) {
	const pin = process.env.E2E_N8N_PIN || 'n8n';
	const installFile = join(root, '.e2e-cache', `${pin}.json`);
	if (!existsSync(installFile)) {
		throw new Error(`No n8n install for test/e2e/${pin}: run \`bash test/e2e/setup/install-n8n.sh ${pin}\` (npm run test:e2e does).`);
	}
	const install = JSON.parse(readFileSync(installFile, 'utf8'));
	for (const file of [install.node, install.n8n]) {
		if (!existsSync(file)) throw new Error(`${file} is missing: run test/e2e/setup/install-n8n.sh ${pin} again.`);
	}
	if (!existsSync(join(root, 'dist', 'nodes', 'Convirza', 'Convirza.node.js'))) {
		throw new Error('dist/ is not built: run `npm run build`.');
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
	if (!quiet) process.stdout.write(`\nPacked ${packed[0].filename} (${packed[0].entryCount} files); n8n ${install.version}\n`);

	Object.assign(process.env, {
		E2E_WORK_DIR: work,
		E2E_PACKAGE_TARBALL: tarball,
		E2E_NODE: install.node,
		E2E_N8N: install.n8n,
		E2E_N8N_VERSION: install.version,
		// the suite sets its own, kept between runs
		E2E_SCREENSHOTS: join(work, 'screenshots'),
	});
	return { work, tarball, version: install.version };
}

module.exports = async () => {
	prepareInstall();
	const screenshots = join(root, 'test', 'e2e', 'screenshots');
	rmSync(screenshots, { recursive: true, force: true });
	mkdirSync(screenshots, { recursive: true });
	process.env.E2E_SCREENSHOTS = screenshots;
};
module.exports.prepareInstall = prepareInstall;
