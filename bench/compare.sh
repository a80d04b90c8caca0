#!/usr/bin/env bash
# Whole-process speed and peak memory of nkru against jq, jaq (when it can be installed), the floor
# program in bench/floor and an empty Rust binary.
#
#   bash bench/compare.sh [ESTIMATES]
#
# PAIRS (21 by default) sets the number of paired runs of nkru and the floor.
# At 1,000,000 estimates (about 570 MB) a run takes some minutes and about 2 GB of memory.
#
# Installs hyperfine, jq and GNU time from Debian's packages and jaq with cargo when they are
# missing (jaq is left out if it cannot be installed), builds nkru as shipped (dist), writes a
# synthetic dataset of ESTIMATES estimates (200,000 by default) to a temporary folder, and prints
# the measured times, peak memory and their ratios.
set -euo pipefail

estimates="${1:-200000}"
pairs="${PAIRS:-21}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- tools -----------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing ${missing[*]} ..." >&2
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# jaq is not packaged by Debian 12: it is built from crates.io when cargo can reach it, and left
# out of the comparison when it cannot.
if ! command -v jaq >/dev/null; then
    echo "installing jaq with cargo (a few minutes) ..." >&2
    cargo install --locked --quiet jaq >&2 || echo "jaq could not be installed; it is left out" >&2
fi

# --- builds ----------------------------------------------------------------------------------
# nkru as it is shipped (scripts/dist.sh); the generator needs no more than a release build.
echo "building nkru (dist) and the dataset generator (release) ..." >&2
nkru=$(bash "$root/scripts/dist.sh")
(cd "$root" && cargo build --release --quiet --features synthetic --example gen_dataset)
target="$(cd "$root" && cargo metadata --format-version 1 --no-deps | jq -r .target_directory)"
generator="$target/release/examples/gen_dataset"

echo "building the floor program (release) ..." >&2
(cd "$root" && CARGO_TARGET_DIR="$work/floor-target" cargo build --release --quiet --manifest-path bench/floor/Cargo.toml)
floor="$work/floor-target/release/floor"

echo "building an empty Rust binary ..." >&2
(cd "$root" && CARGO_TARGET_DIR="$work/empty-target" cargo build --release --quiet --manifest-path bench/empty/Cargo.toml)
empty="$work/empty-target/release/empty"

echo "writing a synthetic dataset of $estimates estimates ..." >&2
big="$work/big.json"
"$generator" "$estimates" > "$big"
embedded="$root/data/nkru.json"

# Both sides must select the same estimates. Past 256 MiB nkru needs its limit raised.
limit="--max-size 100000000000"
nkru_lines="$("$nkru" $limit --data "$big" estimates --format ndjson | wc -l)"
jq_lines="$(jq -c '.estimates[]' "$big" | wc -l)"
if [ "$nkru_lines" != "$estimates" ] || [ "$jq_lines" != "$estimates" ]; then
    echo "nkru wrote $nkru_lines estimates and jq $jq_lines, not $estimates" >&2
    exit 1
fi
workers='.estimates[] | select(.group == "workers")'
if [ "$("$nkru" estimates --group workers --format ndjson | wc -l)" != "$(jq -c "$workers" "$embedded" | wc -l)" ]; then
    echo "nkru and jq select different estimates of the embedded dataset" >&2
    exit 1
fi

# --- measurements ----------------------------------------------------------------------------
# The median time of each command of a hyperfine run, in seconds, one a line; the median
# shrugs off the odd run slowed by another process.
medians() {
    jq -r '.results[].median' "$1"
}

# The peak resident memory of a command, in kilobytes.
peak_kilobytes() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}

echo "timing on $estimates estimates ..." >&2
hyperfine --shell=none --warmup 2 --runs 10 --style none \
    --export-json "$work/big-times.json" \
    "$nkru $limit --data $big estimates --format ndjson" \
    "jq -c .estimates[] $big" \
    "$floor $big" >/dev/null
read -r nkru_big jq_big floor_big < <(medians "$work/big-times.json" | paste -sd' ')
jaq_big=""
if command -v jaq >/dev/null; then
    hyperfine --shell=none --warmup 2 --runs 10 --style none \
        --export-json "$work/jaq-times.json" "jaq -c .estimates[] $big" >/dev/null
    jaq_big="$(medians "$work/jaq-times.json")"
fi
floor_memory="$(peak_kilobytes "$floor" "$big")"

# The time of one run of a command, in nanoseconds, its output thrown away.
nanoseconds() {
    local start end
    start="$(date +%s%N)"
    "$@" >/dev/null
    end="$(date +%s%N)"
    echo $((end - start))
}

# Paired runs against the floor: nkru and the floor one right after the other, which goes first
# alternating, and the ratio of each pair kept. A neighbour that slows the machine for a while
# slows both runs of a pair, so the ratios scatter less than two separate medians do.
echo "timing $pairs pairs of nkru and the floor ..." >&2
ratios="$work/ratios"
: > "$ratios"
for pair in $(seq "$pairs"); do
    if [ $((pair % 2)) -eq 1 ]; then
        nkru_time="$(nanoseconds "$nkru" $limit --data "$big" estimates --format ndjson)"
        floor_time="$(nanoseconds "$floor" "$big")"
    else
        floor_time="$(nanoseconds "$floor" "$big")"
        nkru_time="$(nanoseconds "$nkru" $limit --data "$big" estimates --format ndjson)"
    fi
    awk -v n="$nkru_time" -v f="$floor_time" 'BEGIN { printf "%.4f\n", n / f }' >> "$ratios"
