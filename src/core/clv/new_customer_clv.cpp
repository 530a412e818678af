#include "core/clv/new_customer_clv.h"

namespace lcs::clv {

NewCustomerValue new_customer_value(const CountParams& counts, const GammaGammaParams& spend,
                                    const ClvSettings& settings) {
    CustomerRfm just_acquired;  // x = 0, t_x = 0, T = 0: nothing observed beyond the acquiring purchase
    just_acquired.id = "new";
    just_acquired.x = 0;
    just_acquired.t_x = 0;
    just_acquired.T = 0;
    just_acquired.zbar = 0;
    const CustomerClv repeat = customer_clv(counts, spend, just_acquired, settings);
    NewCustomerValue out;
    out.expected_purchases = repeat.expected_purchases;
    out.mean_spend = gamma_gamma_expected_spend(spend, 0, 0);
    out.repeat_value = repeat.clv;
    out.first_purchase = settings.margin * out.mean_spend;
    return out;
}

}  // namespace lcs::clv
