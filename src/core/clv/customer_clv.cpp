#include "core/clv/customer_clv.h"

#include <cmath>

namespace lcs::clv {

double count_p_alive(const CountParams& counts, const CustomerRfm& c) {
    return counts.model == CountModel::bgnbd ? bgnbd_p_alive(counts.bgnbd, c.x, c.t_x, c.T)
                                             : pareto_nbd_p_alive(counts.pareto_nbd, c.x, c.t_x, c.T);
}

double count_expected_purchases(const CountParams& counts, const CustomerRfm& c, double t) {
    return counts.model == CountModel::bgnbd ? bgnbd_expected_purchases(counts.bgnbd, c.x, c.t_x, c.T, t)
                                             : pareto_nbd_expected_purchases(counts.pareto_nbd, c.x, c.t_x, c.T, t);
}

CustomerClv customer_clv(const CountParams& counts, const GammaGammaParams& spend, const CustomerRfm& c,
                         const ClvSettings& s) {
    CustomerClv out;
    out.id = c.id;
    out.p_alive = count_p_alive(counts, c);
    out.expected_spend = gamma_gamma_expected_spend(spend, c.x, c.zbar);
    double previous = 0, discounted = 0;
    for (int k = 1; k <= s.horizon_periods; ++k) {
        const double cumulative = count_expected_purchases(counts, c, k * s.period_length);
        discounted += (cumulative - previous) / std::pow(1 + s.discount, k);
        previous = cumulative;
    }
    out.expected_purchases = previous;
    out.clv = s.margin * out.expected_spend * discounted;
    return out;
}

std::vector<CustomerClv> customer_clvs(const CountParams& counts, const GammaGammaParams& spend,
                                       const std::vector<CustomerRfm>& customers, const ClvSettings& settings) {
    std::vector<CustomerClv> out;
    out.reserve(customers.size());
    for (const CustomerRfm& c : customers) out.push_back(customer_clv(counts, spend, c, settings));
    return out;
}

}  // namespace lcs::clv
