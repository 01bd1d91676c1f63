#!/bin/sh
# Fails when a Markdown file of the repository links to a file that is not in
# the repository (a clone has nothing beside it).  Usage: check-doc-links.sh ROOT
set -eu
root=$1
status=0
for page in "$root"/README.md "$root"/doc/*.md "$root"/data/examples/README.md; do
  [ -f "$page" ] || continue
  dir=$(dirname "$page")
  # ](target) of every inline link or image, without a "title" or #anchor.
  for target in $(grep -o '](\([^)]*\))' "$page" | sed -e 's/^](//' -e 's/)$//' -e 's/ .*//' -e 's/#.*//'); do
    case $target in
      http://*|https://*|mailto:*|'') continue ;;
    esac
    case $(realpath -m "$dir/$target") in
      "$(realpath "$root")"/*) ;;
      *) echo "$page: links outside the repository: $target" >&2; status=1; continue ;;
    esac
    if [ ! -e "$dir/$target" ]; then
      echo "$page: links to a missing file: $target" >&2
      status=1
    fi
  done
done
[ $status -eq 0 ] && echo "Every documentation link points into the repository."
exit $status
