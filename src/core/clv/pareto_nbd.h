// Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): Poisson purchasing with gamma(r, alpha)
// rates, exponential lifetimes with gamma(s, beta) dropout rates. Likelihood in the 2F1 form of
// Fader & Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005),
// evaluated on the branch where the 2F1 argument is in [0, 1), in log space.
#pragma once
#include <vector>

#include "core/clv/fit.h"
#include "core/clv/rfm.h"

namespace lcs::clv {

struct ParetoNbdParams {
    double r = 1, alpha = 1, s = 1, beta = 1;  // all > 0
};

// Log-likelihood of one customer, and the total over pooled data (weights applied); grad (when
// non-null) receives the analytic gradient ∂LL/∂(r, alpha, s, beta): the chain rule through the
// 2F1's log-derivatives (log_hyp2f1_with_derivatives), log_diff_exp and log_sum_exp, finite for
// large x and T. NaN where the 2F1 series needs more than 5,000 terms (argument within ~5e-3 of 1,
// i.e. alpha/beta ratios beyond roughly 1:100-1:200): the fit treats such points as infeasible.
double pareto_nbd_log_likelihood(const ParetoNbdParams& p, int x, double t_x, double T,
                                 std::vector<double>* grad = nullptr);
double pareto_nbd_log_likelihood(const ParetoNbdParams& p, const PooledRfm& data, std::vector<double>* grad = nullptr);

// Fits with the analytic gradient. Problems as for BG/NBD: fit.no_data, fit.bad_data, fit.not_identified.
ModelFitter make_pareto_nbd_fitter(const std::vector<CustomerRfm>& customers, double time_resolution = 0,
                                   FitOptions options = {});
FitResult fit_pareto_nbd(const std::vector<CustomerRfm>& customers, double time_resolution = 0,
                         FitOptions options = {});
ParetoNbdParams pareto_nbd_params(const FitResult& fit);  // names r, alpha, s, beta

// P(alive at T | x, t_x, T) in [0, 1].
double pareto_nbd_p_alive(const ParetoNbdParams& p, int x, double t_x, double T);
// E[purchases in (T, T + t] | x, t_x, T], t >= 0 (the s = 1 limit is handled).
double pareto_nbd_expected_purchases(const ParetoNbdParams& p, int x, double t_x, double T, double t);
// E[X(t)] for a customer acquired at 0: rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)].
double pareto_nbd_unconditional_purchases(const ParetoNbdParams& p, double t);

}  // namespace lcs::clv
