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

# ---- lifecycle import: encodings, Chinese headers, values as typed, statuses, the report ----
# An order export as Excel on Chinese Windows saves it: GB18030, CRLF, names with 喆 堃 赟 (not in GB2312).
printf '订单编号,客户编号,客户姓名,订单日期,实付金额,订单状态\r\nT1,C001,王喆,2024年3月2日,¥560.50,交易成功\r\nT2,C002,李堃,2024/3/5 14:22,"￥1,234.00",交易成功\r\nT3,C003,赵赟,2024-03-07,88元,交易成功\r\nT4,C001,王喆,2024年4月1日,(12.00),交易成功\r\nT5,C004,钱多,2024年4月2日,¥99.00,已取消\r\n' >"$TMP/orders-utf8.csv"
iconv -f UTF-8 -t GB18030 "$TMP/orders-utf8.csv" >"$TMP/orders-gb.csv"
if cmp -s "$TMP/orders-utf8.csv" "$TMP/orders-gb.csv"; then not_ok "iconv made a GB18030 file"; else ok "iconv made a GB18030 file"; fi
expect "import GB18030 orders" 0 "imported 4 of 5 rows for 3 customers \(1 cancelled or refunded left out\)" -- "$BIN" import "$TMP/orders-gb.csv" --report "$TMP/gb-report.json" -o "$TMP/gb.json"
check_py "GB18030 names round-trip exactly" '[c["name"] for c in j["customers"]] == ["王喆", "李堃", "赵赟"]' "$TMP/gb.json"
check_py "GB18030 amounts and dates parsed" '[t["amount"] for t in j["customers"][0]["transactions"]] == [560.5, -12.0] and j["customers"][0]["transactions"][0]["date"] == "2024-03-02" and j["customers"][1]["transactions"][0]["amount"] == 1234.0' "$TMP/gb.json"
check_py "currency guessed from ¥" 'j["workspace"]["currency"] == "CNY"' "$TMP/gb.json"
check_py "report: encoding, counts, range, revenue" 'j["encoding"] == "GB18030" and j["rows_read"] == 5 and j["imported"] == 4 and j["cancelled"] == 1 and j["skipped"]["cancelled"] == {"count": 1, "lines": [6]} and j["customers_created"] == 3 and j["date_range"] == {"first": "2024-03-02", "last": "2024-04-01"} and j["revenue_total"] == 1870.5 and j["separator"] == "comma"' "$TMP/gb-report.json"
check_py "report: columns from Chinese headers" 'j["columns"]["customer_id"] == "客户编号" and j["columns"]["order_id"] == "订单编号" and j["columns"]["status"] == "订单状态"' "$TMP/gb-report.json"
expect "import --keep-cancelled" 0 "imported 5 of 5 rows for 4 customers" -- "$BIN" import "$TMP/orders-gb.csv" --keep-cancelled -o "$TMP/gb-all.json"
expect "import-csv is an alias" 0 "imported 4 of 5 rows" -- "$BIN" import-csv "$TMP/orders-gb.csv" -o "$TMP/gb2.json"
expect "import --encoding gb18030" 0 "encoding: GB18030 \(chosen\)" -- "$BIN" import "$TMP/orders-gb.csv" --encoding gb18030 -o "$TMP/gb3.json"

for order in LE BE; do
    bom='\xff\xfe'; [[ $order == BE ]] && bom='\xfe\xff'
    { printf "$bom"; iconv -f UTF-8 -t "UTF-16$order" "$TMP/orders-utf8.csv"; } >"$TMP/orders-16$order.csv"
    expect "import UTF-16 $order" 0 "encoding: UTF-16$order \(byte-order mark\)" -- "$BIN" import "$TMP/orders-16$order.csv" -o "$TMP/u16$order.json"
    check_py "UTF-16 $order names intact" '[c["name"] for c in j["customers"]] == ["王喆", "李堃", "赵赟"]' "$TMP/u16$order.json"
done

