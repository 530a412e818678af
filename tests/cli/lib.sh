# Shared part of the CLI tests, sourced by tests/cli/test_*_cli.sh (not a test itself).
# Every test script is called as `tests/cli/test_X_cli.sh path/to/lifecycle` (CTest does so for each,
# label cli: cmake/Tests.cmake). Sourcing this file sets:
#   BIN   the lifecycle binary (the script's first argument; missing -> usage message, exit 1)
#   ROOT  the repository root
#   DATA  the published data sets in tests/data (origin and licence: tests/data/SOURCES.md)
#   TMP   a scratch directory, removed on exit
# Each check ends in ok or not_ok; `finish`, the script's last command, prints the summary line
# "N passed, M failed" and fails (the script's exit status) when any check failed.
# shellcheck shell=bash disable=SC2034  # BIN, ROOT and DATA are used by the sourcing scripts
set -u
BIN="${1:?usage: $(basename "$0") path/to/lifecycle}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/tests/data"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# ok NAME / not_ok NAME [DETAIL]: records one check and prints its line.
ok() { passed=$((passed + 1)); echo "ok   $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }

# finish: prints the summary line; its status (the script's exit status) is non-zero when a check failed.
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# expect_status NAME WANT CMD...: runs CMD (stdout to $TMP/out, stderr to $TMP/err) and checks that it
# exits with status WANT; later checks may grep $TMP/out and $TMP/err.
expect_status() {
    local name=$1 want=$2; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $got, want $want"; cat "$TMP/err"; fi
}

# check_py NAME PYTHON_EXPR FILE / check_js NAME JS_EXPR FILE: one check that FILE (a command's JSON
# output), seen as `j`, makes the expression true. JS expressions may use near(a, b): |a - b| within
# 1e-9 relative (absolute below 1). On failure the evaluator's error (if it threw) and the start of FILE are shown.
check_py() {
    json_check "$1" "$3" python3 -c "import json, sys
j = json.load(open(sys.argv[1]))
sys.exit(0 if ($2) else 1)" "$3"
}
check_js() {
    json_check "$1" "$3" node -e "const j = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
process.exit((${2}) ? 0 : 1);" "$3"
}
# json_check NAME FILE CMD...: the check passes when CMD exits 0.
json_check() {
    local name=$1 file=$2; shift 2
    if "$@" 2>"$TMP/check-err"; then
        ok "$name"
    else
        not_ok "$name"
        grep -m 1 -E '^[A-Za-z_.]*(Error|Exception)\b' "$TMP/check-err"   # the evaluator's error, if any
        head -c 400 "$file"; echo
    fi
}
