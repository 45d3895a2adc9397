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
#   (c) resident memory with the million-fact model loaded;
#   (d) one-shot on the million-fact model, whole process: cold (no snapshot yet: parse, check,
#       compile and write it) and warm (from the snapshot), against sqlite3's one-shot, with
#       peak memory and instructions (callgrind);
#   (e) Tab on the million-fact model (csto-timing tab);
#   (f) loading the SQL export into sqlite3, DuckDB (python3's duckdb, installed with pip when
#       missing) and PostgreSQL (when pg_ctl and a postgres user are there to start a server
#       of our own), and the CSV tables into DuckDB, at $LOAD_SIZES facts (default 10000
#       100000; add 1000000 for the issue's third size: minutes);
#   then the issue's goal table (issue 14) with the ratios from this run.
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

for tool in hyperfine sqlite3 valgrind; do
  if ! command -v "$tool" >/dev/null; then
    apt-get install -y "$tool" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$tool" >/dev/null; }
  fi
done

echo "== building (release)" >&2
swift build -c release --package-path "$root" --scratch-path "$work/build-csto" --product csto >&2
# The same, with the Swift runtime and Foundation linked in: no dynamic loading at start-up
# (README, "To keep the binary"; Package.swift sets the rest).
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

# Instructions of a whole process (callgrind counts them the same under load).
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
mean_ms() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['mean'] * 1e3)" "$@"; }

echo
echo "(a') the goal's one-shot on the article: csto -c 'count members' (static) against sqlite3"
members_sql="SELECT COUNT(*) FROM entities e WHERE kind = 'country' AND EXISTS (SELECT 1 FROM facts f WHERE f.subject = e.id AND f.relation = 'member_of' AND f.object = 'csto' AND f.polarity = 'affirmed' AND f.modality = 'reported')"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/g.json" \
  "$static -c 'count members'" "sqlite3 $work/article.db \"$members_sql\"" >/dev/null 2>&1
article_csto=$(mean_ms "$work/g.json" 0)
article_sqlite=$(mean_ms "$work/g.json" 1)
article_instructions=$(instructions "$static" -c 'count members')
printf 'csto %.2f ms, sqlite3 %.2f ms, ratio %s; csto %s instructions\n' "$article_csto" \
  "$article_sqlite" "$(ratio "$article_csto" "$article_sqlite")" "$article_instructions"

echo
echo "(d) one-shot on $facts facts, whole process: 'count members' cold (no snapshot) and warm"
cache=$work/cache
members_query=$(awk -F'\t' '$3 == "members" && $4 != "-" {print $4; exit}' "$work/questions.tsv")
hyperfine -N --runs 3 --prepare "rm -rf $cache" --export-json "$work/cold.json" \
  "env XDG_CACHE_HOME=$cache $static --model $model -c 'count members'" >/dev/null 2>&1
hyperfine -N --warmup 1 --runs 10 --export-json "$work/warm.json" \
  "env XDG_CACHE_HOME=$cache $static --model $model -c 'count members'" \
  "sqlite3 $work/synthetic-$facts.db \"SELECT COUNT(*) FROM ($members_query)\"" >/dev/null 2>&1
cold=$(mean_ms "$work/cold.json" 0)
warm=$(mean_ms "$work/warm.json" 0)
million_sqlite=$(mean_ms "$work/warm.json" 1)
warm_peak=$(peak env XDG_CACHE_HOME="$cache" "$static" --model "$model" -c 'count members')
printf 'cold %.0f ms, warm %.0f ms, sqlite3 %.1f ms: warm ratio %s; warm peak %d MiB\n' \
  "$cold" "$warm" "$million_sqlite" "$(ratio "$warm" "$million_sqlite")" $((warm_peak / 1024))
echo "snapshot $(($(du -k "$cache"/csto/*.snapshot | cut -f1) / 1024)) MiB"

echo
echo "(e) Tab on $facts facts, in-process (completions after 'countries where visited by ')"
"$timing" tab "$model" | tee "$work/tab.txt"
tab_prefix=$(sed -n "1s/.*median_ms=\([0-9.]*\).*/\1/p" "$work/tab.txt")

