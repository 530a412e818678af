// What a newly acquired customer is worth, from the fitted population (issue 14 §6): the answer to
// "how much may we pay to acquire a customer". A customer acquired today has no repeat purchase and
// no time observed (x = 0, t_x = 0, T = 0), so the count model's conditional expectations are the
// population's unconditional ones (BG/NBD: E[X(t)] of Fader, Hardie & Lee 2005, eq. 9) and the
// Gamma-Gamma expected spend is the population mean p·γ/(q − 1). The repeat purchases are valued
// exactly as customer_clv values an existing customer (same periods, discounting and margin); the
// acquiring purchase itself is added once, undiscounted, at the population mean spend.
#pragma once
#include "core/clv/customer_clv.h"
#include "core/clv/gamma_gamma.h"

namespace lcs::clv {

struct NewCustomerValue {
    double expected_purchases = 0;  // repeat purchases over the horizon (undiscounted)
    double mean_spend = 0;          // population mean spend per purchase (Gamma-Gamma, q > 1)
    double repeat_value = 0;        // discounted margin of the repeat purchases (customer_clv of x = t_x = T = 0)
    double first_purchase = 0;      // margin × mean_spend of the acquiring purchase
    double total() const { return repeat_value + first_purchase; }  // the most acquisition may cost
};

// Precondition: identified parameters (valuation.h identification_problem: a + b > 1, q > 1).
NewCustomerValue new_customer_value(const CountParams& counts, const GammaGammaParams& spend,
                                    const ClvSettings& settings);

}  // namespace lcs::clv
