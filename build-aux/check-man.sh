#!/bin/sh
# Renders a man page as man(1) would and fails on any warning.
# Usage: check-man.sh PAGE
set -eu
page=$1
warnings=$(mktemp)
trap 'rm -f "$warnings"' EXIT

# -ww: every groff warning; man -l renders through the same groff.
groff -man -Tutf8 -ww -z "$page" 2>"$warnings"
if command -v man >/dev/null 2>&1; then
  MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>>"$warnings" >/dev/null
fi
if command -v lexgrog >/dev/null 2>&1; then
  lexgrog "$page" >/dev/null || echo "$page: lexgrog finds no NAME section whatis could index" >>"$warnings"
fi
if [ -s "$warnings" ]; then
  cat "$warnings" >&2
  exit 1
fi
echo "$page renders without warnings."
