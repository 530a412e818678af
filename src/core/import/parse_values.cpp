#include "core/import/parse_values.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace lcs {

namespace {

constexpr double kMaxAbsAmount = 1e12;  // same plausibility bound as the workspace loader
constexpr int kExcelSerialMax = 2958465;  // 9999-12-31

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool consume(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

// Reads 1..max_width digits; false when there are none or more than max_width.
bool read_number(std::string_view& text, std::size_t max_width, int& value) {
    std::size_t width = 0;
    value = 0;
    while (width < text.size() && is_digit(text[width])) {
        if (++width > max_width) return false;
        value = value * 10 + (text[width - 1] - '0');
    }
    text.remove_prefix(width);
    return width > 0;
}

// What may follow a date: nothing, or a time (or anything) after a blank or 'T'.
bool is_date_end(std::string_view rest) { return rest.empty() || rest.front() == ' ' || rest.front() == 'T' || rest.front() == '\t'; }

std::optional<Date> make_date(int year, int month, int day) {
    if (!is_calendar_date(year, month, day)) return std::nullopt;
    return date_from_ymd({year, month, day});
}

// The three numbers of "a/b/yyyy" (or '.' or '-'), with what follows checked.
bool split_day_month_year(std::string_view text, int parts[3]) {
    text = trim(text);
    if (!read_number(text, 2, parts[0]) || text.empty()) return false;
    const char separator = text.front();
    if (separator != '/' && separator != '.' && separator != '-') return false;
    text.remove_prefix(1);
    if (!read_number(text, 2, parts[1]) || text.empty() || text.front() != separator) return false;
    text.remove_prefix(1);
    const std::size_t before = text.size();
    if (!read_number(text, 4, parts[2]) || before - text.size() != 4) return false;
    return is_date_end(text);
}

struct CurrencyMark {
    const char* text;
    AmountCurrency currency;
};
// Longest first where one is the start of another ("US$" before "$").
const CurrencyMark kCurrencyMarks[] = {
    {"RMB", AmountCurrency::cny}, {"CNY", AmountCurrency::cny}, {"USD", AmountCurrency::usd},
    {"EUR", AmountCurrency::eur}, {"GBP", AmountCurrency::gbp}, {"US$", AmountCurrency::usd},
    {"\xEF\xBF\xA5", AmountCurrency::cny},  // ￥ fullwidth yen sign
    {"\xE5\x85\x83", AmountCurrency::cny},  // 元
    {"\xC2\xA5", AmountCurrency::cny},      // ¥
    {"\xE2\x82\xAC", AmountCurrency::eur},  // €
    {"\xC2\xA3", AmountCurrency::gbp},      // £
    {"$", AmountCurrency::usd},
};

bool take_currency(std::string_view& text, bool at_end, AmountCurrency& currency) {
    for (const CurrencyMark& mark : kCurrencyMarks) {
        const std::string_view m(mark.text);
        if (at_end ? (text.size() >= m.size() && text.substr(text.size() - m.size()) == m) : text.substr(0, m.size()) == m) {
            if (at_end) text.remove_suffix(m.size());
            else text.remove_prefix(m.size());
            currency = mark.currency;
            text = trim(text);
            return true;
        }
    }
    return false;
}

bool take_sign(std::string_view& text, bool& negative) {
    if (text.empty() || (text.front() != '-' && text.front() != '+')) return false;
    negative = negative || text.front() == '-';
    text.remove_prefix(1);
    text = trim(text);
    return true;
}

// Three digits at text[from..] followed by the end, another group or the decimal point.
bool is_digit_group(std::string_view text, std::size_t from, char grouping, char point) {
    if (text.size() < from + 3) return false;
    for (std::size_t k = from; k < from + 3; ++k)
        if (!is_digit(text[k])) return false;
    return text.size() == from + 3 || text[from + 3] == grouping || text[from + 3] == point;
}

// Digits with grouping and one decimal point, as a plain "1234.5" for strtod; false when not a number.
bool plain_number(std::string_view text, bool decimal_comma, std::string& digits) {
    const char point = decimal_comma ? ',' : '.';
    const char grouping = decimal_comma ? '.' : ',';
    bool seen_point = false;
    std::size_t digit_count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            digits += c;
            ++digit_count;
        } else if (c == point && !seen_point) {
            seen_point = true;
            digits += '.';
        } else if ((c == grouping || c == ' ') && !seen_point && digit_count > 0 && is_digit_group(text, i + 1, c, point)) {
            continue;  // thousands grouping: 1,234.50, 1.234,50, 1 234,50
        } else {
            return false;
        }
    }
    return digit_count > 0;
}

}  // namespace

