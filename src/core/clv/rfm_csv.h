// Reading and writing per-customer summary CSVs (the layout of lifetimes' CDNOW files).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clv/rfm.h"
#include "core/problem.h"

namespace lcs::clv {

struct RfmCsv {
    std::vector<CustomerRfm> customers;
    bool has_spend = false;          // a zbar / monetary_value column was present
    std::optional<Problem> problem;  // csv.* kinds with where = "line N"
};

// Header (case-insensitive, any order): an id column ("id", "ID", "customer_id"), then either
// frequency,recency,T or x,t_x,T; optional zbar or monetary_value. Comma-separated, no quoting
// needed for numbers. Stops at the first bad line (csv.missing_column, csv.bad_number,
// csv.bad_row); no rows → csv.empty.
RfmCsv parse_rfm_csv(std::string_view text);

// "id,x,t_x,T,zbar" with full precision; with_holdout adds holdout_x,holdout_spend.
std::string write_rfm_csv(const std::vector<CustomerRfm>& customers, bool with_holdout = false);

}  // namespace lcs::clv
