#!/usr/bin/env bash
# Installs a build into a staging folder (DESTDIR) and checks that every file
# a GNOME application installs is there, that the installed program runs,
# and that each installed data file validates.  Usage: check-install.sh BUILDDIR
set -euo pipefail
build=${1:?usage: check-install.sh BUILDDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.cwacertplanner.CertPlanner
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

DESTDIR="$stage" meson install -C "$build" --quiet >/dev/null

fail() { echo "check-install: $*" >&2; exit 1; }
# The one installed file under the staging folder whose path ends in $1.
installed() {
  local found
  found=$(find "$stage" -path "*/$1" | head -n 1)
  [ -n "$found" ] || fail "not installed: $1"
  echo "$found"
}

binary=$(installed bin/cwa-cert-planner)
desktop=$(installed "share/applications/$app_id.desktop")
metainfo=$(installed "share/metainfo/$app_id.metainfo.xml")
schema=$(installed "share/glib-2.0/schemas/$app_id.gschema.xml")
mime=$(installed "share/mime/packages/$app_id.xml")
icon=$(installed "share/icons/hicolor/scalable/apps/$app_id.svg")
symbolic=$(installed "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg")
installed share/locale/de/LC_MESSAGES/cwa-cert-planner.mo >/dev/null
man=$(installed share/man/man1/cwa-cert-planner.1)

# The installed program runs on its own, from the staging folder.
"$binary" --version | grep -qx "cwa-cert-planner [0-9.]*" || fail "$binary --version"
"$binary" check "$root/data/examples/contoso.cwaplan" --no-system-trust >/dev/null ||
  fail "$binary check contoso.cwaplan did not pass"
# The array example is Ready once its stand-in public root counts as public.
array_report=$("$binary" check "$root/data/examples/contoso-array.cwaplan" --no-system-trust \
  --public-ca "$root/data/examples/certs/stand-in-public-root.pem" --format json) ||
  fail "$binary check contoso-array.cwaplan did not pass"
grep -q '"ready" *: *true' <<<"$array_report" || fail "$binary check contoso-array.cwaplan is not Ready"

desktop-file-validate "$desktop"
appstreamcli validate --no-net "$metainfo" >/dev/null
glib-compile-schemas --strict --dry-run "$(dirname "$schema")"
xmllint --noout "$mime" "$icon" "$symbolic"
"$root/build-aux/check-man.sh" "$man" >/dev/null

echo "check-install: every installed file is in place and valid."
