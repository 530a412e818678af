#!/usr/bin/env bash
# CLI tests for `lifecycle compare`: the model comparison table, best marks and verdict on CDNOW.
# Usage: tests/cli/test_compare_cli.sh path/to/lifecycle
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

near() { echo "abs($1 - ($2)) <= $3"; }

expect_status "compare CDNOW log --json" 0 "$BIN" compare "$DATA/CDNOW_sample.txt" --calibration-end 1997-09-30 --period week --json
cp "$TMP/out" "$TMP/cmp.json"
check_py "one object per model with the table's keys" \
  "[m['model'] for m in j['models']]==['bgnbd','paretonbd'] and all({'model','log_likelihood','params_count','aic','bic','holdout_mae','holdout_rmse'} <= set(m) for m in j['models'])" "$TMP/cmp.json"
check_py "published likelihoods (FHL 2005)" \
  "$(near "j['models'][0]['log_likelihood']" -9582.4 0.05) and $(near "j['models'][1]['log_likelihood']" -9595.0 0.05)" "$TMP/cmp.json"
check_py "AIC and BIC from LL and 4 parameters" \
  "all(m['params_count']==4 and $(near "m['aic']" "8-2*m['log_likelihood']" 1e-6) and $(near "m['bic']" "4*__import__('math').log(2357)-2*m['log_likelihood']" 1e-6) for m in j['models'])" "$TMP/cmp.json"
check_py "holdout errors: 39 weeks, RMSE >= MAE > 0" \
  "$(near "j['holdout_length']" 39 1e-9) and all(0 < m['holdout_mae'] <= m['holdout_rmse'] for m in j['models'])" "$TMP/cmp.json"
check_py "best per column agrees with the values" \
  "j['best']['aic']==min(j['models'], key=lambda m: m['aic'])['model'] and j['best']['holdout_mae']==min(j['models'], key=lambda m: m['holdout_mae'])['model'] and j['best']['log_likelihood']==max(j['models'], key=lambda m: m['log_likelihood'])['model']" "$TMP/cmp.json"
check_py "verdict names the recommended model in both languages" \
  "j['recommended'] in ('bgnbd','paretonbd') and j['verdict'].endswith('use ' + {'bgnbd':'BG/NBD','paretonbd':'Pareto/NBD'}[j['recommended']] + '.') and '建议使用' in j['verdict_zh'] and 'AIC difference' in j['verdict']" "$TMP/cmp.json"
check_py "BG/BB and sBG left out with a reason" \
  "sorted(e['model'] for e in j['excluded'])==['bgbb','sbg'] and all(len(e['reason'])>20 for e in j['excluded'])" "$TMP/cmp.json"
"$BIN" fit "$DATA/CDNOW_sample.txt" --model paretonbd --period week --calibration-end 1997-09-30 --json >"$TMP/fit.json"
python3 -c "import json,sys; a=json.load(open('$TMP/cmp.json')); b=json.load(open('$TMP/fit.json')); sys.exit(0 if abs(a['models'][1]['log_likelihood']-b['log_likelihood'])<1e-6*abs(b['log_likelihood']) else 1)" \
  && ok "Pareto/NBD LL equals lifecycle fit's" || not_ok "Pareto/NBD LL equals lifecycle fit's"

expect_status "compare text form" 0 "$BIN" compare "$DATA/CDNOW_sample.txt" --calibration-end 1997-09-30
if grep -q '^BG/NBD .*-9582.43\*' "$TMP/out" && grep -q '^verdict: .*; use ' "$TMP/out" && grep -q 'P(alive) = 1' "$TMP/out"; then
  ok "text table with best marks, guard rail and verdict"
else
  not_ok "text table with best marks, guard rail and verdict"; cat "$TMP/out"
fi

# A holdout of one week is shorter than the typical gap between purchases: the guard rail says so.
expect_status "short holdout" 0 "$BIN" compare "$DATA/CDNOW_sample.txt" --calibration-end 1998-06-23 --json
check_py "short holdout guard rail" "any(g['id']=='holdout_short' for g in j['guard_rails'])" "$TMP/out"

# Summaries have no dates: likelihoods only, no holdout errors.
expect_status "compare summary CSV" 0 "$BIN" compare "$DATA/cdnow_customers_summary.csv" --json
check_py "summary: no holdout, verdict says so" \
  "all(m['holdout_mae'] is None for m in j['models']) and 'no holdout' in j['verdict']" "$TMP/out"

# Purchases with no dropout at all (the bench generator): BG/NBD runs to a bound and does not converge.
# Its values are withheld (null), the guard rails say why, and the verdict leaves it out.
"$BIN" generate bench --customers 2000 --transactions 20000 -o "$TMP/bench.json" >/dev/null
expect_status "compare bench workspace" 0 "$BIN" compare "$TMP/bench.json" --calibration-end 2024-06-30 --json
check_py "a fit that did not converge shows no values" \
  "[(m['model'], m['usable'], m['converged']) for m in j['models']][0]==('bgnbd', False, False) and all(j['models'][0][k] is None for k in ('log_likelihood','aic','bic','holdout_mae','holdout_rmse')) and 'not_converged' in j['models'][0]['guard_rails']" "$TMP/out"
check_py "verdict leaves it out and cautions about the other" \
  "j['recommended']=='paretonbd' and j['verdict'].startswith('BG/NBD did not give usable estimates') and 'with care' in j['verdict'] and j['best']['aic']=='paretonbd'" "$TMP/out"

expect_status "dated data needs --calibration-end" 1 "$BIN" compare "$DATA/CDNOW_sample.txt" --json
expect_status "bad date" 1 "$BIN" compare "$DATA/CDNOW_sample.txt" --calibration-end 1997-13-40
expect_status "bad period" 1 "$BIN" compare "$DATA/CDNOW_sample.txt" --calibration-end 1997-09-30 --period year
expect_status "no file" 2 "$BIN" compare
if "$BIN" --help | grep -q 'lifecycle compare FILE --calibration-end DATE'; then ok "help lists compare"; else not_ok "help lists compare"; fi

finish
