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

double pareto_nbd_log_likelihood(const ParetoNbdParams& p, int x, double t_x, double T);
double pareto_nbd_log_likelihood(const ParetoNbdParams& p, const PooledRfm& data);

// The gradient is by central differences of the log-likelihood (no analytic 2F1 derivatives).
// Problems as for BG/NBD: fit.no_data, fit.bad_data, fit.not_identified.
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
