// The one valuation pipeline (core/clv/valuation.h) that the app's CLV panel and `lifecycle clv` drive.
#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/bgnbd.h"
#include "core/clv/customer_clv.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/period.h"
#include "core/clv/valuation.h"
#include "core/csv_import.h"
#include "core/customer_facts.h"
#include "unit-clv-helpers.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

Date day(int y, int m, int d) { return date_from_ymd({y, m, d}); }

Transaction purchase(Date date, double amount) {
    Transaction t;
    t.date = date;
    t.amount = amount;
    return t;
}

// Hand-made shop: customer i arrives on day 3i of 2023, buys every 9 + 4·(i mod 5) days, 1 + (i mod 8)
// times in all, spending 20 + 5·(i mod 9) (+ the purchase number) each time.
Workspace regular_shop(int customers = 60) {
    Workspace ws;
    for (int i = 0; i < customers; ++i) {
        Customer c;
        c.id = "C" + std::to_string(i);
        const Date first = Date{day(2023, 1, 1).days + 3 * i};
        for (int k = 0; k <= i % 8; ++k)
            c.transactions.push_back(purchase(Date{first.days + k * (9 + 4 * (i % 5))}, 20.0 + 5 * (i % 9) + k));
        ws.customers.push_back(std::move(c));
    }
    ws.meta.as_of = day(2024, 6, 30);
    return ws;
}

// Spend per customer spread over five decades (1 .. 100,000): the Gamma-Gamma fit has q <= 1 (the mean
// spend is infinite), which the data cannot support; tests/cli/test_clv_cli.sh builds the same workspace.
Workspace heavy_spend_shop() {
    Workspace ws;
    for (int i = 0; i < 60; ++i) {
        Customer c;
        c.id = "H" + std::to_string(i);
        const double amount = std::pow(10.0, i % 6);
        c.transactions.push_back(purchase(day(2024, 1 + i % 4, 1 + i % 20), amount));
        c.transactions.push_back(purchase(day(2024, 5 + i % 3, 1 + i % 25), amount));
        c.transactions.push_back(purchase(day(2024, 9 + i % 3, 1 + i % 27), amount));
        ws.customers.push_back(std::move(c));
    }
    return ws;
}

ValuationSettings settings_for(ValuationModel model) {
    ValuationSettings s;
    s.model = model;
    s.unit = PeriodUnit::month;
    s.holdout_periods = 3;
    return s;
}

void check_same_rows(const ValuationResult& a, const ValuationResult& b) {
    REQUIRE(a.rows.size() == b.rows.size());
    for (size_t i = 0; i < a.rows.size(); ++i) {
        CHECK(a.rows[i].value.id == b.rows[i].value.id);
        CHECK(a.rows[i].customer == b.rows[i].customer);
        CHECK(a.rows[i].value.clv == b.rows[i].value.clv);  // bit-identical, not just close
    }
}

// The CDNOW transaction log as a workspace, and the published study's settings (weeks, calibration to
// 1997-09-30, a 39-week horizon).
Workspace cdnow_workspace() {
    const CsvImportResult imported = import_transactions_csv(clv_test::read_text("CDNOW_sample.txt"), CsvOptions{});
    REQUIRE(imported.customers.size() == 2357);
    return workspace_from_import(imported, "CDNOW_sample");
}

ValuationSettings cdnow_settings() {
    ValuationSettings s;
    s.model = ValuationModel::bgnbd_gg;
    s.unit = PeriodUnit::week;
    s.calibration_end = day(1997, 9, 30);
    s.horizon = 39;
    return s;
}

}  // namespace

TEST_CASE("period conversion: counts scale with the unit, rates compound") {
    CHECK(convert_period_count(12, PeriodUnit::month, PeriodUnit::day) == doctest::Approx(365.25));
    CHECK(convert_whole_periods(6, PeriodUnit::month, PeriodUnit::week) == 26);  // 182.6 days
    const double weekly = convert_rate(0.01, PeriodUnit::month, PeriodUnit::week);
    CHECK(std::pow(1 + weekly, kDaysPerMonth / 7) == doctest::Approx(1.01));
    CHECK(convert_rate(weekly, PeriodUnit::week, PeriodUnit::month) == doctest::Approx(0.01));
    CHECK(compound_rate_over_days(0.01, PeriodUnit::month, kDaysPerYear) == doctest::Approx(std::pow(1.01, 12) - 1));
    CHECK(convert_rate(0.0, PeriodUnit::day, PeriodUnit::month) == 0.0);
}

