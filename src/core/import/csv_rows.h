// Internal to the CSV import (core/csv_import.cpp): reading data rows with the settings detection
// fixed, into customers, counts, skipped rows and problems.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_import.h"

namespace lcs::import_internal {

// How every data row of one import is read, fixed from the detected settings before the first row.
struct RowFormat {
    CsvColumns columns;
    CsvDateFormat date_format = CsvDateFormat::ymd_dash;
    bool decimal_comma = false;
    bool keep_cancelled = false;
    std::size_t needed = 0;  // fields a row must have to reach the id, date and amount columns
};
RowFormat row_format(const CsvPreview& detected, bool keep_cancelled);

enum class RowOutcome { imported, cancelled, problem };

// Reads one data row into a transaction. On imported, the customer id is fields[format.columns.customer_id]
// (not empty); on problem, `problem` says why.
RowOutcome read_row(const std::vector<std::string>& fields, int line, const RowFormat& format, Transaction& transaction,
                    Problem& problem);

// The customer's display name from the name column, or first + last name ("Ada Lovelace"; Chinese
// names family name first without a blank: 王 + 小明 → 王小明).
std::string row_name(const std::vector<std::string>& fields, const CsvColumns& columns);

// Reads every data row of text (UTF-8) with the settings in result.detected into result.
void read_rows(std::string_view text, const CsvOptions& options, CsvImportResult& result);

// The first data rows as the import would take them, for the preview.
std::vector<CsvPreview::Row> preview_rows(std::string_view text, const CsvPreview& detected, bool keep_cancelled,
                                          std::size_t max_rows);

}  // namespace lcs::import_internal
