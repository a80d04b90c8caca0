#!/usr/bin/env bash
# What starting nkru costs: the shipped binary (scripts/dist.sh) against an empty Rust program,
# in whole processes timed by hyperfine, one command after another in each round so that a busy
# spell of the machine falls on all of them. Rounds are short and many, so that the runs compared
# are close in time: on a shared machine the time a process takes drifts by a fifth over seconds.
# The empty program (bench/empty) is built twice with the settings of nkru's `dist` profile: as
# cargo links it by default (dynamically), and linked statically like nkru's shipped binary on
# Linux. Prints each round's medians and their ratios to each, then each command's median ratio
# over the rounds with the lowest and the highest. For Linux with glibc, where the shipped binary
# is linked statically.
#
# Usage: bash bench/start.sh [ROUNDS] [RUNS]   (20 rounds of 200 runs unless given)
# Needs hyperfine and python3.
set -euo pipefail
rounds=${1:-20}
runs=${2:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "bench/start.sh needs $tool" >&2; exit 2; }
done

echo "building nkru as shipped ..." >&2
nkru=$(bash "$root/scripts/dist.sh")

echo "building an empty Rust program, dynamically and statically linked ..." >&2
manifest="$root/bench/empty/Cargo.toml"
CARGO_TARGET_DIR="$work/dynamic" cargo build --release --quiet --manifest-path "$manifest"
cp "$work/dynamic/release/empty" "$work/empty-dynamic"
CARGO_TARGET_DIR="$work/static" cargo rustc --release --quiet --manifest-path "$manifest" -- \
  -C target-feature=+crt-static
cp "$work/static/release/empty" "$work/empty-static"

commands=(
  "$work/empty-dynamic"
  "$work/empty-static"
  "$nkru --version"
  "$nkru estimates --group workers --format json"
  "$nkru summary"
)
for round in $(seq "$rounds"); do
  echo "round $round of $rounds ..." >&2
  hyperfine -N --warmup 20 --runs "$runs" --export-json "$work/round-$round.json" \
    "${commands[@]}" >/dev/null 2>&1
done

python3 - "$work" "$rounds" <<'PYTHON'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
print("round  command                                      median   /empty (dynamic)  /empty (static)")
ratios = {}
for round in range(1, rounds + 1):
    results = json.load(open(f"{work}/round-{round}.json"))["results"]
    medians = [statistics.median(result["times"]) for result in results]
    dynamic, static = medians[0], medians[1]
    for result, median in zip(results, medians):
        name = result["command"].replace(work + "/", "").split("/")[-1]
        ratios.setdefault(name, []).append((median / dynamic, median / static))
        print(f"{round:>5}  {name:<44} {median * 1000:6.3f} ms  {median / dynamic:15.2f}×  {median / static:14.2f}×")
print()
print(f"over {rounds} rounds: the median ratio (lowest–highest)")
print("command                                      /empty (dynamic)     /empty (static)")
for name, pairs in ratios.items():
    cells = []
    for column in (0, 1):
        values = [pair[column] for pair in pairs]
        cells.append(f"{statistics.median(values):.2f}× ({min(values):.2f}–{max(values):.2f})")
    print(f"{name:<44} {cells[0]:<20} {cells[1]}")
PYTHON
