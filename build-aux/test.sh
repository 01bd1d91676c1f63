#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test.
# Usage: build-aux/test.sh [BUILD_DIR [extra meson setup options...]]
# CWA_JOBS=N limits the build and the tests to N jobs at a time (default: ninja's and
# meson's own choice).
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build-test}
shift || true

build-aux/install-deps.sh
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true "$@"
fi
# Unset, ninja and meson test choose as they always did.
if [ -n "${CWA_JOBS:-}" ] && ! [ "$CWA_JOBS" -ge 1 ] 2>/dev/null; then
  echo "CWA_JOBS must be a number of jobs, 1 or more (it is '$CWA_JOBS')" >&2
  exit 2
fi
ninja -C "$builddir" ${CWA_JOBS:+-j "$CWA_JOBS"}
meson test -C "$builddir" --print-errorlogs ${CWA_JOBS:+--num-processes "$CWA_JOBS"}
