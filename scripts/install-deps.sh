#!/usr/bin/env bash
# Installs the Debian packages Reputa builds and tests with, when any is missing.
# Needs root (or sudo) only when something has to be installed.
set -euo pipefail
# chromium renders the HTML report in a test (chromium-driver and python3-selenium drive the on-call inbox in one);
# python3-aiosmtpd is the local SMTP server tests mail to;
# postgresql is the server the PostgreSQL store is tested against (scripts/pg-test-server.sh).
# libcld2-dev identifies the language of reviews (CLD2); python3-langdetect is `make eval`'s second opinion;
# python3-sklearn trains the negativity model (`make train`, and the held-out models of `make eval`);
# librsvg2-bin (rsvg-convert) draws the mailed report's charts as PNG;
# python3-scipy and python3-yaml are the test oracles' (Welch's test, sources.yml);
# man-db and groff-base render the installed manual page (`man -l`), systemd's systemd-analyze
# verifies the service units in contrib/systemd (nothing is started).
packages=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev libssl-dev libcld2-dev pkg-config python3 chromium chromium-driver python3-selenium python3-aiosmtpd
          postgresql python3-langdetect python3-sklearn librsvg2-bin python3-scipy python3-yaml man-db groff-base systemd)
# --build: only what building needs (`make release`, `make install` on a server).
if [ "${1:-}" = "--build" ]; then
  packages=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev libssl-dev libcld2-dev pkg-config)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "install-deps: need root to install ${missing[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
