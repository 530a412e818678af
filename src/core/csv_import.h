// Importing transaction logs from delimited text (CSV, semicolon CSV, TSV, whitespace columns such as
// the CDNOW log). Files come in as bytes in any of the encodings of core/import/text_decoder.h:
// decode_import_text() (core/import/decode_file.h) makes them UTF-8 first. Two steps for the UI:
// preview_csv() shows what was detected, import_transactions_csv() reads every row (or
// import_transactions_file() from bytes); then workspace_from_import() or merge_import(). Headers are
// recognised in Chinese and English (core/import/header_synonyms.h); dates and amounts as people type
// them (core/import/parse_values.h); cancelled and refunded orders are left out unless asked for.
// Nothing here throws for bad input (running out of memory is csv.too_large); any other exception is a bug.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/header_synonyms.h"
#include "core/import/text_decoder.h"
#include "core/problem.h"
#include "core/workspace.h"

namespace lcs {

enum class CsvSeparator { automatic, comma, semicolon, tab, whitespace };
enum class CsvHeader { automatic, yes, no };
enum class CsvDateFormat {
    automatic,  // the first of ymd_dash, year_first, yyyymmdd, dmy or mdy (decided by a day > 12, else
                // asked: csv.ambiguous_dates), excel_serial that reads every sampled date
    ymd_dash,   // 2024-03-31 (a time part after a space or 'T' is ignored)
    ymd_slash,  // 2024/03/31
    dmy,        // 31/03/2024 (also 31.03.2024 and 31-03-2024; a time after a blank is ignored)
    mdy,        // 03/31/2024
    yyyymmdd,   // 20240331
    year_first, // any year-first form: 2024-3-5, 2024/3/5 14:22, 2024.03.05, 2024年3月5日, ISO 8601 with a zone
    excel_serial,  // spreadsheet day numbers: 45352 is 2024-03-02
};

// Column indexes are 0-based; -1 means "absent" (cost, product, amount) or "guess it" (see CsvOptions).
struct CsvColumns {
    int customer_id = -1;
    int date = -1;
    int amount = -1;   // absent: every amount is 0 (dates and counts still feed the purchase models)
    int cost = -1;
    int product = -1;
    // Customer fields (the first non-empty value of a customer's rows fills it) and the order status.
    int name = -1;
    int first_name = -1;  // joined with last_name ("First Last"; Chinese "姓名" order when both are CJK)
    int last_name = -1;
    int status = -1;      // cancelled/refunded rows are left out unless keep_cancelled
    int segment = -1;
    int channel = -1;
    int email = -1;       // kept as the customer attribute "email"
    int phone = -1;       // attribute "phone"
    int nps = -1;         // attribute "nps"
    int lifecycle_stage = -1;  // attribute "lifecycle_stage" (the CRM's own stage)
    int order_id = -1;    // recognised so it is not taken for the customer id; not stored
};

// The column slot of a field in columns (nullptr for ImportField::none).
int* column_of(CsvColumns& columns, ImportField field);
int column_of(const CsvColumns& columns, ImportField field);
// The field column `index` fills in columns, or none.
ImportField field_of_column(const CsvColumns& columns, int index);

struct CsvOptions {
    CsvSeparator separator = CsvSeparator::automatic;
    CsvHeader header = CsvHeader::automatic;
    CsvDateFormat date_format = CsvDateFormat::automatic;
    CsvColumns columns;          // customer_id or date < 0: all columns are guessed from names and values
    std::size_t max_problems = 200;  // bad rows listed; the rest are counted
    TextEncoding encoding = TextEncoding::automatic;  // for import_transactions_file
    bool keep_cancelled = false;     // import rows whose status says cancelled/refunded (else skipped, counted)
    std::string sheet;               // an .xlsx workbook's sheet to import (empty: the first)
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
    bool decimal_comma = false;                     // amounts read as 1.234,56
    bool date_order_ambiguous = false;              // d/m/yyyy dates with no day above 12: the user must choose
    std::string currency;                           // "CNY", "USD", "EUR", "GBP" from the amounts' signs; "" unknown
    Problems problems;                              // e.g. no date column found
    // The first rows exactly as they will be imported (preview_csv with max_rows > 0).
    struct Row {
        int line = 0;
        std::string id, name, date, amount, product, status;  // date ISO, amount as imported ("-123.5")
        bool included = false;
        std::string reason;                                    // why not included: a problem or "cancelled"
    };
    std::vector<Row> parsed;
};

// Detects separator, header, date format and columns from the start of the text; max_rows >= 0.
CsvPreview preview_csv(std::string_view text, const CsvOptions& options, std::size_t max_rows = 20);

struct ImportedCustomer {
    std::string id;
    std::vector<Transaction> transactions;  // sorted by date (stable, file order within a day)
    std::string name, segment, channel;     // first non-empty value in the customer's rows
    std::vector<std::pair<std::string, std::string>> attributes;  // email, phone, nps, lifecycle_stage
};

// Rows left out for one reason (a problem kind, or "cancelled"): all counted, the first 100 lines kept.
struct SkippedRows {
    std::size_t count = 0;
    std::vector<int> lines;
};
inline constexpr std::size_t kSkippedLinesKept = 100;
inline constexpr const char* kSkipCancelled = "cancelled";

struct CsvImportResult {
    std::vector<ImportedCustomer> customers;  // in order of first appearance
    std::size_t rows = 0;                     // data rows read (header and blank lines excluded)
    std::size_t imported = 0;                 // rows that became transactions
    bool amount_missing = false;              // no amount column: amounts are 0
    CsvPreview detected;                      // the settings actually used (detected.rows left empty)
    // Bad rows, "[csv.bad_date] line 12: "2023-02-30" is not a calendar date (YYYY-MM-DD)"; kinds:
    // csv.syntax, csv.missing_field, csv.empty_id, csv.bad_date, csv.bad_number, csv.no_columns,
    // csv.ambiguous_dates, csv.bad_encoding, csv.bad_text, csv.too_many_problems. Good rows are imported
    // regardless (a file that does not decode imports nothing).
    Problems problems;
    std::map<std::string, SkippedRows> skipped;  // by problem kind or kSkipCancelled
    std::size_t cancelled = 0;                   // rows left out for their status (also in skipped)
    std::optional<Date> first_date, last_date;   // of the imported rows
    double revenue = 0;                          // sum of imported amounts (refunds negative)
    TextEncoding encoding = TextEncoding::utf8;  // what the bytes were read as (import_transactions_file)
    std::string encoding_reason;                 // how it was chosen: "byte-order mark", "byte statistics", ...
    std::string sheet;                           // the .xlsx sheet read ("" for a text file)
};

// text: UTF-8 (invalid bytes become U+FFFD; files go through import_transactions_file instead).
CsvImportResult import_transactions_csv(std::string_view text, const CsvOptions& options);
// bytes in options.encoding (automatic: detected), decoded by `decoder`; a file that does not decode
// gives one csv.bad_encoding / csv.bad_text problem naming the line, and nothing imported.
CsvImportResult import_transactions_file(std::string_view bytes, const CsvOptions& options, const TextDecoder& decoder);

struct MergeStats {
    std::size_t created = 0;  // customers added
    std::size_t updated = 0;  // existing customers that got transactions or fields
};

// A new workspace holding the imported customers (ids, names and other fields, transactions), default
// churn reasons, the currency the amounts named (else USD).
Workspace workspace_from_import(const CsvImportResult& result, const std::string& name);
// Appends imported transactions to customers with the same id and creates customers for new ids
// (added at the end in import order); affected customers' transactions are re-sorted by date. Empty
// customer fields are filled from the import; fields already set are kept.
MergeStats merge_import(Workspace& workspace, const CsvImportResult& result);

// Parses one date in the given format (not automatic); nullopt when it is not a calendar date.
std::optional<Date> parse_csv_date(std::string_view text, CsvDateFormat format);
// Parses an amount (core/import/parse_values.h parse_amount: currency before or after, grouping,
// "(12.00)" negative); with decimal_comma "1.234,5" means 1234.5. nullopt when not a finite number.
std::optional<double> parse_csv_amount(std::string_view text, bool decimal_comma);

const char* csv_date_format_name(CsvDateFormat format);  // "YYYY-MM-DD", ... ; "automatic"
const char* csv_separator_name(CsvSeparator separator);  // "comma", "semicolon", "tab", "whitespace"

}  // namespace lcs
