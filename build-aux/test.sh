#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test.
# Usage: build-aux/test.sh [BUILD_DIR [extra meson setup options...]]
# CWA_JOBS=N limits the build and the tests to N jobs at a time (default: every core).
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build-test}
shift || true

build-aux/install-deps.sh
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true "$@"
fi
jobs=${CWA_JOBS:-$(nproc)}
ninja -C "$builddir" -j "$jobs"
meson test -C "$builddir" --print-errorlogs --num-processes "$jobs"
