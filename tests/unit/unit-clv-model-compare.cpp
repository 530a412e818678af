// Model comparison (core/clv/model_compare.h): the table on CDNOW against the individual fits, the
// tracking data, best-per-column marks, and the verdict rules on constructed tables.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <set>

#include "core/clv/bgbb.h"
#include "core/clv/bgnbd.h"
#include "core/clv/model_compare.h"
#include "core/clv/pareto_nbd.h"
#include "core/csv_import.h"
#include "unit-clv-helpers.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

std::vector<CustomerEvents> cdnow_events() {
    const CsvImportResult imported = import_transactions_csv(clv_test::read_text("CDNOW_sample.txt"), CsvOptions{});
    REQUIRE(imported.customers.size() == 2357);
    return events_from_workspace(workspace_from_import(imported, "CDNOW_sample"));
}

CompareSettings cdnow_settings() {
    CompareSettings s;
    s.unit = PeriodUnit::week;
    s.calibration_end = date_from_ymd({1997, 9, 30});
    return s;
}

ModelScore row(const char* label, double aic, double mae, double curve = NAN, int params = 4) {
    ModelScore m;
    m.model = label;
    m.label = label;
    m.usable = true;
    m.params_count = params;
    m.aic = aic;
    m.log_likelihood = (2 * params - aic) / 2;
    m.bic = aic + 10;
    m.holdout_mae = mae;
    m.holdout_rmse = std::isfinite(mae) ? 2 * mae : NAN;
    m.curve_error = curve;
    return m;
}

}  // namespace

TEST_CASE("model comparison: CDNOW table matches the individual fits and the published likelihoods") {
    const std::vector<CustomerEvents> events = cdnow_events();
    const ModelComparison c = compare_models(events, cdnow_settings());
    REQUIRE(c.ok());
    REQUIRE(c.models.size() == 2);
    CHECK(c.customers == 2357);
    CHECK(c.repeat_buyers == 946);
    CHECK(c.settings.holdout_end == date_from_ymd({1998, 6, 30}));
    CHECK(c.holdout_length == doctest::Approx(273.0 / 7));

    RfmBuildOptions options;
    options.calibration_end = date_from_ymd({1997, 9, 30});
    options.unit = PeriodUnit::week;
    options.holdout_end = date_from_ymd({1998, 6, 30});
    const std::vector<CustomerRfm> rfm = build_rfm_summary(events, options);
    const FitResult fits[] = {fit_bgnbd(rfm, 1.0 / 7), fit_pareto_nbd(rfm, 1.0 / 7)};
    const double published[] = {-9582.4, -9595.0};
    for (size_t i = 0; i < 2; ++i) {
        const ModelScore& m = c.models[i];
        INFO(m.label);
        CHECK(m.model == fits[i].model);
        CHECK(m.usable);
        CHECK(m.params_count == 4);
        CHECK(m.log_likelihood == doctest::Approx(fits[i].log_likelihood).epsilon(1e-9));
        CHECK(m.log_likelihood == doctest::Approx(published[i]).epsilon(1e-4));
        CHECK(m.aic == doctest::Approx(8 - 2 * fits[i].log_likelihood));
        CHECK(m.bic == doctest::Approx(4 * std::log(2357.0) - 2 * fits[i].log_likelihood));
        // Holdout errors recomputed here from the fitted parameters.
        double abs_sum = 0, square_sum = 0;
        for (const CustomerRfm& r : rfm) {
            const double e = r.holdout_x - count_expected_purchases(m.counts, r, c.holdout_length);
            abs_sum += std::fabs(e);
            square_sum += e * e;
        }
        CHECK(m.holdout_mae == doctest::Approx(abs_sum / 2357));
        CHECK(m.holdout_rmse == doctest::Approx(std::sqrt(square_sum / 2357)));
        CHECK(m.holdout_mae > 0.3);
        CHECK(m.holdout_mae < 1.5);
        CHECK(m.curve_error >= 0);
        CHECK(m.curve_error < 0.1);  // both track CDNOW's cumulative curve within a few percent
        CHECK(m.cumulative.size() == c.tracking.dates.size());
        CHECK(m.incremental.size() == c.tracking.dates.size());
    }
    // The published ranking: BG/NBD's LL is higher (-9582 vs -9595), so it has the best LL, AIC and BIC.
    CHECK(c.best[static_cast<int>(CompareColumn::log_likelihood)] == 0);
    CHECK(c.best[static_cast<int>(CompareColumn::aic)] == 0);
    CHECK(c.best[static_cast<int>(CompareColumn::bic)] == 0);
    const int mae_best = c.models[0].holdout_mae <= c.models[1].holdout_mae ? 0 : 1;
    CHECK(c.best[static_cast<int>(CompareColumn::holdout_mae)] == mae_best);

    // Tracking: the 77 whole weeks from 1997-01-01 up to 1998-06-30, 38 of them ending in calibration;
    // actual = every repeat purchase day up to the last of those dates.
    REQUIRE(c.tracking.dates.size() == 77);
    CHECK(c.tracking.dates.back() == Date{date_from_ymd({1997, 1, 1}).days + 77 * 7});
    CHECK(c.tracking.calibration_points == 38);
    CHECK(c.tracking.dates[37] <= date_from_ymd({1997, 9, 30}));
    CHECK(c.tracking.dates[38] > date_from_ymd({1997, 9, 30}));
    double repeats = 0, incremental = 0;
    for (const CustomerEvents& e : events) {
        std::set<int32_t> days;
        for (const Purchase& p : e.purchases) days.insert(p.date.days);
        if (days.empty() || *days.begin() > date_from_ymd({1997, 9, 30}).days) continue;
        for (int32_t d : days) repeats += d != *days.begin() && d <= c.tracking.dates.back().days;
    }
    for (double v : c.tracking.actual_incremental) incremental += v;
    CHECK(repeats > 4000);
    CHECK(c.tracking.actual_cumulative.back() == doctest::Approx(repeats));
    CHECK(incremental == doctest::Approx(repeats));
    CHECK(c.models[0].cumulative.back() == doctest::Approx(repeats).epsilon(0.1));

    // The verdict is the one compare_verdict gives on this table, and names the chosen model.
    const Verdict v = compare_verdict(c.models);
    CHECK(c.verdict.recommended == v.recommended);
    CHECK(c.verdict.text == v.text);
    REQUIRE(c.verdict.recommended >= 0);
    const std::string& chosen = c.models[static_cast<size_t>(c.verdict.recommended)].label;
    CHECK(c.verdict.text.en.find("use " + chosen) != std::string::npos);
    CHECK(c.verdict.text.zh.find("建议使用 " + chosen) != std::string::npos);
    // The AIC difference is 25: BG/NBD "fits clearly better".
    CHECK(c.verdict.text.en.find("BG/NBD fits clearly better than Pareto/NBD (AIC difference 25.") == 0);
    // BG/BB and sBG are listed with their reasons.
    REQUIRE(c.excluded.size() == 2);
    CHECK(c.excluded[1].model == "bgbb");
    CHECK(c.excluded[1].reason.en.find("any time") != std::string::npos);
}

