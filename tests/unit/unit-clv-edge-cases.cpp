#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/bgnbd.h"
#include "core/clv/customer_clv.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/pareto_nbd.h"
#include "unit-clv-helpers.h"

using namespace lcs::clv;

namespace {
const BgNbdParams kBg{0.243, 4.414, 0.793, 2.426};
const ParetoNbdParams kPareto{0.553, 10.578, 0.606, 11.668};
}  // namespace

TEST_CASE("clv edge cases: huge counts and long histories stay finite") {
    for (double T : {40.0, 1e5}) {
        for (double t_x : {0.5, T / 2, T}) {
            const int x = 10000;
            const double bg_alive = bgnbd_p_alive(kBg, x, t_x, T);
            const double pn_alive = pareto_nbd_p_alive(kPareto, x, t_x, T);
            CHECK((bg_alive >= 0 && bg_alive <= 1));
            CHECK((pn_alive >= 0 && pn_alive <= 1));
            CHECK(std::isfinite(bgnbd_log_likelihood(kBg, x, t_x, T)));
            CHECK(std::isfinite(pareto_nbd_log_likelihood(kPareto, x, t_x, T)));
            const double bg_e = bgnbd_expected_purchases(kBg, x, t_x, T, 52);
            const double pn_e = pareto_nbd_expected_purchases(kPareto, x, t_x, T, 52);
            CHECK((std::isfinite(bg_e) && bg_e >= 0));
            CHECK((std::isfinite(pn_e) && pn_e >= 0));
        }
    }
    // Buying right up to T: almost surely alive, and the expectation follows the customer's rate.
    CHECK(bgnbd_p_alive(kBg, 10000, 1e5, 1e5) == doctest::Approx(1.0 / (1 + kBg.a / (kBg.b + 9999))));
    // A long silence after heavy buying: practically gone, but a number, not NaN.
    CHECK(bgnbd_p_alive(kBg, 10000, 0.5, 1e5) < 1e-100);
    CHECK(pareto_nbd_p_alive(kPareto, 10000, 0.5, 1e5) < 1e-100);
    // Long horizons push the 2F1 argument to z → 1.
    const double long_run = bgnbd_expected_purchases(kBg, 2, 30.43, 38.86, 1e5);
    CHECK((std::isfinite(long_run) && long_run > bgnbd_expected_purchases(kBg, 2, 30.43, 38.86, 1e3)));
    CHECK(std::isfinite(bgnbd_unconditional_purchases(kBg, 1e6)));
}

TEST_CASE("clv edge cases: no data, no repeat buyers and one customer") {
    CHECK(fit_bgnbd({}).problem->kind == "fit.no_data");
    CHECK(fit_pareto_nbd({}).problem->kind == "fit.no_data");
    CHECK(fit_gamma_gamma({}).problem->kind == "fit.no_data");
    std::vector<CustomerRfm> none(5);
    for (auto& c : none) c.T = 30;
    const FitResult bg = fit_bgnbd(none);
    REQUIRE(bg.problem);
    CHECK(bg.problem->kind == "fit.not_identified");
    CHECK(bg.problem->message.find("repeat") != std::string::npos);
    CHECK(fit_pareto_nbd(none).problem->kind == "fit.not_identified");
    CHECK(fit_gamma_gamma(none).problem->kind == "fit.not_identified");
    CustomerRfm bad;
    bad.x = 1;
    bad.t_x = 40;
    bad.T = 30;
    const FitResult invalid = fit_bgnbd({bad});
    REQUIRE(invalid.problem);
    CHECK(invalid.problem->kind == "fit.bad_data");
    CHECK(invalid.problem->where == "customers[0]");

    CustomerRfm one;
    one.x = 3;
    one.t_x = 20;
    one.T = 30;
    one.zbar = 10;
    for (const FitResult& fit : {fit_bgnbd({one}), fit_pareto_nbd({one})}) {
        REQUIRE(fit.ok());
        CHECK(std::isfinite(fit.log_likelihood));
        for (double v : fit.params) CHECK((std::isfinite(v) && v > 0));
    }
}

TEST_CASE("clv: BG/NBD + Gamma-Gamma per-customer value on CDNOW") {
    const auto customers = clv_test::cdnow_summary_with_spend();
    REQUIRE(customers.size() >= 3);
    const GammaGammaParams gg = gamma_gamma_params(fit_gamma_gamma(customers));
    // lifetimes' documented conditional expected average profit for the first CDNOW customers.
    CHECK(gamma_gamma_expected_spend(gg, customers[0].x, customers[0].zbar) == doctest::Approx(24.658619).epsilon(1e-4));
    CHECK(gamma_gamma_expected_spend(gg, customers[1].x, customers[1].zbar) == doctest::Approx(18.911489).epsilon(1e-4));
    CHECK(gamma_gamma_expected_spend(gg, customers[2].x, customers[2].zbar) == doctest::Approx(35.170981).epsilon(1e-4));

    CountParams counts;
    counts.bgnbd = kBg;
    ClvSettings settings;
    settings.horizon_periods = 12;
    settings.discount = 0;
    settings.margin = 0.5;
    const CustomerClv undiscounted = customer_clv(counts, gg, customers[0], settings);
    // Without discounting the value is margin × spend × purchases over the whole horizon.
    const double weeks = 12 * 365.25 / 12 / 7;
    CHECK(undiscounted.expected_purchases ==
          doctest::Approx(bgnbd_expected_purchases(kBg, 2, customers[0].t_x, customers[0].T, weeks)));
    CHECK(undiscounted.clv == doctest::Approx(0.5 * undiscounted.expected_spend * undiscounted.expected_purchases));
    // One period: purchases in it discounted once.
    settings.horizon_periods = 1;
    settings.discount = 0.01;
    const CustomerClv one = customer_clv(counts, gg, customers[0], settings);
    CHECK(one.clv == doctest::Approx(0.5 * one.expected_spend * one.expected_purchases / 1.01));
    counts.model = CountModel::pareto_nbd;
    counts.pareto_nbd = kPareto;
    const CustomerClv pareto = customer_clv(counts, gg, customers[0], settings);
    CHECK(pareto.clv > 0);
    CHECK(pareto.p_alive == doctest::Approx(pareto_nbd_p_alive(kPareto, 2, customers[0].t_x, customers[0].T)));
}
