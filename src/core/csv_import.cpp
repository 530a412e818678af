#include "core/csv_import.h"

#include <algorithm>
#include <new>
#include <unordered_map>

#include "core/import/csv_detect.h"
#include "core/import/csv_rows.h"
#include "core/import/decode_file.h"
#include "core/import/parse_values.h"
#include "core/import/xlsx_import.h"
#include "core/internal/csv_reader.h"
#include "core/problem_kinds.h"

namespace lcs {

namespace {

using namespace import_internal;

constexpr std::size_t kSampleRecords = 50;

// The field slots of CsvColumns in ImportField order (none excluded).
int CsvColumns::*const kSlots[kImportFieldCount] = {
    nullptr,          &CsvColumns::customer_id, &CsvColumns::date,   &CsvColumns::amount,  &CsvColumns::cost,
    &CsvColumns::product, &CsvColumns::name,    &CsvColumns::first_name, &CsvColumns::last_name, &CsvColumns::status,
    &CsvColumns::segment, &CsvColumns::channel, &CsvColumns::email,  &CsvColumns::phone,   &CsvColumns::nps,
    &CsvColumns::lifecycle_stage, &CsvColumns::order_id};

std::optional<Date> parse_strict_slash(std::string_view text) {
    // 2024/03/31 and 2024/3/5 only (the older explicit format): year first with '/' throughout.
    const std::size_t end = text.find_first_of(" T");
    const std::string_view date = text.substr(0, end);
    if (date.size() < 8 || date[4] != '/' || std::count(date.begin(), date.end(), '/') != 2) return std::nullopt;
    return parse_year_first_date(text);
}

std::optional<Date> parse_yyyymmdd(std::string_view text) {
    if (text.size() != 8) return std::nullopt;
    int value[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 4, 6}, lengths[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k)
        for (std::size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value[k] = value[k] * 10 + (text[i] - '0');
        }
    if (!is_calendar_date(value[0], value[1], value[2])) return std::nullopt;
    return date_from_ymd({value[0], value[1], value[2]});
}

// The header row and the settings detected from the sample (separator already chosen).
void detect_header(const CsvOptions& options, Records& rows, CsvPreview& preview, std::vector<std::string>& header) {
    if (options.header == CsvHeader::automatic)
        preview.has_header = !rows.empty() && (row_has_known_header(rows[0]) ||
                                               (rows.size() > 1 && !row_has_date(rows[0]) && row_has_date(rows[1])));
    else
        preview.has_header = options.header == CsvHeader::yes;
    if (preview.has_header && !rows.empty()) {
        header = rows.front();
        rows.erase(rows.begin());
    }
}

void detect_dates(const CsvOptions& options, const Records& rows, const std::vector<std::string>& header, CsvPreview& preview) {
    preview.date_format = options.date_format;
    if (preview.date_format != CsvDateFormat::automatic || preview.columns.date < 0) {
        if (preview.date_format == CsvDateFormat::automatic) preview.date_format = CsvDateFormat::ymd_dash;
        return;
    }
    const auto column = static_cast<std::size_t>(preview.columns.date);
    // Spreadsheet day numbers only where the header names a date or the user chose the column.
    const bool named = column < header.size() && field_for_header(header[column]) == ImportField::date;
    const DateDetection detection = detect_date_format(rows, column, named || options.columns.date >= 0);
    preview.date_format = detection.format == CsvDateFormat::automatic ? CsvDateFormat::ymd_dash : detection.format;
    preview.date_order_ambiguous = detection.ambiguous;
}

// An ambiguous d/m/yyyy sample is settled by the first value anywhere in the file with a day or month
// above 12; without one the user must choose (csv.ambiguous_dates).
bool settle_day_order(std::string_view text, CsvImportResult& result) {
    CsvPreview& detected = result.detected;
    internal::CsvReader reader(text, separator_char(detected.separator));
    std::vector<std::string> fields;
    std::string error;
    int line = 0;
    std::size_t day_first = 0, month_first = 0;
    const auto column = static_cast<std::size_t>(detected.columns.date);
    while (reader.next(fields, line, error))
        if (column < fields.size()) add_day_month_evidence(fields[column], day_first, month_first);
    if (day_first + month_first > 0) {
        detected.date_format = month_first > day_first ? CsvDateFormat::mdy : CsvDateFormat::dmy;
        detected.date_order_ambiguous = false;
        return true;
    }
    result.problems.push_back(Problem{csv_problem::kAmbiguousDates, "",
                                      "every date reads both as day/month and as month/day (no day above 12); choose "
                                      "DD/MM/YYYY or MM/DD/YYYY",
                                      0, 0});
    return false;
}

// Summary of the customers' transactions sorted by date (stable).
void sort_transactions(std::vector<Transaction>& transactions) {
    std::stable_sort(transactions.begin(), transactions.end(),
                     [](const Transaction& a, const Transaction& b) { return a.date < b.date; });
}

bool fill_field(std::string& target, const std::string& value) {
    if (!target.empty() || value.empty()) return false;
    target = value;
    return true;
}

// Copies the imported customer's fields into empty fields of the workspace customer; true when any changed.
bool fill_customer_fields(Customer& customer, const ImportedCustomer& imported) {
    bool changed = fill_field(customer.name, imported.name);
    changed |= fill_field(customer.segment, imported.segment);
    changed |= fill_field(customer.channel, imported.channel);
    if (!customer.attributes.is_object()) customer.attributes = Json::object();
    for (const auto& [key, value] : imported.attributes)
        if (!customer.attributes.contains(key)) {
            customer.attributes[key] = value;
            changed = true;
        }
    return changed;
}

}  // namespace

int* column_of(CsvColumns& columns, ImportField field) {
    const int index = static_cast<int>(field);
    if (index <= 0 || index >= kImportFieldCount) return nullptr;
    return &(columns.*kSlots[index]);
}

int column_of(const CsvColumns& columns, ImportField field) {
    const int index = static_cast<int>(field);
    if (index <= 0 || index >= kImportFieldCount) return -1;
    return columns.*kSlots[index];
}

ImportField field_of_column(const CsvColumns& columns, int index) {
    if (index < 0) return ImportField::none;
    for (int f = 1; f < kImportFieldCount; ++f)
        if (columns.*kSlots[f] == index) return static_cast<ImportField>(f);
    return ImportField::none;
}

CsvOptions cdnow_preset() {
    CsvOptions options;
    options.separator = CsvSeparator::whitespace;
    options.header = CsvHeader::no;
    options.date_format = CsvDateFormat::yyyymmdd;
    options.columns.customer_id = 0;
    options.columns.date = 2;
    options.columns.amount = 4;
    return options;
}

const char* csv_date_format_name(CsvDateFormat format) {
    switch (format) {
        case CsvDateFormat::ymd_dash: return "YYYY-MM-DD";
        case CsvDateFormat::ymd_slash: return "YYYY/MM/DD";
        case CsvDateFormat::dmy: return "DD/MM/YYYY";
        case CsvDateFormat::mdy: return "MM/DD/YYYY";
        case CsvDateFormat::yyyymmdd: return "YYYYMMDD";
        case CsvDateFormat::year_first: return "year first (2024-3-5, 2024/3/5, 2024年3月5日)";
        case CsvDateFormat::excel_serial: return "spreadsheet day numbers";
        default: return "automatic";
    }
}

const char* csv_separator_name(CsvSeparator separator) {
    switch (separator) {
        case CsvSeparator::comma: return "comma";
        case CsvSeparator::semicolon: return "semicolon";
        case CsvSeparator::tab: return "tab";
        case CsvSeparator::whitespace: return "whitespace";
        default: return "automatic";
    }
}

std::optional<Date> parse_csv_date(std::string_view text, CsvDateFormat format) {
    text = trim(text);
    switch (format) {
        case CsvDateFormat::ymd_dash: return parse_iso_date(text);
        case CsvDateFormat::ymd_slash: return parse_strict_slash(text);
        // The day order only matters for d/m/yyyy values; a year-first value in the same column is unambiguous.
        case CsvDateFormat::dmy:
            if (auto date = parse_day_month_year(text, true)) return date;
            return parse_year_first_date(text);
        case CsvDateFormat::mdy:
            if (auto date = parse_day_month_year(text, false)) return date;
            return parse_year_first_date(text);
        case CsvDateFormat::yyyymmdd: return parse_yyyymmdd(text);
        case CsvDateFormat::year_first: return parse_year_first_date(text);
        case CsvDateFormat::excel_serial: return parse_excel_serial(text);
        default:
            for (CsvDateFormat candidate : {CsvDateFormat::year_first, CsvDateFormat::yyyymmdd, CsvDateFormat::dmy})
                if (auto date = parse_csv_date(text, candidate)) return date;
            return std::nullopt;
    }
}

std::optional<double> parse_csv_amount(std::string_view text, bool decimal_comma) {
    const std::optional<ParsedAmount> amount = parse_amount(text, decimal_comma);
    if (!amount) return std::nullopt;
    return amount->value;
}

CsvPreview preview_csv(std::string_view text, const CsvOptions& options, std::size_t max_rows) {
    CsvPreview preview;
    preview.separator = options.separator == CsvSeparator::automatic ? detect_separator(text) : options.separator;
    Records rows = sample_records(text, separator_char(preview.separator), kSampleRecords + 1);
    std::vector<std::string> header;
    detect_header(options, rows, preview, header);

    preview.columns = options.columns;
    if (options.columns.customer_id < 0 || options.columns.date < 0)
        guess_columns(preview.has_header ? &header : nullptr, rows, preview.separator == CsvSeparator::semicolon,
                      preview.columns);
    preview.decimal_comma = detect_decimal_comma(rows, preview.columns.amount, preview.separator == CsvSeparator::semicolon);
    const int amount = preview.columns.amount;
    preview.currency = detect_currency(rows, amount, amount >= 0 && static_cast<std::size_t>(amount) < header.size()
                                                         ? std::string_view(header[static_cast<std::size_t>(amount)])
                                                         : std::string_view());
    detect_dates(options, rows, header, preview);

    std::size_t width = header.size();
    for (const auto& row : rows) width = std::max(width, row.size());
    for (std::size_t c = 0; c < width; ++c)
        preview.column_names.push_back(c < header.size() && !header[c].empty() ? header[c] : "column " + std::to_string(c + 1));
    for (std::size_t i = 0; i < rows.size() && i < max_rows; ++i) preview.rows.push_back(rows[i]);

    if (preview.columns.customer_id < 0)
        preview.problems.push_back(Problem{csv_problem::kNoColumns, "", "no customer id column found; choose the columns", 0, 0});
    if (preview.columns.date < 0)
        preview.problems.push_back(Problem{csv_problem::kNoColumns, "", "no date column found; choose the columns", 0, 0});
    if (max_rows > 0 && preview.columns.customer_id >= 0 && preview.columns.date >= 0)
        preview.parsed = preview_rows(text, preview, options.keep_cancelled, max_rows);
    return preview;
}

CsvImportResult import_transactions_csv(std::string_view text, const CsvOptions& options) {
    CsvImportResult result;
    try {
        result.detected = preview_csv(text, options, 0);
        if (!result.detected.problems.empty()) {
            result.problems = result.detected.problems;
            return result;
        }
        if (result.detected.date_order_ambiguous && !settle_day_order(text, result)) return result;
        result.amount_missing = result.detected.columns.amount < 0;
        read_rows(text, options, result);
        for (ImportedCustomer& customer : result.customers) sort_transactions(customer.transactions);
    } catch (const std::bad_alloc&) {
        // Only running out of memory is the user's problem; any other exception is a bug and propagates.
        result = CsvImportResult{};
        result.problems.push_back(
            Problem{csv_problem::kTooLarge, "", "the file is too large to import in the memory available", 0, 0});
    }
    return result;
}

CsvImportResult import_transactions_file(std::string_view bytes, const CsvOptions& options, const TextDecoder& decoder) {
    DecodedText decoded;
    CsvOptions used = options;  // a workbook's sheet arrives as comma-separated text
    std::string sheet;
    try {
        ImportFileText file = decode_import_file(bytes, options.encoding, options.sheet, decoder);
        decoded = std::move(file.decoded);
        sheet = std::move(file.sheet);
        if (file.workbook) used.separator = CsvSeparator::comma;
    } catch (const std::bad_alloc&) {
        decoded.problems.push_back(
            Problem{csv_problem::kTooLarge, "", "the file is too large to import in the memory available", 0, 0});
    }
    CsvImportResult result;
    if (decoded.ok()) result = import_transactions_csv(decoded.text, used);
    else result.problems = std::move(decoded.problems);
    result.sheet = sheet;
    result.encoding = decoded.encoding.encoding;
    result.encoding_reason = decoded.encoding.reason;
    return result;
}

Workspace workspace_from_import(const CsvImportResult& result, const std::string& name) {
    Workspace workspace;
    workspace.meta.name = name;
    if (!result.detected.currency.empty()) workspace.meta.currency = result.detected.currency;
    workspace.churn_reasons = default_churn_reasons();
    merge_import(workspace, result);
    return workspace;
}

MergeStats merge_import(Workspace& workspace, const CsvImportResult& result) {
    MergeStats stats;
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < workspace.customers.size(); ++i) by_id.emplace(workspace.customers[i].id, i);
    for (const ImportedCustomer& imported : result.customers) {
        auto [it, inserted] = by_id.emplace(imported.id, workspace.customers.size());
        if (inserted) {
            Customer customer;
            customer.id = imported.id;
            workspace.customers.push_back(std::move(customer));
            ++stats.created;
        }
        Customer& customer = workspace.customers[it->second];
        const bool filled = fill_customer_fields(customer, imported);
        if (!inserted && (filled || !imported.transactions.empty())) ++stats.updated;
        customer.transactions.insert(customer.transactions.end(), imported.transactions.begin(), imported.transactions.end());
        sort_transactions(customer.transactions);
    }
    return stats;
}

}  // namespace lcs
