#!/usr/bin/env bash
# Installs what building, running and testing CWA Cert Planner needs on
# Debian 12, skipping the apt work when everything is already there.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libgnutls28-dev libjson-glib-dev
  libgtk-4-dev libadwaita-1-dev libcairo2-dev libpango1.0-dev
  # tests: certificate tools, data validators, a display, PDF/HTML checks
  gnutls-bin openssl libxml2-dev libxml2-utils poppler-utils
  desktop-file-utils appstream xvfb xauth groff-base man-db
  fonts-dejavu-core ca-certificates adwaita-icon-theme librsvg2-common
  # the probe tests run in a network namespace with only loopback
  iproute2 util-linux
  # the libFuzzer targets in tests/fuzz (.ci/run)
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
