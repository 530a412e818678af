// BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy
// way"): Poisson purchasing with gamma(r, alpha) heterogeneous rates; after each repeat purchase a
// customer drops out with probability p ~ beta(a, b). Times are in the unit of the data (e.g. weeks).
#pragma once
#include <vector>

#include "core/clv/fit.h"
#include "core/clv/rfm.h"

namespace lcs::clv {

struct BgNbdParams {
    double r = 1, alpha = 1, a = 1, b = 1;  // all > 0
};

// Log-likelihood of one customer (x repeats, last at t_x, observed for T), in log-sum-exp form so
// large x does not overflow.
double bgnbd_log_likelihood(const BgNbdParams& p, int x, double t_x, double T);
// Total over a pooled data set; when grad is non-null it receives ∂LL/∂(r, alpha, a, b).
double bgnbd_log_likelihood(const BgNbdParams& p, const PooledRfm& data, std::vector<double>* grad = nullptr);

// Fitter with analytic gradients. Problems: fit.no_data, fit.bad_data, fit.not_identified (no repeat
// buyers). time_resolution > 0 rounds t_x and T before pooling (see pool_rfm).
ModelFitter make_bgnbd_fitter(const std::vector<CustomerRfm>& customers, double time_resolution = 0,
                              FitOptions options = {});
FitResult fit_bgnbd(const std::vector<CustomerRfm>& customers, double time_resolution = 0, FitOptions options = {});
// Parameters of a successful fit (names r, alpha, a, b).
BgNbdParams bgnbd_params(const FitResult& fit);

// P(customer still alive at T | x, t_x, T), in [0, 1]; 1 when x = 0.
double bgnbd_p_alive(const BgNbdParams& p, int x, double t_x, double T);
// E[purchases in (T, T + t] | x, t_x, T], t >= 0 (FHL 2005 eq. 10, Gauss 2F1).
// Precondition: a + b + x > 1.
double bgnbd_expected_purchases(const BgNbdParams& p, int x, double t_x, double T, double t);
// E[X(t)]: expected purchases in (0, t] of a customer just acquired at 0 (FHL 2005 eq. 9).
// Precondition: a + b > 1.
double bgnbd_unconditional_purchases(const BgNbdParams& p, double t);

}  // namespace lcs::clv
