#!/usr/bin/env bash
# Installs the real n8n that the end-to-end suite runs, exactly as pinned by test/e2e/n8n/package.json and
# its package-lock.json, into .e2e-cache/ inside the clone (ignored by git), and reuses it on later runs.
#
# The cache folder is keyed by the n8n version, Node 24's native ABI (sqlite3 is built for it) and the lock
# file's hash (the lock holds the whole tree, the pin included), so a changed pin installs afresh and an
# unchanged one costs nothing. A cold install takes
# about 8 minutes and 2.9 GB. Steps (see ../shared/real-n8n.md):
#   - Node 24 from the npm registry, through .ci/node24.sh (the same copy CI uses for npm test on Node 24);
#   - `npm ci --ignore-scripts`: some optional native dependencies of n8n download sources at build time,
#     which cannot work here, and n8n does not need them;
#   - then build only sqlite3 (n8n's database) against Node 24's headers.
# Writes .e2e-cache/n8n.json ({node, n8n, version}), which the suite reads to start n8n.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
pin="$root/test/e2e/n8n"
cache="$root/.e2e-cache"

node24_bin="$(bash "$root/.ci/node24.sh")"
export PATH="$node24_bin:$PATH"

version="$(node -p "require(process.argv[1]).dependencies.n8n" "$pin/package.json")"
abi="$(node -p process.versions.modules)"
lock_hash="$(sha256sum <"$pin/package-lock.json" | cut -c1-12)"
dir="$cache/n8n-$version-abi$abi-$lock_hash"
n8n_bin="$dir/node_modules/n8n/bin/n8n"

if [[ -f "$dir/.installed" ]]; then
	echo "n8n $version: using the cached install in ${dir#"$root/"}"
else
	echo "n8n $version: installing into ${dir#"$root/"} (about 8 minutes and 2.9 GB the first time)"
	mkdir -p "$cache"
	# Earlier keys are never used again: free their space.
	find "$cache" -mindepth 1 -maxdepth 1 -name 'n8n-*' ! -path "$dir" -exec rm -rf {} +
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$pin/package.json" "$pin/package-lock.json" "$dir/"
	started=$SECONDS
	(
		cd "$dir"
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --cache "$cache/npm"
		# node-gyp would otherwise build against the machine's Node 20 headers (npm's `nodedir` setting).
		npm rebuild sqlite3 --ignore-scripts=false --nodedir="$(dirname "$node24_bin")" --loglevel=error
	)
	node -e "require(process.argv[1])" "$dir/node_modules/sqlite3" \
		|| { echo "sqlite3 does not load on Node 24 after the rebuild" >&2; exit 1; }
	rm -rf "$cache/npm"
	touch "$dir/.installed"
	echo "n8n $version: installed in $((SECONDS - started)) s"
fi

installed="$(node -p "require(process.argv[1]).version" "$dir/node_modules/n8n/package.json")"
if [[ "$installed" != "$version" ]]; then
	echo "expected n8n $version in ${dir#"$root/"}, found $installed" >&2
	exit 1
fi
node -e '
const [file, node, n8n, version] = process.argv.slice(1);
require("node:fs").writeFileSync(file, JSON.stringify({ node, n8n, version }, null, "\t") + "\n");
' "$cache/n8n.json" "$node24_bin/node" "$n8n_bin" "$version"
