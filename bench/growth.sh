#!/usr/bin/env bash
# The growth check: no command may grow faster than its data. For each shape of dataset (many
# sources, many groups, many names, long words) it writes datasets of 10,000 and 100,000 records
# and runs every command in every format on both. It fails, naming the command and the shape,
# when ten times the data costs more than 30 times the time (a bound wide enough for a noisy
# machine, far below the 100 times of a cost that grows with the square of the data), or when a
# run's peak memory, less what nkru takes to start (the peak of `nkru --version`), passes 3 times
# the size of the files it reads. Memory is judged at the larger size of each pair only: at the
# smaller, what a command takes whatever its data (the code and tables it touches beyond
# `--version`, SQLite's page cache for `export`) weighs more against a small file than what grows
# with it, and a growing cost shows at the larger size.
#
# Usage: bash bench/growth.sh [SMALL LARGE]   (10000 100000 unless given)
# GROWTH_MEMORY=report prints the memory that passes its bound without failing on it, to see
# every run's figures while looking into one; `.ci/run` enforces both bounds, at 5,000 and 50,000.
# Prints one line per command and shape: the times, their ratio, and the peak memory against the
# files; docs/performance.md keeps the figures of a run.
set -euo pipefail
cd "$(dirname "$0")/.."

small=${1:-10000}
large=${2:-100000}
time_bound=30
memory_bound=3
memory_rule=${GROWTH_MEMORY:-enforce}
# Times below this are the cost of starting a process, not of the data; a smaller run is counted
# as taking this long, so that noise in a few milliseconds cannot fail the check.
floor=0.1

cargo build --quiet --release --features synthetic --bin nkru --example gen_growth
nkru=$PWD/target/release/nkru
generate=$PWD/target/release/examples/gen_growth

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command line, its output thrown away; sets `seconds` and `kilobytes` (peak resident
# memory). GNU time measures when it is there, else bash's clock and the kernel's account of the
# child through /proc.
measure() {
  if [ -x /usr/bin/time ]; then
    if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr"; then
      echo "growth: failed to run: $*" >&2
      cat "$work/stderr" >&2
      exit 1
    fi
    read -r seconds kilobytes <"$work/time"
  else
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/stderr" || { echo "growth: failed to run: $*" >&2; exit 1; }
    end=$(date +%s.%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    kilobytes=$(python3 -c 'import resource; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)')
  fi
}

# Every command line, one a line, with FILE for the dataset, GROUP for a group's id, SOURCE for a
# source's id and OUT for a file to write.
formats="table tsv csv json ndjson markdown"
command_lines() {
  for command in groups "group GROUP" estimates summary timeline chart "search r" facts sources \
    related about; do
    for format in $formats; do
      echo "--data FILE $command --format $format"
    done
  done
  echo "--data FILE chart --format svg"
  echo "--data FILE timeline --format svg"
  for style in apa chicago bibtex csl-json ris; do
    echo "--data FILE cite --all --style $style"
  done
  echo "--data FILE cite SOURCE"
  echo "--data FILE report"
  echo "--data FILE export sqlite OUT --force"
  echo "diff FILE FILE"
  echo "validate FILE"
}

# What the program itself takes, before any data: its code, libraries and stack.
measure "$nkru" --version
start_kilobytes=$kilobytes

failures=()
over_memory=0
printf 'nkru takes %s MB to start; x_file is the peak above that against the files\n' \
  "$(awk -v k="$start_kilobytes" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-8s %-44s %8s %8s %6s %9s %8s %6s\n' shape command "t_small" "t_large" ratio "peak_MB" "files_MB" "x_file"
for shape in sources groups names words; do
  for size in "$small" "$large"; do
    "$generate" "$shape" "$size" >"$work/$shape-$size.json"
  done
  group=$("$nkru" --data "$work/$shape-$small.json" groups --format tsv --fields id | sed -n 2p)
  source=$("$nkru" --data "$work/$shape-$small.json" sources --format tsv --fields id | sed -n 2p)
  while read -r line; do
    declare -A time=() memory=()
    for size in "$small" "$large"; do
      file="$work/$shape-$size.json"
      expanded=${line//FILE/$file}
      expanded=${expanded//GROUP/$group}
      expanded=${expanded//SOURCE/$source}
      expanded=${expanded//OUT/$work/out.db}
      # shellcheck disable=SC2086 # the line is split into its arguments on purpose
      measure "$nkru" $expanded
      time[$size]=$seconds
      memory[$size]=$kilobytes
    done
    files=1
    case "$line" in diff*) files=2 ;; esac
    bytes=$(($(stat -c %s "$work/$shape-$large.json") * files))
    shown=${line//--data FILE /}
    verdict=$(awk -v s="${time[$small]}" -v l="${time[$large]}" -v m="${memory[$large]}" \
      -v b="$bytes" -v floor="$floor" -v tb="$time_bound" -v mb="$memory_bound" \
      -v start="$start_kilobytes" 'BEGIN {
        base = s < floor ? floor : s
        ratio = l / base
        times = (m - start) * 1024 / b
        printf "%8.3f %8.3f %6.1f %9.1f %8.1f %6.2f", s, l, ratio, m / 1024, b / 1048576, times
        if (ratio > tb) printf " TIME"
        if (times > mb) printf " MEMORY"
      }')
    printf '%-8s %-44s %s\n' "$shape" "$shown" "$verdict"
    case "$verdict" in
      *TIME*) failures+=("$shape: nkru $shown:${verdict##*[0-9]}") ;;
      *MEMORY*) [ "$memory_rule" = report ] || failures+=("$shape: nkru $shown:${verdict##*[0-9]}") ;;
    esac
    case "$verdict" in *MEMORY*) over_memory=$((over_memory + 1)) ;; esac
  done < <(command_lines)
  rm -f "$work/$shape-"*.json "$work/out.db"
done

if [ "${#failures[@]}" -gt 0 ]; then
  echo
  echo "growth: ${#failures[@]} commands grow faster than their data (TIME: more than ${time_bound} times" \
    "the time for ten times the data; MEMORY: a peak above ${memory_bound} times the files read):"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
echo
if [ "$over_memory" -gt 0 ]; then
  echo "growth: every command within ${time_bound} times the time; ${over_memory} above ${memory_bound} times" \
    "the files at their peak (reported, not failed: GROWTH_MEMORY=report)"
else
  echo "growth: every command within ${time_bound} times the time and ${memory_bound} times the files"
fi
