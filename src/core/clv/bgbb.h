// BG/BB model of discrete-time repeat transactions (Fader, Hardie & Shang 2010, "Customer-base
// analysis in a discrete-time noncontractual setting"): a purchase can happen only at fixed
// opportunities (annual donations, yearly renewals, event dates). While alive, a customer transacts
// at each opportunity with probability p ~ beta(alpha, beta); before each opportunity an alive
// customer dies with probability θ ~ beta(gamma, delta). Opportunity 0 is the first (trial)
// transaction; x repeat transactions in opportunities 1..n, the last at t_x (0 when x = 0).
#pragma once
#include <optional>
#include <vector>

#include "core/clv/bgbb_data.h"
#include "core/clv/fit.h"

namespace lcs::clv {

struct BgBbParams {
    double alpha = 1, beta = 1, gamma = 1, delta = 1;  // all > 0
};

// log L(params | x, t_x, n): the probability of one customer's transaction sequence (FHS 2010 eq. 5),
// in log-sum-exp form. Precondition: a valid pattern (validate_bgbb_rows).
double bgbb_log_likelihood(const BgBbParams& p, int x, int t_x, int n);
// Weighted total over rows; when grad is non-null it receives ∂LL/∂(alpha, beta, gamma, delta).
// -inf for parameters that are not all > 0.
double bgbb_log_likelihood(const BgBbParams& p, const std::vector<BgBbRow>& rows, std::vector<double>* grad = nullptr);

// Fitter with analytic gradients (names alpha, beta, gamma, delta). Problems: fit.no_data,
// fit.bad_data (validate_bgbb_rows), fit.not_identified (nobody made a repeat transaction).
ModelFitter make_bgbb_fitter(const std::vector<BgBbRow>& rows, FitOptions options = {});
FitResult fit_bgbb(const std::vector<BgBbRow>& rows, FitOptions options = {});
BgBbParams bgbb_params(const FitResult& fit);
// The log-likelihood the fitter maximises, over params in the order of the names (for intervals).
LogLikelihood bgbb_log_likelihood_function(const std::vector<BgBbRow>& rows);

// P(alive at opportunity n + 1 | x, t_x, n), in [0, 1] (FHS 2010 eq. 11).
double bgbb_p_alive(const BgBbParams& p, int x, int t_x, int n);
// E[transactions in opportunities n+1 .. n+m | x, t_x, n], m >= 0 (FHS 2010 eq. 13).
double bgbb_expected_transactions(const BgBbParams& p, int x, int t_x, int n, int m);
// Discounted expected residual transactions (FHS 2010 eq. 14): Σ_{i>=1} E[transaction at n+i]/(1+d)^i
// with d >= 0 the discount rate per opportunity:
//   DERT = B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / (1+d) · 2F1(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L.
// Multiply by the value per transaction for the residual value. nullopt when the sum does not
// converge (d = 0 with gamma <= 1).
std::optional<double> bgbb_dert(const BgBbParams& p, int x, int t_x, int n, double d);

}  // namespace lcs::clv