std::optional<Date> parse_year_first_date(std::string_view text) {
    text = trim(text);
    int year = 0, month = 0, day = 0;
    const std::size_t before = text.size();
    if (!read_number(text, 4, year) || before - text.size() != 4) return std::nullopt;
    static const char* const kChinese[] = {"\xE5\xB9\xB4", "\xE6\x9C\x88"};  // 年 月
    if (consume(text, kChinese[0])) {
        text = trim(text);
        if (!read_number(text, 2, month)) return std::nullopt;
        text = trim(text);
        if (!consume(text, kChinese[1])) return std::nullopt;
        text = trim(text);
        if (!read_number(text, 2, day)) return std::nullopt;
        text = trim(text);
        if (!consume(text, "\xE6\x97\xA5")) consume(text, "\xE5\x8F\xB7");  // 日 or 号 (optional)
        if (!text.empty() && text.front() != ' ' && text.front() != 'T' && !is_digit(text.front()) &&
            static_cast<unsigned char>(text.front()) < 0x80)
            return std::nullopt;
        return make_date(year, month, day);
    }
    if (text.empty()) return std::nullopt;
    const char separator = text.front();
    if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
    text.remove_prefix(1);
    if (!read_number(text, 2, month) || text.empty() || text.front() != separator) return std::nullopt;
    text.remove_prefix(1);
    if (!read_number(text, 2, day) || !is_date_end(text)) return std::nullopt;
    return make_date(year, month, day);
}

std::optional<Date> parse_day_month_year(std::string_view text, bool day_first) {
    int parts[3];
    if (!split_day_month_year(text, parts)) return std::nullopt;
    return day_first ? make_date(parts[2], parts[1], parts[0]) : make_date(parts[2], parts[0], parts[1]);
}

int day_month_evidence(std::string_view text) {
    int parts[3];
    if (!split_day_month_year(text, parts)) return 0;
    if (parts[0] > 12 && parts[1] <= 12) return 1;
    if (parts[1] > 12 && parts[0] <= 12) return 2;
    return 0;
}

std::optional<Date> parse_excel_serial(std::string_view text) {
    text = trim(text);
    int serial = 0;
    const std::size_t before = text.size();
    if (!read_number(text, 7, serial) || before == text.size()) return std::nullopt;
    if (!text.empty()) {  // a time of day as a fraction
        if (text.front() != '.' || text.size() < 2) return std::nullopt;
        for (char c : text.substr(1))
            if (!is_digit(c)) return std::nullopt;
    }
    if (serial < 1 || serial > kExcelSerialMax) return std::nullopt;
    // Excel counts a 1900-02-29 that never was (serial 60): before it, serials are one day later.
    const Date epoch = date_from_ymd({1899, 12, 30});
    if (serial == 60) return date_from_ymd({1900, 2, 28});
    return Date{epoch.days + serial + (serial < 60 ? 1 : 0)};
}

std::optional<ParsedAmount> parse_amount(std::string_view text, bool decimal_comma) {
    text = trim(text);
    ParsedAmount out;
    bool negative = false;
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {  // accounting negative
        negative = true;
        text = trim(text.substr(1, text.size() - 2));
    }
    take_sign(text, negative);
    take_currency(text, false, out.currency);
    take_sign(text, negative);
    if (out.currency == AmountCurrency::none) take_currency(text, true, out.currency);
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')' && !negative) {  // ¥(12.00)
        negative = true;
        text = trim(text.substr(1, text.size() - 2));
    }
    std::string digits;
    if (!plain_number(text, decimal_comma, digits)) return std::nullopt;
    const double value = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(value) || value > kMaxAbsAmount) return std::nullopt;
    out.value = negative ? -value : value;
    return out;
}

const char* currency_code(AmountCurrency currency) {
    switch (currency) {
        case AmountCurrency::cny: return "CNY";
        case AmountCurrency::usd: return "USD";
        case AmountCurrency::eur: return "EUR";
        case AmountCurrency::gbp: return "GBP";
        default: return "";
    }
}

}  // namespace lcs
