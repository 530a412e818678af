#include "core/clv/rfm.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/problem_kinds.h"

namespace lcs::clv {

double period_length_days(PeriodUnit unit) {
    switch (unit) {
        case PeriodUnit::day: return 1.0;
        case PeriodUnit::week: return 7.0;
        case PeriodUnit::month: return 365.25 / 12.0;
    }
    return 1.0;
}

const char* period_unit_name(PeriodUnit unit) {
    switch (unit) {
        case PeriodUnit::day: return "day";
        case PeriodUnit::week: return "week";
        case PeriodUnit::month: return "month";
    }
    return "day";
}

std::optional<PeriodUnit> parse_period_unit(std::string_view text) {
    if (text == "day" || text == "days") return PeriodUnit::day;
    if (text == "week" || text == "weeks") return PeriodUnit::week;
    if (text == "month" || text == "months") return PeriodUnit::month;
    return std::nullopt;
}

std::optional<Problem> validate_rfm(const std::vector<CustomerRfm>& customers) {
    if (customers.empty()) return Problem{fit_problem::kNoData, "", "there are no customers to fit"};
    for (size_t i = 0; i < customers.size(); ++i) {
        const CustomerRfm& c = customers[i];
        const bool finite = std::isfinite(c.t_x) && std::isfinite(c.T) && std::isfinite(c.zbar);
        const bool ordered = finite && c.T >= 0 && c.t_x >= 0 && c.t_x <= c.T;
        if (c.x >= 0 && ordered && (c.x > 0 || c.t_x == 0)) continue;
        // Only a bad row pays for building the message.
        const std::string where = "customers[" + std::to_string(i) + "]";
        const std::string who = c.id.empty() ? "" : " (customer " + c.id + ")";
        if (c.x < 0) return Problem{fit_problem::kBadData, where, "negative repeat count " + std::to_string(c.x) + who};
        if (!finite) return Problem{fit_problem::kBadData, where, "t_x, T and zbar must be finite numbers" + who};
        if (!ordered)
            return Problem{fit_problem::kBadData, where,
                           "need 0 <= t_x <= T, got t_x = " + std::to_string(c.t_x) + ", T = " + std::to_string(c.T) + who};
        return Problem{fit_problem::kBadData, where, "t_x must be 0 for a customer with no repeat purchase" + who};
    }
    return std::nullopt;
}

PooledRfm pool_rfm(const std::vector<CustomerRfm>& customers, double time_resolution) {
    PooledRfm pooled;
    auto round_time = [&](double t) {
        return time_resolution > 0 ? std::round(t / time_resolution) * time_resolution : t;
    };
    using Key = std::tuple<int, double, double>;
    std::vector<Key> keys;
    keys.reserve(customers.size());
    for (const CustomerRfm& c : customers) keys.emplace_back(c.x, round_time(c.t_x), round_time(c.T));
    std::sort(keys.begin(), keys.end());
    std::vector<std::pair<Key, double>> counts;
    for (const Key& key : keys) {
        if (!counts.empty() && counts.back().first == key) {
            counts.back().second += 1;
        } else {
            counts.emplace_back(key, 1.0);
        }
    }
    for (const auto& entry : counts) {
        pooled.x_values.push_back(std::get<0>(entry.first));
        pooled.times.push_back(std::get<1>(entry.first));
        pooled.times.push_back(std::get<2>(entry.first));
    }
    auto unique_sorted = [](auto& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    unique_sorted(pooled.x_values);
    unique_sorted(pooled.times);
    auto index_of = [](const auto& v, auto value) {
        return static_cast<int>(std::lower_bound(v.begin(), v.end(), value) - v.begin());
    };
    pooled.rows.reserve(counts.size());
    for (const auto& entry : counts) {
        PooledRfm::Row row;
        row.x_index = index_of(pooled.x_values, std::get<0>(entry.first));
        row.tx_index = index_of(pooled.times, std::get<1>(entry.first));
        row.T_index = index_of(pooled.times, std::get<2>(entry.first));
        row.weight = entry.second;
        pooled.rows.push_back(row);
        pooled.total_weight += entry.second;
        if (std::get<0>(entry.first) > 0) pooled.repeat_weight += entry.second;
    }
    return pooled;
}

CountModelData pool_for_count_model(const std::vector<CustomerRfm>& customers, double time_resolution,
                                    const char* model_label) {
    CountModelData out;
    if ((out.problem = validate_rfm(customers))) return out;
    auto data = std::make_shared<PooledRfm>(pool_rfm(customers, time_resolution));
    if (data->repeat_weight == 0) {
        out.problem = Problem{fit_problem::kNotIdentified, "",
                              std::string("no customer made a repeat purchase: ") + model_label +
                                  " cannot separate the purchase rate from dropout without repeat buyers"};
        return out;
    }
    double sum_x = 0, sum_T = 0;
    for (const PooledRfm::Row& row : data->rows) {
        sum_x += row.weight * data->x_values[row.x_index];
        sum_T += row.weight * data->times[row.T_index];
    }
    if (sum_T > 0) out.purchase_rate = std::fmax(sum_x / sum_T, 1e-6);
    out.mean_T = std::fmax(sum_T / data->total_weight, 1e-3);
    out.data = std::move(data);
    return out;
}

}  // namespace lcs::clv
