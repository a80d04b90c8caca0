#!/usr/bin/env bash
# Builds the binary nkru ships, with the `dist` profile (the whole program optimised at link time
# in one unit, stripped). On Linux with glibc it is linked statically (a static PIE, its address
# still chosen at random each run): it runs on any Linux of its architecture whatever C library
# the system has, and it starts without the dynamic loader's work of finding libraries and their
# symbols. Elsewhere it is the `dist` build as cargo makes it.
#
# Usage: bash scripts/dist.sh     (prints the binary's path when it is built)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  *-linux-gnu*)
    # `cargo rustc` gives the flag to the binary's own compilation only, which is where the
    # linking happens; the libraries and build scripts are built as for any other build.
    cargo rustc --profile dist --bin nkru --quiet -- -C target-feature=+crt-static
    ;;
  *) cargo build --profile dist --bin nkru --quiet ;;
esac
echo "${CARGO_TARGET_DIR:-$root/target}/dist/nkru"
