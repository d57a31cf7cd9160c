#!/usr/bin/env bash
# Installs the Debian packages camket needs (gettext for translations, chromium for browser
# tests, PostgreSQL for the second test run, fonts with Vietnamese glyphs, pango for PDFs).
set -euo pipefail
packages=(gettext chromium postgresql fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
