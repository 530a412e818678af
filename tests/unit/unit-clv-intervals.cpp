// Parameter intervals from the log-scale Hessian (intervals.h) for every fitted model, their
// coverage on simulated BG/NBD data, and the parametric bootstrap of per-customer and total values
// (bootstrap.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "core/clv/bgbb.h"
#include "core/clv/bgnbd.h"
#include "core/clv/bootstrap.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/intervals.h"
#include "core/clv/pareto_nbd.h"
#include "core/clv/sbg.h"
#include "core/clv/simulate.h"
#include "unit-clv-helpers.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

// The fit's own standard errors (inverse Hessian in parameter space) and the log-scale ones agree
// by the delta method at the optimum: se(θ) = θ·se(log θ).
void check_against_fit_errors(ModelFitter& fitter, double tolerance) {
    const FitResult& fit = fitter.run();
    REQUIRE(fit.ok());
    REQUIRE(fit.std_errors.size() == fit.params.size());
    const ParameterIntervals iv = parameter_intervals(fitter, 0.9);
    REQUIRE(iv.ok());
    CHECK(iv.names == fit.names);
    const double z = normal_quantile(0.95);
    for (size_t i = 0; i < fit.params.size(); ++i) {
        CAPTURE(fit.names[i]);
        CHECK(iv.log_se[i] * fit.params[i] == doctest::Approx(fit.std_errors[i]).epsilon(tolerance));
        CHECK(iv.lower[i] < fit.params[i]);
        CHECK(iv.upper[i] > fit.params[i]);
        // Symmetric on the log scale, as built.
        CHECK(std::log(iv.upper[i] / fit.params[i]) == doctest::Approx(z * iv.log_se[i]).epsilon(1e-12));
        CHECK(std::log(fit.params[i] / iv.lower[i]) == doctest::Approx(z * iv.log_se[i]).epsilon(1e-12));
    }
}

}  // namespace

TEST_CASE("intervals: normal quantiles") {
    CHECK(normal_quantile(0.5) == doctest::Approx(0).epsilon(1e-15));
    CHECK(normal_quantile(0.95) == doctest::Approx(1.6448536269514722).epsilon(1e-13));
    CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-13));
    CHECK(normal_quantile(0.025) == doctest::Approx(-1.959963984540054).epsilon(1e-13));
    CHECK(normal_quantile(1e-10) == doctest::Approx(-6.361340902404056).epsilon(1e-10));
    CHECK(std::isnan(normal_quantile(1.5)));
}

TEST_CASE("intervals: every model's log-scale intervals agree with its standard errors") {
    SUBCASE("BG/NBD on CDNOW") {
        ModelFitter fitter = make_bgnbd_fitter(clv_test::cdnow_summary());
        check_against_fit_errors(fitter, 1e-4);
    }
    SUBCASE("Pareto/NBD on CDNOW") {
        ModelFitter fitter = make_pareto_nbd_fitter(clv_test::cdnow_summary());
        check_against_fit_errors(fitter, 1e-3);
    }
    SUBCASE("Gamma-Gamma on CDNOW") {
        ModelFitter fitter = make_gamma_gamma_fitter(clv_test::cdnow_summary_with_spend());
        check_against_fit_errors(fitter, 1e-4);
    }
    SUBCASE("sBG (no analytic gradient: second differences of values)") {
        ModelFitter fitter = make_sbg_fitter({1000, 631, 468, 382, 326, 289, 262, 241});
        check_against_fit_errors(fitter, 1e-3);
    }
    SUBCASE("BG/BB on the donations") {
        const BgBbCsv csv = parse_bgbb_csv(clv_test::read_text("donations.csv"));
        REQUIRE_FALSE(csv.problem.has_value());
        ModelFitter fitter = make_bgbb_fitter(csv.rows);
        check_against_fit_errors(fitter, 1e-4);
        // A higher level gives a wider interval around the same estimate.
        const ParameterIntervals narrow = parameter_intervals(fitter, 0.5), wide = parameter_intervals(fitter, 0.99);
        REQUIRE((narrow.ok() && wide.ok()));
        CHECK(narrow.level == 0.5);
        for (size_t i = 0; i < 4; ++i) CHECK((wide.lower[i] < narrow.lower[i] && wide.upper[i] > narrow.upper[i]));
    }
}

