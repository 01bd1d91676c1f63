#!/bin/sh
# Fails when doc/rules.md is not what the rule catalogue generates, and says
# how to regenerate it.  Usage: check-doc-rules.sh BINARY DOC/RULES.MD
set -eu
binary=$1
page=$2
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT

"$binary" rules --format markdown >"$generated"
if ! cmp -s "$generated" "$page"; then
  echo "doc/rules.md differs from the rule catalogue. Regenerate it with:" >&2
  echo "  build/src/cwa-cert-planner rules --format markdown > doc/rules.md" >&2
  diff -u "$page" "$generated" >&2 || true
  exit 1
fi
echo "doc/rules.md matches the rule catalogue."
