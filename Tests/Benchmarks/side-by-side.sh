#!/usr/bin/env bash
# csto and sqlite3 side by side, on the same questions (Tests/Benchmarks/side-by-side.sh):
#
#   (a) one-shot, whole process, on the bundled article: `csto -c QUERY` (built as usual,
#       and with --static-swift-stdlib) against `sqlite3 article.db 'SQL'`, timed by hyperfine;
#   (b) the same questions on a synthetic model of a million facts: csto's in-process
#       evaluation (csto-timing, the median of up to 20 runs) against SQLite's on a database
#       loaded from the model's SQL export, with its indexes: sqlite3's `.timer on` (the
#       median of 5, in milliseconds) and, finer, python3's sqlite3 module (the median of up
#       to 20);
#   (c) resident memory with the million-fact model loaded.
#
# Each pair is printed with the ratio csto/SQLite. Needs hyperfine and sqlite3 (installed
# with apt-get when missing) and python3. Work files go to $CSTO_BENCH_DIR (default
# /tmp/csto-bench): the model is made once (a minute) and kept; so is the database (a few
# minutes to load). FACTS=100000 picks another size.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${CSTO_BENCH_DIR:-/tmp/csto-bench}
facts=${FACTS:-1000000}
mkdir -p "$work"

for tool in hyperfine sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    apt-get install -y "$tool" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$tool" >/dev/null; }
  fi
done

echo "== building (release)" >&2
swift build -c release --package-path "$root" --scratch-path "$work/build-csto" --product csto >&2
# The same, with the Swift runtime and Foundation linked in: no dynamic loading at start-up.
swift build -c release --package-path "$root" --scratch-path "$work/build-csto-static" \
  --product csto --static-swift-stdlib >&2
# SwiftPM can keep stale objects of a path dependency whose types changed layout (seen here:
# a crash reading a field at its old offset), so the project's modules are rebuilt each time.
release=("$work"/build-bench/*/release)
rm -rf "$work/build-bench/release.yaml" \
  "${release[@]/%//Syntax.build}" "${release[@]/%//ArticleModel.build}" \
  "${release[@]/%//ArticleQuery.build}" \
  "${release[@]/%//SyntheticModel.build}" "${release[@]/%//generate.build}" \
  "${release[@]/%//csto_timing.build}" "${release[@]/%//CstoBenchmarks.build}"
swift build -c release --package-path "$here" --scratch-path "$work/build-bench" \
  --product generate >&2
swift build -c release --package-path "$here" --scratch-path "$work/build-bench" \
  --product csto-timing >&2
csto=$work/build-csto/release/csto
static=$work/build-csto-static/release/csto
timing=$work/build-bench/release/csto-timing
generate=$work/build-bench/release/generate

model=$work/synthetic-$facts/synthetic.model
if [ ! -f "$model" ]; then
  echo "== generating $facts facts" >&2
  "$generate" --facts "$facts" --seed 1 --out "$work/synthetic-$facts" >&2
fi

# A database from a model's SQL export, with one index more than the export makes: the
# qualifiers by entity, which `facts about` needs.
database() {
  local source=$1 db=$2
  if [ ! -f "$db" ]; then
    echo "== loading $db" >&2
    "$timing" sql "$source" "$db.sql"
    sqlite3 "$db.tmp" <"$db.sql"
    sqlite3 "$db.tmp" "CREATE INDEX qualifiers_entity ON qualifiers (entity); ANALYZE;"
    mv "$db.tmp" "$db"
    rm -f "$db.sql"
  fi
}
database article "$work/article.db"
database "$model" "$work/synthetic-$facts.db"

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b else '-')" "$1" "$2"; }

echo
echo "(a) one-shot on the article, whole process (hyperfine, mean of 30 runs); csto as built"
echo "    by default (Swift runtime and Foundation loaded dynamically) and --static-swift-stdlib"
printf '%-40s %9s %9s %9s %7s %7s\n' "question" "csto ms" "static" "sqlite3" "ratio" "static"
"$timing" questions article | while IFS=$'\t' read -r form few query sql; do
  [ "$sql" != - ] || continue
  hyperfine -N --warmup 3 --runs 30 --export-json "$work/a.json" \
    "$csto -c '$query'" "$static -c '$query'" "sqlite3 $work/article.db \"$sql\"" >/dev/null 2>&1
  read -r c t s < <(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results']
print(r[0]['mean'] * 1e3, r[1]['mean'] * 1e3, r[2]['mean'] * 1e3)" "$work/a.json")
  printf '%-40s %9.2f %9.2f %9.2f %7s %7s\n' "$query" "$c" "$t" "$s" "$(ratio "$c" "$s")" \
    "$(ratio "$t" "$s")"
done

echo
echo "(b) on $facts facts: csto in-process evaluation against SQLite in-process (medians, µs)"
echo "    sqlite3 .timer shows milliseconds only, so SQLite is also timed in-process through"
echo "    python3's sqlite3 module (the same libsqlite3); the ratio uses that figure"
printf '%-14s %-52s %9s %9s %9s %6s %s\n' "form" "question" "csto" "sqlite" ".timer" "ratio" "answers"
"$timing" time "$model" 20 >"$work/csto-times.tsv"
"$timing" questions "$model" >"$work/questions.tsv"
paste "$work/questions.tsv" "$work/csto-times.tsv" |
  while IFS=$'\t' read -r form few query sql _ _ median _ size; do
    [ "$sql" != - ] || continue
    timer=$( (echo ".timer on"; for _ in 1 2 3 4 5; do echo "$sql"; done) |
      sqlite3 "$work/synthetic-$facts.db" | python3 -c "
import sys, statistics
times = [float(l.split()[3]) * 1e6 for l in sys.stdin if l.startswith('Run Time:')]
print(statistics.median(times))")
    read -r s rows < <(python3 -c "
import sqlite3, statistics, sys, time
db = sqlite3.connect(sys.argv[1])
times, rows = [], []
while len(times) < 20 and (not times or sum(times) < 3e6):
    start = time.perf_counter()
    rows = db.execute(sys.argv[2]).fetchall()
    times.append((time.perf_counter() - start) * 1e6)
print(statistics.median(times), rows[0][0] if len(rows) == 1 and 'COUNT' in sys.argv[2] else len(rows))
" "$work/synthetic-$facts.db" "$sql")
    [ "$few" = few ] && form="$form*"
    printf '%-14s %-52s %9.1f %9.1f %9.0f %6s %s\n' "$form" "${query:0:52}" "$median" "$s" \
      "$timer" "$(ratio "$median" "$s")" "csto $size, sqlite $rows"
  done
echo "(* touches few facts whatever the model's size: the goal is a ratio below 1)"

echo
echo "(c) resident memory with the $facts-fact model loaded"
"$timing" load "$model" | tee "$work/load.txt"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
c=$(peak "$csto" --model "$model" -c 'count countries')
s=$(peak sqlite3 "$work/synthetic-$facts.db" 'SELECT COUNT(*) FROM facts')
printf 'peak resident, whole process: csto %d MiB, sqlite3 %d MiB, ratio %s\n' \
  $((c / 1024)) $((s / 1024)) "$(ratio "$c" "$s")"
printf 'database file %d MiB, model files %d MiB\n' \
  $(($(stat -c %s "$work/synthetic-$facts.db") / 1048576)) \
  $(($(cat "$model" "$(dirname "$model")/synthetic.txt" | wc -c) / 1048576))
