#!/usr/bin/env bash
# Times `cwa-cert-planner inspect --format json` on a bundle of 10,000
# certificates against the floor (bench-floor: GnuTLS imports the same bundle
# and reads the same fields), each as a whole process, best of N runs.
# Usage: tests/bench/bench-inspect.sh [BUILD_DIR [RUNS]]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-5}
bundle="$build/bundle-10k.pem"

[ -f "$bundle" ] || "$build/tests/bench/make-bundle" tests/data/keys "$bundle" 10000

best () {
  local best_ns=0
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    if [ "$best_ns" -eq 0 ] || [ $((end - start)) -lt "$best_ns" ]; then
      best_ns=$((end - start))
    fi
  done
  echo "$best_ns"
}

floor=$(best "$build/tests/bench/bench-floor" "$bundle" 1 floor)
inspect=$(best "$build/src/cwa-cert-planner" inspect "$bundle" --format json)
awk -v f="$floor" -v i="$inspect" -v n="$runs" 'BEGIN {
  printf "floor (GnuTLS import + fields):  %7.1f ms\n", f / 1e6
  printf "inspect --format json:           %7.1f ms\n", i / 1e6
  printf "ratio:                           %7.2fx  (best of %d, target <= 1.5x)\n", i / f, n
}'