TEST_CASE("intervals: a flat likelihood is reported as singular, not crashed on") {
    FitResult fit;
    fit.model = "test";
    fit.names = {"u", "v"};
    fit.params = {2.0, 3.0};
    fit.converged = true;
    // The likelihood does not depend on v at all: no information about it.
    const LogLikelihood flat = [](const std::vector<double>& p, std::vector<double>* grad) {
        if (grad) *grad = {-2000 * std::log(p[0] / 2) / p[0], 0.0};
        return -1000 * std::pow(std::log(p[0] / 2), 2);
    };
    for (bool gradient : {true, false}) {
        const ParameterIntervals iv = parameter_intervals(fit, flat, gradient);
        CHECK(iv.status == IntervalStatus::singular);
        CHECK(iv.lower.empty());
        CHECK_FALSE(iv.message.empty());
        CHECK(draw_log_parameters(iv, 10, 1).empty());
    }
    // Nearly flat: v's curvature 1e-12 of u's is below what finite differences can resolve.
    const LogLikelihood nearly = [](const std::vector<double>& p, std::vector<double>* grad) {
        const double u = std::log(p[0] / 2), v = std::log(p[1] / 3);
        if (grad) *grad = {-2000 * u / p[0], -2e-9 * v / p[1]};
        return -1000 * u * u - 1e-9 * v * v;
    };
    CHECK(parameter_intervals(fit, nearly, true).status == IntervalStatus::singular);
    // A failed fit has no intervals.
    FitResult failed = fit;
    failed.problem = Problem{"fit.no_data", "", "no customers"};
    CHECK(parameter_intervals(failed, flat, true).status == IntervalStatus::no_fit);
    // A likelihood that cannot be evaluated next to the optimum.
    const LogLikelihood broken = [](const std::vector<double>&, std::vector<double>*) { return NAN; };
    CHECK(parameter_intervals(fit, broken, true).status == IntervalStatus::singular);
    CHECK(parameter_intervals(fit, broken, false).status == IntervalStatus::singular);
}

// The honesty test: intervals that claim 90% must cover the truth about that often. 40 data sets of
// 5,000 customers simulated from known BG/NBD parameters (fixed seeds); each parameter's 90%
// interval must contain the true value in at least 80% of them (expected 36 of 40; 32 is the floor).
TEST_CASE("intervals: 90% BG/NBD intervals cover the true parameters in at least 80% of simulated data sets" *
          doctest::description("[statistical]")) {
    const auto begin = std::chrono::steady_clock::now();
    const BgNbdParams truth{0.243, 4.414, 0.793, 2.426};
    const double true_values[4] = {truth.r, truth.alpha, truth.a, truth.b};
    constexpr int kDataSets = 40;
    int covered[4] = {0, 0, 0, 0}, usable = 0;
    for (int k = 0; k < kDataSets; ++k) {
        BgNbdSimulation sim;
        sim.params = truth;
        sim.customers = 5000;
        sim.seed = 1000 + static_cast<uint64_t>(k);
        FitOptions options;
        options.standard_errors = false;  // the intervals compute their own Hessian
        ModelFitter fitter = make_bgnbd_fitter(simulate_bgnbd(sim), 0, options);
        const FitResult& fit = fitter.run();
        REQUIRE(fit.ok());
        const ParameterIntervals iv = parameter_intervals(fitter, 0.9);
        if (!iv.ok()) continue;
        ++usable;
        for (int i = 0; i < 4; ++i)
            if (iv.lower[i] <= true_values[i] && true_values[i] <= iv.upper[i]) ++covered[i];
    }
    CHECK(usable == kDataSets);
    for (int i = 0; i < 4; ++i) {
        CAPTURE(i);
        CAPTURE(covered[i]);
        CHECK(covered[i] >= 32);
    }
    MESSAGE("coverage of r, alpha, a, b in ", kDataSets, " data sets: ", covered[0], ", ", covered[1], ", ",
            covered[2], ", ", covered[3], " (",
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count(), " s)");
}

