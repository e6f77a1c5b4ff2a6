#!/usr/bin/env bash
# Install the Debian packages `make test` needs when they are missing: Chromium for the browser
# tests, a CJK font (the book quotes Traditional Chinese; without one every Chinese character
# in a headless screenshot is an empty box), and Node.js with npm, which install the axe-core the
# accessibility test injects (package.json). Installs only as root (or with password-less sudo);
# otherwise stops with one line that says what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list ':lang=zh-tw' family 2>/dev/null)" ]; then
  missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "make test needs Debian packages that are missing: run 'sudo apt-get install ${missing[*]}' and try again" >&2
  exit 1
fi
echo "Installing Debian packages for the browser tests: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