done
# The first quartile, the median and the third quartile of the ratios.
read -r ratio_low ratio_median ratio_high < <(sort -n "$ratios" | awk '
    { ratio[NR] = $1 }
    END { print ratio[int((NR + 3) / 4)], ratio[int((NR + 1) / 2)], ratio[int((3 * NR + 1) / 4)] }')

nkru_memory="$(peak_kilobytes "$nkru" $limit --data "$big" estimates --format ndjson)"
jq_memory="$(peak_kilobytes jq -c '.estimates[]' "$big")"
# The peak memory of every other format, and of the table view (records past 10,000 rows).
format_memory=""
for format in tsv csv json table; do
    format_memory="$format_memory $format=$(peak_kilobytes "$nkru" $limit --data "$big" estimates --format "$format")"
done

echo "timing on the embedded dataset ..." >&2
hyperfine --shell=none --warmup 50 --runs 1000 --style none \
    --export-json "$work/small-times.json" \
    "$nkru estimates --group workers --format json" \
    "$empty" \
    "jq '[$workers]' $embedded" >/dev/null
read -r nkru_small empty_small jq_small < <(medians "$work/small-times.json" | paste -sd' ')

# --- report ----------------------------------------------------------------------------------
cpu="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
memory="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
awk \
    -v cpu="$cpu" -v cores="$(nproc)" -v memory="$memory" -v kernel="$(uname -sr)" \
    -v hyperfine_version="$(hyperfine --version)" -v jq_version="$(jq --version)" \
    -v estimates="$estimates" -v size="$(stat -c %s "$big")" \
    -v nkru_big="$nkru_big" -v jq_big="$jq_big" -v floor_big="$floor_big" -v jaq_big="$jaq_big" \
    -v floor_memory="$floor_memory" -v pair_count="$pairs" \
    -v ratio_low="$ratio_low" -v ratio_median="$ratio_median" -v ratio_high="$ratio_high" \
    -v nkru_memory="$nkru_memory" -v jq_memory="$jq_memory" -v format_memory="$format_memory" \
    -v nkru_small="$nkru_small" -v empty_small="$empty_small" -v jq_small="$jq_small" '
function verdict(ok) { return ok ? "met" : "MISSED" }
BEGIN {
    printf "machine: %s, %d cores, %s, %s; %s, %s\n\n", cpu, cores, memory, kernel, hyperfine_version, jq_version
    printf "times are medians of hyperfine runs, or of paired runs where so marked; memory is the peak resident set of one run\n\n"
    printf "big.json: %d estimates, %.1f MB\n", estimates, size / 1e6
    printf "  time    nkru %7.3f s    jq %7.3f s    jq / nkru   = %5.2f  (target >= 5: %s)\n",
        nkru_big, jq_big, jq_big / nkru_big, verdict(jq_big / nkru_big >= 5)
    printf "  time    nkru %7.3f s    floor %7.3f s nkru / floor = %5.2f  (medians of separate runs)\n",
        nkru_big, floor_big, nkru_big / floor_big
    printf "  time    %d paired runs of nkru and the floor: nkru / floor = %5.2f, quartiles %.2f and %.2f  (target <= 1.25: %s)\n",
        pair_count, ratio_median, ratio_low, ratio_high, verdict(ratio_median <= 1.25)
    if (jaq_big != "")
        printf "  time    nkru %7.3f s    jaq %7.3f s   jaq / nkru  = %5.2f\n", nkru_big, jaq_big, jaq_big / nkru_big
    else
        printf "  time    jaq could not be installed, so it is not measured\n"
    printf "  memory  nkru %7.1f MiB  jq %7.1f MiB  nkru / jq   = %5.2f  (target <= 0.5: %s)\n",
        nkru_memory / 1024, jq_memory / 1024, nkru_memory / jq_memory, verdict(nkru_memory / jq_memory <= 0.5)
    printf "  memory  nkru %7.1f MiB  file %7.1f MiB nkru / file = %5.2f  (target <= 1.2: %s); the floor %.1f MiB\n",
        nkru_memory / 1024, size / 1048576, nkru_memory * 1024 / size, verdict(nkru_memory * 1024 / size <= 1.2), floor_memory / 1024
    count = split(format_memory, pairs, " ")
    for (i = 1; i <= count; i++) {
        split(pairs[i], pair, "=")
        limit = pair[1] == "table" ? 2 : 1.2
        printf "  memory  %-6s %7.1f MiB                    %-6s / file = %5.2f  (target <= %s: %s)\n",
            pair[1], pair[2] / 1024, pair[1], pair[2] * 1024 / size, limit, verdict(pair[2] * 1024 / size <= limit)
    }
    printf "embedded dataset, estimates --group workers --format json:\n"
    printf "  time    nkru %7.2f ms   empty binary %5.2f ms   nkru / empty = %5.2f\n",
        nkru_small * 1000, empty_small * 1000, nkru_small / empty_small
    printf "  time    nkru %7.2f ms   jq %7.2f ms             jq / nkru    = %5.2f\n",
        nkru_small * 1000, jq_small * 1000, jq_small / nkru_small
}'
