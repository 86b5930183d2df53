/** What test/e2e/setup/global-setup.js prepared, read from the environment it set. */
export interface E2eEnv {
	/** temporary folder of this run (tarball, user folders), removed after the suite */
	workDir: string;
	/** the `npm pack` tarball of the built package */
	tarball: string;
	/** Node 24's `node` */
	node: string;
	/** n8n's bin/n8n script in the cached install */
	n8n: string;
	n8nVersion: string;
	/** where screenshots go (git-ignored, emptied at the start of each run) */
	screenshots: string;
}

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the suite with \`npm run test:e2e\``);
	return value;
}

export function e2eEnv(): E2eEnv {
	return {
		workDir: required('E2E_WORK_DIR'),
		tarball: required('E2E_PACKAGE_TARBALL'),
		node: required('E2E_NODE'),
		n8n: required('E2E_N8N'),
		n8nVersion: required('E2E_N8N_VERSION'),
		screenshots: required('E2E_SCREENSHOTS'),
	};
}
