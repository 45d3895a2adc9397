#!/usr/bin/env bash
# Build one libFuzzer target and run it: Tests/Fuzz/run.sh query|model|shell SECONDS
#
# The libraries are built by SwiftPM with -sanitize=fuzzer,address into .build-fuzz; the
# target's entry file (targets/TARGET.swift) is linked against their objects. New inputs go
# to .build-fuzz/corpus-TARGET; the committed seeds in corpus/TARGET are read, not written.
# A crash, a hang (-timeout) or a sanitizer report is written to findings/ and ends the run
# with a non-zero status; turn it into a regression test (FuzzCorpusTests replays corpus/).
set -euo pipefail
target=${1:?usage: Tests/Fuzz/run.sh query|model|shell SECONDS}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/.build-fuzz
flags=(-Xswiftc -sanitize=fuzzer,address)

case $target in
  query | model) products=(ArticleQuery) ;;
  shell) products=(cstoShell) ;;
  *) echo "run.sh: unknown target '$target' (query, model or shell)" >&2; exit 2 ;;
esac

for product in "${products[@]}"; do
  swift build -c release --package-path "$root" --scratch-path "$build" --target "$product" \
    "${flags[@]}" >&2
done
release=$build/release
objects=()
for module in ArticleModel ArticleQuery ${products[@]/ArticleQuery/}; do
  objects+=("$release/$module.build"/*.o)
done
if [ "$target" = shell ]; then
  for module in ArgumentParser ArgumentParserToolInfo; do
    objects+=("$release/$module.build"/*.o)
  done
fi
swiftc -O -sanitize=fuzzer,address -parse-as-library "$here/targets/$target.swift" \
  -I "$release/Modules" "${objects[@]}" $( [ "$target" = shell ] && echo -ledit ) \
  -o "$build/fuzz-$target" 2> >(grep -v "Cannot export local symbol" >&2)

mkdir -p "$build/corpus-$target" "$here/findings"
exec "$build/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=4096 -print_final_stats=1 -artifact_prefix="$here/findings/$target-" \
  "$build/corpus-$target" "$here/corpus/$target"
