// Parts of the import dialog (app/dialog_import_csv.cpp) that show results: the first rows as they
// will be imported, and the report after the import (core/import/import_report.h, the same figures
// `lifecycle import --report` writes), in the UI language.
#pragma once
#include <string>

#include "core/csv_import.h"
#include "core/import/import_report.h"

namespace lcs {

struct ImportReport {
    Json json;             // import_report_json(...); null before an import
    Problems problems;     // the rows not imported (first ones listed) or why nothing was
    std::string currency;  // of the workspace the rows went into
    CsvSeparator separator = CsvSeparator::comma;  // the separator used
};

// "Customer ID", "客户编号", ... for a field; "(not imported)" for none.
const char* import_field_label(ImportField field);
// Core names separators in English ("semicolon"); the dialog shows them in the UI language.
const char* import_separator_label(CsvSeparator separator);
// How the encoding was chosen (core's English reason: "byte statistics", ...) in the UI language.
const char* import_reason_label(const char* reason);

// The preview's parsed rows (line, imported or why not, id, name, date, amount, product, status) and its problems.
void draw_rows_as_imported(const CsvPreview& preview, float height);
// The report page: counts, reasons with line numbers, customers, dates, revenue, encoding; a Close button.
void draw_import_report(const ImportReport& report, float line);

}  // namespace lcs
