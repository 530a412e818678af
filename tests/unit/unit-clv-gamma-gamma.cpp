#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/gamma_gamma.h"
#include "unit-clv-helpers.h"

using namespace lcs::clv;

TEST_CASE("gamma-gamma: CDNOW spend fit reproduces Fader & Hardie (2013)") {
    const auto customers = clv_test::cdnow_summary_with_spend();
    int repeaters = 0;
    for (const auto& c : customers) repeaters += c.x > 0;
    CHECK(repeaters == 946);
    const FitResult fit = fit_gamma_gamma(customers);
    REQUIRE(fit.ok());
    CHECK(fit.converged);
    const GammaGammaParams g = gamma_gamma_params(fit);
    MESSAGE("p=", g.p, " q=", g.q, " gamma=", g.gamma, " LL=", fit.log_likelihood, " it=", fit.iterations);
    CHECK(std::fabs(g.p - 6.25) <= 0.01);
    CHECK(std::fabs(g.q - 3.74) <= 0.01);
    CHECK(std::fabs(g.gamma - 15.44) <= 0.01 + 0.008);  // ML value 15.448 (REFERENCES.md)
}
