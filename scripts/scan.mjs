#!/usr/bin/env node
// `npm run scan`: what n8n's verification scanner (@n8n/scan-community-package, pinned in package.json)
// lints before it verifies a package, run here before a release can fail it. The scanner itself runs
// on n8n's side against the published package: it checks the npm provenance, downloads the attested
// source and the tarball, and lints both with its own flat config, inline eslint comments ignored.
// This script lints the same two legs with the scanner's own `analyzePackage` (its config, its
// ESLint, allowInlineConfig: false), imported from the installed scanner, not copied:
//   - the source leg: this checkout with the scanner's SOURCE_FILE_PATTERNS (package.json, nodes/**,
//     credentials/**);
//   - the tarball leg: the unpacked `npm pack` tarball, with the patterns the scanner gives that leg
//     (`**/*.js` and `package.json`; written inline in its analyzePackageByName, so repeated here).
// Exits 1 when either leg has an error (the scanner fails a package on errors; warnings pass).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'convirza-scan-'));
// The scanner makes a temporary folder when it loads (for downloads we do not need): keep it in ours.
process.env.TMPDIR = work;

try {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--cache', join(work, 'npm-cache')], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', unpacked, '--strip-components=1']);

	const legs = [
		['source (package.json, nodes/**, credentials/**)', root, SOURCE_FILE_PATTERNS],
		[`tarball (${packed[0].filename}, ${packed[0].entryCount} files)`, unpacked, ['**/*.js', 'package.json']],
	];
	let failed = false;
	for (const [name, dir, patterns] of legs) {
		const result = await analyzePackage(dir, patterns);
		// The scanner passes a leg in which no file matched; here that means a broken build or pattern.
		if (result.message === 'No files found to analyze') Object.assign(result, { passed: false });
		console.log(`${result.passed ? 'passed' : 'FAILED'}: ${name}${result.message ? ` (${result.message})` : ''}`);
		if (result.details) console.log(result.details);
		failed ||= !result.passed;
	}
	if (failed) {
		console.error("n8n's verification scan would refuse this package.");
		process.exitCode = 1;
	} else {
		console.log("n8n's verification scan: both legs pass.");
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
