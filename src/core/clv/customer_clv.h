// Per-customer CLV from a purchase-count model (BG/NBD or Pareto/NBD) and Gamma-Gamma spend.
//
// Discounting (as in lifetimes' customer_lifetime_value): the horizon is cut into H periods of
// length L (model time units per CLV period, e.g. 365.25/12/7 weeks per month); purchases expected
// in period k, E[X(kL)] − E[X((k−1)L)] (conditional on the customer's history), are discounted
// to the end of that period:
//     CLV = margin · E[spend] · Σ_{k=1}^{H} (E[X(kL)] − E[X((k−1)L)]) / (1+d)^k
// with d the discount rate per CLV period and margin the share of spend that is profit.
#pragma once
#include <string>
#include <vector>

#include "core/clv/bgnbd.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/pareto_nbd.h"
#include "core/clv/rfm.h"

namespace lcs::clv {

struct ClvSettings {
    int horizon_periods = 12;                   // H >= 0
    double period_length = 365.25 / 12.0 / 7.0; // L > 0, in the time unit of the fitted model
    double discount = 0.01;                     // d >= 0 per CLV period
    double margin = 1.0;                        // profit share of spend (1 = revenue)
};

struct CustomerClv {
    std::string id;
    double p_alive = 0;             // at the end of calibration
    double expected_purchases = 0;  // undiscounted, over the whole horizon
    double expected_spend = 0;      // Gamma-Gamma conditional mean spend per purchase
    double clv = 0;                 // discounted, see the header comment
};

enum class CountModel { bgnbd, pareto_nbd };

struct CountParams {
    CountModel model = CountModel::bgnbd;
    BgNbdParams bgnbd;
    ParetoNbdParams pareto_nbd;
};

CustomerClv customer_clv(const CountParams& counts, const GammaGammaParams& spend, const CustomerRfm& customer,
                         const ClvSettings& settings);
std::vector<CustomerClv> customer_clvs(const CountParams& counts, const GammaGammaParams& spend,
                                       const std::vector<CustomerRfm>& customers, const ClvSettings& settings);

// P(alive) and conditional expected purchases in (T, T + t] for either count model.
double count_p_alive(const CountParams& counts, const CustomerRfm& customer);
double count_expected_purchases(const CountParams& counts, const CustomerRfm& customer, double t);

}  // namespace lcs::clv
