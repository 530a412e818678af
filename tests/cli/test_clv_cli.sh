#!/usr/bin/env bash
# CLI tests for the CLV commands: fit, predict, clv, simulate, bench-fit.
# Usage: tests/cli/test_clv_cli.sh path/to/lifecycle
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# near A B TOL: a Python expression for check_py, true when |A - B| <= TOL.
near() { echo "abs($1 - ($2)) <= $3"; }

"$BIN" fit "$DATA/cdnow_customers_summary.csv" --model bgnbd --json >"$TMP/bg.json"
check_py "bgnbd r" "$(near "j['params']['r']" 0.243 0.0005)" "$TMP/bg.json"
check_py "bgnbd alpha" "$(near "j['params']['alpha']" 4.414 0.0005)" "$TMP/bg.json"
check_py "bgnbd a" "$(near "j['params']['a']" 0.793 0.0005)" "$TMP/bg.json"
check_py "bgnbd b" "$(near "j['params']['b']" 2.426 0.0005)" "$TMP/bg.json"
check_py "bgnbd LL" "$(near "j['log_likelihood']" -9582.4 0.05)" "$TMP/bg.json"
check_py "bgnbd keys" "j['model']=='bgnbd' and j['converged'] is True and set(j['std_errors'])=={'r','alpha','a','b'} and j['iterations']>0" "$TMP/bg.json"

"$BIN" fit "$DATA/cdnow_customers_summary.csv" --model paretonbd --json >"$TMP/pn.json"
check_py "paretonbd params" "$(near "j['params']['r']" 0.55 0.005) and $(near "j['params']['alpha']" 10.58 0.005) and $(near "j['params']['s']" 0.61 0.005) and $(near "j['params']['beta']" 11.67 0.005)" "$TMP/pn.json"
check_py "paretonbd LL" "$(near "j['log_likelihood']" -9595.0 0.05)" "$TMP/pn.json"

"$BIN" fit "$DATA/cdnow_customers_summary_with_transactions.csv" --model gg --json >"$TMP/gg.json"
check_py "gg params" "$(near "j['params']['p']" 6.25 0.005) and $(near "j['params']['q']" 3.74 0.005) and $(near "j['params']['gamma']" 15.448 0.005)" "$TMP/gg.json"

printf 'period,alive\n0,1000\n1,869\n2,743\n3,653\n4,593\n5,551\n6,517\n7,491\n' >"$TMP/high.csv"
"$BIN" fit "$TMP/high.csv" --model sbg --json >"$TMP/sbg.json"
check_py "sbg high end" "$(near "j['params']['alpha']" 0.668 0.0005) and $(near "j['params']['beta']" 3.806 0.0005) and $(near "j['log_likelihood']" -1611.16 0.005)" "$TMP/sbg.json"

# The raw transaction log gives the same fit as the published summary.
"$BIN" fit "$DATA/CDNOW_sample.txt" --model bgnbd --period week --calibration-end 1997-09-30 --json >"$TMP/raw.json"
check_py "bgnbd from raw log" "$(near "j['params']['r']" 0.243 0.0005) and $(near "j['log_likelihood']" -9582.4 0.05) and j['customers']==2357" "$TMP/raw.json"

"$BIN" predict "$DATA/cdnow_customers_summary.csv" --model bgnbd --horizon 39 --json >"$TMP/pred.json"
check_py "predict worked example" "j['customers'][0]['id']=='1' and $(near "j['customers'][0]['expected_purchases']" 1.226 0.0005) and len(j['customers'])==2357 and all(0<=c['p_alive']<=1 for c in j['customers'])" "$TMP/pred.json"