TEST_CASE("valuation: calibration end is the analysis date less the holdout, not before the first purchase") {
    Workspace ws = regular_shop();
    ValuationSettings s = settings_for(ValuationModel::bgnbd_gg);
    CHECK(analysis_date(ws) == day(2024, 6, 30));
    CHECK(calibration_end_for(ws, s).days == day(2024, 6, 30).days - 91);  // 3 × 30.44 days
    s.holdout_periods = 100;
    CHECK(calibration_end_for(ws, s) == day(2023, 1, 1));
    s.calibration_end = day(2024, 1, 15);
    CHECK(calibration_end_for(ws, s) == day(2024, 1, 15));
    ws.meta.as_of.reset();  // the last transaction date then
    CHECK(analysis_date(ws) == *last_transaction_date(ws));
}

TEST_CASE("valuation: BG/NBD + Gamma-Gamma on a hand-made shop, stepped in slices or in one call alike") {
    const Workspace ws = regular_shop();
    const OwnedLifecycleInputs lifecycle = compute_lifecycle_inputs(ws);
    auto source = [&] { return lifecycle.view(); };
    const ValuationSettings s = settings_for(ValuationModel::bgnbd_gg);
    const ValuationResult once = run_valuation(ws, s, source);
    REQUIRE(once.ok());
    REQUIRE(once.count_fit);
    REQUIRE(once.spend_fit);
    CHECK(once.counts.bgnbd.a + once.counts.bgnbd.b > 1);
    CHECK(once.spend.q > 1);
    CHECK(once.calibration_end == calibration_end_for(ws, s));
    REQUIRE(once.rows.size() == once.rfm.size());
    REQUIRE_FALSE(once.rows.empty());
    for (const ValuationRow& row : once.rows) {
        REQUIRE(row.customer >= 0);
        CHECK(ws.customers[static_cast<size_t>(row.customer)].id == row.value.id);
        CHECK(std::isfinite(row.value.clv));
        CHECK(row.value.clv >= 0);
        CHECK(row.value.p_alive >= 0);
        CHECK(row.value.p_alive <= 1);
    }
    // The stage summary covers every customer present at the calibration end.
    REQUIRE(once.stages.size() == lifecycle.model.stages.size());
    int staged = 0;
    for (const StageValuationRow& st : once.stages) staged += st.customers;
    CHECK(staged > 0);
    CHECK(staged <= static_cast<int>(ws.customers.size()));
    // Every row knows its stage (the intervals' per-stage totals group rows by it): the counts agree.
    REQUIRE(once.row_stages.size() == once.rows.size());
    std::vector<int> rows_per_stage(once.stages.size(), 0);
    for (const int st : once.row_stages)
        if (st >= 0) ++rows_per_stage.at(static_cast<size_t>(st));
    for (size_t i = 0; i < once.stages.size(); ++i) CHECK(rows_per_stage[i] <= once.stages[i].customers);

    Valuation sliced;
    sliced.configure(ws, s, source);
    int steps = 0;
    float last_progress = 0;
    while (!sliced.done()) {
        sliced.step(0);  // one unit of work per call
        CHECK(sliced.progress() >= last_progress);
        last_progress = sliced.progress();
        ++steps;
    }
    CHECK(steps > 3);
    check_same_rows(sliced.result(), once);
}

