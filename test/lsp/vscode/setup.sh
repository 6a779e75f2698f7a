#!/bin/sh
# Installs what test/lsp/vscode.test.ts needs, outside the project:
#   test/lsp/vscode/setup.sh [DIR]     (default: $HOME/.cache/iptlint-code-server)
# then run:  IPTLINT_CODE_SERVER_DIR=DIR npx vitest run test/lsp/vscode.test.ts
# code-server needs Node 24 (the npm package node@24 provides it) and, for its native modules, the Kerberos,
# xkbfile and libsecret headers; the browser is Debian's chromium, driven by playwright-core.
set -eu
dir=${1:-${HOME}/.cache/iptlint-code-server}
root=$(cd "$(dirname "$0")/../../.." && pwd)

if [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium libkrb5-dev libxkbfile-dev libsecret-1-dev
fi

mkdir -p "$dir"
cd "$dir"
# npm runs only the install scripts allowed here: node@24 fetches its binary, code-server builds VS Code's modules.
cat > package.json <<'JSON'
{ "name": "iptlint-code-server", "private": true, "allowScripts": { "node": true, "code-server": true } }
JSON
npm install --no-audit --no-fund node@24
PATH="$dir/node_modules/node/bin:$PATH" npm install --no-audit --no-fund code-server@4 playwright-core@1

# The extension under test, packaged as users get it.
npm install --no-audit --no-fund --prefix "$root/client"
npm run package:vsix --prefix "$root/client"
echo "ready: IPTLINT_CODE_SERVER_DIR=$dir npx vitest run test/lsp/vscode.test.ts"
