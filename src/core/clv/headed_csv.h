// Reading a comma-separated table with a header line row by row (the per-customer summary tables of
// rfm_csv.h and the BG/BB condensed table of bgbb_data.h), through the one CSV reader of core
// (quoted fields, BOM, CRLF), stopping at the first bad line.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"

namespace lcs::clv {

// A callback's objection: a csv.* kind and a message (the reader adds where = "line N" and line).
using CsvCheck = std::optional<Problem>;

// Gives the header to on_header, then every record to on_row. Stops at the first problem: csv.empty
// (no header line), csv.syntax, csv.bad_row (fewer fields than the header) or what a callback
// returned. Returns that problem with where = "line N" (N > 0) and line set; nullopt after the last row.
std::optional<Problem> read_headed_csv(std::string_view text,
                                       const std::function<CsvCheck(const std::vector<std::string>& header)>& on_header,
                                       const std::function<CsvCheck(const std::vector<std::string>& fields)>& on_row);

}  // namespace lcs::clv
