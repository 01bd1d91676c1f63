#!/bin/sh
# Runs a test program inside a network namespace of its own that has only
# the loopback interface, so that nothing it does can reach another address.
# Where no such namespace can be made, the test is skipped (TAP), never run
# outside one.
skip() {
  echo "1..0 # SKIP $*"
  exit 0
}

command -v unshare >/dev/null 2>&1 || skip "unshare (util-linux) is not installed"
command -v ip >/dev/null 2>&1 || skip "ip (iproute2) is not installed"

if unshare -n true 2>/dev/null; then
  exec unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi
# Without CAP_SYS_ADMIN: a user namespace owns the new network namespace.
if unshare -rn true 2>/dev/null; then
  exec unshare -rn sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi

why=$(unshare -n true 2>&1 | head -n 1)
skip "no network namespace can be made here (unshare -n: ${why:-not permitted})"
