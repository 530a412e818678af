#include "core/csv_import.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
#include <unordered_map>

#include "core/internal/csv_reader.h"
#include "core/problem_kinds.h"

namespace lcs {

namespace {

constexpr std::size_t kSampleRecords = 50;
constexpr double kMaxAbsAmount = 1e12;  // same plausibility bound as the workspace loader

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

char separator_char(CsvSeparator separator) {
    switch (separator) {
        case CsvSeparator::semicolon: return ';';
        case CsvSeparator::tab: return '\t';
        case CsvSeparator::whitespace: return ' ';
        default: return ',';
    }
}

// Three numeric parts split by one of `separators`, e.g. "31/03/2024"; widths returned for checks.
bool split_date(std::string_view text, const char* separators, int parts[3], std::size_t widths[3]) {
    std::size_t end = text.find_first_of(" T");
    const std::string_view date = end == std::string_view::npos ? text : text.substr(0, end);
    char used = 0;
    int part = 0;
    std::size_t width = 0;
    parts[0] = parts[1] = parts[2] = 0;
    for (char c : date) {
        if (c >= '0' && c <= '9') {
            if (++width > 4) return false;
            parts[part] = parts[part] * 10 + (c - '0');
            continue;
        }
        if (!std::char_traits<char>::find(separators, std::char_traits<char>::length(separators), c)) return false;
        if (used && c != used) return false;
        if (width == 0 || part == 2) return false;
        used = c;
        widths[part++] = width;
        width = 0;
    }
    if (part != 2 || width == 0) return false;
    widths[2] = width;
    return true;
}

std::optional<Date> make_date(int year, int month, int day) {
    if (!is_calendar_date(year, month, day)) return std::nullopt;
    return date_from_ymd({year, month, day});
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool name_in(const std::string& name, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* candidate) { return name == candidate; });
}

// Header names people use (English and Chinese exports), compared lower-cased with blanks, '-' and '_' removed.
std::string normal_name(std::string_view field) {
    std::string out;
    for (char c : lowercase(trim(field)))
        if (c != ' ' && c != '_' && c != '-') out += c;
    return out;
}
bool is_id_name(const std::string& n) {
    return name_in(n, {"id", "customerid", "customer", "custid", "clientid", "client", "userid", "user", "memberid",
                       "masterid", "accountid", "account", "客户", "客户id", "客户编号", "会员id", "用户id"});
}
bool is_date_name(const std::string& n) {
    return name_in(n, {"date", "orderdate", "purchasedate", "transactiondate", "invoicedate", "day", "time",
                       "timestamp", "datetime", "日期", "交易日期", "下单日期", "时间"});
}
bool is_amount_name(const std::string& n) {
    return name_in(n, {"amount", "value", "revenue", "sales", "total", "price", "dollars", "dollarvalue",
                       "monetaryvalue", "spend", "金额", "销售额", "交易金额", "实付金额"});
}
bool is_cost_name(const std::string& n) { return name_in(n, {"cost", "cogs", "costofgoods", "成本"}); }
bool is_product_name(const std::string& n) {
    return name_in(n, {"product", "item", "sku", "category", "productname", "产品", "商品", "品类"});
}

const CsvDateFormat kDetectOrder[] = {CsvDateFormat::ymd_dash, CsvDateFormat::ymd_slash, CsvDateFormat::yyyymmdd,
                                      CsvDateFormat::dmy, CsvDateFormat::mdy};

// The first format that reads every non-empty value of the column; automatic when none does.
CsvDateFormat detect_date_format(const std::vector<std::vector<std::string>>& rows, std::size_t column) {
    for (CsvDateFormat format : kDetectOrder) {
        bool all = true, any = false;
        for (const auto& row : rows) {
            if (column >= row.size() || trim(row[column]).empty()) continue;
            any = true;
            if (!parse_csv_date(row[column], format)) {
                all = false;
                break;
            }
        }
        if (all && any) return format;
    }
    return CsvDateFormat::automatic;
}

bool row_has_date(const std::vector<std::string>& row) {
    for (const std::string& field : row)
        for (CsvDateFormat format : kDetectOrder)
            if (parse_csv_date(field, format)) return true;
    return false;
}

CsvSeparator detect_separator(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < text.size() && lines.size() < 10) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(pos, end - pos));
        if (!line.empty() && line != "\r") lines.push_back(line);
        pos = end + 1;
    }
    const std::pair<char, CsvSeparator> candidates[] = {
        {'\t', CsvSeparator::tab}, {';', CsvSeparator::semicolon}, {',', CsvSeparator::comma}};
    CsvSeparator best = CsvSeparator::whitespace;
    std::size_t best_total = 0;
    for (const auto& [c, separator] : candidates) {
        std::size_t first_count = 0, total = 0;
        bool consistent = !lines.empty();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::size_t count = static_cast<std::size_t>(std::count(lines[i].begin(), lines[i].end(), c));
            if (i == 0) first_count = count;
            if (count == 0 || count != first_count) consistent = false;
            total += count;
        }
        if (consistent) return separator;
        if (total > best_total) {
            best_total = total;
            best = separator;
        }
    }
    return best;
}

