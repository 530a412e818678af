#include "core/import/csv_detect.h"

#include <algorithm>
#include <map>

#include "core/import/parse_values.h"
#include "core/internal/csv_reader.h"

namespace lcs::import_internal {

namespace {

const CsvDateFormat kYearFirstFormats[] = {CsvDateFormat::ymd_dash, CsvDateFormat::year_first, CsvDateFormat::yyyymmdd};

template <class Parse>
bool all_values(const Records& rows, std::size_t column, Parse parse) {
    bool any = false;
    for (const auto& row : rows) {
        if (column >= row.size() || trim(row[column]).empty()) continue;
        any = true;
        if (!parse(row[column])) return false;
    }
    return any;
}

bool all_amounts(const Records& rows, std::size_t column, bool decimal_comma, bool& has_decimals) {
    has_decimals = false;
    return all_values(rows, column, [&](const std::string& value) {
        if (!parse_amount(value, decimal_comma)) return false;
        if (value.find(decimal_comma ? ',' : '.') != std::string::npos) has_decimals = true;
        return true;
    });
}

// Values of the column `parse` reads, and non-empty values in all.
template <class Parse>
std::pair<std::size_t, std::size_t> count_values(const Records& rows, std::size_t column, Parse parse) {
    std::size_t read = 0, all = 0;
    for (const auto& row : rows) {
        if (column >= row.size() || trim(row[column]).empty()) continue;
        ++all;
        read += parse(row[column]) ? 1 : 0;
    }
    return {read, all};
}

// A format fits a column when it reads more than half of its values: a few typos in an export must not
// hide the format of the rest (the rows it cannot read become csv.bad_date rows, each named).
bool fits(std::pair<std::size_t, std::size_t> counts) { return counts.second > 0 && counts.first * 2 > counts.second; }

// The day order of a d/m/yyyy column, when (nearly) every value has that shape.
DateDetection day_month_order(const Records& rows, std::size_t column) {
    std::size_t day_first = 0, month_first = 0;
    const auto counts = count_values(rows, column, [&](const std::string& value) {
        if (!parse_day_month_year(value, true) && !parse_day_month_year(value, false)) return false;
        add_day_month_evidence(value, day_first, month_first);
        return true;
    });
    if (!fits(counts)) return {};
    if (month_first > day_first) return {CsvDateFormat::mdy, false};
    return {CsvDateFormat::dmy, day_first == 0};
}

}  // namespace

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

Records sample_records(std::string_view text, char separator, std::size_t count) {
    internal::CsvReader reader(text, separator);
    Records rows;
    std::vector<std::string> fields;
    std::string error;
    int line = 0;
    while (rows.size() < count && reader.next(fields, line, error))
        if (error.empty()) rows.push_back(fields);
    return rows;
}

void add_day_month_evidence(std::string_view value, std::size_t& day_first, std::size_t& month_first) {
    const int evidence = day_month_evidence(value);
    day_first += evidence == 1;
    month_first += evidence == 2;
}

DateDetection detect_date_format(const Records& rows, std::size_t column, bool allow_serial) {
    // The year-first format reading the most values (year_first reads everything ymd_dash does, and more).
    CsvDateFormat best = CsvDateFormat::automatic;
    std::pair<std::size_t, std::size_t> best_counts{0, 0};
    for (CsvDateFormat format : kYearFirstFormats) {
        const auto counts = count_values(rows, column, [&](const std::string& value) { return parse_csv_date(value, format).has_value(); });
        if (fits(counts) && counts.first > best_counts.first) best = format, best_counts = counts;
    }
    if (best != CsvDateFormat::automatic) return {best, false};
    if (const DateDetection order = day_month_order(rows, column); order.format != CsvDateFormat::automatic) return order;
    if (allow_serial && fits(count_values(rows, column, [](const std::string& value) { return parse_excel_serial(value).has_value(); })))
        return {CsvDateFormat::excel_serial, false};
    return {};
}

bool detect_decimal_comma(const Records& rows, int column, bool prefer_comma) {
    if (column < 0) return prefer_comma;
    bool decimals = false;
    const auto c = static_cast<std::size_t>(column);
    if (all_amounts(rows, c, prefer_comma, decimals)) return prefer_comma;
    if (all_amounts(rows, c, !prefer_comma, decimals)) return !prefer_comma;
    return prefer_comma;
}

std::string detect_currency(const Records& rows, int column, std::string_view header) {
    if (column < 0) return "";
    std::map<std::string, std::size_t> counts;
    for (const auto& row : rows)
        if (static_cast<std::size_t>(column) < row.size())
            for (bool comma : {false, true})
                if (const auto amount = parse_amount(row[static_cast<std::size_t>(column)], comma)) {
                    if (amount->currency != AmountCurrency::none) ++counts[currency_code(amount->currency)];
                    break;
                }
    std::string best;
    std::size_t best_count = 0;
    for (const auto& [code, count] : counts)
        if (count > best_count) best = code, best_count = count;
    if (!best.empty()) return best;
    // The unit in the header: 金额(元), 金额（人民币）, Amount (USD), Revenue €.
    const std::pair<const char*, const char*> kHints[] = {
        {"\xE5\x85\x83", "CNY"}, {"\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81", "CNY"}, {"RMB", "CNY"}, {"CNY", "CNY"},
        {"\xC2\xA5", "CNY"}, {"\xEF\xBF\xA5", "CNY"}, {"USD", "USD"}, {"$", "USD"}, {"EUR", "EUR"},
        {"\xE2\x82\xAC", "EUR"}, {"GBP", "GBP"}, {"\xC2\xA3", "GBP"}};
    for (const auto& [hint, code] : kHints)
        if (header.find(hint) != std::string_view::npos) return code;
    return "";
}

bool row_has_date(const std::vector<std::string>& row) {
    for (const std::string& field : row) {
        for (CsvDateFormat format : kYearFirstFormats)
            if (parse_csv_date(field, format)) return true;
        if (parse_day_month_year(field, true) || parse_day_month_year(field, false)) return true;
    }
    return false;
}

bool row_has_known_header(const std::vector<std::string>& row) {
    return std::any_of(row.begin(), row.end(), [](const std::string& field) { return field_for_header(field) != ImportField::none; });
}

// Big enough to explain: header pass, then value passes for date, amount and id, in that order.
void guess_columns(const std::vector<std::string>* header, const Records& data, bool decimal_comma, CsvColumns& columns) {
    std::size_t width = header ? header->size() : 0;
    for (const auto& row : data) width = std::max(width, row.size());
    const auto taken = [&](std::size_t c) { return field_of_column(columns, static_cast<int>(c)) != ImportField::none; };
    if (header)
        for (std::size_t c = 0; c < header->size(); ++c) {
            int* slot = column_of(columns, field_for_header((*header)[c]));
            if (slot && *slot < 0 && !taken(c)) *slot = static_cast<int>(c);
        }
    if (data.empty()) return;
    for (std::size_t c = 0; c < width && columns.date < 0; ++c)
        if (!taken(c) && detect_date_format(data, c, false).format != CsvDateFormat::automatic) columns.date = static_cast<int>(c);
    // Amount: the first numeric column with decimals (money), e.g. CDNOW's dollars after the CD count.
    for (std::size_t c = 0; c < width && columns.amount < 0; ++c) {
        bool decimals = false;
        if (!taken(c) && all_amounts(data, c, decimal_comma, decimals) && decimals) columns.amount = static_cast<int>(c);
    }
    for (std::size_t c = 0; c < width && columns.customer_id < 0; ++c)
        if (!taken(c)) columns.customer_id = static_cast<int>(c);
}

}  // namespace lcs::import_internal