TEST_CASE("bootstrap: draws follow the fitted covariance and are reproducible") {
    ModelFitter fitter = make_bgnbd_fitter(clv_test::cdnow_summary());
    fitter.run();
    const ParameterIntervals iv = parameter_intervals(fitter);
    REQUIRE(iv.ok());
    const auto draws = draw_log_parameters(iv, 4000, 11);
    REQUIRE(draws.size() == 4000);
    CHECK(draws == draw_log_parameters(iv, 4000, 11));
    CHECK(draws != draw_log_parameters(iv, 4000, 12));
    // Sample covariance of log θ against the fitted one (sampling error ~ 2.2% with 4,000 draws).
    for (size_t i = 0; i < 4; ++i)
        for (size_t j = 0; j <= i; ++j) {
            double mi = 0, mj = 0, c = 0;
            for (const auto& d : draws) {
                mi += std::log(d[i]);
                mj += std::log(d[j]);
            }
            mi /= draws.size();
            mj /= draws.size();
            for (const auto& d : draws) c += (std::log(d[i]) - mi) * (std::log(d[j]) - mj);
            c /= draws.size() - 1;
            CAPTURE(i);
            CAPTURE(j);
            const double scale = std::sqrt(iv.log_covariance[i][i] * iv.log_covariance[j][j]);
            CHECK(std::fabs(c - iv.log_covariance[i][j]) < 0.1 * scale);
            if (i == j) CHECK(mi == doctest::Approx(std::log(iv.estimate[i])).epsilon(0.05 * std::sqrt(scale)));
        }
}

TEST_CASE("bootstrap: per-customer and total intervals, in slices, consistent with each other") {
    const std::vector<CustomerRfm> customers = clv_test::cdnow_summary_with_spend();
    ModelFitter counts = make_bgnbd_fitter(customers);
    ModelFitter spend = make_gamma_gamma_fitter(customers);
    counts.run();
    spend.run();
    const ParameterIntervals count_iv = parameter_intervals(counts), spend_iv = parameter_intervals(spend);
    REQUIRE((count_iv.ok() && spend_iv.ok()));
    const ClvDraws draws = draw_clv_parameters(CountModel::bgnbd, count_iv, &spend_iv, kDefaultDraws, 3);
    REQUIRE(draws.counts.size() == 200);
    REQUIRE(draws.spend.size() == 200);
    BootstrapSettings settings;
    settings.clv.horizon_periods = 12;
    settings.clv.period_length = 365.25 / 12 / 7;
    settings.clv.discount = 0.01;
    std::vector<int> groups(customers.size());
    for (size_t i = 0; i < customers.size(); ++i) groups[i] = customers[i].x > 0 ? 1 : 0;
    ClvBootstrap whole(customers, draws, settings, groups, 2);
    while (!whole.done()) whole.step(100000);
    ClvBootstrap sliced(customers, draws, settings, groups, 2);
    size_t steps = 1, most = 0, before = 0;
    while (sliced.step(97)) {
        ++steps;
        most = std::max(most, sliced.customers_done() - before);
        before = sliced.customers_done();
    }
    CHECK(steps >= (customers.size() + 96) / 97);
    CHECK(most <= 97);
    CHECK(most >= 1);
    CHECK(sliced.done());
    CHECK(sliced.total_clv_draws() == whole.total_clv_draws());

    CountParams point;
    point.bgnbd = bgnbd_params(counts.result());
    const GammaGammaParams spend_point = gamma_gamma_params(spend.result());
    int inside = 0;
    for (size_t i = 0; i < customers.size(); ++i) {
        const CustomerIntervals& ci = sliced.customers()[i];
        const CustomerClv value = customer_clv(point, spend_point, customers[i], settings.clv);
        CHECK(ci.clv.lo <= ci.clv.hi);
        CHECK(ci.p_alive.lo <= ci.p_alive.hi);
        CHECK(ci.p_alive.hi <= 1);
        CHECK(ci.expected_purchases.lo >= 0);
        if (ci.clv.lo <= value.clv && value.clv <= ci.clv.hi && ci.expected_purchases.lo <= value.expected_purchases &&
            value.expected_purchases <= ci.expected_purchases.hi)
            ++inside;
        if (customers[i].x == 0) CHECK(ci.p_alive.lo == 1);  // BG/NBD: no repeat, alive by definition
    }
    CHECK(inside >= 0.99 * customers.size());  // the point estimate sits inside its own interval
    // Totals: the draw-wise sum of the groups is the draw-wise total.
    const std::vector<Interval> by_group = sliced.group_clv();
    REQUIRE(by_group.size() == 2);
    const Interval total = sliced.total_clv();
    CHECK(total.lo < total.hi);
    CHECK(by_group[0].hi + by_group[1].hi >= total.hi - 1e-9 * total.hi);  // quantiles are sub-additive upward
    double equity = 0;
    for (const CustomerRfm& c : customers) equity += customer_clv(point, spend_point, c, settings.clv).clv;
    CHECK(total.lo <= equity);
    CHECK(equity <= total.hi);
    // Recomputing one draw's total by hand gives the same number.
    double by_hand = 0;
    CountParams first = draws.counts[0];
    for (const CustomerRfm& c : customers) by_hand += customer_clv(first, draws.spend[0], c, settings.clv).clv;
    CHECK(sliced.total_clv_draws()[0] == doctest::Approx(by_hand).epsilon(1e-10));

    // Purchases only (no spend draws): the horizon is horizon_periods × period_length.
    const ClvDraws count_only = draw_clv_parameters(CountModel::bgnbd, count_iv, nullptr, 50, 3);
    BootstrapSettings purchases;
    purchases.clv.horizon_periods = 1;
    purchases.clv.period_length = 39;
    ClvBootstrap predict(customers, count_only, purchases);
    while (predict.step(500)) {
    }
    CHECK_FALSE(predict.has_clv());
    CHECK(std::isnan(predict.customers()[0].clv.lo));
    const double worked = bgnbd_expected_purchases(point.bgnbd, 2, 30.43, 38.86, 39);  // 1.226 (Hardie)
    CHECK(predict.customers()[0].expected_purchases.lo < worked);
    CHECK(predict.customers()[0].expected_purchases.hi > worked);
    // The same count draws with or without spend.
    CHECK(count_only.counts[7].bgnbd.r == draws.counts[7].bgnbd.r);
}

