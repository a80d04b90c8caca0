#!/usr/bin/env bash
# What starting nkru costs: the shipped binary (scripts/dist.sh) against an empty Rust program,
# in whole processes timed by hyperfine.
#
# The empty program (bench/empty) is built twice with the settings of nkru's `dist` profile: as
# cargo links it by default (dynamically), and linked statically like nkru's shipped binary on
# Linux. All three binaries are copied into one folder, as installing them would, so that each is
# timed from a file in the same state.
#
# They are timed in two states of the system's page cache:
# - as installed: the files just copied, still held in memory as they were written;
# - read from disk: each file's pages dropped from the page cache and read back by one run, as
#   after a restart. The kernel may hold a file read back from disk in smaller pieces than one
#   just written and map fewer of its pages at each page fault, so a large binary can start
#   more slowly in this state.
#
# In each round hyperfine runs every command RUNS times, one command after another, starting
# from a different command each round: a busy spell of the machine falls on all of them, and no
# command always runs first. Rounds are short, so that the runs compared are close in time: on a
# shared machine the time a process takes drifts by a fifth over seconds. Prints, for each state,
# each command's median ratio to both empty programs over the rounds, with the lowest and the
# highest. For Linux with glibc, where the shipped binary is linked statically.
#
# Usage: bash bench/start.sh [ROUNDS] [RUNS]   (20 rounds of 50 runs in each state unless given)
# Needs hyperfine and python3.
set -euo pipefail
rounds=${1:-20}
runs=${2:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "bench/start.sh needs $tool" >&2; exit 2; }
done

echo "building nkru as shipped ..." >&2
cp "$(bash "$root/scripts/dist.sh")" "$work/nkru"

echo "building an empty Rust program, dynamically and statically linked ..." >&2
manifest="$root/bench/empty/Cargo.toml"
CARGO_TARGET_DIR="$work/dynamic" cargo build --release --quiet --manifest-path "$manifest"
cp "$work/dynamic/release/empty" "$work/empty-dynamic"
CARGO_TARGET_DIR="$work/static" cargo rustc --release --quiet --manifest-path "$manifest" -- \
  -C target-feature=+crt-static
cp "$work/static/release/empty" "$work/empty-static"

binaries=("$work/empty-dynamic" "$work/empty-static" "$work/nkru")
commands=(
  "$work/empty-dynamic"
  "$work/empty-static"
  "$work/nkru --version"
  "$work/nkru estimates --group workers --format json"
  "$work/nkru summary"
)

# Runs the rounds of one state, writing each round's results to STATE-ROUND.json.
measure() {
  local state=$1 round index
  local -a order
  for round in $(seq "$rounds"); do
    echo "$state: round $round of $rounds ..." >&2
    order=()
    for index in "${!commands[@]}"; do
      order+=("${commands[$(((index + round) % ${#commands[@]}))]}")
    done
    hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/$state-$round.json" \
      "${order[@]}" >/dev/null 2>&1
  done
}

measure installed
python3 - "${binaries[@]}" <<'PYTHON'
import os, sys
for path in sys.argv[1:]:
    descriptor = os.open(path, os.O_RDONLY)
    os.fsync(descriptor)
    os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(descriptor)
PYTHON
for binary in "${binaries[@]}"; do
  "$binary" >/dev/null 2>&1 || true
done
measure from-disk

python3 - "$work" "$rounds" "${commands[@]}" <<'PYTHON'
import json, statistics, sys
work, rounds, commands = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for state, title in (("installed", "as installed"), ("from-disk", "read from disk")):
    ratios = {command: [] for command in commands}
    for round in range(1, rounds + 1):
        results = json.load(open(f"{work}/{state}-{round}.json"))["results"]
        medians = {result["command"]: statistics.median(result["times"]) for result in results}
        dynamic, static = medians[commands[0]], medians[commands[1]]
        for command in commands:
            ratios[command].append((medians[command] / dynamic, medians[command] / static))
    print(f"{title}, over {rounds} rounds: the median ratio (lowest–highest)")
    print("command                                      /empty (dynamic)     /empty (static)")
    for command, pairs in ratios.items():
        cells = []
        for column in (0, 1):
            values = [pair[column] for pair in pairs]
            cells.append(f"{statistics.median(values):.2f}× ({min(values):.2f}–{max(values):.2f})")
        name = command.replace(work + "/", "")
        print(f"{name:<44} {cells[0]:<20} {cells[1]}")
    print()
PYTHON