std::vector<std::vector<std::string>> sample_records(std::string_view text, char separator, std::size_t count) {
    internal::CsvReader reader(text, separator);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    std::string error;
    int line = 0;
    while (rows.size() < count && reader.next(fields, line, error))
        if (error.empty()) rows.push_back(fields);
    return rows;
}

bool all_amounts(const std::vector<std::vector<std::string>>& rows, std::size_t column, bool decimal_comma, bool& has_decimals) {
    bool any = false;
    has_decimals = false;
    for (const auto& row : rows) {
        if (column >= row.size()) return false;
        const std::string_view value = trim(row[column]);
        if (value.empty()) continue;
        if (!parse_csv_amount(value, decimal_comma)) return false;
        if (value.find(decimal_comma ? ',' : '.') != std::string_view::npos) has_decimals = true;
        any = true;
    }
    return any;
}

void guess_columns(const std::vector<std::string>* header, const std::vector<std::vector<std::string>>& data,
                   bool decimal_comma, CsvColumns& columns) {
    std::size_t width = header ? header->size() : 0;
    for (const auto& row : data) width = std::max(width, row.size());
    const auto taken = [&](int c) {
        return c == columns.customer_id || c == columns.date || c == columns.amount || c == columns.cost ||
               c == columns.product;
    };
    if (header) {
        for (std::size_t c = 0; c < header->size(); ++c) {
            const std::string name = normal_name((*header)[c]);
            const int index = static_cast<int>(c);
            if (columns.customer_id < 0 && is_id_name(name)) columns.customer_id = index;
            else if (columns.date < 0 && is_date_name(name)) columns.date = index;
            else if (columns.amount < 0 && is_amount_name(name)) columns.amount = index;
            else if (columns.cost < 0 && is_cost_name(name)) columns.cost = index;
            else if (columns.product < 0 && is_product_name(name)) columns.product = index;
        }
    }
    if (data.empty()) return;
    if (columns.date < 0)
        for (std::size_t c = 0; c < width && columns.date < 0; ++c)
            if (!taken(static_cast<int>(c)) && detect_date_format(data, c) != CsvDateFormat::automatic)
                columns.date = static_cast<int>(c);
    // Amount: the first numeric column with decimals (money), e.g. CDNOW's dollars after the CD count.
    if (columns.amount < 0)
        for (std::size_t c = 0; c < width && columns.amount < 0; ++c) {
            bool decimals = false;
            if (!taken(static_cast<int>(c)) && all_amounts(data, c, decimal_comma, decimals) && decimals)
                columns.amount = static_cast<int>(c);
        }
    if (columns.customer_id < 0)
        for (std::size_t c = 0; c < width && columns.customer_id < 0; ++c)
            if (!taken(static_cast<int>(c))) columns.customer_id = static_cast<int>(c);
}

// Three digits at text[from..] followed by the end, another group or the decimal point.
bool is_digit_group(std::string_view text, std::size_t from, char grouping, char point) {
    if (text.size() < from + 3) return false;
    for (std::size_t k = from; k < from + 3; ++k)
        if (text[k] < '0' || text[k] > '9') return false;
    return text.size() == from + 3 || text[from + 3] == grouping || text[from + 3] == point;
}

