// After the end-to-end suite: removes the temporary folder with the tarball and the n8n user folders.
const { rmSync } = require('node:fs');

module.exports = async () => {
	const work = process.env.E2E_WORK_DIR;
	if (work && work.includes('convirza-e2e-')) rmSync(work, { recursive: true, force: true });
};