"$BIN" clv "$DATA/cdnow_customers_summary_with_transactions.csv" --model bgnbd+gg --horizon 12 --period month --discount 0.01 --json >"$TMP/clv.json"
check_py "clv bgnbd+gg" "len(j['customers'])==2357 and $(near "j['customers'][0]['expected_spend']" 24.6586 0.001) and all(c['clv']>=0 for c in j['customers']) and abs(sum(c['clv'] for c in j['customers'])-j['total_clv'])<1e-6*j['total_clv']" "$TMP/clv.json"
"$BIN" clv "$DATA/cdnow_customers_summary_with_transactions.csv" --model paretonbd+gg --horizon 12 --period month --discount 0.01 --margin 0.3 --csv "$TMP/clv.csv" >/dev/null
if [ "$(wc -l <"$TMP/clv.csv")" = 2358 ] && head -1 "$TMP/clv.csv" | grep -q '^id,p_alive,expected_purchases,expected_spend,clv$'; then ok "clv --csv"; else not_ok "clv --csv"; fi

# Workspaces go through the app's valuation pipeline (core clv::Valuation): the app's dates, stages and
# models. tests/app/app_clv_paths.cpp compares these numbers with the app's CLV session, bit for bit.
"$BIN" clv "$ROOT/assets/demo-ecommerce.json" --model bgnbd --period month --data-unit month --holdout 6 --margin 0.3 --json >"$TMP/demo.json"
check_py "clv workspace: values as of the analysis date, from the refit" "j['valued_at']=='2024-12-31' and len(j['customers'])==4394 and j['holdout_check']['counts_fit']['converged'] and j['holdout_check']['spend_fit']['params']['q']!=j['spend_fit']['params']['q']" "$TMP/demo.json"
"$BIN" clv "$ROOT/assets/demo-ecommerce.json" --model bgnbd --period month --data-unit month --holdout 6 --margin 0.3 --value-at-calibration-end --json >"$TMP/demo.json"
check_py "clv workspace: app dates and stages" "j['as_of']=='2024-12-31' and j['calibration_end']=='2024-07-01' and j['valued_at']=='2024-07-01' and j['holdout_check'] is None and len(j['customers'])==3610 and len(j['stages'])>=4 and all(c['clv'] is not None and c['clv']>=0 for c in j['customers']) and j['spend_fit']['params']['q']>1" "$TMP/demo.json"
"$BIN" clv "$ROOT/assets/demo-ecommerce.json" --model markov --margin 0.3 --json >"$TMP/markov.json"
check_py "clv markov" "j['counts_fit'] is None and all(c['p_alive'] is None and c['clv'] is not None for c in j['customers']) and any(s['markov'] for s in j['stages'])" "$TMP/markov.json"
expect_status "clv sbg needs dates" 1 "$BIN" clv "$DATA/cdnow_customers_summary_with_transactions.csv" --model sbg
if grep -q "^\[clv.bad_input\]" "$TMP/err"; then ok "clv sbg needs dates: clv.bad_input"; else not_ok "clv sbg needs dates: clv.bad_input"; fi

# A fit the data cannot identify is refused with the app's kind and message: spend per customer over five
# decades makes Gamma-Gamma's q <= 1 (the same workspace as tests/unit/unit-clv-valuation.cpp).
python3 - "$TMP/heavy.json" <<'PY'
import json, sys
customers = []
for i in range(60):
    dates = [(1 + i % 4, 1 + i % 20), (5 + i % 3, 1 + i % 25), (9 + i % 3, 1 + i % 27)]
    customers.append({"id": "H%d" % i, "transactions": [{"date": "2024-%02d-%02d" % d, "amount": 10 ** (i % 6)} for d in dates]})
json.dump({"format": "lifecycle-studio-workspace", "version": 1, "workspace": {"name": "Heavy spend"},
           "customers": customers}, open(sys.argv[1], "w"))
PY
expect_status "clv refuses an unidentified fit" 1 "$BIN" clv "$TMP/heavy.json" --model bgnbd+gg --json
if [ "$(cat "$TMP/err")" = "[fit.not_identified] Gamma-Gamma fit has q <= 1: the mean spend per purchase is infinite" ] && [ ! -s "$TMP/out" ]; then
    ok "unidentified fit: the app's kind and message"
