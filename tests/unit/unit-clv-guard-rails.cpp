// Guard rails (core/clv/guard_rails.h): each check on data built to trigger it, and left silent on
// data that does not.
#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/bgnbd.h"
#include "core/clv/guard_rails.h"
#include "unit-clv-helpers.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

// n customers with x repeats every `gap` periods, observed for T periods.
std::vector<CustomerRfm> regular(int n, int x, double gap, double T) {
    std::vector<CustomerRfm> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        CustomerRfm& c = out[static_cast<size_t>(i)];
        c.id = std::to_string(i);
        c.x = x;
        c.t_x = x * gap;
        c.T = T;
    }
    return out;
}

FitResult fit_with(std::vector<double> params, bool converged = true) {
    FitResult fit;
    fit.model = "bgnbd";
    fit.names = {"r", "alpha", "a", "b"};
    fit.params = std::move(params);
    fit.converged = converged;
    fit.message = converged ? "converged" : "stopped after 300 iterations";
    return fit;
}

void check_texts(const GuardRail& g) {
    CHECK_FALSE(g.message.en.empty());
    CHECK_FALSE(g.message.zh.empty());
    CHECK_FALSE(g.fix.en.empty());
    CHECK_FALSE(g.fix.zh.empty());
}

}  // namespace

TEST_CASE("guard rails: typical gap is the median of t_x / x over repeat buyers") {
    std::vector<CustomerRfm> c = regular(3, 2, 5, 40);  // gaps 5
    c.push_back(regular(1, 1, 20, 40)[0]);              // gap 20
    c.push_back(regular(1, 0, 0, 40)[0]);               // no repeat: left out
    CHECK(typical_purchase_gap(c) == doctest::Approx(5));
    CHECK(std::isnan(typical_purchase_gap(regular(5, 0, 0, 10))));
}

TEST_CASE("guard rails: holdout shorter than the typical gap") {
    const auto customers = regular(200, 3, 8, 60);  // one purchase every 8 weeks
    const auto g = check_holdout_length(customers, 4);
    REQUIRE(g);
    CHECK(g->id == "holdout_short");
    CHECK(g->message.en.find("(4.0 periods)") != std::string::npos);
    CHECK(g->message.en.find("(8.0 periods)") != std::string::npos);
    CHECK(g->fix.en.find("at least 8 periods") != std::string::npos);
    check_texts(*g);
    CHECK(check_holdout_length(customers, 0)->message.en.find("no holdout") != std::string::npos);
    CHECK_FALSE(check_holdout_length(customers, 8));
    CHECK_FALSE(check_holdout_length(customers, 26));
}

TEST_CASE("guard rails: fewer than 100 repeat buyers") {
    auto customers = regular(99, 2, 3, 30);
    auto none = regular(500, 0, 0, 30);
    customers.insert(customers.end(), none.begin(), none.end());
    const auto g = check_repeat_buyers(customers);
    REQUIRE(g);
    CHECK(g->id == "few_repeat_buyers");
    CHECK(g->message.en.find("Only 99 of 599") == 0);
    check_texts(*g);
    customers.push_back(regular(1, 1, 3, 30)[0]);
    CHECK_FALSE(check_repeat_buyers(customers));
}

TEST_CASE("guard rails: most customers observed for less than two purchase cycles") {
    auto customers = regular(40, 2, 10, 100);  // gap 10, long observed
    auto young = regular(60, 0, 0, 15);        // 15 < 2 × 10
    customers.insert(customers.end(), young.begin(), young.end());
    const auto g = check_observation_length(customers);
    REQUIRE(g);
    CHECK(g->id == "short_observation");
    CHECK(g->message.en.find("60% of the customers") == 0);
    check_texts(*g);
    young = regular(60, 0, 0, 25);
    customers.resize(40);
    customers.insert(customers.end(), young.begin(), young.end());
    CHECK_FALSE(check_observation_length(customers));
}

TEST_CASE("guard rails: a period unit that makes T tiny or huge") {
    const auto tiny = check_period_unit(regular(100, 1, 0.5, 1.5), PeriodUnit::month);
    REQUIRE(tiny);
    CHECK(tiny->id == "period_unit_tiny");
    CHECK(tiny->message.en.find("less than 1.50 months") != std::string::npos);
    CHECK(tiny->message.zh.find("1.50个月") != std::string::npos);
    check_texts(*tiny);
    const auto huge = check_period_unit(regular(100, 3, 300, 1500), PeriodUnit::day);
    REQUIRE(huge);
    CHECK(huge->id == "period_unit_huge");
    check_texts(*huge);
    CHECK_FALSE(check_period_unit(regular(100, 3, 5, 39), PeriodUnit::week));
}

