#!/usr/bin/env bash
# Installs code-server 4.99.4 (VS Code 1.99.3, the last release that runs on Node 20) from the npm
# registry into a cache folder outside the clone, so that fresh clones and later runs reuse it.
# Idempotent: a finished install leaves a marker and is not touched again; an interrupted one is
# built in a staging folder and never mistaken for a finished one.
# Prints the install folder (the one holding node_modules/code-server) on its last line.
set -euo pipefail

VERSION=4.99.4
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/offer-e2e"
TARGET="$CACHE_ROOT/code-server-$VERSION"
MARKER="$TARGET/.install-complete"

if [ -f "$MARKER" ]; then
  echo "code-server $VERSION: cached in $TARGET" >&2
  echo "$TARGET"
  exit 0
fi

command -v rg >/dev/null 2>&1 || { echo "ripgrep (rg) is missing: run scripts/e2e/install-system-packages.sh" >&2; exit 1; }

mkdir -p "$CACHE_ROOT"
STAGING="$(mktemp -d "$CACHE_ROOT/.staging-XXXXXX")"
trap 'rm -rf "$STAGING"' EXIT
echo "code-server $VERSION: installing into $TARGET (about two minutes)" >&2

cd "$STAGING"
# A minimal private package to install into (npm init would name it after the staging folder).
echo '{"name": "offer-e2e-code-server", "private": true}' > package.json
# Its postinstall downloads ripgrep and builds VS Code's modules with network access: skip it and
# do those steps here, offline.
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2

cd "$STAGING/node_modules/code-server/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# VS Code looks for its modules under node_modules.asar when not running from an asar archive.
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev >&2)

cd "$STAGING"
npm_config_yes=true npm rebuild argon2 >&2

touch "$STAGING/.install-complete"
rm -rf "$TARGET"
mv "$STAGING" "$TARGET"
trap - EXIT
echo "code-server $VERSION: installed in $TARGET" >&2
echo "$TARGET"
