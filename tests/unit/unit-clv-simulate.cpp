#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/simulate.h"

using namespace lcs::clv;

TEST_CASE("simulate: the generator is deterministic and its distributions have the right moments") {
    Rng a(42), b(42);
    for (int i = 0; i < 5; ++i) CHECK(a.next() == b.next());
    Rng rng(7);
    const int n = 200000;
    double sum_u = 0, sum_g = 0, sum_g2 = 0, sum_small = 0;
    for (int i = 0; i < n; ++i) {
        sum_u += rng.uniform();
        const double g = rng.gamma(2.5);
        sum_g += g;
        sum_g2 += g * g;
        sum_small += rng.gamma(0.3);
    }
    CHECK(sum_u / n == doctest::Approx(0.5).epsilon(0.01));
    CHECK(sum_g / n == doctest::Approx(2.5).epsilon(0.01));                       // mean = shape
    CHECK(sum_g2 / n - std::pow(sum_g / n, 2) == doctest::Approx(2.5).epsilon(0.03));  // variance = shape
    CHECK(sum_small / n == doctest::Approx(0.3).epsilon(0.02));
}

TEST_CASE("simulate: BG/NBD parameters are recovered from 20,000 simulated customers") {
    BgNbdSimulation sim;
    sim.params = {0.5, 6.0, 0.7, 2.5};
    sim.customers = 20000;
    sim.seed = 2024;
    const auto customers = simulate_bgnbd(sim);
    REQUIRE(customers.size() == 20000);
    const FitResult fit = fit_bgnbd(customers);
    REQUIRE(fit.ok());
    CHECK(fit.converged);
    REQUIRE(fit.std_errors.size() == 4);
    const double truth[4] = {sim.params.r, sim.params.alpha, sim.params.a, sim.params.b};
    for (int i = 0; i < 4; ++i) {
        MESSAGE(fit.names[i], ": ", fit.params[i], " +- ", fit.std_errors[i], " (truth ", truth[i], ")");
        // Within 4 standard errors of the truth, and the standard errors themselves are sensible.
        CHECK(std::fabs(fit.params[i] - truth[i]) < 4 * fit.std_errors[i]);
        CHECK(fit.std_errors[i] < 0.5 * truth[i]);
    }
    // Gamma-Gamma spend simulated alongside: recovered too.
    const FitResult gg = fit_gamma_gamma(customers);
    REQUIRE(gg.ok());
    const double gg_truth[3] = {sim.spend.p, sim.spend.q, sim.spend.gamma};
    for (int i = 0; i < 3; ++i) {
        MESSAGE(gg.names[i], ": ", gg.params[i], " +- ", gg.std_errors[i], " (truth ", gg_truth[i], ")");
        CHECK(std::fabs(gg.params[i] - gg_truth[i]) < 4 * gg.std_errors[i]);
    }
}
