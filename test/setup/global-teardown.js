// Removes the throw-away n8n user folder that global-setup.js created for this run.
const { rmSync } = require('node:fs');

module.exports = async () => {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder && folder.includes('n8n-convirza-test-')) rmSync(folder, { recursive: true, force: true });
};
