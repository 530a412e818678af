#!/usr/bin/env bash
# CLI tests of `lifecycle project`. Usage: tests/cli/test_scenario_cli.sh path/to/lifecycle
# Checks JSON output with node; prints "N passed, M failed"; exits non-zero when anything failed.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# An empty workspace with a typed-in baseline: Active -> Churned, 20% monthly churn, 100 customers,
# margin 10, servicing 2, 1% monthly discount, 3 months. "Keep" keeps 10 more points of churn at 1 per customer.
cat > "$TMP/ws.json" <<'EOF'
{"format": "lifecycle-studio-workspace", "version": 1, "meta": {"name": "cli test"}, "customers": [],
 "scenarios": {
  "baseline": {"stages": ["Active", "Churned"], "churned": ["Churned"], "transition": [[0.8, 0.2], [0, 1]],
               "margin": {"Active": 10}, "servicing_cost": {"Active": 2}, "start_customers": {"Active": 100},
               "discount_rate_monthly": 0.01, "horizon_months": 3,
               "churn_reasons": [{"id": "price", "share_of_churned": 0.5, "winback_share": 0.3}]},
  "scenarios": [
   {"name": "Keep", "notes": "", "overrides": {},
    "levers": [{"kind": "retention", "stages": ["Active"], "points": 0.1, "cost_per_customer": 1}]},
   {"name": "Win back", "notes": "", "overrides": {"start_customers": {"Active": 0, "Churned": 100}},
    "levers": [{"kind": "winback", "reason": "price", "to_stage": "Active", "contact_rate": 0.4, "cost_per_customer": 2}]}
  ]}}
EOF

# Baseline: n = [80,20], [64,36], [51.2,48.8]; net = 640, 512, 409.6.
if "$BIN" project "$TMP/ws.json" --json > "$TMP/base.json" 2> "$TMP/err"; then ok "baseline runs"; else not_ok "baseline runs"; fi
check_js "baseline is named and has 3 months" \
    "j.scenario === 'baseline' && j.months === 3 && j.months_detail.length === 3" "$TMP/base.json"
check_js "baseline equity by hand" \
    "near(j.customer_equity, 640/1.01 + 512/1.01**2 + 409.6/1.01**3)" "$TMP/base.json"
check_js "baseline month 3 customers by stage" \
    "near(j.months_detail[2].customers_by_stage.Active, 51.2) && near(j.months_detail[2].customers_by_stage.Churned, 48.8)" "$TMP/base.json"
check_js "baseline month 1 revenue, margin, cost" \
    "j.months_detail[0].month === 1 && near(j.months_detail[0].revenue, 800) && near(j.months_detail[0].margin, 800) && near(j.months_detail[0].cost, 160)" "$TMP/base.json"
check_js "baseline has no ROI" "j.roi === null && j.total_lever_cost === 0" "$TMP/base.json"

# Keep: P' = [[0.9,0.1],[0,1]]: n = [90,10], [81,19], [72.9,27.1]; lever cost 100, 90, 81;
# net = 900-180-100, 810-162-90, 729-145.8-81 = 620, 558, 502.2
"$BIN" project "$TMP/ws.json" --scenario Keep --json > "$TMP/keep.json" 2> "$TMP/err"
check_js "scenario Keep equity by hand" \
    "j.scenario === 'Keep' && near(j.customer_equity, 620/1.01 + 558/1.01**2 + 502.2/1.01**3)" "$TMP/keep.json"
check_js "scenario Keep lever cost" \
    "near(j.total_lever_cost, 271) && near(j.months_detail[1].cost, 162 + 90)" "$TMP/keep.json"
check_js "scenario Keep ROI = incremental equity / incremental cost" "
    (() => { const dm = (900-800)/1.01 + (810-640)/1.01**2 + (729-512)/1.01**3;
             const dc = (180+100-160)/1.01 + (162+90-128)/1.01**2 + (145.8+81-102.4)/1.01**3;
             return near(j.roi, (dm - dc) / dc); })()" "$TMP/keep.json"

