#!/usr/bin/env bash
# Installs the Debian packages the code-server + Chromium suite needs, only those that are missing:
# chromium (the browser playwright-core drives), ripgrep (code-server's search; its npm postinstall
# would download it, which this network forbids) and libkrb5-dev (headers for the kerberos native
# module that code-server's VS Code rebuilds), and fonts-nanum (Hangul glyphs: without a Korean font
# Chromium draws the Korean UI check's text as boxes). Needs root; does nothing when all are present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
dpkg -s fonts-nanum >/dev/null 2>&1 || missing+=(fonts-nanum)

if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e system packages: all present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "e2e system packages missing: ${missing[*]}; run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "e2e system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
