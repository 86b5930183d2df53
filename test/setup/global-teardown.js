// Removes the throw-away folder that global-setup.js created for this run.
const { rmSync } = require('node:fs');

module.exports = async () => {
	const folder = process.env.CONVIRZA_TEST_FOLDER;
	if (folder && folder.includes('n8n-convirza-test-')) rmSync(folder, { recursive: true, force: true });
};
