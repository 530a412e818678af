// Importing transaction logs from delimited text (CSV, semicolon CSV, TSV, whitespace columns such as
// the CDNOW log). Two steps for the UI: preview_csv() shows what was detected, import_transactions_csv()
// reads every row; then workspace_from_import() or merge_import(). Nothing here throws for bad input
// (running out of memory is csv.too_large); any other exception is a bug.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "core/workspace.h"

namespace lcs {

enum class CsvSeparator { automatic, comma, semicolon, tab, whitespace };
enum class CsvHeader { automatic, yes, no };
enum class CsvDateFormat {
    automatic,  // the first of ymd_dash, ymd_slash, yyyymmdd, dmy, mdy that reads every sampled date
    ymd_dash,   // 2024-03-31 (a time part after a space or 'T' is ignored)
    ymd_slash,  // 2024/03/31
    dmy,        // 31/03/2024 (also 31.03.2024 and 31-03-2024)
    mdy,        // 03/31/2024
    yyyymmdd,   // 20240331
};

// Column indexes are 0-based; -1 means "absent" (cost, product, amount) or "guess it" (see CsvOptions).
struct CsvColumns {
    int customer_id = -1;
    int date = -1;
    int amount = -1;   // absent: every amount is 0 (dates and counts still feed the purchase models)
    int cost = -1;
    int product = -1;
};

struct CsvOptions {
    CsvSeparator separator = CsvSeparator::automatic;
    CsvHeader header = CsvHeader::automatic;
    CsvDateFormat date_format = CsvDateFormat::automatic;
    CsvColumns columns;          // customer_id or date < 0: all columns are guessed from names and values
    std::size_t max_problems = 200;  // bad rows listed; the rest are counted
};

// The CDNOW log (Fader & Hardie): whitespace, no header, id = column 0, date = column 2 (YYYYMMDD),
// amount = column 4 (dollars).
CsvOptions cdnow_preset();

struct CsvPreview {
    CsvSeparator separator = CsvSeparator::comma;   // as detected (or given)
    bool has_header = false;
    CsvDateFormat date_format = CsvDateFormat::ymd_dash;
    std::vector<std::string> column_names;          // header fields, or "column 1", "column 2", ...
    std::vector<std::vector<std::string>> rows;     // the first data rows, as split
    CsvColumns columns;                             // given, or guessed
    Problems problems;                              // e.g. no date column found
};

// Detects separator, header, date format and columns from the start of the text; max_rows >= 0.
CsvPreview preview_csv(std::string_view text, const CsvOptions& options, std::size_t max_rows = 20);

struct ImportedCustomer {
    std::string id;
    std::vector<Transaction> transactions;  // sorted by date (stable, file order within a day)
};

struct CsvImportResult {
    std::vector<ImportedCustomer> customers;  // in order of first appearance
    std::size_t rows = 0;                     // data rows read (header and blank lines excluded)
    std::size_t imported = 0;                 // rows that became transactions
    bool amount_missing = false;              // no amount column: amounts are 0
    CsvPreview detected;                      // the settings actually used (detected.rows left empty)
    // Bad rows, "[csv.bad_date] line 12: "2023-02-30" is not a calendar date (YYYY-MM-DD)"; kinds:
    // csv.syntax, csv.missing_field, csv.empty_id, csv.bad_date, csv.bad_number, csv.no_columns,
    // csv.too_many_problems. Good rows are imported regardless.
    Problems problems;
};

CsvImportResult import_transactions_csv(std::string_view text, const CsvOptions& options);

// A new workspace holding the imported customers (ids only, plus transactions), default churn reasons.
Workspace workspace_from_import(const CsvImportResult& result, const std::string& name);
// Appends imported transactions to customers with the same id and creates customers for new ids
// (added at the end in import order); affected customers' transactions are re-sorted by date.
void merge_import(Workspace& workspace, const CsvImportResult& result);

// Parses one date in the given format (not automatic); nullopt when it is not a calendar date.
std::optional<Date> parse_csv_date(std::string_view text, CsvDateFormat format);
// Parses an amount: optional sign, digits, optional decimals; a leading currency sign ($ € £ ¥) and
// blanks are ignored; with decimal_comma "1.234,5" means 1234.5. nullopt when not a finite number.
std::optional<double> parse_csv_amount(std::string_view text, bool decimal_comma);

const char* csv_date_format_name(CsvDateFormat format);  // "YYYY-MM-DD", ... ; "automatic"
const char* csv_separator_name(CsvSeparator separator);  // "comma", "semicolon", "tab", "whitespace"

}  // namespace lcs
