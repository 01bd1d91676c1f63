#!/usr/bin/env bash
# Installs what is missing, builds, and opens the example plan in the window.
# Without a display it prints the example's check report instead.
# CWA_JOBS=N limits the build to N jobs at a time (default: ninja's choice).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CWA_JOBS:-}" ] && ! [ "$CWA_JOBS" -ge 1 ] 2>/dev/null; then
  echo "CWA_JOBS must be a number of jobs, 1 or more (it is '$CWA_JOBS')" >&2
  exit 2
fi
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build ${CWA_JOBS:+-j "$CWA_JOBS"} >/dev/null

plan=data/examples/contoso.cwaplan
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # Not installed: the settings schema compiled into the build tree lets the
  # window remember its size, panes and last folder all the same.
  export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  exec build/src/cwa-cert-planner "$plan"
else
  echo "No display: printing the check report of $plan instead of opening the window." >&2
  exec build/src/cwa-cert-planner check "$plan"
fi
