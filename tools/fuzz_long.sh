#!/usr/bin/env bash
# Long fuzzing runs (not part of tools/test.sh): every tests/fuzz/*.cpp target for SECONDS each
# (default 600), keeping the corpus in build/fuzz/corpus-<target> between runs.
#   tools/fuzz_long.sh [SECONDS] [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-600}"
shift || true
tools/setup.sh >/dev/null
CXX=clang++-14 cmake -S . -B build/fuzz -DLCS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
for target in "${targets[@]}"; do
  cmake --build build/fuzz -j2 --target "$target"
  corpus="build/fuzz/corpus-$target"
  mkdir -p "$corpus"
  seeds=()
  [ -d "tests/fuzz/corpus/$target" ] && seeds=("tests/fuzz/corpus/$target")
  echo "== $target for ${SECONDS_EACH}s"
  build/fuzz/"$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 "$corpus" "${seeds[@]}"
done
