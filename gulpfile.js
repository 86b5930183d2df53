// Copies what tsc does not emit into dist/: the light and dark SVG icons of nodes/ and credentials/,
// and each node's codex (<Node>.node.json), so dist/ mirrors the source tree n8n loads from.
const { src, dest, task } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.' }).pipe(
		dest('dist'),
	);
}

task('build:icons', copyAssets);
