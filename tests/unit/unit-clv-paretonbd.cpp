#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/pareto_nbd.h"
#include "unit-clv-helpers.h"

using namespace lcs::clv;

TEST_CASE("paretonbd: CDNOW fit reproduces the published values") {
    const FitResult fit = fit_pareto_nbd(clv_test::cdnow_summary());
    REQUIRE(fit.ok());
    CHECK(fit.converged);
    const ParetoNbdParams p = pareto_nbd_params(fit);
    MESSAGE("r=", p.r, " alpha=", p.alpha, " s=", p.s, " beta=", p.beta, " LL=", fit.log_likelihood, " it=", fit.iterations);
    CHECK(std::fabs(p.r - 0.55) <= 0.005);
    CHECK(std::fabs(p.alpha - 10.58) <= 0.005);
    CHECK(std::fabs(p.s - 0.61) <= 0.005);
    CHECK(std::fabs(p.beta - 11.67) <= 0.005);
    CHECK(std::fabs(fit.log_likelihood - (-9595.0)) <= 0.05);
    CHECK(fit.std_errors.size() == 4);
}
