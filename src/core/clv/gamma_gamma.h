// Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
// Monetary Value"): transaction values ~ gamma(p, ν) with ν ~ gamma(q, γ) across customers,
// independent of the purchase process. Fitted on repeat customers (x > 0) from x and zbar.
#pragma once
#include <vector>

#include "core/clv/fit.h"
#include "core/clv/rfm.h"

namespace lcs::clv {

struct GammaGammaParams {
    double p = 1, q = 1, gamma = 1;  // all > 0
};

// Log-likelihood of one customer's mean spend zbar (> 0) over x >= 1 transactions (the density of
// zbar, as in Fader & Hardie 2013 and lifetimes).
double gamma_gamma_log_likelihood(const GammaGammaParams& p, int x, double zbar);

// Fits p, q, gamma on the customers with x > 0 and zbar > 0 (others are skipped). Problems:
// fit.no_data (empty list), fit.bad_data, fit.not_identified (no repeat customer with spend).
ModelFitter make_gamma_gamma_fitter(const std::vector<CustomerRfm>& customers, FitOptions options = {});
FitResult fit_gamma_gamma(const std::vector<CustomerRfm>& customers, FitOptions options = {});
GammaGammaParams gamma_gamma_params(const FitResult& fit);  // names p, q, gamma

// E[mean spend | x, zbar] = (p(γ + x·zbar)) / (px + q − 1); with x = 0 the population mean pγ/(q−1).
// Precondition: q > 1 (otherwise the mean spend is infinite and +inf is returned).
double gamma_gamma_expected_spend(const GammaGammaParams& p, int x, double zbar);

}  // namespace lcs::clv
