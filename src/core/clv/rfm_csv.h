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
// frequency,recency,T or x,t_x,T; optional zbar or monetary_value. Comma-separated, read by the
// one CSV reader of core (quoted fields, BOM, CRLF). Stops at the first bad line
// (csv.missing_column, csv.bad_number, csv.bad_row, csv.syntax); no rows → csv.empty.
RfmCsv parse_rfm_csv(std::string_view text);

// True when the first record of text is a summary header (has a frequency/x and a recency/t_x
// column), i.e. the file is for parse_rfm_csv rather than a transaction log.
bool looks_like_rfm_csv(std::string_view text);

struct SurvivalCsv {
    std::vector<double> alive;       // customers alive at the start of each period, in file order
    std::optional<Problem> problem;  // csv.bad_number / csv.syntax with where = "line N"
};

// A cohort survival table for the sBG model: one row per period, "period,alive" (the alive count
// is the second field; a row with one field is the count alone). A first row with letters is a
// header and skipped. Stops at the first bad line.
SurvivalCsv parse_survival_csv(std::string_view text);

// "id,x,t_x,T,zbar" with full precision; with_holdout adds holdout_x,holdout_spend.
std::string write_rfm_csv(const std::vector<CustomerRfm>& customers, bool with_holdout = false);

}  // namespace lcs::clv
