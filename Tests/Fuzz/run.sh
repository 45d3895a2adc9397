#!/usr/bin/env bash
# Build one libFuzzer target and run it: Tests/Fuzz/run.sh query|model|snapshot|shell SECONDS
#
# The libraries are built by SwiftPM with -sanitize=fuzzer,address into .build-fuzz; the
# target's entry file (targets/TARGET.swift) is linked against their objects. The shell
# target is compiled together with Sources/csto's files (the one holding @main without it), so
# it drives the real shell; it links ArgumentParser's objects as csto does, and reads
# CEditLine's header (csto opens libedit itself, at the prompt, which fuzzing never shows).
# New inputs go to .build-fuzz/corpus-TARGET; the committed seeds in corpus/TARGET are read,
# not written. A crash, a hang (-timeout) or a sanitizer report is written to findings/ and
# ends the run with a non-zero status; turn it into a regression test (FuzzCorpusTests
# replays corpus/).
set -euo pipefail
target=${1:?usage: Tests/Fuzz/run.sh query|model|snapshot|shell SECONDS}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/.build-fuzz
# -enable-testing: the model target compares internal ways of loading (`@testable import`).
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)

case $target in
  query | model | snapshot) modules=(Syntax ArticleModel ArticleQuery) ;;
  shell) modules=(Syntax ArticleModel ArticleQuery ArgumentParser ArgumentParserToolInfo) ;;
  *) echo "run.sh: unknown target '$target' (query, model, snapshot or shell)" >&2; exit 2 ;;
esac

for product in ArticleQuery $( [ "$target" = shell ] && echo ArgumentParser ); do
  swift build -c release --package-path "$root" --scratch-path "$build" --target "$product" \
    "${flags[@]}" >&2
done
release=$build/release
objects=()
for module in "${modules[@]}"; do
  objects+=("$release/$module.build"/*.o)
done
sources=("$here/targets/$target.swift")
extra=()
if [ "$target" = shell ]; then
  # The file holding @main is compiled without the attribute: the fuzzer has its own entry,
  # and the shell uses what that file declares (Csto.version).
  for file in "$root"/Sources/csto/*.swift; do
    if grep -q '^@main' "$file"; then
      sed 's/^@main$//' "$file" > "$build/$(basename "$file")"
      sources+=("$build/$(basename "$file")")
    else
      sources+=("$file")
    fi
  done
  # csto's files use the project's `package` declarations: compile them in the package SwiftPM
  # named when it built the libraries (the folder's name, so read it from the build plan).
  package=$(grep '"-module-name","Syntax"' "$build/release.yaml" |
    grep -o '"-package-name","[^"]*"' | head -1 | cut -d'"' -f4)
  extra=(-module-name cstoShell -package-name "$package" -I "$root/Sources/CEditLine"
    $(pkg-config --cflags-only-I libedit))
fi
swiftc -O -sanitize=fuzzer,address -parse-as-library "${sources[@]}" -I "$release/Modules" \
  "${objects[@]}" "${extra[@]}" -o "$build/fuzz-$target" \
  2> >(grep -v "Cannot export local symbol" >&2)

mkdir -p "$build/corpus-$target" "$here/findings"
exec "$build/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=4096 -print_final_stats=1 -artifact_prefix="$here/findings/$target-" \
  "$build/corpus-$target" "$here/corpus/$target"
