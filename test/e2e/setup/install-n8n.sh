#!/usr/bin/env bash
# Installs a real n8n that the end-to-end suite runs, exactly as pinned by a pin folder's package.json and
# package-lock.json, into .e2e-cache/ inside the clone (ignored by git), and reuses it on later runs.
#
#   bash test/e2e/setup/install-n8n.sh            the pinned n8n 2.x (test/e2e/n8n), the suite's default
#   bash test/e2e/setup/install-n8n.sh n8n-1      the oldest supported n8n, 1.x (test/e2e/n8n-1)
#
# The cache folder is keyed by the n8n version, Node 24's native ABI (sqlite3 is built for it) and the lock
# file's hash (the lock holds the whole tree, the pin included), so a changed pin installs afresh and an
# unchanged one costs nothing. Installing frees the folders of earlier keys of the same n8n major only, so
# the 2.x and 1.x installs live side by side. A cold install takes about 8 minutes and 2.9 GB. Steps (see
# ../shared/real-n8n.md):
#   - Node 24 from the npm registry, through .ci/node24.sh (the same copy CI uses for npm test on Node 24);
#   - `npm ci --ignore-scripts`: some optional native dependencies of n8n download sources at build time,
#     which cannot work here, and n8n does not need them;
#   - then build only sqlite3 (n8n's database) against Node 24's headers.
# Writes .e2e-cache/<pin folder>.json ({node, n8n, version}; n8n.json for the default), which the suite
# reads to start n8n. Its paths are resolved, so a worktree that links .e2e-cache/ to a shared one writes
# paths that stay valid when the worktree goes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
pin_name="${1:-n8n}"
pin="$root/test/e2e/$pin_name"
[[ -f "$pin/package.json" && -f "$pin/package-lock.json" ]] \
	|| { echo "no pin folder test/e2e/$pin_name with package.json and package-lock.json" >&2; exit 1; }
mkdir -p "$root/.e2e-cache"
cache="$(cd "$root/.e2e-cache" && pwd -P)"

node24_bin="$(realpath "$(bash "$root/.ci/node24.sh")")"
export PATH="$node24_bin:$PATH"

version="$(node -p "require(process.argv[1]).dependencies.n8n" "$pin/package.json")"
abi="$(node -p process.versions.modules)"
lock_hash="$(sha256sum <"$pin/package-lock.json" | cut -c1-12)"
dir="$cache/n8n-$version-abi$abi-$lock_hash"
npm_cache="$dir.npm-cache"
n8n_bin="$dir/node_modules/n8n/bin/n8n"

# One install of a pin at a time: a second one (CI's background install and `npm run n8n`, say) waits for
# the first and then finds it done, instead of deleting the folder the first is filling.
exec 9>"$cache/.$pin_name.lock"
flock 9

if [[ -f "$dir/.installed" ]]; then
	echo "n8n $version: using the cached install in $dir"
else
	echo "n8n $version: installing into $dir (about 8 minutes and 2.9 GB the first time)"
	# Earlier keys of this major are never used again: free their space. Other majors are other pins.
	find "$cache" -mindepth 1 -maxdepth 1 -type d -name "n8n-${version%%.*}.*" ! -path "$dir" ! -path "$npm_cache" \
		-exec rm -rf {} +
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$pin/package.json" "$pin/package-lock.json" "$dir/"
	started=$SECONDS
	(
		cd "$dir"
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --cache "$npm_cache"
		# node-gyp would otherwise build against the machine's Node 20 headers (npm's `nodedir` setting).
		npm rebuild sqlite3 --ignore-scripts=false --nodedir="$(dirname "$node24_bin")" --loglevel=error
	)
	node -e "require(process.argv[1])" "$dir/node_modules/sqlite3" \
		|| { echo "sqlite3 does not load on Node 24 after the rebuild" >&2; exit 1; }
	rm -rf "$npm_cache"
	touch "$dir/.installed"
	echo "n8n $version: installed in $((SECONDS - started)) s"
fi

installed="$(node -p "require(process.argv[1]).version" "$dir/node_modules/n8n/package.json")"
if [[ "$installed" != "$version" ]]; then
	echo "expected n8n $version in $dir, found $installed" >&2
	exit 1
fi
node -e '
const [file, node, n8n, version] = process.argv.slice(1);
require("node:fs").writeFileSync(file, JSON.stringify({ node, n8n, version }, null, "\t") + "\n");
' "$cache/$pin_name.json" "$node24_bin/node" "$n8n_bin" "$version"
