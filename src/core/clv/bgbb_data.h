// Data for the BG/BB model (bgbb.h): per-customer transaction patterns over discrete opportunities,
// read from a condensed table (frequency,recency,periods,weights, as in the donations data set) or
// built from dated purchases by grouping them into periods.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clv/rfm.h"
#include "core/clv/rfm_summary.h"
#include "core/date.h"
#include "core/problem.h"

namespace lcs::clv {

// One pattern: x repeat transactions in opportunities 1..n, the last at t_x (0 when x = 0), shared by
// `weight` customers. Valid when 0 <= x <= t_x <= n, t_x = 0 exactly when x = 0, weight >= 0.
struct BgBbRow {
    int x = 0;
    int t_x = 0;
    int n = 0;
    double weight = 1;
};

// fit.no_data for an empty list or zero total weight; fit.bad_data with where = "rows[i]" for the
// first invalid row.
std::optional<Problem> validate_bgbb_rows(const std::vector<BgBbRow>& rows);
// Identical (x, t_x, n) patterns merged (weights added), sorted by n, x, t_x.
std::vector<BgBbRow> condense_bgbb_rows(const std::vector<BgBbRow>& rows);

struct BgBbCsv {
    std::vector<BgBbRow> rows;
    std::optional<Problem> problem;  // csv.* kinds with where = "line N"
};
// Header (case-insensitive, any order): frequency (or x), recency (or t_x), periods (or n), and
// optionally weights (or weight, count; 1 when absent). Whole numbers; stops at the first bad line.
BgBbCsv parse_bgbb_csv(std::string_view text);
// True when the first record is such a header (has a periods/n column besides frequency and recency).
bool looks_like_bgbb_csv(std::string_view text);

// How dated purchases become opportunities: calendar periods of `unit` (days, weeks counted from
// 1970-01-01, or calendar months) grouped by `periods_per_opportunity` (12 months = a yearly
// opportunity). A customer's opportunity 0 is the one of their first purchase; opportunities
// 1..n are the ones that ended on or before calibration_end.
struct OpportunityOptions {
    Date calibration_end;
    PeriodUnit unit = PeriodUnit::month;
    int periods_per_opportunity = 12;  // >= 1
};

struct CustomerOpportunities {
    std::string id;
    BgBbRow row;  // weight 1
};

// One entry per customer with a purchase on or before calibration_end (later customers are not yet
// acquired): x = opportunities 1..n with at least one purchase, t_x the last of them.
std::vector<CustomerOpportunities> customer_opportunities(const std::vector<CustomerEvents>& customers,
                                                          const OpportunityOptions& options);
// The condensed table of those customers (condense_bgbb_rows).
std::vector<BgBbRow> opportunity_table(const std::vector<CustomerEvents>& customers, const OpportunityOptions& options);

}  // namespace lcs::clv
