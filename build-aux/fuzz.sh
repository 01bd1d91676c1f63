#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang, ASan and UBSan, and
# runs each for SECONDS (default 60) on a copy of its seed corpus.  A crash,
# leak, timeout or out-of-memory fails; the input that caused it is copied
# to tests/fuzz/regressions/TARGET/ so that it runs in the ordinary suite
# from then on (commit it with the fix).
# Usage: build-aux/fuzz.sh [SECONDS [BUILD_DIR]]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
builddir=${2:-build-fuzz}

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbenchmarks=false -Dbuildtype=debugoptimized
fi

status=0
for target in loader plan names; do
  ninja -C "$builddir" "tests/fuzz/fuzz-$target"
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$target/." "$work/"
  mkdir -p "$work/found"
  # No system GIO module, as in the tests (tests/meson.build): dconf's
  # module keeps an object GIO never frees, which LeakSanitizer reports.
  if ! GIO_MODULE_DIR="$work/no-gio-modules" \
       ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$builddir/tests/fuzz/fuzz-$target" "$work" -max_total_time="$seconds" \
       -timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/found/" \
       -print_final_stats=1 2>"$work/log"; then
    status=1
    tail -n 60 "$work/log" >&2
    mkdir -p "tests/fuzz/regressions/$target"
    cp "$work"/found/* "tests/fuzz/regressions/$target/" 2>/dev/null || true
    echo "fuzz-$target failed; the input is in tests/fuzz/regressions/$target/" >&2
  else
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|cov:' "$work/log" | tail -n 3
  fi
  rm -rf "$work"
done
exit $status