TEST_CASE("model comparison: slices give the same table as one call") {
    const std::vector<CustomerEvents> events = cdnow_events();
    const ModelComparison whole = compare_models(events, cdnow_settings());
    ModelComparer comparer;
    comparer.configure(events, cdnow_settings());
    int steps = 0;
    float last = 0;
    while (!comparer.done()) {
        comparer.step(0.5);
        CHECK(comparer.progress() >= last - 1e-6f);
        last = comparer.progress();
        ++steps;
    }
    CHECK(steps > 10);
    const ModelComparison& sliced = comparer.result();
    REQUIRE(sliced.models.size() == whole.models.size());
    for (size_t i = 0; i < whole.models.size(); ++i) {
        CHECK(sliced.models[i].log_likelihood == whole.models[i].log_likelihood);
        CHECK(sliced.models[i].holdout_mae == doctest::Approx(whole.models[i].holdout_mae));
    }
    CHECK(sliced.verdict.text == whole.verdict.text);
}

TEST_CASE("model comparison: summaries without dates compare by likelihood only") {
    const ModelComparison c = compare_models(clv_test::cdnow_summary(), PeriodUnit::week);
    REQUIRE(c.ok());
    REQUIRE(c.models.size() == 2);
    CHECK(c.models[0].log_likelihood == doctest::Approx(-9582.4).epsilon(1e-4));
    CHECK(std::isnan(c.models[0].holdout_mae));
    CHECK(c.tracking.dates.empty());
    CHECK(c.best[static_cast<int>(CompareColumn::holdout_mae)] == -1);
    CHECK(c.verdict.recommended == 0);
    CHECK(c.verdict.text.en.find("there is no holdout to check the predictions") != std::string::npos);
    CHECK(compare_models(std::vector<CustomerRfm>{}, PeriodUnit::week).problem.has_value());
}

TEST_CASE("model comparison verdict: equal fit, better holdout prediction decides") {
    const std::vector<ModelScore> table = {row("Pareto/NBD", 1000.0, 0.50), row("BG/NBD", 1001.2, 0.48)};
    const Verdict v = compare_verdict(table);
    CHECK(v.recommended == 1);
    CHECK(v.text.en == "Pareto/NBD and BG/NBD fit equally (AIC difference 1.2); BG/NBD predicts the holdout 4.0% better (MAE); use BG/NBD.");
    CHECK(v.text.zh == "Pareto/NBD 与 BG/NBD 拟合程度相当（AIC 相差 1.2）；BG/NBD 对留出期的预测好 4.0%（MAE）；建议使用 BG/NBD。");
    const auto best = best_per_column(table);
    CHECK(best[static_cast<int>(CompareColumn::aic)] == 0);
    CHECK(best[static_cast<int>(CompareColumn::holdout_mae)] == 1);
    CHECK(best[static_cast<int>(CompareColumn::log_likelihood)] == 0);
}

