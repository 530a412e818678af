#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/bgnbd.h"
#include "unit-clv-helpers.h"

using namespace lcs::clv;

namespace {
const BgNbdParams kPublished{0.243, 4.414, 0.793, 2.426};
}

TEST_CASE("bgnbd: CDNOW fit reproduces Fader, Hardie & Lee (2005)") {
    const auto customers = clv_test::cdnow_summary();
    REQUIRE(customers.size() == 2357);
    const FitResult fit = fit_bgnbd(customers);
    REQUIRE(fit.ok());
    CHECK(fit.converged);
    const BgNbdParams p = bgnbd_params(fit);
    MESSAGE("r=", p.r, " alpha=", p.alpha, " a=", p.a, " b=", p.b, " LL=", fit.log_likelihood, " it=", fit.iterations);
    CHECK(std::fabs(p.r - 0.243) <= 0.001);
    CHECK(std::fabs(p.alpha - 4.414) <= 0.001);
    CHECK(std::fabs(p.a - 0.793) <= 0.001);
    CHECK(std::fabs(p.b - 2.426) <= 0.001);
    CHECK(std::fabs(fit.log_likelihood - (-9582.4)) <= 0.1);
    REQUIRE(fit.std_errors.size() == 4);
    for (double se : fit.std_errors) CHECK(se > 0);
}

TEST_CASE("bgnbd: pooled likelihood equals the sum of per-customer terms, gradient matches differences") {
    const auto customers = clv_test::cdnow_summary();
    const PooledRfm pooled = pool_rfm(customers);
    double sum = 0;
    for (const auto& c : customers) sum += bgnbd_log_likelihood(kPublished, c.x, c.t_x, c.T);
    std::vector<double> grad;
    CHECK(bgnbd_log_likelihood(kPublished, pooled, &grad) == doctest::Approx(sum).epsilon(1e-12));
    CHECK(sum == doctest::Approx(-9582.43).epsilon(1e-5));
    const double q[4] = {kPublished.r, kPublished.alpha, kPublished.a, kPublished.b};
    for (int i = 0; i < 4; ++i) {
        double up[4] = {q[0], q[1], q[2], q[3]}, down[4] = {q[0], q[1], q[2], q[3]};
        const double h = 1e-6 * q[i];
        up[i] += h;
        down[i] -= h;
        const double numeric = (bgnbd_log_likelihood({up[0], up[1], up[2], up[3]}, pooled) -
                                bgnbd_log_likelihood({down[0], down[1], down[2], down[3]}, pooled)) / (2 * h);
        CHECK(grad[i] == doctest::Approx(numeric).epsilon(1e-5));
    }
}

TEST_CASE("bgnbd: Hardie's worked example, 1.226 purchases in the next 39 weeks") {
    CHECK(bgnbd_expected_purchases(kPublished, 2, 30.43, 38.86, 39) == doctest::Approx(1.226).epsilon(5e-4));
    // Limits: nothing in no time; P(alive) is 1 without repeats.
    CHECK(bgnbd_expected_purchases(kPublished, 2, 30.43, 38.86, 0) == 0);
    CHECK(bgnbd_p_alive(kPublished, 0, 0, 38.86) == 1.0);
}
