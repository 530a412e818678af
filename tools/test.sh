#!/usr/bin/env bash
# The whole test run: native build with sanitizers, web build, native and WASM unit tests, CLI tests,
# bounded fuzzing, the headless app smoke test and the browser tests.
# Each suite prints its own result (with its test case count when it reports one); the line before the
# last sums those counts ("test cases: P passed, F failed across S suites"); the last line is
# "N passed, M failed" counting suites.
# Exit status is non-zero when anything failed.
#   tools/test.sh [--skip-browser] [--skip-fuzz]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SKIP_BROWSER=0
SKIP_FUZZ=0
for arg in "$@"; do
  case "$arg" in
    --skip-browser) SKIP_BROWSER=1 ;;
    --skip-fuzz) SKIP_FUZZ=1 ;;
  esac
done
JOBS="${LCS_JOBS:-2}"
export NODE_PATH=/usr/share/nodejs
LOGS="$ROOT/build/test-logs"
mkdir -p "$LOGS"

PASSED=0
FAILED=0
FAILED_NAMES=()
CASES_PASSED=0
CASES_FAILED=0
CASES_SUITES=0
pass() { PASSED=$((PASSED + 1)); printf '  PASS %-28s %s\n' "$1" "${2:-}"; }
fail() { FAILED=$((FAILED + 1)); FAILED_NAMES+=("$1"); printf '  FAIL %-28s %s\n' "$1" "${2:-}"; }
section() { printf '\n== %s\n' "$1"; }
# run NAME LOG CMD...: runs a suite, shows its test case count (else its summary line), records pass/fail
# and adds its test cases to the totals.
run() {
  local name="$1" log="$2"; shift 2
  local start=$SECONDS status=0 result p f unit
  "$@" >"$log" 2>&1 || status=$?
  if read -r p f unit < <(cases_of "$log"); then
    CASES_PASSED=$((CASES_PASSED + p)); CASES_FAILED=$((CASES_FAILED + f)); CASES_SUITES=$((CASES_SUITES + 1))
    result="$((p + f)) $unit: $p passed, $f failed"
  else
    result="$(summary_of "$log")"
  fi
  if [ "$status" = 0 ]; then
    pass "$name" "($((SECONDS - start)) s) $result"
  else
    fail "$name" "($((SECONDS - start)) s) $result -- see $log"
    tail -n 25 "$log" | sed 's/^/      /'
  fi
}
summary_of() {
  grep -E "test cases:|passed, .* failed|Done [0-9]+ runs|tests passed|^ok |assertions:" "$1" 2>/dev/null | tail -n 1 | tr -s ' ' | cut -c1-120
}
# cases_of LOG: prints "PASSED FAILED UNIT" from the last count the suite's log reports: doctest's
# "[doctest] test cases: N | P passed | F failed" (test cases), a CLI script's "P passed, F failed" (checks),
# a browser suite's "LABEL: P passed, F failed" (tests), app_smoke's "app_smoke: N checks, F failed" (checks).
# Prints nothing when there is none (fuzzers, a suite that died before its summary).
cases_of() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" 2>/dev/null | awk '
    /^\[doctest\] test cases:/ { split($0, c, "|"); r = (c[2] + 0) " " (c[3] + 0) " test cases" }
    /^[0-9]+ passed, [0-9]+ failed$/ { r = ($1 + 0) " " ($3 + 0) " checks" }
    /^[^ :][^:]*: [0-9]+ passed, [0-9]+ failed$/ { n = NF; r = ($(n - 3) + 0) " " ($(n - 1) + 0) " tests" }
    /^app_smoke: [0-9]+ checks, [0-9]+ failed/ { r = ($2 - $4) " " ($4 + 0) " checks" }
    END { if (r != "") print r }'
}

section "setup"
if ! tools/setup.sh >"$LOGS/setup.log" 2>&1; then
  cat "$LOGS/setup.log"
  echo "setup failed"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "  ok"

section "native build (address + undefined sanitizers): build/native"
NATIVE_OK=0
if cmake -S . -B build/native -DLCS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >"$LOGS/native-configure.log" 2>&1 &&
   cmake --build build/native -j"$JOBS" >"$LOGS/native-build.log" 2>&1; then
  NATIVE_OK=1; pass "native build"
