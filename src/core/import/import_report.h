// The import report, the same for the dialog and `lifecycle import --report`: rows read and imported,
// rows skipped by reason with their first line numbers, customers created and updated, date range,
// revenue, encoding, separator and the other choices made.
#pragma once
#include <string>

#include "core/csv_import.h"
#include "core/workspace.h"

namespace lcs {

// One file's report as JSON:
// {"file", "rows_read", "imported", "skipped": {"<reason>": {"count", "lines": [first 100]}},
//  "skipped_total", "cancelled", "customers_created", "customers_updated", "customers_in_file",
//  "date_range": {"first", "last"} | null, "revenue_total", "currency", "encoding", "encoding_reason",
//  "sheet" (.xlsx only), "separator", "header", "date_format", "decimal_comma", "columns": {"<field>": "<header>"},
//  "problems": ["[csv.bad_date] line 3: ...", ... first 100]}
Json import_report_json(const std::string& file, const CsvImportResult& result, const MergeStats& stats);

// Several files' reports: {"files": [...], and the totals "rows_read", "imported", "skipped_total",
// "cancelled", "customers_created", "customers_updated", "revenue_total", "date_range"}.
Json combined_import_report(const Json& files);

}  // namespace lcs
