#include "core/clv/rfm_summary.h"

#include <algorithm>

namespace lcs::clv {

std::vector<CustomerRfm> build_rfm_summary(const std::vector<CustomerEvents>& customers, const RfmBuildOptions& options) {
    std::vector<CustomerRfm> out;
    const double unit_days = period_length_days(options.unit);
    const Date end = options.calibration_end;
    for (const CustomerEvents& customer : customers) {
        std::vector<Purchase> purchases = customer.purchases;
        std::sort(purchases.begin(), purchases.end(), [](const Purchase& u, const Purchase& v) { return u.date < v.date; });
        // Merge same-day purchases.
        std::vector<Purchase> days;
        for (const Purchase& p : purchases) {
            if (!days.empty() && days.back().date == p.date) {
                days.back().amount += p.amount;
            } else {
                days.push_back(p);
            }
        }
        if (days.empty() || days.front().date > end) continue;
        CustomerRfm rfm;
        rfm.id = customer.id;
        const Date first = days.front().date;
        double repeat_spend = 0;
        for (size_t i = 1; i < days.size(); ++i) {
            const Date d = days[i].date;
            if (d <= end) {
                ++rfm.x;
                rfm.t_x = (d.days - first.days) / unit_days;
                repeat_spend += days[i].amount;
            } else if (!options.holdout_end || d <= *options.holdout_end) {
                ++rfm.holdout_x;
                rfm.holdout_spend += days[i].amount;
            }
        }
        rfm.T = (end.days - first.days) / unit_days;
        rfm.zbar = rfm.x > 0 ? repeat_spend / rfm.x : 0.0;
        out.push_back(std::move(rfm));
    }
    return out;
}

std::vector<CustomerEvents> events_from_workspace(const Workspace& workspace) {
    std::vector<CustomerEvents> out;
    out.reserve(workspace.customers.size());
    for (const Customer& customer : workspace.customers) {
        CustomerEvents events;
        events.id = customer.id;
        for (const Transaction& t : customer.transactions) events.purchases.push_back({t.date, t.amount});
        out.push_back(std::move(events));
    }
    return out;
}

std::optional<Date> last_purchase_date(const std::vector<CustomerEvents>& customers) {
    std::optional<Date> last;
    for (const CustomerEvents& c : customers)
        for (const Purchase& p : c.purchases)
            if (!last || p.date > *last) last = p.date;
    return last;
}

}  // namespace lcs::clv
