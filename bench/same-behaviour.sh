#!/usr/bin/env bash
# Whether two builds of nkru behave the same: runs both on a broad list of argument lists (every
# command, every format, the flags that change a view, help, version and the error cases) and
# compares their standard output, standard error and exit code, and the files `export` writes.
#
#   bash bench/same-behaviour.sh OLD NEW
#
# OLD and NEW are nkru binaries (for instance one built from an earlier commit with
# `git worktree add` and `cargo build --release`). Each runs under the same scrubbed environment,
# from a copy named `nkru`, so that help and errors name the program alike. Prints each argument
# list whose results differ, with the start of the difference, and exits 1 if any did.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: bash bench/same-behaviour.sh OLD NEW" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/new"
cp "$1" "$work/old/nkru"
cp "$2" "$work/new/nkru"
example="$root/docs/example-dataset.json"
fixture="$root/tests/it/fixtures/article.json"
older="$root/tests/it/fixtures/nkru-2.1.0.json"
cp "$example" "$work/example.json"
printf '{"version": 3' > "$work/broken.json"

# One argument list a line, split at spaces; `@STDIN` at the start feeds the example dataset on
# standard input, `@ENV=VALUE` sets a variable, and `@OUT` stands for a path to write to.
cases="$work/cases"
{
  echo "--version"
  echo "-V"
  echo "--help"
  echo "-h"
  echo "help"
  echo ""
  echo "nonsense"
  echo "sumary"
  echo "--nonsense summary"
  commands="summary trend groups group estimates chart timeline search facts cite sources about
    related diff report export schema validate completions man help"
  for command in $commands; do
    echo "$command --help"
    echo "$command -h"
    echo "help $command"
  done
  echo "help help"
  echo "help -h"
  echo "export"
  echo "completions"

  # The list commands in every format, at 80 and 120 columns.
  lists="groups estimates summary timeline facts sources about related"
  for command in $lists "group workers" "trend workers" "search russia" "group military --all"; do
    for format in table json ndjson csv tsv markdown; do
      echo "$command --format $format"
      echo "$command --format $format --width 120"
    done
    echo "$command --format table --long"
    echo "$command --format table --ascii --width 60"
    echo "$command --format table --color always"
    echo "$command --format tsv --no-header"
    echo "$command --format json --lang ko"
    echo "$command --format table --lang ru"
    echo "$command --format csv --lang ko"
    echo "$command --format table --data $fixture"
    echo "@STDIN $command --format json --data -"
  done

  # Filters, views and their flags.
  for group in workers students refugees military total koryo-saram 노동자 рабочие nosuch; do
    echo "estimates --group $group --format tsv"
    echo "group $group --format table"
    echo "trend $group --format table"
    echo "summary --group $group --format table"
  done
  echo "estimates --group workers --counts present --from 2017 --to 2018 --format table"
  echo "estimates --group military --region Kursk --year 2024 --counts present --format table"
  echo "estimates --year 1999 --format json"
  echo "estimates --min 1000 --sort high --reverse --format csv"
  echo "estimates --sort low --format tsv"
  echo "estimates --sort nosuch"
  echo "estimates --coverage russia --format tsv"
  echo "estimates --coverage region --counts present --format json"
  echo "estimates --source article --format tsv"
  echo "estimates --attributed-to nis --format tsv"
  echo "estimates --fields id,low,high --format csv"
  echo "estimates --fields id,nosuch"
  echo "estimates --fields id,id"
  echo "estimates --fields ,"
  echo "estimates --from 2020 --to 2010"
  echo "estimates --min 10 --max 5"
  echo "estimates --year 2020 --from 2021"
  echo "estimates --region  --format tsv"
  echo "summary --year 2020 --format table"
  echo "summary --from 2010 --to 2015 --format table"
  echo "summary --format table --width 20"
  echo "summary --format table --width 200"
  echo "trend students --from 2020 --format table"
  echo "trend refugees --counts granted --format table"
  echo "trend workers --counts present --format json"
  echo "group workers --year 2018 --format table"
  echo "group workers --from 2000 --to 2010 --all --format table"
  echo "group workers --format json"
  echo "group 북한 --format table"
  echo "group stud --format table"
  echo "timeline --group workers --format table"
  echo "timeline --from 2000 --to 2010 --format table"
  echo "timeline --format svg"
  echo "timeline --group military --format svg"
  echo "chart --format table"
  echo "chart --log --format table"
  echo "chart --format svg"
  echo "chart --group workers --log --format svg"
  echo "chart --group workers --format table --width 60"
  echo "search 북한 --format tsv"
  echo "search ́ --format tsv"
  echo "search '' --format tsv"
  echo "search Kursk --format json"
  echo "facts --group workers --format tsv"
  echo "facts --source article --format tsv"
  echo "cite article"
  echo "cite article --style apa"
  echo "cite article --style chicago"
  echo "cite article --style bibtex"
  echo "cite article --style ris"
  echo "cite article --style csl-json"
  echo "cite --all"
  echo "cite --all --style bibtex"
  echo "cite --all --style csl-json"
  echo "cite --all --style ris"
  echo "cite --all --style chicago"
  echo "cite nosuch"
  echo "cite article --format json"
  echo "cite"
  echo "sources article --format table"
  echo "sources article nosuch"
  echo "report"
  echo "report --group workers"
  echo "report --lang ko"
  echo "schema"
  echo "schema --format json"
  echo "validate"
  echo "validate $example"
  echo "validate $fixture"
  echo "validate $work/broken.json"
  echo "validate /nonexistent/file.json"
  echo "@STDIN validate -"
  echo "diff $older $fixture --format tsv"
  echo "diff --embedded $older --format json"
  echo "diff --embedded $older --exit-code --format csv"
  echo "diff $example $example --exit-code"
  echo "diff $work/broken.json $example"
  echo "export sqlite @OUT"
  echo "export sqlite @OUT --data $example"
  echo "export sqlite -"
  echo "export nosuch @OUT"
  for shell in bash zsh fish elvish powershell nosuch; do echo "completions $shell"; done
  echo "man"
  echo "--data /nonexistent.json groups"
  echo "--data $work/broken.json groups"
  echo "--data $example --max-size 10 groups"
  echo "--max-size nonsense groups"
  echo "groups --format svg"
  echo "groups --width 0"
  echo "groups --width nonsense"
  echo "groups --lang xx"
  echo "@NKRU_FORMAT=svg groups"
  echo "@NKRU_FORMAT=json groups"
  echo "@NKRU_FORMAT=nonsense groups"
  echo "@NO_COLOR=1 groups --format table"
  echo "@NKRU_DATA=$example groups --format tsv"
  echo "@LANG=C summary --format table"
} > "$cases"

