#include "core/clv/cohort_clv.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lcs::clv {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Span {
    int32_t first = 0, last = 0;
    double spend = 0;
    bool any = false;
};

// First and last purchase day and spend, counting purchases dated on or before as_of only.
Span span_until(const CustomerEvents& c, Date as_of) {
    Span s;
    for (const Purchase& p : c.purchases) {
        if (p.date > as_of) continue;
        if (!s.any) {
            s.first = s.last = p.date.days;
            s.any = true;
        }
        s.first = std::min(s.first, p.date.days);
        s.last = std::max(s.last, p.date.days);
        s.spend += p.amount;
    }
    return s;
}

}  // namespace

CohortCounts sbg_cohort_counts(const std::vector<CustomerEvents>& customers, PeriodUnit unit, Date as_of, int periods) {
    CohortCounts out;
    periods = std::max(1, periods);
    const double L = period_length_days(unit);
    out.first_day_limit = Date{as_of.days - static_cast<int32_t>(std::ceil(periods * L))};
    out.alive.assign(static_cast<size_t>(periods) + 1, 0.0);
    for (const CustomerEvents& c : customers) {
        const Span s = span_until(c, as_of);
        if (!s.any || s.first > out.first_day_limit.days) continue;
        ++out.cohort;
        for (int t = 0; t <= periods; ++t)
            if (t == 0 || s.last - s.first >= (t - 0.5) * L) out.alive[static_cast<size_t>(t)] += 1;
    }
    return out;
}

std::optional<double> observed_period_retention(const std::vector<CustomerEvents>& customers, PeriodUnit unit,
                                                Date as_of) {
    const double L = period_length_days(unit);
    const double last_start = as_of.days - L, previous_start = as_of.days - 2 * L;
    int before = 0, again = 0;
    for (const CustomerEvents& c : customers) {
        bool in_previous = false, in_last = false;
        for (const Purchase& p : c.purchases) {
            const double d = p.date.days;
            if (d > previous_start && d <= last_start) in_previous = true;
            if (d > last_start && d <= as_of.days) in_last = true;
        }
        if (!in_previous) continue;
        ++before;
        if (in_last) ++again;
    }
    if (before == 0) return std::nullopt;
    return static_cast<double>(again) / before;
}

std::vector<CustomerClv> sbg_customer_clvs(const SbgParams& params, const std::vector<CustomerEvents>& customers,
                                           const CohortClvSettings& settings) {
    std::vector<CustomerClv> out;
    const double L = period_length_days(settings.unit);
    const double d = settings.discount;
    for (const CustomerEvents& c : customers) {
        const Span s = span_until(c, settings.as_of);
        if (!s.any) continue;
        CustomerClv row;
        row.id = c.id;
        const int renewals = static_cast<int>(std::lround((s.last - s.first) / L));
        const int n = renewals + 1;
        row.expected_spend = s.spend / n;
        const bool alive = settings.as_of.days - s.last <= L;
        row.p_alive = alive ? 1.0 : 0.0;
        if (!alive) {
            out.push_back(std::move(row));
            continue;
        }
        double discounted = 0, undiscounted = 0;
        if (settings.horizon) {
            // S(t)/S(n−1) = Π_{j=n}^{t} r(j): a running product avoids tiny beta-function ratios.
            double survival = 1, factor = 1;
            for (int t = n; t < n + *settings.horizon; ++t) {
                survival *= sbg_retention(params, t);
                undiscounted += survival;
                discounted += survival * factor;
                factor /= 1 + d;
            }
        } else {
            const std::optional<double> derl = sbg_derl(params, d, n);
            discounted = derl ? *derl : kNaN;
            undiscounted = kNaN;
        }
        row.expected_purchases = undiscounted;
        row.clv = settings.margin * row.expected_spend * discounted;
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<CustomerClv> simple_customer_clvs(const std::vector<CustomerEvents>& customers, double retention,
                                              const CohortClvSettings& settings) {
    std::vector<CustomerClv> out;
    SimpleClvInput unit_input;
    unit_input.margin = 1;
    unit_input.retention = retention;
    unit_input.discount = settings.discount;
    unit_input.horizon = settings.horizon;
    const SimpleClvResult unit_value = simple_clv(unit_input);  // CLV is linear in m: value of m = 1
    if (unit_value.problem) return out;
    const double L = period_length_days(settings.unit);
    for (const CustomerEvents& c : customers) {
        const Span s = span_until(c, settings.as_of);
        if (!s.any) continue;
        CustomerClv row;
        row.id = c.id;
        const double periods = std::max(1.0, (settings.as_of.days - s.first) / L);
        row.expected_spend = s.spend / periods;
        row.p_alive = kNaN;
        row.expected_purchases = kNaN;
        row.clv = settings.margin * row.expected_spend * unit_value.clv;
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace lcs::clv
