#!/usr/bin/env bash
# CLI tests for the lifecycle commands: models, stages, metrics.
# Usage: tests/cli/test_lifecycle_cli.sh path/to/lifecycle
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A hand-made workspace: as of 2024-03-31 (see tests/unit/unit-lifecycle-metrics.cpp for the numbers).
cat >"$TMP/ws.json" <<'JSON'
{"format": "lifecycle-studio-workspace", "version": 1,
 "workspace": {"name": "cli test", "currency": "USD", "as_of": "2024-03-31"},
 "customers": [
  {"id": "A", "segment": "x", "transactions": [{"date": "2024-01-15", "amount": 10}, {"date": "2024-02-10", "amount": 20}, {"date": "2024-03-05", "amount": 30}],
   "surveys": [{"date": "2024-03-10", "nps": 9}, {"date": "2024-03-20", "nps": 10}],
   "interactions": [{"date": "2024-03-07", "type": "complaint"}, {"date": "2024-03-08", "type": "email"}]},
  {"id": "B", "segment": "x", "transactions": [{"date": "2023-12-20", "amount": 50}, {"date": "2024-02-20", "amount": 40}],
   "churn_events": [{"date": "2024-03-15", "reason": "price"}], "surveys": [{"date": "2024-03-02", "nps": 3}]},
  {"id": "C", "segment": "y", "acquired": "2024-02-25", "transactions": [{"date": "2024-03-10", "amount": 100}],
   "interactions": [{"date": "2024-03-20", "type": "referral"}]},
  {"id": "D", "segment": "y", "transactions": [{"date": "2023-10-01", "amount": 10}]},
  {"id": "E", "acquired": "2024-01-05", "interactions": [{"date": "2024-02-01", "type": "email"}], "surveys": [{"date": "2024-03-05", "nps": 9}]},
  {"id": "F", "transactions": [{"date": "2024-03-25", "amount": 5}, {"date": "2024-03-28", "amount": 5}]}
 ]}
JSON

# ---- models ----
"$BIN" models --json >"$TMP/models.json"
check_js "seven models and two model-driven variants" "j.models.length === 9 && ['crm_value_model','telecom_value_model'].every(id => j.models.some(m => m.id === id))" "$TMP/models.json"
check_js "model ids" "['five_core','call_centre','telecom_value','relationship','crm_value','customer_success','marketing_journey'].every(id => j.models.some(m => m.id === id))" "$TMP/models.json"
check_js "models bilingual with stages" "j.models.every(m => m.name && m.name_zh && m.stages.length >= 4 && m.stages.every(s => typeof s === 'string'))" "$TMP/models.json"
expect_status "models text" 0 "$BIN" models

# ---- stages ----
"$BIN" stages "$TMP/ws.json" --json >"$TMP/stages.json"
check_js "stages shape" "j.model === 'crm_value' && j.as_of === '2024-03-31' && Array.isArray(j.stages) && Array.isArray(j.customers)" "$TMP/stages.json"
check_js "stage counts sum to customers" "j.stages.reduce((a, s) => a + s.count, 0) === 6 && j.customers.length === 6" "$TMP/stages.json"
check_js "every customer has a stage name" "j.customers.every(c => j.stages.some(s => s.name === c.stage))" "$TMP/stages.json"
# crm_value as of 2024-03-31: B cancelled after its last purchase -> Decline; E never bought -> Potential;
# C and D one purchase -> New (D is 182 days silent -> Decline); A, F repeat -> Growth
check_js "crm stages by hand" "(s => s.A === 'growth' && s.B === 'decline' && s.C === 'new' && s.D === 'decline' && s.E === 'potential' && s.F === 'growth')(Object.fromEntries(j.customers.map(c => [c.id, c.stage_id])))" "$TMP/stages.json"