# Runs one side on one case; writes its stdout, stderr, exit code and any exported file.
run() {
  local side=$1 line=$2
  local out="$work/$side.out" err="$work/$side.err" code="$work/$side.code"
  local -a environment=(env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 COLUMNS=80)
  local stdin=/dev/null
  local -a words=()
  read -r -a words <<< "$line" || true
  while [ "${#words[@]}" -gt 0 ]; do
    case "${words[0]}" in
      @STDIN) stdin="$example" ;;
      @*=*) environment+=("${words[0]#@}") ;;
      *) break ;;
    esac
    words=("${words[@]:1}")
  done
  rm -f "$work/$side.db"
  local index
  for index in "${!words[@]}"; do
    [ "${words[$index]}" = "@OUT" ] && words[$index]="$work/$side.db"
    [ "${words[$index]}" = "''" ] && words[$index]=""
  done
  (cd "$work" && "${environment[@]}" "$work/$side/nkru" "${words[@]}" < "$stdin" > "$out" 2> "$err"; echo $? > "$code") || true
  # Each side wrote to its own path; the paths are made the same before comparing.
  sed -i "s|$work/$side.db|OUT|g" "$out" "$err"
  if [ -f "$work/$side.db" ] && command -v sqlite3 >/dev/null; then
    sqlite3 "$work/$side.db" .dump >> "$out"
  fi
}

total=0
differ=0
while IFS= read -r line; do
  total=$((total + 1))
  run old "$line"
  run new "$line"
  for part in code out err; do
    if ! cmp -s "$work/old.$part" "$work/new.$part"; then
      differ=$((differ + 1))
      echo "differs ($part): nkru $line"
      diff "$work/old.$part" "$work/new.$part" | head -6 | sed 's/^/    /'  || true
      break
    fi
  done
done < "$cases"

if [ "$differ" -gt 0 ]; then
  echo "same-behaviour: $differ of $total argument lists differ" >&2
  exit 1
fi
echo "same-behaviour: all $total argument lists give the same output, errors and exit codes"