TEST_CASE("bootstrap: quantiles and degenerate inputs") {
    std::vector<double> values;
    for (int i = 0; i <= 100; ++i) values.push_back(100 - i);
    const Interval iv = quantile_interval(values, 0.9);
    CHECK(iv.lo == doctest::Approx(5));
    CHECK(iv.hi == doctest::Approx(95));
    // The two-tail fast path against a full sort, at several levels and sizes.
    Rng rng(5);
    for (size_t n : {200u, 57u, 1000u})
        for (double level : {0.9, 0.8, 0.95, 0.5}) {
            std::vector<double> draws(n);
            for (double& v : draws) v = rng.normal();
            std::vector<double> sorted = draws;
            std::sort(sorted.begin(), sorted.end());
            auto reference = [&](double q) {
                const double pos = q * (n - 1);
                const size_t i = static_cast<size_t>(std::floor(pos));
                return i + 1 < n ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
            };
            const Interval fast = quantile_interval(draws, level);
            CAPTURE(n);
            CAPTURE(level);
            CHECK(fast.lo == doctest::Approx(reference((1 - level) / 2)).epsilon(1e-12));
            CHECK(fast.hi == doctest::Approx(reference((1 + level) / 2)).epsilon(1e-12));
        }
    std::vector<double> none;
    CHECK(std::isnan(quantile_interval(none, 0.9).lo));
    ParameterIntervals no_fit;
    CHECK(draw_clv_parameters(CountModel::bgnbd, no_fit, nullptr, 200, 1).empty());
    const std::vector<CustomerRfm> customers = {{"1", 1, 2, 10}};
    ClvBootstrap nothing(customers, ClvDraws{}, BootstrapSettings{});
    CHECK(nothing.done());
    CHECK_FALSE(nothing.step(10));
    CHECK(std::isnan(nothing.customers()[0].p_alive.lo));
}