# Win back: 100 churned, 0.5 price share x 0.4 contacted x 0.3 won back = 6 per 100 per month; contact cost 100*0.2*2 = 40
"$BIN" project "$TMP/ws.json" --scenario "Win back" --json > "$TMP/winback.json" 2> "$TMP/err"
check_js "win-back moves 6% of churned to Active" \
    "near(j.months_detail[0].customers_by_stage.Active, 6) && near(j.months_detail[0].customers_by_stage.Churned, 94) && near(j.months_detail[0].cost, 40 + 12)" "$TMP/winback.json"

# --months overrides the horizon
"$BIN" project "$TMP/ws.json" --months 24 --json > "$TMP/m24.json" 2> "$TMP/err"
check_js "--months 24 gives 24 months and a 12-month margin" \
    "j.months === 24 && j.months_detail.length === 24 && j.months_detail[23].month === 24 && near(j.cumulative_margin_12, 4000 * (1 - 0.8**12))" "$TMP/m24.json"

# Sensitivity in JSON: sorted by swing
"$BIN" project "$TMP/ws.json" --scenario Keep --json --sensitivity > "$TMP/sens.json" 2> "$TMP/err"
check_js "sensitivity bars sorted by swing" \
    "j.sensitivity.bars.length >= 4 && j.sensitivity.bars.every((b, i, a) => i === 0 || a[i-1].swing >= b.swing)" "$TMP/sens.json"
check_js "margin sensitivity is symmetric" "
    (() => { const b = j.sensitivity.bars.find(x => x.id === 'margin:Active');
             return b && near(b.equity_high - j.customer_equity, j.customer_equity - b.equity_low); })()" "$TMP/sens.json"

# Text output
if "$BIN" project "$TMP/ws.json" > "$TMP/text.out" 2>&1 && grep -q "Customer equity: 1533.13" "$TMP/text.out"; then
    ok "text output shows the equity"
else
    not_ok "text output shows the equity"
fi

# Errors
"$BIN" project "$TMP/ws.json" --scenario Nope > "$TMP/out" 2> "$TMP/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'no scenario named "Nope"' "$TMP/err" && grep -q '"Keep"' "$TMP/err"; then
    ok "unknown scenario: clear error, exit 1"
else
    not_ok "unknown scenario: clear error, exit 1 (rc=$rc: $(cat "$TMP/err"))"
fi
"$BIN" project "$TMP/missing.json" > "$TMP/out" 2> "$TMP/err"
if [ $? -eq 1 ] && grep -q "cannot open" "$TMP/err"; then ok "missing file: exit 1"; else not_ok "missing file: exit 1"; fi
"$BIN" project "$TMP/ws.json" --months 0 > "$TMP/out" 2> "$TMP/err"
if [ $? -eq 2 ]; then ok "--months 0 is a usage error"; else not_ok "--months 0 is a usage error"; fi

# A scenario with a broken lever reports its path
sed 's/"points": 0.1/"points": 1.5/' "$TMP/ws.json" > "$TMP/bad.json"
"$BIN" project "$TMP/bad.json" --scenario Keep > "$TMP/out" 2> "$TMP/err"
if [ $? -eq 1 ] && grep -q "scenario.invalid_lever" "$TMP/err" && grep -q "levers\[0\].points" "$TMP/err"; then
    ok "invalid lever: problem with its path, exit 1"
else
    not_ok "invalid lever: problem with its path, exit 1 ($(cat "$TMP/err"))"
fi

# An empty workspace without a typed-in baseline
echo '{"format": "lifecycle-studio-workspace", "version": 1, "customers": []}' > "$TMP/empty.json"
"$BIN" project "$TMP/empty.json" > "$TMP/out" 2> "$TMP/err"
if [ $? -eq 1 ] && grep -q "scenario.no_baseline" "$TMP/err"; then ok "no baseline: exit 1"; else not_ok "no baseline: exit 1"; fi

# Bench prints figures (no timing assertion)
if "$BIN" project --bench --reps 5 > "$TMP/bench.out" 2>&1 && grep -q "ms per projection" "$TMP/bench.out"; then
    ok "bench prints its figures"
else
    not_ok "bench prints its figures"
fi

finish