TEST_CASE("valuation: a fit the data cannot identify is refused with fit.not_identified") {
    const Workspace ws = heavy_spend_shop();
    ValuationSettings s = settings_for(ValuationModel::bgnbd_gg);
    s.holdout_periods = 0;
    const ValuationResult r = run_valuation(ws, s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problem->kind == "fit.not_identified");
    CHECK(r.problem->message == "Gamma-Gamma fit has q <= 1: the mean spend per purchase is infinite");
    CHECK(r.rows.empty());
    REQUIRE(r.spend_fit);
    CHECK(gamma_gamma_params(*r.spend_fit).q <= 1);

    CountParams counts;
    counts.bgnbd = {0.5, 2, 0.4, 0.5};
    REQUIRE(identification_problem(counts));
    CHECK(identification_problem(counts)->message == "BG/NBD fit has a + b <= 1: expected purchases are undefined");
    counts.bgnbd.b = 0.7;
    CHECK_FALSE(identification_problem(counts));
}

TEST_CASE("valuation: models that need dates refuse bare summaries; Markov needs the stages") {
    const std::vector<CustomerRfm> summaries = {{"a", 2, 10, 20, 15, 0, 0}, {"b", 0, 0, 20, 0, 0, 0}};
    const ValuationResult sbg = run_valuation(summaries, settings_for(ValuationModel::sbg));
    REQUIRE_FALSE(sbg.ok());
    CHECK(sbg.problem->kind == "clv.bad_input");
    const ValuationResult markov = run_valuation(regular_shop(), settings_for(ValuationModel::markov));
    REQUIRE_FALSE(markov.ok());
    CHECK(markov.problem->kind == "clv.bad_input");
}

TEST_CASE("valuation: sBG, Markov and the simple formula value the hand-made shop") {
    const Workspace ws = regular_shop();
    const OwnedLifecycleInputs lifecycle = compute_lifecycle_inputs(ws);
    for (ValuationModel model : {ValuationModel::sbg, ValuationModel::markov, ValuationModel::simple}) {
        CAPTURE(valuation_model_id(model));
        ValuationSettings s = settings_for(model);
        s.cohort_periods = 4;
        const ValuationResult r = run_valuation(ws, s, [&] { return lifecycle.view(); });
        REQUIRE(r.ok());
        REQUIRE_FALSE(r.rows.empty());
        for (const ValuationRow& row : r.rows) CHECK(std::isfinite(row.value.clv));
        CHECK(r.stages.size() == lifecycle.model.stages.size());
    }
}

TEST_CASE("valuation: CDNOW summaries give the published fits and the per-customer chain's values") {
    const std::vector<CustomerRfm> cdnow = clv_test::cdnow_summary_with_spend();
    ValuationSettings s;
    s.model = ValuationModel::bgnbd_gg;
    s.unit = PeriodUnit::month;
    s.fit_unit = PeriodUnit::week;  // the summaries are in weeks
    s.margin = 1;
    const ValuationResult r = run_valuation(cdnow, s);
    REQUIRE(r.ok());
    CHECK(r.counts.bgnbd.r == doctest::Approx(0.243).epsilon(0.002));
    CHECK(r.counts.bgnbd.alpha == doctest::Approx(4.414).epsilon(0.002));
    CHECK(r.spend.q == doctest::Approx(3.74).epsilon(0.002));
    REQUIRE(r.rows.size() == 2357);
    CHECK(r.rows[0].value.expected_spend == doctest::Approx(24.6586).epsilon(1e-4));
    CHECK(r.rows[0].customer == -1);  // no workspace behind summaries
    // Each row is customer_clv of the fitted parameters with the horizon's months in weeks.
    ClvSettings direct;
    direct.horizon_periods = 12;
    direct.period_length = kDaysPerMonth / 7;
    direct.discount = 0.01;
    direct.margin = 1;
    for (size_t i : {size_t{0}, size_t{100}, size_t{2356}})
        CHECK(r.rows[i].value.clv == customer_clv(r.counts, r.spend, cdnow[i], direct).clv);
}

TEST_CASE("valuation: the CDNOW transaction log, valued as a workspace, fits the published BG/NBD") {
    const ValuationResult r = run_valuation(cdnow_workspace(), cdnow_settings());
    REQUIRE(r.ok());
    // The holdout check (fit to the calibration end) is the published fit; the values come from the refit.
    CHECK(r.holdout_counts().bgnbd.r == doctest::Approx(0.243).epsilon(0.002));
    CHECK(r.holdout_counts().bgnbd.b == doctest::Approx(2.426).epsilon(0.002));
    CHECK(r.rows.size() == 2357);
    CHECK(r.as_of == day(1998, 6, 30));  // the last transaction in the log
}