else
  fail "native build" "-- see $LOGS/native-build.log"; tail -n 30 "$LOGS/native-build.log" | sed 's/^/      /'
fi

section "web build: build/web"
WEB_OK=0
if emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release >"$LOGS/web-configure.log" 2>&1 &&
   cmake --build build/web -j"$JOBS" >"$LOGS/web-build.log" 2>&1; then
  WEB_OK=1; pass "web build"
else
  fail "web build" "-- see $LOGS/web-build.log"; tail -n 30 "$LOGS/web-build.log" | sed 's/^/      /'
fi

section "unit tests"
if [ $NATIVE_OK = 1 ]; then
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  run "unit (native, sanitizers)" "$LOGS/unit-native.log" build/native/unit_tests
else fail "unit (native, sanitizers)" "not built"; fi
if [ $WEB_OK = 1 ]; then
  run "unit (wasm, node)" "$LOGS/unit-wasm.log" node --no-experimental-fetch build/web/unit_tests.js
else fail "unit (wasm, node)" "not built"; fi

section "CLI tests"
shopt -s nullglob
CLI_TESTS=(tests/cli/test_*.sh)
if [ ${#CLI_TESTS[@]} -eq 0 ]; then echo "  (none)"; fi
for t in "${CLI_TESTS[@]}"; do
  name="cli $(basename "$t" .sh)"
  if [ $NATIVE_OK = 1 ]; then
    run "$name" "$LOGS/$(basename "$t" .sh).log" env LIFECYCLE="$ROOT/build/native/lifecycle" bash "$t" "$ROOT/build/native/lifecycle"
  else fail "$name" "not built"; fi
done

section "fuzzing (bounded)"
FUZZ_SOURCES=(tests/fuzz/*.cpp)
if [ $SKIP_FUZZ = 1 ] || [ ${#FUZZ_SOURCES[@]} -eq 0 ]; then
  echo "  (skipped: ${#FUZZ_SOURCES[@]} fuzz targets)"
else
  if CXX=clang++-14 cmake -S . -B build/fuzz -DLCS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$LOGS/fuzz-configure.log" 2>&1; then
    for src in "${FUZZ_SOURCES[@]}"; do
      target=$(basename "$src" .cpp)
      if cmake --build build/fuzz -j"$JOBS" --target "$target" >"$LOGS/fuzz-build-$target.log" 2>&1; then
        corpus="$ROOT/build/fuzz/corpus-$target"
        mkdir -p "$corpus"
        seeds=()
        [ -d "tests/fuzz/corpus/$target" ] && seeds=("tests/fuzz/corpus/$target")
        run "fuzz $target (20 s)" "$LOGS/fuzz-$target.log" build/fuzz/"$target" -max_total_time=20 -timeout=10 -rss_limit_mb=2048 "$corpus" "${seeds[@]}"
      else
        fail "fuzz $target" "build failed -- see $LOGS/fuzz-build-$target.log"
      fi
    done
  else
    fail "fuzz configure" "-- see $LOGS/fuzz-configure.log"
  fi
fi

section "app smoke test (headless ImGui, sanitizers)"
if [ $NATIVE_OK = 1 ] && [ -x build/native/app_smoke ]; then
  run "app_smoke" "$LOGS/app-smoke.log" build/native/app_smoke
else fail "app_smoke" "not built"; fi

section "browser tests (Chromium)"
if [ $SKIP_BROWSER = 1 ]; then
  echo "  (skipped)"
elif [ $WEB_OK = 1 ] && [ -f build/web/site/index.html ]; then
  # run.mjs (app shell) and every panel's tests/browser/*.test.mjs: same output format, one suite each.
  for script in tests/browser/run.mjs tests/browser/*.test.mjs; do
    name="browser $(basename "$script" .mjs)"
    log="$LOGS/browser-$(basename "$script" .mjs).log"
    run "$name" "$log" node "$script"
    grep -E "^(ok|FAIL) " "$log" | sed 's/^/      /'
  done
else fail "browser" "web app not built"; fi

echo
if [ $FAILED -gt 0 ]; then echo "failed: ${FAILED_NAMES[*]}"; fi
echo "test cases: $CASES_PASSED passed, $CASES_FAILED failed across $CASES_SUITES suites"
echo "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]
