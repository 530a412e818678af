#!/usr/bin/env bash
# CLI tests for the data commands: validate, import-csv, summary, generate.
# Usage: tests/cli/test_data_cli.sh PATH/TO/lifecycle
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# expect NAME EXPECTED_EXIT_CODE PATTERN -- COMMAND...: runs the command, checks exit code and that
# stdout+stderr contain PATTERN (a grep -E regular expression; empty = no check).
expect() {
    local name="$1" code="$2" pattern="$3"
    shift 4
    local output status
    output="$("$@" 2>&1)"
    status=$?
    if [[ "$status" -ne "$code" ]]; then
        not_ok "$name" "exit $status, expected $code"; echo "$output" | head -20; return
    fi
    if [[ -n "$pattern" ]] && ! grep -qE -- "$pattern" <<<"$output"; then
        not_ok "$name" "output does not match /$pattern/"; echo "$output" | head -20; return
    fi
    ok "$name"
}

cat >"$TMP/good.json" <<'JSON'
{"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": "Tiny"},
 "customers": [{"id": "a", "transactions": [{"date": "2024-01-01", "amount": 10.5}, {"date": "2024-02-01", "amount": 4}],
                "interactions": [{"date": "2024-01-05", "type": "email"}]},
               {"id": "b", "transactions": [{"date": "2023-12-31", "amount": 1}]}]}
JSON
cat >"$TMP/bad.json" <<'JSON'
{"format": "lifecycle-studio-workspace", "version": 1,
 "customers": [{"id": "a", "transactions": [{"date": "2023-02-30", "amount": 1}]},
               {"id": "a", "surveys": [{"date": "2023-01-01", "nps": 12}]}]}
JSON
printf '{"format": "lifecycle-studio-workspace",\n "version" 1}\n' >"$TMP/syntax.json"
printf '{"format": "lifecycle-studio-workspace", "version": 2}\n' >"$TMP/newer.json"
printf 'id;date;amount\nk1;31/03/2024;12,50\nk2;01/04/2024;bad\nk1;02/04/2024;1,5\n' >"$TMP/semi.csv"

expect "validate good" 0 "valid workspace, 2 customers, 3 transactions" -- "$BIN" validate "$TMP/good.json"
expect "validate lists every problem" 1 'customers\[0\]\.transactions\[0\]\.date: "2023-02-30" is not a calendar date' -- "$BIN" validate "$TMP/bad.json"
expect "validate nps path" 1 'customers\[1\]\.surveys\[0\]\.nps' -- "$BIN" validate "$TMP/bad.json"
expect "validate duplicate id" 1 '\[workspace\.duplicate_id\] customers\[1\]\.id' -- "$BIN" validate "$TMP/bad.json"
lines="$("$BIN" validate "$TMP/bad.json" 2>/dev/null | wc -l)"
if [[ "$lines" -eq 3 ]]; then ok "validate one problem per line"; else not_ok "validate one problem per line" "$lines lines"; fi
expect "validate syntax line/column" 1 '\[workspace\.syntax\] line 2, column 12:' -- "$BIN" validate "$TMP/syntax.json"
expect "validate newer version" 1 'version 2 is newer than this app supports \(1\); please update Lifecycle Studio' -- "$BIN" validate "$TMP/newer.json"
expect "validate missing file" 2 "cannot open" -- "$BIN" validate "$TMP/nope.json"
expect "validate usage" 2 "usage" -- "$BIN" validate

DOC="$ROOT/docs/workspace-format.md"
if [[ -f "$DOC" ]]; then
    awk '/^```json/{f=1;next} /^```/{f=0} f' "$DOC" >"$TMP/doc.json"
    expect "the documented example is valid" 0 "valid workspace, 2 customers, 3 transactions" -- "$BIN" validate "$TMP/doc.json"
fi

expect "summary text" 0 "transactions: 3" -- "$BIN" summary "$TMP/good.json"
expect "summary json" 0 '^\{"customers": 2, "transactions": 3, "interactions": 1, "first_date": "2023-12-31", "last_date": "2024-02-01", "revenue": 15\.5\}$' -- "$BIN" summary "$TMP/good.json" --json
expect "summary of a bad file" 1 "invalid_date" -- "$BIN" summary "$TMP/bad.json" --json

expect "import cdnow preset" 0 "imported 6919 of 6919 rows for 2357 customers" -- "$BIN" import-csv "$DATA/CDNOW_sample.txt" --preset cdnow -o "$TMP/cdnow.json"
expect "cdnow summary" 0 '"customers": 2357, "transactions": 6919, "interactions": 0, "first_date": "1997-01-01", "last_date": "1998-06-30", "revenue": 244091\.94' -- "$BIN" summary "$TMP/cdnow.json" --json
expect "import cdnow explicit" 0 "for 2357 customers" -- "$BIN" import-csv "$DATA/CDNOW_sample.txt" --separator space --no-header --date-format yyyymmdd --columns id=0,date=2,amount=4 --name CDNOW -o "$TMP/cdnow2.json"
expect "import names the workspace" 0 '"name":"CDNOW"' -- grep -o '"name":"CDNOW"' "$TMP/cdnow2.json"
expect "import without amounts" 0 "no amount column" -- "$BIN" import-csv "$DATA/example_transactions.csv" -o "$TMP/example.json"
expect "import semicolons, bad row listed" 0 '\[csv\.bad_number\] line 3: "bad" is not an amount' -- "$BIN" import-csv "$TMP/semi.csv" --date-format dmy -o "$TMP/semi.json"
expect "semicolon summary" 0 '"transactions": 2, .*"revenue": 14\.0' -- "$BIN" summary "$TMP/semi.json" --json
expect "import nothing" 1 "nothing imported" -- "$BIN" import-csv "$TMP/semi.csv" --date-format ymd-slash -o "$TMP/none.json"
expect "import bad option" 2 "--separator" -- "$BIN" import-csv "$TMP/semi.csv" --separator x -o "$TMP/x.json"
expect "import needs -o" 2 "usage" -- "$BIN" import-csv "$TMP/semi.csv"

expect "generate ecommerce" 0 "300 customers" -- "$BIN" generate ecommerce --customers 300 --seed 9 -o "$TMP/e1.json"
"$BIN" generate ecommerce --customers 300 --seed 9 -o "$TMP/e2.json" >/dev/null
expect "generate is deterministic" 0 "" -- cmp "$TMP/e1.json" "$TMP/e2.json"
expect "generated file validates" 0 "valid workspace" -- "$BIN" validate "$TMP/e1.json"
expect "generate saas" 0 "40 customers" -- "$BIN" generate saas --customers 40 -o "$TMP/s.json"
expect "generate bench" 0 "10 customers, 55 transactions" -- "$BIN" generate bench --customers 10 --transactions 55 -o "$TMP/b.json"
expect "generate bad kind" 2 "ecommerce, saas or bench" -- "$BIN" generate nope -o "$TMP/n.json"
expect "bench-load small" 0 "load \(parse\+validate\)" -- "$BIN" bench-load --customers 100 --transactions 1000

finish