Problem row_problem(const char* kind, int line, std::string message) {
    return Problem{kind, "line " + std::to_string(line), std::move(message), line, 0};
}

// How every data row of one import is read, fixed from the detected settings before the first row.
struct RowFormat {
    CsvColumns columns;
    CsvDateFormat date_format = CsvDateFormat::ymd_dash;
    bool decimal_comma = false;
    std::size_t needed = 0;  // fields a row must have to reach the id, date and amount columns
};

RowFormat row_format(const CsvPreview& detected) {
    RowFormat format;
    format.columns = detected.columns;
    format.date_format = detected.date_format;
    format.decimal_comma = detected.separator == CsvSeparator::semicolon;
    const CsvColumns& columns = detected.columns;
    format.needed = static_cast<std::size_t>(std::max({columns.customer_id, columns.date, columns.amount}) + 1);
    return format;
}

// Lists the first max_problems bad rows and counts the rest.
class RowProblems {
public:
    RowProblems(std::size_t max_problems, Problems& problems) : max_(max_problems), problems_(problems) {}
    void report(Problem problem) {
        if (++count_ <= max_) problems_.push_back(std::move(problem));
    }
    // Adds the csv.too_many_problems summary when rows went unlisted.
    void finish() {
        if (count_ > max_)
            problems_.push_back(Problem{csv_problem::kTooManyProblems, "",
                                        std::to_string(count_ - max_) + " more bad rows not listed (" +
                                            std::to_string(count_) + " in total)",
                                        0, 0});
    }

private:
    std::size_t max_;
    Problems& problems_;
    std::size_t count_ = 0;
};

// The amount (required when the column exists) and the cost (optional, may be blank).
std::optional<Problem> read_money(const std::vector<std::string>& fields, int line, const RowFormat& format,
                                  Transaction& transaction) {
    const CsvColumns& columns = format.columns;
    if (columns.amount >= 0) {
        const std::string& amount_text = fields[static_cast<std::size_t>(columns.amount)];
        const std::optional<double> amount = parse_csv_amount(amount_text, format.decimal_comma);
        if (!amount) return row_problem(csv_problem::kBadNumber, line, "\"" + amount_text + "\" is not an amount");
        transaction.amount = *amount;
    }
    if (columns.cost >= 0 && static_cast<std::size_t>(columns.cost) < fields.size() &&
        !trim(fields[static_cast<std::size_t>(columns.cost)]).empty()) {
        const std::string& cost_text = fields[static_cast<std::size_t>(columns.cost)];
        const std::optional<double> cost = parse_csv_amount(cost_text, format.decimal_comma);
        if (!cost) return row_problem(csv_problem::kBadNumber, line, "cost \"" + cost_text + "\" is not an amount");
        transaction.cost = *cost;
    }
    return std::nullopt;
}

// Reads one data row into a transaction; returns the row's problem instead when it has one.
// On success the customer id is fields[format.columns.customer_id] (not empty).
std::optional<Problem> read_row(const std::vector<std::string>& fields, int line, const RowFormat& format,
                                Transaction& transaction) {
    const CsvColumns& columns = format.columns;
    if (fields.size() < format.needed)
        return row_problem(csv_problem::kMissingField, line,
                           "has " + std::to_string(fields.size()) + " fields; expected at least " +
                               std::to_string(format.needed));
    if (fields[static_cast<std::size_t>(columns.customer_id)].empty())
        return row_problem(csv_problem::kEmptyId, line, "the customer id is empty");
    const std::string& date_text = fields[static_cast<std::size_t>(columns.date)];
    const std::optional<Date> date = parse_csv_date(date_text, format.date_format);
    if (!date)
        return row_problem(csv_problem::kBadDate, line,
                           "\"" + date_text + "\" is not a valid date (" + csv_date_format_name(format.date_format) + ")");
    transaction.date = *date;
    if (std::optional<Problem> problem = read_money(fields, line, format, transaction)) return problem;
    if (columns.product >= 0 && static_cast<std::size_t>(columns.product) < fields.size())
        transaction.product = fields[static_cast<std::size_t>(columns.product)];
    return std::nullopt;
}

