#!/usr/bin/env node
// Run by .github/workflows/publish.yml before anything is published:
//   node scripts/check-release.js <tag> [package folder]
// Refuses (exit 1, saying why) unless the tag is `v` + package.json's version, that version is a
// semantic version, and CHANGELOG.md has a dated section for it (Keep a Changelog:
// `## [1.2.3] - 2026-05-01`). Prints the version when all hold.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why `tag` may not be published from the package in `folder`, or undefined when it may. */
function releaseProblem(tag, folder) {
	const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
	if (typeof version !== 'string' || !SEMVER.test(version)) {
		return `package.json's version ${JSON.stringify(version)} is not a semantic version (MAJOR.MINOR.PATCH)`;
	}
	if (tag !== `v${version}`) {
		return `the tag ${JSON.stringify(tag)} does not match package.json's version ${version}: tag v${version}, or set the version to the tag's`;
	}
	let changelog;
	try {
		changelog = readFileSync(join(folder, 'CHANGELOG.md'), 'utf8');
	} catch {
		return 'there is no CHANGELOG.md';
	}
	const entry = new RegExp(`^## \\[${escapeRegExp(version)}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`, 'm');
	if (!entry.test(changelog)) {
		return `CHANGELOG.md has no entry "## [${version}] - YYYY-MM-DD": move the Unreleased notes under it`;
	}
	return undefined;
}

if (require.main === module) {
	const [tag, folder = join(__dirname, '..')] = process.argv.slice(2);
	if (!tag) {
		console.error('usage: node scripts/check-release.js <tag, e.g. v1.0.0> [package folder]');
		process.exit(2);
	}
	const problem = releaseProblem(tag.replace(/^refs\/tags\//, ''), folder);
	if (problem) {
		console.error(`Refusing to publish: ${problem}.`);
		process.exit(1);
	}
	console.log(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version);
}

module.exports = { releaseProblem };