TEST_CASE("model comparison verdict: equal prediction, the AIC decides; the scale of the AIC difference is worded") {
    Verdict v = compare_verdict({row("BG/NBD", 1000, 0.500), row("Pareto/NBD", 1005, 0.505)});
    CHECK(v.recommended == 0);
    CHECK(v.text.en == "BG/NBD fits better than Pareto/NBD (AIC difference 5.0); both predict the holdout equally well (MAE 0.500 vs 0.505); use BG/NBD.");
    v = compare_verdict({row("BG/NBD", 1030, 0.500), row("Pareto/NBD", 1000, 0.501)});
    CHECK(v.recommended == 1);
    CHECK(v.text.en.find("Pareto/NBD fits clearly better than BG/NBD (AIC difference 30.0)") == 0);
    // A clearly worse fit that predicts the holdout much better is still chosen (prediction first).
    v = compare_verdict({row("BG/NBD", 1030, 0.40), row("Pareto/NBD", 1000, 0.50)});
    CHECK(v.recommended == 0);
    CHECK(v.text.en.find("BG/NBD predicts the holdout 20% better (MAE); use BG/NBD.") != std::string::npos);
}

TEST_CASE("model comparison verdict: ties fall to the curve error, then the fewer parameters") {
    Verdict v = compare_verdict({row("BG/NBD", 1000, 0.5, 0.08), row("Pareto/NBD", 1000.5, 0.5, 0.03)});
    CHECK(v.recommended == 1);
    v = compare_verdict({row("BG/NBD", 1000, 0.5, NAN, 4), row("BG/BB", 1000.5, 0.5, NAN, 3)});
    CHECK(v.recommended == 1);
    v = compare_verdict({row("BG/NBD", 1000, NAN), row("Pareto/NBD", 1001, NAN)});
    CHECK(v.recommended == 0);
    CHECK(v.text.en == "BG/NBD and Pareto/NBD fit equally (AIC difference 1.0); there is no holdout to check the predictions; use BG/NBD.");
}

TEST_CASE("model comparison verdict: models without usable estimates are named and left out") {
    ModelScore failed = row("Pareto/NBD", 900, 0.1);  // better numbers, but they are not estimates
    failed.usable = false;
    failed.not_usable = {"the fit did not converge", "拟合未收敛"};
    Verdict v = compare_verdict({row("BG/NBD", 1000, 0.5), failed});
    CHECK(v.recommended == 0);
    CHECK(v.text.en == "Pareto/NBD did not give usable estimates and is left out (the fit did not converge). Only BG/NBD gave usable estimates; use BG/NBD.");
    CHECK(v.text.zh.find("拟合未收敛") != std::string::npos);
    CHECK(best_per_column({row("BG/NBD", 1000, 0.5), failed})[static_cast<int>(CompareColumn::aic)] == 0);
    ModelScore failed_too = failed;
    failed_too.label = "BG/NBD";
    v = compare_verdict({failed_too, failed});
    CHECK(v.recommended == -1);
    CHECK(v.text.en.find("No model can be recommended.") != std::string::npos);
    CHECK(best_per_column({failed_too, failed})[0] == -1);
}