else
    not_ok "unidentified fit: the app's kind and message" "$(cat "$TMP/err")"
fi

"$BIN" simulate --model bgnbd --customers 3000 --seed 5 -o "$TMP/sim.csv" >/dev/null
"$BIN" simulate --model bgnbd --customers 3000 --seed 5 -o "$TMP/sim2.csv" >/dev/null
if cmp -s "$TMP/sim.csv" "$TMP/sim2.csv" && [ "$(wc -l <"$TMP/sim.csv")" = 3001 ]; then ok "simulate deterministic"; else not_ok "simulate deterministic"; fi
"$BIN" fit "$TMP/sim.csv" --model bgnbd --json >"$TMP/simfit.json"
check_py "simulated data fit" "j['converged'] and 0.1 < j['params']['r'] < 0.5" "$TMP/simfit.json"

"$BIN" bench-fit --customers 2000 >"$TMP/bench.txt"
if grep -q "peak_rss_mb" "$TMP/bench.txt" && grep -q "^ *2000 " "$TMP/bench.txt"; then ok "bench-fit"; else not_ok "bench-fit"; fi

# BG/BB on the condensed donations table reproduces Fader, Hardie & Shang (2010).
"$BIN" fit "$DATA/donations.csv" --model bgbb --json >"$TMP/bgbb.json"
check_py "bgbb donations params" "$(near "j['params']['alpha']" 1.204 0.0005) and $(near "j['params']['beta']" 0.750 0.0005) and $(near "j['params']['gamma']" 0.657 0.0005) and $(near "j['params']['delta']" 2.783 0.0005)" "$TMP/bgbb.json"
check_py "bgbb donations LL" "$(near "j['log_likelihood']" -33225.6 0.05) and j['customers']==11104 and set(j['params'])=={'alpha','beta','gamma','delta'}" "$TMP/bgbb.json"
check_py "bgbb intervals" "j['level']==0.9 and all(j['intervals'][k][0] < j['params'][k] < j['intervals'][k][1] for k in j['params'])" "$TMP/bgbb.json"
# BG/BB from a workspace grouped into monthly opportunities.
"$BIN" fit "$ROOT/assets/demo-ecommerce.json" --model bgbb --period month --opportunity 1 --json >"$TMP/bgbb-ws.json"
check_py "bgbb from a workspace" "j['model']=='bgbb' and j['customers']>1000 and j['log_likelihood']<0" "$TMP/bgbb-ws.json"

# Parameter intervals at a level: around the estimate, wider at a higher level.
check_py "fit intervals (default 90%)" "j['level']==0.9 and set(j['intervals'])=={'r','alpha','a','b'} and all(j['intervals'][k][0] < j['params'][k] < j['intervals'][k][1] for k in j['params'])" "$TMP/bg.json"
"$BIN" fit "$DATA/cdnow_customers_summary.csv" --model bgnbd --level 0.99 --json >"$TMP/bg99.json"
python3 - "$TMP/bg.json" "$TMP/bg99.json" <<'PY' && ok "--level 0.99 widens the intervals" || not_ok "--level 0.99 widens the intervals"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert b['level'] == 0.99
assert all(b['intervals'][k][0] < a['intervals'][k][0] and b['intervals'][k][1] > a['intervals'][k][1] for k in a['params'])
PY
check_py "gg and sbg intervals" "all(lo < j['params'][k] < hi for k, (lo, hi) in j['intervals'].items())" "$TMP/gg.json"
check_py "sbg intervals" "set(j['intervals'])=={'alpha','beta'} and all(lo < j['params'][k] < hi for k, (lo, hi) in j['intervals'].items())" "$TMP/sbg.json"
expect_status "bad --level" 1 "$BIN" fit "$DATA/cdnow_customers_summary.csv" --model bgnbd --level 90

