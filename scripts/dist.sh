#!/usr/bin/env bash
# Builds the binary nkru ships, with the `dist` profile (the whole program optimised at link time
# in one unit, stripped).
#
# On Linux with glibc it is also:
# - linked statically (a static PIE, its address still chosen at random each run): it runs on any
#   Linux of its architecture whatever C library the system has, and it starts without the
#   dynamic loader's work of finding libraries and their symbols;
# - optimised from a profile of its own runs (PGO), when the toolchain has `llvm-profdata`
#   (`rustup component add llvm-tools`): a build that counts what it runs answers the everyday
#   commands below, and the shipped build is compiled knowing what ran. The code that ran is laid
#   out together, apart from the code that did not, so a command starts by reading fewer pages of
#   the binary. Without `llvm-profdata` the binary is built without a profile, and says so.
#   The counts vary a little from run to run (the standard library seeds its hash maps at
#   random), so each build compiles nkru and its libraries again with the new profile, and two
#   builds of the same code may lay it out a little differently.
# Elsewhere it is the `dist` build as cargo makes it.
#
# Usage: bash scripts/dist.sh     (prints the binary's path when it is built)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target_dir=${CARGO_TARGET_DIR:-$root/target}
host=$(rustc -vV | sed -n 's/^host: //p')

# The commands whose runs make the profile: the everyday questions and each format of a list.
training=(
  "--version" "--help" "summary" "summary --long" "groups" "group workers"
  "group students --format json" "estimates" "estimates --group workers --format json"
  "estimates --year 2018 --group workers" "estimates --format csv" "estimates --format tsv"
  "estimates --format ndjson" "estimates --format markdown" "estimates --format table --width 80"
  "trend workers" "chart" "timeline" "timeline --format json" "facts" "sources" "about"
  "related" "search moscow"
)

# Builds nkru for the host with the `dist` profile and these extra rustc flags (the target is
# named so that the flags reach nkru and its libraries, not build scripts and procedural macros).
build() {
  RUSTFLAGS="-C target-feature=+crt-static $1" \
    cargo build --profile dist --bin nkru --target "$host" --quiet
}

case "$host" in
  *-linux-gnu*)
    profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
    if [[ -x $profdata ]]; then
      profiles="$target_dir/pgo/profiles"
      rm -rf "$profiles/raw"
      # The counting build has a target folder of its own, so that each build keeps its objects.
      CARGO_TARGET_DIR="$target_dir/pgo" build "-C profile-generate=$profiles/raw"
      for arguments in "${training[@]}"; do
        # shellcheck disable=SC2086 # each line of arguments is split into words on purpose
        LLVM_PROFILE_FILE="$profiles/raw/nkru-%m.profraw" \
          "$target_dir/pgo/$host/dist/nkru" $arguments >/dev/null
      done
      "$profdata" merge --output "$profiles/nkru.profdata" "$profiles/raw"
      # `keep-text-section-prefix` has the linker gather the code the profile found hot, and
      # the code that never ran, each in a section of its own.
      build "-C profile-use=$profiles/nkru.profdata -C link-arg=-Wl,-z,keep-text-section-prefix"
    else
      echo "scripts/dist.sh: no llvm-profdata in the toolchain, so nkru is built without a" \
        "profile of its runs (rustup component add llvm-tools)" >&2
      build ""
    fi
    echo "$target_dir/$host/dist/nkru"
    ;;
  *)
    cargo build --profile dist --bin nkru --quiet
    echo "$target_dir/dist/nkru"
    ;;
esac
