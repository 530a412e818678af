#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/sbg.h"

using namespace lcs::clv;

namespace {
const std::vector<double> kRegular = {1000, 631, 468, 382, 326, 289, 262, 241};
const std::vector<double> kHighEnd = {1000, 869, 743, 653, 593, 551, 517, 491};
}  // namespace

TEST_CASE("sbg: Fader & Hardie (2007) fits and projections") {
    const FitResult regular = fit_sbg(kRegular);
    REQUIRE(regular.ok());
    CHECK(regular.converged);
    const SbgParams r = sbg_params(regular);
    MESSAGE("regular alpha=", r.alpha, " beta=", r.beta, " LL=", regular.log_likelihood);
    CHECK(std::fabs(r.alpha - 0.704) <= 0.001);
    CHECK(std::fabs(r.beta - 1.182) <= 0.001);
    CHECK(std::fabs(regular.log_likelihood - (-1680.27)) <= 0.01);

    const FitResult high = fit_sbg(kHighEnd);
    REQUIRE(high.ok());
    const SbgParams h = sbg_params(high);
    MESSAGE("high-end alpha=", h.alpha, " beta=", h.beta, " LL=", high.log_likelihood);
    CHECK(std::fabs(h.alpha - 0.668) <= 0.001);
    CHECK(std::fabs(h.beta - 3.806) <= 0.001);
    CHECK(std::fabs(high.log_likelihood - (-1611.16)) <= 0.01);

    // Years 8-12 as published (the observed survival the 7-year fit is judged on): the projection
    // S(t) stays within 2 percentage points (the paper's figure shows the same small gap).
    const double regular_later[] = {0.221, 0.207, 0.194, 0.183, 0.173};
    const double high_later[] = {0.468, 0.445, 0.427, 0.409, 0.394};
    for (int k = 0; k < 5; ++k) {
        MESSAGE("year ", 8 + k, ": ", sbg_survival(r, 8 + k), " / ", sbg_survival(h, 8 + k));
        CHECK(std::fabs(sbg_survival(r, 8 + k) - regular_later[k]) < 0.02);
        CHECK(std::fabs(sbg_survival(h, 8 + k) - high_later[k]) < 0.02);
    }
}

TEST_CASE("sbg: survival, retention and DERL against hand sums") {
    const SbgParams p{0.704, 1.182};
    CHECK(sbg_survival(p, 0) == 1.0);
    CHECK(sbg_survival(p, 1) == doctest::Approx(p.beta / (p.alpha + p.beta)));
    CHECK(sbg_retention(p, 3) == doctest::Approx(sbg_survival(p, 3) / sbg_survival(p, 2)));
    CHECK(sbg_churn_probability(p, 2) == doctest::Approx(sbg_survival(p, 1) - sbg_survival(p, 2)));
    for (double d : {0.1, 0.01}) {
        for (int n : {1, 5}) {
            double sum = 0;
            for (int t = n; t < n + 20000; ++t) sum += sbg_survival(p, t) / sbg_survival(p, n - 1) / std::pow(1 + d, t - n);
            const auto derl = sbg_derl(p, d, n);
            REQUIRE(derl.has_value());
            CHECK(*derl == doctest::Approx(sum).epsilon(1e-6));
        }
    }
    CHECK_FALSE(sbg_derl(p, 0).has_value());  // alpha <= 1 and no discount: infinite
    const SbgParams fast{3, 2};               // alpha > 1: finite even with d = 0
    double sum = 0;
    for (int t = 1; t < 20000; ++t) sum += sbg_survival(fast, t);
    CHECK(*sbg_derl(fast, 0) == doctest::Approx(sum).epsilon(1e-6));
}

TEST_CASE("sbg: bad and uninformative data are problems, not numbers") {
    CHECK(fit_sbg({}).problem->kind == "fit.no_data");
    CHECK(fit_sbg({1000, 1100}).problem->kind == "fit.bad_data");
    CHECK(fit_sbg({1000, 1000, 1000}).problem->kind == "fit.not_identified");
    CHECK(fit_sbg({1000, 0, 0}).problem->kind == "fit.not_identified");
}
