#!/usr/bin/env bash
# The whole test run: set-up, the three builds of CMakePresets.json (native with address + undefined
# sanitizers, web, fuzz), then CTest in the native tree, which runs every suite (labels unit, wasm,
# cli, app, fuzz, browser; see cmake/Tests.cmake).
# The last line is "N passed, M failed", counting CTest tests; the tests of a build that failed count
# as failed without running. Exit status is non-zero when anything failed.
#   tools/test.sh [--skip-browser] [--skip-fuzz]
# Build logs: build/test-logs/. One family alone, after a run: ctest --test-dir build/native -L cli
set -uo pipefail
cd "$(dirname "$0")/.."
SKIP_LABELS=()
for arg in "$@"; do
  case "$arg" in
    --skip-browser) SKIP_LABELS+=(browser) ;;
    --skip-fuzz) SKIP_LABELS+=(fuzz) ;;
    *) echo "usage: tools/test.sh [--skip-browser] [--skip-fuzz]" >&2; exit 2 ;;
  esac
done
JOBS="${LCS_JOBS:-2}"
LOGS=build/test-logs
mkdir -p "$LOGS"
UNBUILT_LABELS=()  # labels whose build failed: their tests are counted as failed, not run

section() { printf '\n== %s\n' "$1"; }
skipped() { [[ " ${SKIP_LABELS[*]} " == *" $1 "* ]]; }
# label_regex LABEL...: a ctest -L/-LE expression matching exactly these labels.
label_regex() { local IFS='|'; echo "^($*)\$"; }
# step NAME LOG CMD...: runs one set-up or build step, its output in LOG; shows the log's end on failure.
step() {
  local name="$1" log="$2" start=$SECONDS; shift 2
  if "$@" >"$log" 2>&1; then
    echo "  ok   $name ($((SECONDS - start)) s)"
  else
    echo "  FAIL $name ($((SECONDS - start)) s) -- see $log"
    tail -n 30 "$log" | sed 's/^/      /'
    return 1
  fi
}
# build PRESET LABEL...: configures and builds one preset; on failure its labels' tests are not run.
build() {
  local preset="$1"; shift
  step "configure $preset" "$LOGS/$preset-configure.log" cmake --preset "$preset" &&
    step "build $preset" "$LOGS/$preset-build.log" cmake --build --preset "$preset" -j "$JOBS" ||
    UNBUILT_LABELS+=("$@")
}

section "setup"
if ! step "tools/setup.sh" "$LOGS/setup.log" tools/setup.sh; then
  echo "0 passed, 1 failed"
  exit 1
fi

section "builds"
# The native tree's CTest runs every test, so without it nothing runs.
if ! step "configure native" "$LOGS/native-configure.log" cmake --preset native; then
  echo "0 passed, 1 failed"
  exit 1
fi
step "build native" "$LOGS/native-build.log" cmake --build --preset native -j "$JOBS" ||
  UNBUILT_LABELS+=(unit cli app)
build web wasm browser  # also with --skip-browser: the wasm tests need it
if ! skipped fuzz; then build fuzz fuzz; fi

section "tests (ctest --preset all)"
EXCLUDE=("${SKIP_LABELS[@]}" "${UNBUILT_LABELS[@]}")
CTEST_ARGS=(--preset all -j "$JOBS")
if [ ${#EXCLUDE[@]} -gt 0 ]; then CTEST_ARGS+=(-LE "$(label_regex "${EXCLUDE[@]}")"); fi
ctest "${CTEST_ARGS[@]}" 2>&1 | tee "$LOGS/ctest.log"
CTEST_STATUS=${PIPESTATUS[0]}

# CTest's own summary: "NN% tests passed, F tests failed out of T".
PASSED=0
FAILED=0
if read -r failed total < <(sed -nE 's/^[0-9]+% tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1 \2/p' "$LOGS/ctest.log"); then
  PASSED=$((total - failed))
  FAILED=$failed
elif [ "$CTEST_STATUS" != 0 ] && ! grep -q "No tests were found" "$LOGS/ctest.log"; then
  FAILED=1  # ctest itself failed before running anything
fi
# The tests of a failed build (unless skipped): counted from the registry, not run.
UNBUILT=()
for label in "${UNBUILT_LABELS[@]}"; do skipped "$label" || UNBUILT+=("$label"); done
if [ ${#UNBUILT[@]} -gt 0 ]; then
  count=$(ctest --test-dir build/native -N -L "$(label_regex "${UNBUILT[@]}")" 2>/dev/null |
          sed -nE 's/^Total Tests: ([0-9]+)/\1/p')
  count=${count:-0}
  if [ "$count" -eq 0 ]; then count=1; fi  # a failed build is never "0 failed"
  echo "not built, counted as failed: ${UNBUILT[*]} ($count tests)"
  FAILED=$((FAILED + count))
fi
if [ ${#SKIP_LABELS[@]} -gt 0 ]; then echo "skipped: ${SKIP_LABELS[*]}"; fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