// Reads every data row with the settings in result.detected into result (customers, counts, problems).
void read_rows(std::string_view text, const CsvOptions& options, CsvImportResult& result) {
    const CsvPreview& detected = result.detected;
    const RowFormat format = row_format(detected);
    RowProblems problems(options.max_problems, result.problems);
    std::unordered_map<std::string, std::size_t> index;
    internal::CsvReader reader(text, separator_char(detected.separator));
    std::vector<std::string> fields;
    std::string error;
    int line = 0;
    bool header_pending = detected.has_header;
    while (reader.next(fields, line, error)) {
        if (header_pending) {
            header_pending = false;
            continue;
        }
        ++result.rows;
        if (!error.empty()) {
            problems.report(row_problem(csv_problem::kSyntax, line, error));
            continue;
        }
        Transaction transaction;
        if (std::optional<Problem> problem = read_row(fields, line, format, transaction)) {
            problems.report(std::move(*problem));
            continue;
        }
        const std::string& id = fields[static_cast<std::size_t>(format.columns.customer_id)];
        const auto [it, inserted] = index.emplace(id, result.customers.size());
        if (inserted) result.customers.push_back(ImportedCustomer{id, {}});
        result.customers[it->second].transactions.push_back(std::move(transaction));
        ++result.imported;
    }
    problems.finish();
}

}  // namespace

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
    int parts[3];
    std::size_t widths[3];
    switch (format) {
        case CsvDateFormat::ymd_dash: return parse_iso_date(text);
        case CsvDateFormat::ymd_slash:
            if (!split_date(text, "/", parts, widths) || widths[0] != 4) return std::nullopt;
            return make_date(parts[0], parts[1], parts[2]);
        case CsvDateFormat::dmy:
            if (!split_date(text, "/.-", parts, widths) || widths[2] != 4 || widths[0] > 2 || widths[1] > 2) return std::nullopt;
            return make_date(parts[2], parts[1], parts[0]);
        case CsvDateFormat::mdy:
            if (!split_date(text, "/.-", parts, widths) || widths[2] != 4 || widths[0] > 2 || widths[1] > 2) return std::nullopt;
            return make_date(parts[2], parts[0], parts[1]);
        case CsvDateFormat::yyyymmdd: {
            if (text.size() != 8) return std::nullopt;
            int value[3] = {0, 0, 0};
            const std::size_t starts[3] = {0, 4, 6}, lengths[3] = {4, 2, 2};
            for (int k = 0; k < 3; ++k)
                for (std::size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
                    if (text[i] < '0' || text[i] > '9') return std::nullopt;
                    value[k] = value[k] * 10 + (text[i] - '0');
                }
            return make_date(value[0], value[1], value[2]);
        }
        default:
            for (CsvDateFormat candidate : kDetectOrder)
                if (auto date = parse_csv_date(text, candidate)) return date;
            return std::nullopt;
    }
}

