#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test.
# Usage: build-aux/test.sh [BUILD_DIR [extra meson setup options...]]
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build-test}
shift || true

build-aux/install-deps.sh
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true "$@"
fi
ninja -C "$builddir"
meson test -C "$builddir" --print-errorlogs --num-processes "$(nproc)"
