#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <memory>

#include "core/clv/optimizer.h"
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

namespace {

ParetoNbdParams params_of(const std::vector<double>& q) { return {q[0], q[1], q[2], q[3]}; }

// The largest |analytic − numerical| / max(1, |numerical|) over the components of ll's gradient at q;
// numerical: central differences at relative steps h and h/2, Richardson-extrapolated (error O(h⁴)).
double gradient_error(const LogLikelihood& ll, const std::vector<double>& q, double h = 1e-3) {
    std::vector<double> analytic;
    const double value = ll(q, &analytic);
    REQUIRE(std::isfinite(value));
    CHECK(value == ll(q, nullptr));  // the same value with or without the gradient
    auto value_at = [&](const std::vector<double>& p) { return ll(p, nullptr); };
    const std::vector<double> coarse = numerical_gradient(value_at, q, h), fine = numerical_gradient(value_at, q, h / 2);
    double worst = 0;
    for (size_t i = 0; i < q.size(); ++i) {
        const double numerical = (4 * fine[i] - coarse[i]) / 3;
        worst = std::fmax(worst, std::fabs(analytic[i] - numerical) / std::fmax(1.0, std::fabs(numerical)));
    }
    return worst;
}

}  // namespace

TEST_CASE("paretonbd: the analytic gradient of one customer matches central differences") {
    const std::vector<std::vector<double>> params = {
        {0.553, 10.578, 0.606, 11.668},      // CDNOW: alpha < beta
        {0.8, 20.0, 1.5, 5.0},               // alpha > beta
        {0.5, 10.0, 0.7, 10.0},              // alpha == beta: 2F1 argument 0
        {0.5, 10.0, 0.7, 10.0 * (1 + 1e-9)}, // alpha just below beta
        {0.3, 4.0, 1.0 + 1e-7, 8.0},         // s near 1
        {2.0, 0.6, 0.4, 30.0},               // beta/alpha = 50: argument 0.98 at t = 0, long series
    };
    struct History { int x; double t_x, T; };
    const std::vector<History> histories = {{0, 0, 38}, {1, 5, 38}, {3, 30.43, 38.86}, {2, 38, 38}, {7, 0.5, 52},
                                            {200, 1500, 2000}, {200, 2000, 2000}, {0, 0, 2000}, {50, 1999.9, 2000}};
    for (const auto& q : params)
        for (const History& h : histories) {
            CAPTURE(q[0]); CAPTURE(q[1]); CAPTURE(q[2]); CAPTURE(q[3]); CAPTURE(h.x); CAPTURE(h.t_x); CAPTURE(h.T);
            LogLikelihood ll = [&](const std::vector<double>& p, std::vector<double>* grad) {
                return pareto_nbd_log_likelihood(params_of(p), h.x, h.t_x, h.T, grad);
            };
            CHECK(gradient_error(ll, q) < 1e-7);
        }
}

TEST_CASE("paretonbd: the pooled CDNOW gradient matches central differences on both sides of alpha = beta") {
    const PooledRfm data = pool_rfm(clv_test::cdnow_summary());
    LogLikelihood ll = [&](const std::vector<double>& p, std::vector<double>* grad) {
        return pareto_nbd_log_likelihood(params_of(p), data, grad);
    };
    CHECK(gradient_error(ll, {0.553, 10.578, 0.606, 11.668}) < 1e-6);
    CHECK(gradient_error(ll, {0.553, 12.0, 0.606, 11.0}) < 1e-6);
}

TEST_CASE("paretonbd: standard errors from gradient differences agree with the log-likelihood Hessian") {
    const FitResult fit = fit_pareto_nbd(clv_test::cdnow_summary());
    REQUIRE(fit.std_errors.size() == 4);
    // The same likelihood without its gradient, started at the optimum: the Hessian from LL values,
    // whose second differences (step 1e-4) carry rounding errors of a few 1e-4 (the gradient
    // differences agree with themselves to 6 digits for steps from 1e-4 to 1e-7).
    auto data = std::make_shared<PooledRfm>(pool_rfm(clv_test::cdnow_summary()));
    LogLikelihood values_only = [data](const std::vector<double>& q, std::vector<double>*) {
        return pareto_nbd_log_likelihood(params_of(q), *data);
    };
    ModelFitter reference("paretonbd", fit.names, values_only, false, data->total_weight, {fit.params});
    const FitResult& ref = reference.run();
    REQUIRE(ref.std_errors.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        MESSAGE(fit.names[i], ": se ", fit.std_errors[i], " (from LL values ", ref.std_errors[i], ")");
        CHECK(fit.std_errors[i] == doctest::Approx(ref.std_errors[i]).epsilon(1e-3));
    }
}

TEST_CASE("paretonbd: standard errors take one step(1) per parameter and run() gives the same result") {
    const auto customers = clv_test::cdnow_summary();
    ModelFitter stepped = make_pareto_nbd_fitter(customers);
    int standard_error_steps = 0;
    bool reported = false;
    while (!stepped.done()) {
        if (reported) ++standard_error_steps;  // a step taken after the optimum was reported
        const FitProgress progress = stepped.step(1);
        reported = reported || progress.standard_errors;
    }
    CHECK(standard_error_steps == 4);  // one Hessian column (two gradient evaluations) per step
    ModelFitter whole = make_pareto_nbd_fitter(customers);
    const FitResult& a = stepped.result();
    const FitResult& b = whole.run();
    CHECK(a.params == b.params);
    CHECK(a.std_errors == b.std_errors);
    CHECK(a.log_likelihood == b.log_likelihood);
    CHECK(a.iterations == b.iterations);
}