"$BIN" stages "$TMP/ws.json" --model five_core --as-of 2024-02-29 --json >"$TMP/five.json"
check_js "model and as-of options" "j.model === 'five_core' && j.as_of === '2024-02-29'" "$TMP/five.json"
check_js "not-yet customers left out" "j.customers.find(c => c.id === 'F').stage === null && j.stages.reduce((a, s) => a + s.count, 0) === 5" "$TMP/five.json"
check_js "five_core by hand" "(s => s.E === 'understanding' && s.C === 'awareness' && s.A === 'purchase' && s.B === 'purchase')(Object.fromEntries(j.customers.map(c => [c.id, c.stage_id])))" "$TMP/five.json"

expect_status "unknown model" 1 "$BIN" stages "$TMP/ws.json" --model nope
expect_status "bad date" 2 "$BIN" stages "$TMP/ws.json" --as-of 2024-02-30
expect_status "missing file" 1 "$BIN" stages "$TMP/missing.json"
expect_status "no file" 2 "$BIN" stages
expect_status "stages text" 0 "$BIN" stages "$TMP/ws.json"
expect_status "bench small" 0 "$BIN" stages --bench --customers 2000 --transactions 20000

# ---- metrics ----
"$BIN" metrics "$TMP/ws.json" --active-days 60 --json >"$TMP/metrics.json"
check_js "metrics period" "j.period.start === '2024-03-01' && j.period.end === '2024-04-01' && j.active_days === 60" "$TMP/metrics.json"
check_js "retention by hand" "j.overall.customers_start === 2 && j.overall.customers_end === 3 && Math.abs(j.overall.retention_rate - 0.5) < 1e-12" "$TMP/metrics.json"
check_js "renewal, NRR, repeat" "j.overall.renewal_rate === 0.5 && j.overall.net_revenue_retention === 0.5 && Math.abs(j.overall.repeat_purchase_rate - 2/3) < 1e-12" "$TMP/metrics.json"
check_js "NPS, complaints, referrals" "Math.abs(j.overall.nps - 100/3) < 1e-9 && j.overall.complaint_rate === 0.25 && j.overall.referrals === 1" "$TMP/metrics.json"
check_js "per stage rows" "j.stages.length === 5 && j.stages.every(s => 'retention_rate' in s && 'count_at_as_of' in s)" "$TMP/metrics.json"
check_js "flow rows sum to 1" "j.stage_flow.probability.every((row, i) => row.reduce((a, b) => a + b, 0) === 0 || Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9)" "$TMP/metrics.json"
check_js "churn by reason" "j.churn.events === 1 && Math.abs(j.churn.expected_won_back - 0.3) < 1e-12" "$TMP/metrics.json"
expect_status "metrics text" 0 "$BIN" metrics "$TMP/ws.json" --period quarter
expect_status "bad period" 2 "$BIN" metrics "$TMP/ws.json" --period fortnight

# ---- demo workspaces, when generated ----
for demo in "$ROOT/assets/demo-ecommerce.json" "$ROOT/assets/demo-saas.json"; do
    [ -f "$demo" ] || continue
    name=$(basename "$demo" .json)
    "$BIN" stages "$demo" --json >"$TMP/$name-stages.json"
    check_js "$name stages" "j.stages.length >= 4 && j.stages.reduce((a, s) => a + s.count, 0) > 0 && j.stages.filter(s => s.count > 0).length >= 3" "$TMP/$name-stages.json"
    for model in five_core call_centre telecom_value relationship crm_value customer_success marketing_journey; do
        "$BIN" stages "$demo" --model "$model" --json >"$TMP/$name-$model.json"
        # every stage of every model has customers in the demos (prospects, trials and pauses included)
        check_js "$name $model" "j.model === '$model' && j.stages.reduce((a, s) => a + s.count, 0) === j.present && j.stages.every(s => s.count > 0)" "$TMP/$name-$model.json"
    done
    "$BIN" metrics "$demo" --json >"$TMP/$name-metrics.json"
    check_js "$name metrics" "j.overall.customers_start > 0 && j.overall.retention_rate > 0 && j.overall.retention_rate <= 1" "$TMP/$name-metrics.json"
done

finish