// Issue 14 §5: once the holdout check is done, the values come from a refit on every purchase up to
// the analysis date, and equal a direct fit of the models on all the data.
TEST_CASE("valuation: CDNOW values as of the analysis date come from a refit on all data, not the calibration fit") {
    const Workspace ws = cdnow_workspace();
    const ValuationSettings s = cdnow_settings();
    const ValuationResult today = run_valuation(ws, s);
    ValuationSettings at_end = s;
    at_end.value_at_analysis_date = false;
    const ValuationResult calibration = run_valuation(ws, at_end);
    REQUIRE(today.ok());
    REQUIRE(calibration.ok());
    REQUIRE(today.refitted());
    CHECK_FALSE(calibration.refitted());
    CHECK(today.valued_at == day(1998, 6, 30));
    CHECK(calibration.valued_at == day(1997, 9, 30));
    // The holdout check is the calibration-end fit, unchanged.
    REQUIRE(today.holdout->count_fit);
    CHECK(today.holdout->counts.bgnbd.r == calibration.counts.bgnbd.r);
    CHECK(today.holdout->spend.q == calibration.spend.q);
    CHECK(today.holdout_rfm().size() == calibration.rfm.size());

    // A direct fit on all the data (no holdout), in weeks, pooled on whole days as the pipeline does.
    std::vector<CustomerEvents> events = events_from_workspace(ws);
    RfmBuildOptions all;
    all.calibration_end = today.as_of;
    all.unit = PeriodUnit::week;
    all.holdout_end = today.as_of;
    const std::vector<CustomerRfm> rfm = build_rfm_summary(events, all);
    ModelFitter count_fitter = make_bgnbd_fitter(rfm, 1.0 / 7);
    ModelFitter spend_fitter = make_gamma_gamma_fitter(rfm);
    REQUIRE(count_fitter.run().ok());
    REQUIRE(spend_fitter.run().ok());
    CountParams direct;
    direct.model = CountModel::bgnbd;
    direct.bgnbd = bgnbd_params(count_fitter.result());
    const GammaGammaParams spend = gamma_gamma_params(spend_fitter.result());
    CHECK(today.counts.bgnbd.r == doctest::Approx(direct.bgnbd.r).epsilon(1e-9));
    CHECK(today.counts.bgnbd.alpha == doctest::Approx(direct.bgnbd.alpha).epsilon(1e-9));
    CHECK(today.spend.q == doctest::Approx(spend.q).epsilon(1e-9));
    // ... and differs from the calibration fit.
    CHECK(std::fabs(today.counts.bgnbd.r - calibration.counts.bgnbd.r) > 1e-3);

    ClvSettings clv;
    clv.horizon_periods = 39;
    clv.period_length = 1;
    clv.discount = s.discount;
    clv.margin = s.margin;
    REQUIRE(today.rows.size() == rfm.size());
    REQUIRE(calibration.rows.size() == today.rows.size());
    double total_today = 0, total_calibration = 0;
    int differ = 0;
    for (size_t i = 0; i < today.rows.size(); ++i) {
        const ValuationRow& row = today.rows[i];
        REQUIRE(row.value.id == rfm[i].id);
        const CustomerClv expect = customer_clv(direct, spend, rfm[i], clv);
        CHECK(row.value.clv == doctest::Approx(expect.clv).epsilon(1e-6));
        CHECK(row.value.p_alive == doctest::Approx(expect.p_alive).epsilon(1e-6));
        CHECK(row.x == rfm[i].x);  // the summary up to the analysis date
        CHECK(row.holdout_x == calibration.rows[i].holdout_x);  // the holdout check's, kept for the table
        total_today += row.value.clv;
        total_calibration += calibration.rows[i].value.clv;
        if (std::fabs(row.value.clv - calibration.rows[i].value.clv) > 1e-6) ++differ;
    }
    CHECK(differ > 2000);  // nearly every customer's value moves with nine more months of data
    CHECK(std::fabs(total_today - total_calibration) > 0.01 * total_calibration);
}
