#include "core/clv/clv_diagnostics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lcs::clv {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxTrackingPoints = 200;

double unconditional_purchases(const CountParams& counts, double t) {
    if (t <= 0) return 0;
    if (counts.model == CountModel::bgnbd) {
        if (counts.bgnbd.a + counts.bgnbd.b <= 1) return kNaN;
        return bgnbd_unconditional_purchases(counts.bgnbd, t);
    }
    return pareto_nbd_unconditional_purchases(counts.pareto_nbd, t);
}

}  // namespace

std::vector<HoldoutGroup> calibration_vs_holdout(const CountParams& counts, const std::vector<CustomerRfm>& customers,
                                                 double holdout_length, int max_group) {
    max_group = std::max(1, max_group);
    std::vector<HoldoutGroup> groups(static_cast<size_t>(max_group) + 1);
    for (int g = 0; g <= max_group; ++g) {
        groups[static_cast<size_t>(g)].x = g;
        groups[static_cast<size_t>(g)].open_ended = g == max_group;
    }
    for (const CustomerRfm& c : customers) {
        HoldoutGroup& g = groups[static_cast<size_t>(std::min(c.x, max_group))];
        ++g.customers;
        g.actual += c.holdout_x;
        g.predicted += count_expected_purchases(counts, c, holdout_length);
    }
    for (HoldoutGroup& g : groups) {
        if (g.customers == 0) continue;
        g.actual /= g.customers;
        g.predicted /= g.customers;
    }
    return groups;
}

PurchaseTracking purchase_tracking(const CountParams& counts, const std::vector<CustomerEvents>& customers,
                                   Date calibration_end, Date end, PeriodUnit unit) {
    PurchaseTracking out;
    // First purchase day -> customers; every repeat purchase day (merged per customer).
    std::map<int32_t, int> first_days;
    std::vector<int32_t> repeat_days;
    for (const CustomerEvents& c : customers) {
        std::vector<int32_t> days;
        days.reserve(c.purchases.size());
        for (const Purchase& p : c.purchases) days.push_back(p.date.days);
        if (days.empty()) continue;
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        if (days.front() > calibration_end.days) continue;
        ++first_days[days.front()];
        for (size_t i = 1; i < days.size(); ++i)
            if (days[i] <= end.days) repeat_days.push_back(days[i]);
    }
    if (first_days.empty() || end.days <= first_days.begin()->first) return out;
    std::sort(repeat_days.begin(), repeat_days.end());

    const double unit_days = period_length_days(unit);
    const int32_t start = first_days.begin()->first;
    const int periods = static_cast<int>(std::floor((end.days - start) / unit_days + 1e-9));
    const int stride = std::max(1, (periods + kMaxTrackingPoints - 1) / kMaxTrackingPoints);
    for (int k = stride; k <= periods; k += stride) {
        const int32_t day = start + static_cast<int32_t>(std::lround(k * unit_days));
        out.dates.push_back(Date{day});
        auto upper = std::upper_bound(repeat_days.begin(), repeat_days.end(), day);
        out.actual.push_back(static_cast<double>(upper - repeat_days.begin()));
        double predicted = 0;
        for (const auto& [first, n] : first_days) {
            if (first >= day) break;
            predicted += n * unconditional_purchases(counts, (day - first) / unit_days);
        }
        out.predicted.push_back(predicted);
    }
    return out;
}

FrequencyRecencyGrid frequency_recency_grid(const CountParams& counts, int max_x, double T, int columns, double horizon) {
    FrequencyRecencyGrid grid;
    max_x = std::max(0, max_x);
    columns = std::max(2, columns);
    grid.T = T;
    for (int k = 0; k < columns; ++k) grid.t_x.push_back(T * k / (columns - 1));
    for (int x = 0; x <= max_x; ++x) {
        grid.x.push_back(x);
        std::vector<double> alive_row, expected_row;
        for (double t_x : grid.t_x) {
            if (x == 0 && t_x > 0) {
                alive_row.push_back(kNaN);
                expected_row.push_back(kNaN);
                continue;
            }
            CustomerRfm c;
            c.x = x;
            c.t_x = x == 0 ? 0 : t_x;
            c.T = T;
            alive_row.push_back(count_p_alive(counts, c));
            expected_row.push_back(count_expected_purchases(counts, c, horizon));
        }
        grid.p_alive.push_back(std::move(alive_row));
        grid.expected.push_back(std::move(expected_row));
    }
    return grid;
}

Histogram histogram(const std::vector<double>& values, int bins, double upper_quantile) {
    Histogram h;
    std::vector<double> finite;
    finite.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    if (finite.empty()) return h;
    bins = std::max(1, bins);
    std::sort(finite.begin(), finite.end());
    upper_quantile = std::clamp(upper_quantile, 0.0, 1.0);
    const double lo = finite.front();
    // Nearest-rank quantile: the smallest value with at least q of the data at or below it.
    size_t rank = static_cast<size_t>(std::ceil(upper_quantile * static_cast<double>(finite.size())));
    rank = std::clamp<size_t>(rank, 1, finite.size());
    double hi = finite[rank - 1];
    if (hi <= lo) hi = lo + 1;  // one distinct value: a single unit-wide bin range
    const double width = (hi - lo) / bins;
    for (int i = 0; i <= bins; ++i) h.edges.push_back(i == bins ? hi : lo + width * i);
    h.counts.assign(static_cast<size_t>(bins), 0);
    for (double v : finite) {
        if (v > hi) {
            ++h.above;
            continue;
        }
        int bin = static_cast<int>((v - lo) / width);
        bin = std::clamp(bin, 0, bins - 1);
        ++h.counts[static_cast<size_t>(bin)];
    }
    return h;
}

}  // namespace lcs::clv