namespace {

double beta_draw(std::mt19937_64& rng, double a, double b) {
    std::gamma_distribution<double> ga(a, 1.0), gb(b, 1.0);
    const double x = ga(rng), y = gb(rng);
    return x / (x + y);
}

// Yearly donations on 1 March, 2015 (the first) to 2024, simulated from BG/BB with the published
// donations parameters: each year an alive donor dies with probability θ, else gives with probability p.
std::vector<CustomerEvents> yearly_donations(int donors) {
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<CustomerEvents> out;
    for (int i = 0; i < donors; ++i) {
        CustomerEvents c;
        c.id = std::to_string(i);
        c.purchases.push_back({date_from_ymd({2015, 3, 1}), 10});
        const double p = beta_draw(rng, 1.204, 0.750), theta = beta_draw(rng, 0.657, 2.783);
        for (int year = 2016; year <= 2024; ++year) {
            if (u(rng) < theta) break;
            if (u(rng) < p) c.purchases.push_back({date_from_ymd({year, 3, 1}), 10});
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

TEST_CASE("model comparison: purchases at fixed yearly opportunities bring in BG/BB") {
    const std::vector<CustomerEvents> events = yearly_donations(3000);
    CompareSettings s;
    s.unit = PeriodUnit::month;
    s.calibration_end = date_from_ymd({2019, 12, 31});  // opportunities 2016-2019 in calibration
    s.holdout_end = date_from_ymd({2024, 12, 31});      // 2020-2024 in the holdout
    const ModelComparison c = compare_models(events, s);
    REQUIRE(c.ok());
    REQUIRE(c.models.size() == 3);
    const ModelScore& bgbb = c.models[2];
    CHECK(bgbb.model == "bgbb");
    CHECK(bgbb.opportunities);
    CHECK(bgbb.periods_per_opportunity == 12);
    REQUIRE(bgbb.usable);
    for (const ExcludedModel& e : c.excluded) CHECK(e.model != "bgbb");
    // The row is the BG/BB fit on the opportunity table, and recovers the simulated parameters roughly.
    const FitResult direct = fit_bgbb(opportunity_table(events, {s.calibration_end, PeriodUnit::month, 12}));
    CHECK(bgbb.log_likelihood == doctest::Approx(direct.log_likelihood).epsilon(1e-9));
    CHECK(bgbb.aic == doctest::Approx(8 - 2 * direct.log_likelihood));
    // Holdout: 5 opportunities; the model it was simulated from predicts them well.
    CHECK(std::isfinite(bgbb.holdout_mae));
    CHECK(bgbb.cumulative.size() == c.tracking.dates.size());
    CHECK(bgbb.curve_error < 0.1);
    // Its likelihood is not compared with the continuous-time ones: LL/AIC/BIC best marks go to those.
    CHECK(c.best[static_cast<int>(CompareColumn::aic)] != 2);
    CHECK(c.best[static_cast<int>(CompareColumn::log_likelihood)] != 2);
    // On data simulated from BG/BB it predicts the holdout best and is recommended; the verdict says
    // its likelihood is apart (in whichever wording fits the table: Pareto/NBD may not converge here).
    INFO(c.verdict.text.en);
    CHECK(c.best[static_cast<int>(CompareColumn::holdout_mae)] == 2);
    CHECK(c.verdict.recommended == 2);
    CHECK(c.verdict.text.en.find("BG/BB predicts the holdout") != std::string::npos);
    CHECK(c.verdict.text.en.find("opportunities") != std::string::npos);
    CHECK(c.verdict.text.zh.find("购买时机") != std::string::npos);
    CHECK(c.verdict.text == compare_verdict(c.models).text);
}

TEST_CASE("model comparison verdict: BG/BB is compared on the holdout only") {
    ModelScore bgbb = row("BG/BB", 500, 0.30);  // a far lower AIC that must not count
    bgbb.opportunities = true;
    const std::vector<ModelScore> table = {row("BG/NBD", 1000, 0.40), row("Pareto/NBD", 1001, 0.41), bgbb};
    const Verdict v = compare_verdict(table);
    CHECK(v.recommended == 2);  // 25% better on the holdout
    CHECK(v.text.en == "BG/NBD and Pareto/NBD fit equally (AIC difference 1.0; BG/BB: likelihood on opportunities, not compared); "
                       "BG/BB predicts the holdout 25% better (MAE); use BG/BB.");
    const auto best = best_per_column(table);
    CHECK(best[static_cast<int>(CompareColumn::aic)] == 0);
    CHECK(best[static_cast<int>(CompareColumn::holdout_mae)] == 2);
    // Only BG/BB and one continuous model usable: no AIC comparison between them.
    ModelScore failed = table[1];
    failed.usable = false;
    failed.not_usable = {"the fit did not converge", "拟合未收敛"};
    const Verdict w = compare_verdict({table[0], failed, bgbb});
    CHECK(w.recommended == 2);
    CHECK(w.text.en.find("BG/NBD's likelihood is not comparable with BG/BB's") != std::string::npos);
}

TEST_CASE("model comparison verdict: a recommended model with shaky parameters gets a caution") {
    ModelScore shaky = row("Pareto/NBD", 1000, 0.40);
    shaky.guard_rails.push_back(GuardRail{"parameter_at_bound", GuardSeverity::warning, {}, {}});
    Verdict v = compare_verdict({row("BG/NBD", 1001, 0.50), shaky});
    CHECK(v.recommended == 1);
    CHECK(v.text.en.find("use Pareto/NBD. Read Pareto/NBD's parameters with care") != std::string::npos);
    CHECK(v.text.zh.find("解读 Pareto/NBD 的参数时请谨慎") != std::string::npos);
    // Not when the caution is about the model not chosen.
    v = compare_verdict({row("BG/NBD", 1001, 0.30), shaky});
    CHECK(v.recommended == 0);
    CHECK(v.text.en.find("with care") == std::string::npos);
}