# Per-customer intervals by parametric bootstrap: _lo/_hi columns around the point values.
"$BIN" predict "$DATA/cdnow_customers_summary.csv" --model bgnbd --horizon 39 --interval 0.9 --json >"$TMP/pred-iv.json"
check_py "predict --interval" "j['customers'][0]['expected_purchases_lo'] < 1.226 < j['customers'][0]['expected_purchases_hi'] and j['customers'][0]['p_alive_lo'] <= j['customers'][0]['p_alive'] <= j['customers'][0]['p_alive_hi'] and j['draws']==200 and 'intervals' in j['fit']" "$TMP/pred-iv.json"
check_py "predict --interval every row" "all(c['p_alive_lo'] <= c['p_alive_hi'] <= 1 and c['expected_purchases_lo'] <= c['expected_purchases_hi'] for c in j['customers'])" "$TMP/pred-iv.json"
"$BIN" clv "$DATA/cdnow_customers_summary_with_transactions.csv" --model bgnbd+gg --horizon 12 --period month --discount 0.01 --interval 0.9 --json >"$TMP/clv-iv.json"
check_py "clv --interval json" "j['total_clv_lo'] < j['total_clv'] < j['total_clv_hi'] and j['level']==0.9 and all(c['clv_lo'] <= c['clv_hi'] for c in j['customers']) and sum(c['clv_lo'] <= c['clv'] <= c['clv_hi'] for c in j['customers']) >= 0.99*len(j['customers']) and 'intervals' in j['spend_fit']" "$TMP/clv-iv.json"
"$BIN" clv "$DATA/cdnow_customers_summary_with_transactions.csv" --model paretonbd+gg --horizon 12 --period month --discount 0.01 --interval 0.9 --csv "$TMP/clv-iv.csv" >/dev/null
if head -1 "$TMP/clv-iv.csv" | grep -q '^id,p_alive,expected_purchases,expected_spend,clv,p_alive_lo,p_alive_hi,expected_purchases_lo,expected_purchases_hi,clv_lo,clv_hi$' && [ "$(wc -l <"$TMP/clv-iv.csv")" = 2358 ]; then ok "clv --interval --csv columns"; else not_ok "clv --interval --csv columns"; fi
"$BIN" clv "$DATA/cdnow_customers_summary_with_transactions.csv" --model bgnbd+gg --horizon 12 --period month --discount 0.01 --interval 0.9 --json >"$TMP/clv-iv2.json"
if cmp -s "$TMP/clv-iv.json" "$TMP/clv-iv2.json"; then ok "clv --interval is deterministic (seeded draws)"; else not_ok "clv --interval is deterministic (seeded draws)"; fi
expect_status "clv --interval needs a count model" 1 "$BIN" clv "$ROOT/assets/demo-ecommerce.json" --model markov --interval 0.9
expect_status "bad --interval" 1 "$BIN" predict "$DATA/cdnow_customers_summary.csv" --model bgnbd --horizon 39 --interval 1.5

"$BIN" bench-intervals --customers 2000 --draws 50 >"$TMP/bench-iv.txt"
if grep -q "longest_step_ms" "$TMP/bench-iv.txt" && grep -q "^ *2000 *50 " "$TMP/bench-iv.txt"; then ok "bench-intervals"; else not_ok "bench-intervals"; fi

# Errors: clear messages and non-zero exits.
printf 'id,x,t_x,T\n1,0,0,30\n2,0,0,20\n' >"$TMP/norepeat.csv"
expect_status "no repeat buyers" 1 "$BIN" fit "$TMP/norepeat.csv" --model bgnbd --json
if grep -q "fit.not_identified" "$TMP/err"; then ok "not_identified message"; else not_ok "not_identified message"; fi
expect_status "unknown model" 1 "$BIN" fit "$DATA/cdnow_customers_summary.csv" --model nope
expect_status "missing file" 1 "$BIN" fit "$TMP/does-not-exist.csv" --model bgnbd
expect_status "no file" 2 "$BIN" fit --model bgnbd

finish
