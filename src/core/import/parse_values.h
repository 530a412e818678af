// Dates and amounts as people type them in spreadsheets and exports, one value at a time. The CSV
// import (core/csv_import.h) decides the per-column choices (day order, decimal comma) from the data
// and calls these for every row.
#pragma once
#include <optional>
#include <string_view>

#include "core/date.h"

namespace lcs {

// Year first, in any of: 2024-03-05, 2024-3-5, 2024/3/5, 2024.03.05, 2024年3月5日, each optionally
// followed by a time ("14:22", "14:22:10", "下午2:22", ...) after a blank or 'T', and ISO 8601's
// "2024-03-05T14:22:10+08:00" / "...Z". The date is the one written (a zone does not shift it).
std::optional<Date> parse_year_first_date(std::string_view text);

// Day and month first (05/03/2024, 5.3.2024, 05-03-2024, optionally a time after a blank):
// day_first reads 05/03 as 5 March, otherwise as May 3.
std::optional<Date> parse_day_month_year(std::string_view text, bool day_first);

// Which order a d/m/yyyy value shows: 1 when the first number exceeds 12 (day first), 2 when the second
// does (month first), 0 when both are 12 or less (ambiguous) or the value is not of that shape.
int day_month_evidence(std::string_view text);

// A spreadsheet's serial day number (Excel's 1900 system: 1 = 1900-01-01, 61 = 1900-03-01, counting
// Excel's phantom 1900-02-29 as 60), optionally with a time fraction ("45352.5"). Accepts 1..2958465
// (9999-12-31).
std::optional<Date> parse_excel_serial(std::string_view text);

// Currencies an amount can name: a symbol or code before or after the number.
enum class AmountCurrency { none, cny, usd, eur, gbp };

struct ParsedAmount {
    double value = 0;
    AmountCurrency currency = AmountCurrency::none;
};

// An amount: a currency before or after the number (¥ ￥ $ US$ € £ RMB CNY USD EUR GBP 元; ¥ is read as
// yuan), thousands separators (',' with decimal point, '.' with decimal_comma, a blank either way),
// decimals ('.', or ',' with decimal_comma), negatives as "-12", "-¥12", "¥-12" and accounting's
// "(123.00)" (refunds). Blanks around are ignored. nullopt when it is not a finite number of at most 1e12.
std::optional<ParsedAmount> parse_amount(std::string_view text, bool decimal_comma);

// ISO 4217 code an amount currency stands for ("CNY" for ¥ / ￥ / 元 / RMB; "" for none).
const char* currency_code(AmountCurrency currency);

}  // namespace lcs
