/**
 * scripts/check-release.js, the publish workflow's gate: it must refuse a tag that is not package.json's
 * version and a version CHANGELOG.md has no dated entry for, and let a matching one through. Runs the
 * script as the workflow does, on throw-away package folders.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/check-release.js');

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.2.0] - 2026-05-04

### Added

- Something.

## [1.1.0] - 2026-04-01
`;

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'convirza-release-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function packageFolder(version: unknown, changelog: string | null = CHANGELOG): string {
	writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'n8n-nodes-convirza', version }));
	if (changelog !== null) writeFileSync(path.join(folder, 'CHANGELOG.md'), changelog);
	return folder;
}

/** The script's exit code and what it printed. */
function check(tag: string, dir: string): { code: number; out: string } {
	try {
		const out = execFileSync(process.execPath, [SCRIPT, tag, dir], { encoding: 'utf8', stdio: 'pipe' });
		return { code: 0, out };
	} catch (error) {
		const failed = error as { status: number; stdout: string; stderr: string };
		return { code: failed.status, out: `${failed.stdout}${failed.stderr}` };
	}
}

test('a tag matching the version, with a dated CHANGELOG entry, may be published: prints the version', () => {
	expect(check('v1.2.0', packageFolder('1.2.0'))).toEqual({ code: 0, out: '1.2.0\n' });
	// as GitHub gives it in GITHUB_REF
	expect(check('refs/tags/v1.2.0', packageFolder('1.2.0'))).toEqual({ code: 0, out: '1.2.0\n' });
});

test.each([
	['another version', 'v1.2.1', '1.2.0', /the tag "v1\.2\.1" does not match package\.json's version 1\.2\.0/],
	['the version without its v', '1.2.0', '1.2.0', /the tag "1\.2\.0" does not match/],
	['an older version the CHANGELOG has', 'v1.1.0', '1.2.0', /the tag "v1\.1\.0" does not match/],
])('refuses a tag that is %s', (_, tag, version, why) => {
	const { code, out } = check(tag, packageFolder(version));
	expect(code).toBe(1);
	expect(out).toMatch(/^Refusing to publish: /);
	expect(out).toMatch(why);
});

test.each([
	['only under Unreleased', CHANGELOG.replace('## [1.2.0] - 2026-05-04', '')],
	['without a date', CHANGELOG.replace('## [1.2.0] - 2026-05-04', '## [1.2.0]')],
	['as a prefix of another version', CHANGELOG.replace('## [1.2.0] - 2026-05-04', '## [1.2.0-beta.1] - 2026-05-04')],
])('refuses a version whose CHANGELOG entry is missing: %s', (_, changelog) => {
	const { code, out } = check('v1.2.0', packageFolder('1.2.0', changelog));
	expect(code).toBe(1);
	expect(out).toMatch(/CHANGELOG\.md has no entry "## \[1\.2\.0\] - YYYY-MM-DD"/);
});

test('refuses without a CHANGELOG.md, and a version that is not semantic', () => {
	expect(check('v1.2.0', packageFolder('1.2.0', null)).out).toMatch(/there is no CHANGELOG\.md/);
	const { code, out } = check('v1.2', packageFolder('1.2'));
	expect(code).toBe(1);
	expect(out).toMatch(/package\.json's version "1\.2" is not a semantic version/);
});
