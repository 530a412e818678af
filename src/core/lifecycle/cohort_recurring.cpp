#include "core/lifecycle/cohort_recurring.h"

#include <algorithm>
#include <map>

namespace lcs {

CohortTable recurring_cohort_retention(const Workspace& workspace, Date as_of, CohortPeriod period) {
    CohortTable table;
    table.period = period;
    table.basis = CohortBasis::first_purchase;
    std::map<int32_t, CohortRow> rows;
    std::vector<int32_t> days;
    for (const Customer& c : workspace.customers) {
        days.clear();
        for (const Transaction& t : c.transactions)
            if (t.date <= as_of) days.push_back(t.date.days);
        std::sort(days.begin(), days.end());
        for (std::size_t i = 0; i < days.size(); ++i) {
            const Date month = month_start(Date{days[i]});
            if (i > 0 && month_start(Date{days[i - 1]}) == month) continue;  // not the first purchase of its month
            const Date origin{days[i]};
            const int columns = period == CohortPeriod::calendar_month ? months_between(month, as_of) + 1
                                                                       : (as_of.days - origin.days) / 30 + 1;
            CohortRow& row = rows[month.days];
            row.month = month;
            ++row.size;
            if (static_cast<int>(row.eligible.size()) < columns) {
                row.eligible.resize(static_cast<std::size_t>(columns), 0);
                row.active.resize(static_cast<std::size_t>(columns), 0);
            }
            std::vector<char> seen(static_cast<std::size_t>(columns), 0);
            for (std::size_t j = i; j < days.size(); ++j) {
                const int k = period == CohortPeriod::calendar_month ? months_between(month, Date{days[j]})
                                                                     : (days[j] - origin.days) / 30;
                if (k >= 0 && k < columns) seen[static_cast<std::size_t>(k)] = 1;
            }
            for (int k = 0; k < columns; ++k) {
                ++row.eligible[static_cast<std::size_t>(k)];
                row.active[static_cast<std::size_t>(k)] += seen[static_cast<std::size_t>(k)];
            }
        }
    }
    for (auto& entry : rows) {
        CohortRow& row = entry.second;
        row.share.assign(row.eligible.size(), 0.0);
        for (std::size_t k = 0; k < row.eligible.size(); ++k)
            if (row.eligible[k] > 0) row.share[k] = static_cast<double>(row.active[k]) / row.eligible[k];
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace lcs