# A bad byte on line 4 (a GB18030 lead byte before a comma): an error naming the line, nothing written.
{ sed -n 1,3p "$TMP/orders-gb.csv"; printf 'T9,C\x81,x,2024-01-01,1,ok\r\n'; } >"$TMP/bad-gb.csv"
expect "a bad byte names its line" 1 '\[csv\.bad_encoding\] line 4: the bytes are not valid GB18030' -- "$BIN" import "$TMP/bad-gb.csv" --encoding gb18030 --report "$TMP/bad-report.json" -o "$TMP/not-written.json"
if [[ -e "$TMP/not-written.json" ]]; then not_ok "nothing written on a bad byte"; else ok "nothing written on a bad byte"; fi
check_py "report of a failed import says why" 'j["imported"] == 0 and j["problems"][0].startswith("[csv.bad_encoding] line 4")' "$TMP/bad-report.json"
printf '客户,日期,金额\n张三,2024-01-01,1\n李\xe4\xb8,2024-01-02,2\n' >"$TMP/bad-utf8.csv"
expect "a broken UTF-8 byte names its line" 1 '\[csv\.bad_encoding\] line 3: the bytes are not valid UTF-8' -- "$BIN" import "$TMP/bad-utf8.csv" -o "$TMP/not-written.json"

printf 'Customer ID,Order Date,Amount\na,05/03/2024,$10\nb,06/03/2024,$20\n' >"$TMP/ambiguous.csv"
expect "ambiguous d/m dates are asked, not guessed" 1 "csv\.ambiguous_dates" -- "$BIN" import "$TMP/ambiguous.csv" -o "$TMP/amb.json"
expect "--day-first answers" 0 "imported 2 of 2 rows" -- "$BIN" import "$TMP/ambiguous.csv" --day-first -o "$TMP/amb.json"
check_py "--day-first read 06/03 as 6 March" 'j["customers"][1]["transactions"][0]["date"] == "2024-03-06" and j["workspace"]["currency"] == "USD"' "$TMP/amb.json"
expect "--month-first answers" 0 "imported 2 of 2 rows" -- "$BIN" import "$TMP/ambiguous.csv" --month-first -o "$TMP/amb2.json"
check_py "--month-first read 06/03 as June 3" 'j["customers"][1]["transactions"][0]["date"] == "2024-06-03"' "$TMP/amb2.json"
expect "two files into one workspace" 0 "imported 2 of 2 rows" -- "$BIN" import "$TMP/orders-gb.csv" "$TMP/ambiguous.csv" --day-first --report "$TMP/two.json" -o "$TMP/two-ws.json"
check_py "two files: combined report" 'len(j["files"]) == 2 and j["imported"] == 6' "$TMP/two.json"
expect "--customers is not supported yet" 2 "--customers is not supported yet" -- "$BIN" import --customers "$TMP/orders-gb.csv" -o "$TMP/c.json"
expect "--interactions is not supported yet" 2 "--interactions is not supported yet" -- "$BIN" import "$TMP/orders-gb.csv" --interactions x.csv -o "$TMP/c.json"
expect "--encoding must be known" 2 "--encoding must be" -- "$BIN" import "$TMP/orders-gb.csv" --encoding latin1 -o "$TMP/c.json"
expect "bench-import small" 0 "MiB/s" -- "$BIN" bench-import --rows 2000

# .xlsx: the committed Chinese order workbook (tools/make_sample_xlsx.py), first sheet by default; a
# truncated copy and a workbook that is not a zip import nothing and say why.
expect "import .xlsx (first sheet)" 0 "sheet: 订单" -- "$BIN" import "$DATA/import/orders-zh.xlsx" --report "$TMP/xlsx-report.json" -o "$TMP/xlsx.json"
check_py ".xlsx: shared strings and serial dates read" 'len(j["customers"]) == 3 and [c.get("name") for c in j["customers"]][:2] == ["王喆", "李堃"] and j["customers"][0]["transactions"][0]["date"] == "2024-03-02"' "$TMP/xlsx.json"
check_py ".xlsx report names the sheet" 'j["sheet"] == "订单" and j["imported"] == 3 and j["cancelled"] == 1 and j["date_range"]["first"] == "2024-03-02"' "$TMP/xlsx-report.json"
expect "import .xlsx --sheet of a notes sheet" 1 "no date column" -- "$BIN" import "$DATA/import/orders-zh.xlsx" --sheet 说明 -o "$TMP/xlsx2.json"
head -c 1500 "$DATA/import/orders-zh.xlsx" >"$TMP/truncated.xlsx"
expect "a truncated .xlsx is a clear problem" 1 "xlsx\.bad_zip.*truncated" -- "$BIN" import "$TMP/truncated.xlsx" -o "$TMP/not-written.json"

finish