std::optional<double> parse_csv_amount(std::string_view text, bool decimal_comma) {
    text = trim(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    for (const char* sign : {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xEF\xBF\xA5"})  // $ € £ ¥ ￥
        if (text.substr(0, std::char_traits<char>::length(sign)) == sign) {
            text.remove_prefix(std::char_traits<char>::length(sign));
            break;
        }
    text = trim(text);
    if (!negative && !text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const char point = decimal_comma ? ',' : '.';
    const char grouping = decimal_comma ? '.' : ',';
    std::string digits;
    bool seen_point = false;
    std::size_t digit_count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            ++digit_count;
        } else if (c == point && !seen_point) {
            seen_point = true;
            digits += '.';
        } else if (c == grouping && !seen_point && digit_count > 0 && is_digit_group(text, i + 1, grouping, point)) {
            continue;  // thousands grouping such as 1,234.50 (or 1.234,50 with a decimal comma)
        } else {
            return std::nullopt;
        }
    }
    if (digit_count == 0) return std::nullopt;
    const double value = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(value) || value > kMaxAbsAmount) return std::nullopt;
    return negative ? -value : value;
}

CsvPreview preview_csv(std::string_view text, const CsvOptions& options, std::size_t max_rows) {
    CsvPreview preview;
    preview.separator = options.separator == CsvSeparator::automatic ? detect_separator(text) : options.separator;
    const bool decimal_comma = preview.separator == CsvSeparator::semicolon;
    std::vector<std::vector<std::string>> rows = sample_records(text, separator_char(preview.separator), kSampleRecords + 1);

    if (options.header == CsvHeader::automatic) {
        bool known = false;
        if (!rows.empty())
            for (const std::string& field : rows[0]) {
                const std::string name = normal_name(field);
                known = known || is_id_name(name) || is_date_name(name) || is_amount_name(name);
            }
        preview.has_header = known || (rows.size() > 1 && !row_has_date(rows[0]) && row_has_date(rows[1]));
    } else {
        preview.has_header = options.header == CsvHeader::yes;
    }
    std::vector<std::string> header;
    if (preview.has_header && !rows.empty()) {
        header = rows.front();
        rows.erase(rows.begin());
    }

    preview.columns = options.columns;
    if (options.columns.customer_id < 0 || options.columns.date < 0) {
        CsvColumns guessed = options.columns;
        guess_columns(preview.has_header ? &header : nullptr, rows, decimal_comma, guessed);
        preview.columns = guessed;
    }
    preview.date_format = options.date_format;
    if (preview.date_format == CsvDateFormat::automatic && preview.columns.date >= 0) {
        preview.date_format = detect_date_format(rows, static_cast<std::size_t>(preview.columns.date));
        if (preview.date_format == CsvDateFormat::automatic) preview.date_format = CsvDateFormat::ymd_dash;
    }
    if (preview.date_format == CsvDateFormat::automatic) preview.date_format = CsvDateFormat::ymd_dash;

    std::size_t width = header.size();
    for (const auto& row : rows) width = std::max(width, row.size());
    for (std::size_t c = 0; c < width; ++c)
        preview.column_names.push_back(c < header.size() && !header[c].empty() ? header[c] : "column " + std::to_string(c + 1));
    for (std::size_t i = 0; i < rows.size() && i < max_rows; ++i) preview.rows.push_back(rows[i]);

    if (preview.columns.customer_id < 0)
        preview.problems.push_back(Problem{csv_problem::kNoColumns, "", "no customer id column found; choose the columns", 0, 0});
    if (preview.columns.date < 0)
        preview.problems.push_back(Problem{csv_problem::kNoColumns, "", "no date column found; choose the columns", 0, 0});
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
        result.amount_missing = result.detected.columns.amount < 0;
        read_rows(text, options, result);
        for (ImportedCustomer& customer : result.customers)
            std::stable_sort(customer.transactions.begin(), customer.transactions.end(),
                             [](const Transaction& a, const Transaction& b) { return a.date < b.date; });
    } catch (const std::bad_alloc&) {
        // Only running out of memory is the user's problem; any other exception is a bug and propagates.
        result = CsvImportResult{};
        result.problems.push_back(
            Problem{csv_problem::kTooLarge, "", "the file is too large to import in the memory available", 0, 0});
    }
    return result;
}

Workspace workspace_from_import(const CsvImportResult& result, const std::string& name) {
    Workspace workspace;
    workspace.meta.name = name;
    workspace.churn_reasons = default_churn_reasons();
    merge_import(workspace, result);
    return workspace;
}

void merge_import(Workspace& workspace, const CsvImportResult& result) {
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < workspace.customers.size(); ++i) by_id.emplace(workspace.customers[i].id, i);
    for (const ImportedCustomer& imported : result.customers) {
        auto [it, inserted] = by_id.emplace(imported.id, workspace.customers.size());
        if (inserted) {
            Customer customer;
            customer.id = imported.id;
            workspace.customers.push_back(std::move(customer));
        }
        std::vector<Transaction>& transactions = workspace.customers[it->second].transactions;
        transactions.insert(transactions.end(), imported.transactions.begin(), imported.transactions.end());
        std::stable_sort(transactions.begin(), transactions.end(),
                         [](const Transaction& a, const Transaction& b) { return a.date < b.date; });
    }
}

}  // namespace lcs
