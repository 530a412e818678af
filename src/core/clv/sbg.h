// Shifted-beta-geometric model of contractual retention (Fader & Hardie 2007, "How to project
// customer retention"; DERL from Fader & Hardie 2010, "Customer-base valuation in a contractual
// setting"). Each customer churns at the end of any period with probability θ ~ beta(alpha, beta).
// Period t = 1, 2, ...; the customer is alive in period 0 by definition.
#pragma once
#include <optional>
#include <vector>

#include "core/clv/fit.h"

namespace lcs::clv {

struct SbgParams {
    double alpha = 1, beta = 1;  // both > 0
};

// alive[t] = customers still active at the start of period t, t = 0..n (non-increasing, alive[0] > 0).
double sbg_log_likelihood(const SbgParams& p, const std::vector<double>& alive);
// Problems: fit.no_data (fewer than 2 counts), fit.bad_data (negative, increasing or non-finite
// counts), fit.not_identified (nobody churned, or everybody churned in period 1).
ModelFitter make_sbg_fitter(const std::vector<double>& alive, FitOptions options = {});
FitResult fit_sbg(const std::vector<double>& alive, FitOptions options = {});
SbgParams sbg_params(const FitResult& fit);  // names alpha, beta

// S(t) = B(alpha, beta + t) / B(alpha, beta): share still active at the start of period t >= 0.
double sbg_survival(const SbgParams& p, int t);
// r(t) = S(t) / S(t−1) = (beta + t − 1) / (alpha + beta + t − 1), t >= 1.
double sbg_retention(const SbgParams& p, int t);
// P(churn exactly at the end of period t), t >= 1.
double sbg_churn_probability(const SbgParams& p, int t);
// Discounted expected residual lifetime of a customer who has made n−1 renewals and is about to
// face the n-th (n >= 1): Σ_{t>=n} S(t)/S(n−1)/(1+d)^(t−n), i.e. the next payment counts in full
// and later ones are discounted (Fader & Hardie 2010 eq. 6):
//   DERL = (beta+n−1)/(alpha+beta+n−1) · 2F1(1, beta+n; alpha+beta+n; 1/(1+d)).
// Multiply by the margin per period for the residual value. d >= 0 per period. nullopt when the
// sum does not converge (d = 0 with alpha <= 1).
std::optional<double> sbg_derl(const SbgParams& p, double d, int n = 1);

}  // namespace lcs::clv
