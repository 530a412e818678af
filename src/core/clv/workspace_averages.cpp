#include "core/clv/workspace_averages.h"

#include <algorithm>
#include <optional>

#include "core/customer_facts.h"

namespace lcs::clv {

namespace {

// What one customer did in the last period and the one before it.
struct CustomerPeriods {
    int occasions_last = 0;  // distinct transaction days in (as_of − 365, as_of]
    bool bought_before = false;  // any transaction in (as_of − 730, as_of − 365]
    double revenue_last = 0;
    double costed_revenue_last = 0, costed_margin_last = 0;
    bool any_cost_last = false;
};

CustomerPeriods periods_of(const Customer& c, Date as_of) {
    CustomerPeriods out;
    const int last_start = as_of.days - kAveragesPeriodDays;  // exclusive
    const int before_start = last_start - kAveragesPeriodDays;
    std::optional<int> previous_day;
    for (const Transaction& t : c.transactions) {
        if (t.date > as_of) break;
        if (t.date.days > before_start && t.date.days <= last_start) out.bought_before = true;
        if (t.date.days <= last_start) continue;
        if (previous_day != t.date.days) ++out.occasions_last;  // sorted: same-day ones are adjacent
        previous_day = t.date.days;
        out.revenue_last += t.amount;
        if (t.cost) {
            out.any_cost_last = true;
            out.costed_revenue_last += t.amount;
            out.costed_margin_last += t.amount - *t.cost;
        }
    }
    return out;
}

}  // namespace

WorkspaceClvAverages workspace_clv_averages(const Workspace& workspace, Date as_of) {
    WorkspaceClvAverages out;
    out.as_of = as_of;
    long long occasions = 0;
    double revenue = 0, costed_revenue = 0, costed_margin = 0;
    std::size_t retained = 0, with_acquisition_cost = 0;
    double acquisition_total = 0;
    for (const Customer& c : workspace.customers) {
        const CustomerPeriods p = periods_of(c, as_of);
        if (p.occasions_last > 0) ++out.active_customers;
        if (p.bought_before) {
            ++out.retention_base;
            if (p.occasions_last > 0) ++retained;
        }
        occasions += p.occasions_last;
        revenue += p.revenue_last;
        costed_revenue += p.costed_revenue_last;
        costed_margin += p.costed_margin_last;
        out.margin_from_costs = out.margin_from_costs || p.any_cost_last;
        if (c.acquisition_cost > 0) {
            ++with_acquisition_cost;
            acquisition_total += c.acquisition_cost;
        }
    }
    if (with_acquisition_cost > 0) out.acquisition_cost = acquisition_total / static_cast<double>(with_acquisition_cost);
    if (out.retention_base > 0) {
        out.retention = static_cast<double>(retained) / static_cast<double>(out.retention_base);
        out.retention_from_data = true;
    }
    // Costs known only for refunds or zero-revenue lines give no usable rate: keep the default then.
    if (out.margin_from_costs && costed_revenue > 0) out.margin_rate = costed_margin / costed_revenue;
    else out.margin_from_costs = false;
    if (out.active_customers == 0 || occasions == 0) return out;

    const std::optional<Date> first = first_transaction_date(workspace);
    const int since_first = first ? as_of.days - first->days + 1 : kAveragesPeriodDays;
    out.observed_days = std::clamp(since_first, 1, kAveragesPeriodDays);
    out.average_order_value = revenue / static_cast<double>(occasions);
    out.purchases_per_period = static_cast<double>(occasions) / static_cast<double>(out.active_customers) *
                               kAveragesPeriodDays / out.observed_days;
    out.margin_per_period = out.average_order_value * out.purchases_per_period * out.margin_rate;
    return out;
}

SimpleClvInput simple_clv_input(const WorkspaceClvAverages& averages) {
    SimpleClvInput in;
    in.margin = averages.margin_per_period;
    in.retention = averages.retention;
    in.discount = kDefaultDiscountRate;
    in.acquisition_cost = averages.acquisition_cost;
    return in;
}

}  // namespace lcs::clv