echo
echo "(f) loading the SQL export (s) and, for DuckDB, the CSV tables too"
python3 -c "import duckdb" 2>/dev/null || pip install duckdb >/dev/null
postgres=
if command -v pg_ctl >/dev/null && id postgres >/dev/null 2>&1; then postgres=yes; fi
printf '%9s %10s %10s %10s %10s\n' facts sqlite3 duckdb duckdb-csv postgres
for size in ${LOAD_SIZES:-10000 100000}; do
  dir=$work/synthetic-$size
  [ -f "$dir/synthetic.model" ] || "$generate" --facts "$size" --seed 1 --out "$dir" >&2
  "$static" export --format sql --model "$dir/synthetic.model" -o "$dir/export.sql"
  rm -rf "$dir/csv" && "$static" export --format csv --model "$dir/synthetic.model" -o "$dir/csv/"
  t_sqlite=$(python3 -c "
import subprocess, sys, time
start = time.perf_counter()
subprocess.run(['sqlite3', sys.argv[1]], stdin=open(sys.argv[2]), check=True)
print(f'{time.perf_counter() - start:.2f}')" "$dir/load.db.$$" "$dir/export.sql"; rm -f "$dir/load.db.$$")
  t_duck=$(python3 -c "
import duckdb, sys, time
sql = open(sys.argv[1]).read()
start = time.perf_counter()
duckdb.connect().execute(sql)
print(f'{time.perf_counter() - start:.2f}')" "$dir/export.sql")
  t_duck_csv=$(python3 -c "
import duckdb, glob, os, sys, time
start = time.perf_counter()
db = duckdb.connect()
for path in sorted(glob.glob(sys.argv[1] + '/*.csv')):
    name = os.path.basename(path)[:-4]
    db.execute(f\"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', header = true)\")
print(f'{time.perf_counter() - start:.2f}')" "$dir/csv")
  t_pg=-
  if [ -n "$postgres" ]; then
    pg=$work/pg
    rm -rf "$pg" && mkdir -p "$pg" && chown postgres "$pg"
    runuser -u postgres -- initdb -D "$pg/data" >/dev/null
    runuser -u postgres -- pg_ctl -D "$pg/data" -o "-k $pg -c listen_addresses=''" -l "$pg/log" start >/dev/null
    chmod a+r "$dir/export.sql"
    t_pg=$(python3 -c "
import subprocess, sys, time
start = time.perf_counter()
subprocess.run(['runuser', '-u', 'postgres', '--', 'psql', '-q', '-h', sys.argv[1], '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-f', sys.argv[2]], check=True, stdout=subprocess.DEVNULL)
print(f'{time.perf_counter() - start:.2f}')" "$pg" "$dir/export.sql")
    runuser -u postgres -- pg_ctl -D "$pg/data" stop >/dev/null
  fi
  printf '%9s %9ss %9ss %9ss %9s\n' "$size" "$t_sqlite" "$t_duck" "$t_duck_csv" "$t_pg"
done

echo
echo "Goals (issue 14), from this run:"
printf '| measure | now | goal |\n|---|---|---|\n'
printf '| csto -c count members / sqlite3 one-shot, article | %s | <= 1.5 |\n' \
  "$(ratio "$article_csto" "$article_sqlite")"
printf '| instructions for that one-shot | %s | <= 8M |\n' "$article_instructions"
printf '| warm one-shot at %s facts / sqlite3 one-shot | %s | <= 3 |\n' "$facts" \
  "$(ratio "$warm" "$million_sqlite")"
printf '| peak memory of that one-shot | %d MiB | <= 100 MB |\n' $((warm_peak / 1024))
printf '| first load of %s facts (cold one-shot: parse, check, compile) | %.1f s | <= 4 s |\n' \
  "$facts" "$(python3 -c "print($cold / 1e3)")"
printf '| Tab on a prefix, in-process | %s ms | <= 20 ms |\n' "$tab_prefix"
printf '| selective query forms at %s | see (b), rows marked * | stay flat |\n' "$facts"