TEST_CASE("guard rails: a fit that did not converge, or at a parameter bound") {
    const auto g = check_convergence(fit_with({0.2, 4, 0.8, 2.4}, false));
    REQUIRE(g);
    CHECK(g->id == "not_converged");
    CHECK(g->severity == GuardSeverity::error);
    CHECK(g->message.en.find("BG/NBD fit did not converge (stopped after 300 iterations)") != std::string::npos);
    check_texts(*g);
    CHECK_FALSE(check_convergence(fit_with({0.2, 4, 0.8, 2.4})));

    const auto bound = check_parameter_bounds(fit_with({0.2, 4, 0.8, std::exp(22.0)}));
    REQUIRE(bound);
    CHECK(bound->id == "parameter_at_bound");
    CHECK(bound->message.en.find("b of the BG/NBD fit") == 0);
    check_texts(*bound);
    CHECK_FALSE(check_parameter_bounds(fit_with({0.2, 4, 0.8, 2.4})));
    // Not converged: that error and the bound, but no Hessian check.
    const auto post = post_fit_guard_rails(fit_with({0.2, 4, 0.8, std::exp(26.0)}, false), {}, {});
    REQUIRE(post.size() == 2);
    CHECK(post[0].id == "not_converged");
    CHECK(post[1].id == "parameter_at_bound");
}

TEST_CASE("guard rails: near-singular Hessian") {
    // A likelihood that depends on r and alpha only through r / alpha: flat along r = alpha.
    const LogLikelihood flat = [](const std::vector<double>& p, std::vector<double>*) {
        const double ratio = p[0] / p[1];
        return -100 * (ratio - 0.05) * (ratio - 0.05) - (p[2] - 1) * (p[2] - 1) - (p[3] - 2) * (p[3] - 2);
    };
    const FitResult fit = fit_with({0.2, 4, 1, 2});
    const auto info = log_scale_information(flat, fit, false);
    REQUIRE(info.size() == 4);
    const auto g = check_hessian(info, fit);
    REQUIRE(g);
    CHECK(g->id == "hessian_singular");
    check_texts(*g);
    CHECK(check_hessian({}, fit));  // could not be computed: fires too

    // The real BG/NBD likelihood on CDNOW at its optimum is well conditioned.
    const auto customers = clv_test::cdnow_summary();
    ModelFitter fitter = make_bgnbd_fitter(customers);
    const FitResult& cdnow = fitter.run();
    CHECK_FALSE(check_hessian(log_scale_information(fitter.log_likelihood(), cdnow, true), cdnow));
}

TEST_CASE("guard rails: P(alive) of 1 for BG/NBD customers with no repeat is explained") {
    auto customers = regular(10, 2, 3, 30);
    auto none = regular(7, 0, 0, 30);
    customers.insert(customers.end(), none.begin(), none.end());
    const FitResult fit = fit_with({0.2, 4, 0.8, 2.4});
    const auto g = check_p_alive_no_repeat(fit, customers);
    REQUIRE(g);
    CHECK(g->id == "p_alive_no_repeat");
    CHECK(g->severity == GuardSeverity::info);
    CHECK(g->message.en.find("The 7 customers") == 0);
    CHECK(g->message.en.find("not a bug") != std::string::npos);
    CHECK(bgnbd_p_alive(bgnbd_params(fit), 0, 0, 30) == 1.0);  // what the message explains
    check_texts(*g);
    FitResult pareto = fit;
    pareto.model = "paretonbd";
    CHECK_FALSE(check_p_alive_no_repeat(pareto, customers));
    CHECK_FALSE(check_p_alive_no_repeat(fit, regular(10, 2, 3, 30)));
}

TEST_CASE("guard rails: CDNOW with a 39-week holdout in weeks passes the checks before a fit") {
    CHECK(pre_fit_guard_rails(clv_test::cdnow_summary(), PeriodUnit::week, 39).empty());
    // In months the same data has T of about 9 months: fine; a 2-week holdout is too short.
    const auto rails = pre_fit_guard_rails(clv_test::cdnow_summary(), PeriodUnit::week, 2);
    REQUIRE(rails.size() == 1);
    CHECK(rails[0].id == "holdout_short");
}
