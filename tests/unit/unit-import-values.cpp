// Import values as people type them: every date form (year first, Chinese, ISO with a zone, Excel
// serials, d/m/yyyy decided from the data or asked) and amount form (currencies before or after,
// grouping, decimal comma, negatives and accounting brackets).
#include <doctest/doctest.h>

#include <string>

#include "core/csv_import.h"
#include "core/import/parse_values.h"

using namespace lcs;

namespace {
std::string iso(std::optional<Date> date) { return date ? to_iso(*date) : "none"; }
std::string year_first(const char* text) { return iso(parse_year_first_date(text)); }
double amount(const char* text, bool decimal_comma = false) {
    const std::optional<ParsedAmount> parsed = parse_amount(text, decimal_comma);
    REQUIRE(parsed.has_value());
    return parsed->value;
}
std::string currency(const char* text) {
    const std::optional<ParsedAmount> parsed = parse_amount(text, false);
    REQUIRE(parsed.has_value());
    return currency_code(parsed->currency);
}
}  // namespace

TEST_CASE("import dates: year-first forms, with and without times") {
    CHECK(year_first("2024-03-05") == "2024-03-05");
    CHECK(year_first("2024-03-05 14:22") == "2024-03-05");
    CHECK(year_first("2024-03-05 14:22:10") == "2024-03-05");
    CHECK(year_first("2024-03-05T14:22:10+08:00") == "2024-03-05");
    CHECK(year_first("2024-03-05T23:59:59Z") == "2024-03-05");
    CHECK(year_first("2024-03-05T14:22:10.123-05:00") == "2024-03-05");
    CHECK(year_first("2024/3/5") == "2024-03-05");
    CHECK(year_first("2024/3/5 14:22") == "2024-03-05");
    CHECK(year_first("2024.03.05") == "2024-03-05");
    CHECK(year_first("2024-3-5") == "2024-03-05");
    CHECK(year_first("2024年3月5日") == "2024-03-05");
    CHECK(year_first("2024年03月05日 14:22") == "2024-03-05");
    CHECK(year_first("2024年3月5日下午2点") == "2024-03-05");
    CHECK(year_first("2024年3月5号") == "2024-03-05");
    CHECK(year_first("  2024-03-05  ") == "2024-03-05");
    CHECK(year_first("2024-02-30") == "none");
    CHECK(year_first("2024/03-05") == "none");
    CHECK(year_first("2024年13月5日") == "none");
    CHECK(year_first("24-03-05") == "none");
    CHECK(year_first("2024-03-05x") == "none");
    CHECK(iso(parse_csv_date("20240305", CsvDateFormat::yyyymmdd)) == "2024-03-05");
    CHECK(iso(parse_csv_date("2024年3月2日", CsvDateFormat::automatic)) == "2024-03-02");
}

TEST_CASE("import dates: day and month first, and which one a value shows") {
    CHECK(iso(parse_day_month_year("05/03/2024", true)) == "2024-03-05");
    CHECK(iso(parse_day_month_year("05/03/2024", false)) == "2024-05-03");
    CHECK(iso(parse_day_month_year("5.3.2024", true)) == "2024-03-05");
    CHECK(iso(parse_day_month_year("31-12-2024 08:00", true)) == "2024-12-31");
    CHECK(iso(parse_day_month_year("31/12/2024", false)) == "none");
    CHECK(day_month_evidence("31/12/2024") == 1);
    CHECK(day_month_evidence("12/31/2024") == 2);
    CHECK(day_month_evidence("05/03/2024") == 0);
    CHECK(day_month_evidence("2024-03-05") == 0);
}

TEST_CASE("import dates: spreadsheet serial day numbers (Excel's 1900 system)") {
    CHECK(iso(parse_excel_serial("45352")) == "2024-03-01");
    CHECK(iso(parse_excel_serial("45352.75")) == "2024-03-01");  // 18:00 the same day
    CHECK(iso(parse_excel_serial("1")) == "1900-01-01");
    CHECK(iso(parse_excel_serial("59")) == "1900-02-28");
    CHECK(iso(parse_excel_serial("61")) == "1900-03-01");
    CHECK(iso(parse_excel_serial("2958465")) == "9999-12-31");
    CHECK(iso(parse_excel_serial("0")) == "none");
    CHECK(iso(parse_excel_serial("2958466")) == "none");
    CHECK(iso(parse_excel_serial("45352.")) == "none");
    CHECK(iso(parse_excel_serial("-3")) == "none");
}

TEST_CASE("import dates: the column's format is detected, serials only under a date header") {
    const CsvImportResult serials = import_transactions_csv("客户ID,成交日期,金额\na,45352,1\nb,45353,2\n", CsvOptions{});
    CHECK(serials.problems.empty());
    CHECK(serials.detected.date_format == CsvDateFormat::excel_serial);
    REQUIRE(serials.customers.size() == 2);
    CHECK(to_iso(serials.customers[1].transactions[0].date) == "2024-03-02");
    const CsvImportResult chinese = import_transactions_csv("客户ID,订单日期,金额\na,2024年3月2日,1\nb,2024年12月31日,2\n", CsvOptions{});
    CHECK(chinese.problems.empty());
    CHECK(chinese.detected.date_format == CsvDateFormat::year_first);
    CHECK(to_iso(*chinese.last_date) == "2024-12-31");
}

TEST_CASE("import dates: day/month order decided by a day above 12 anywhere in the file, else asked") {
    // The sample (first 50 rows) is ambiguous; row 60 shows 13/..: day first.
    std::string text = "id,date,amount\n";
    for (int i = 0; i < 60; ++i) text += "c" + std::to_string(i) + ",05/03/2024,1\n";
    text += "late,13/03/2024,1\n";
    CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    CHECK(result.problems.empty());
    CHECK(result.detected.date_format == CsvDateFormat::dmy);
    CHECK(to_iso(result.customers[0].transactions[0].date) == "2024-03-05");
    // Month first shown by the data.
    result = import_transactions_csv("id,date,amount\na,03/05/2024,1\nb,12/31/2024,1\n", CsvOptions{});
    CHECK(result.detected.date_format == CsvDateFormat::mdy);
    CHECK(to_iso(result.customers[0].transactions[0].date) == "2024-03-05");
    // Nothing decides: the preview says so, the import asks instead of guessing.
    const std::string ambiguous = "id,date,amount\na,05/03/2024,1\nb,06/03/2024,1\n";
    CHECK(preview_csv(ambiguous, CsvOptions{}).date_order_ambiguous);
    result = import_transactions_csv(ambiguous, CsvOptions{});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].kind == "csv.ambiguous_dates");
    CHECK(result.imported == 0);
    CsvOptions day_first;
    day_first.date_format = CsvDateFormat::dmy;
    result = import_transactions_csv(ambiguous, day_first);
    CHECK(result.imported == 2);
    CHECK(to_iso(result.customers[1].transactions[0].date) == "2024-03-06");
    CsvOptions month_first;
    month_first.date_format = CsvDateFormat::mdy;
    CHECK(to_iso(import_transactions_csv(ambiguous, month_first).customers[1].transactions[0].date) == "2024-06-03");
}

TEST_CASE("import amounts: currencies before or after, grouping, decimals") {
    CHECK(amount("¥560.50") == 560.5);
    CHECK(amount("￥1,234.00") == 1234);
    CHECK(amount("$1,234.5") == 1234.5);
    CHECK(amount("US$ 99") == 99);
    CHECK(amount("€12") == 12);
    CHECK(amount("12 €") == 12);
    CHECK(amount("RMB 88.8") == 88.8);
    CHECK(amount("CNY88") == 88);
    CHECK(amount("88元") == 88);
    CHECK(amount("1,234,567.89 元") == 1234567.89);
    CHECK(amount("88 USD") == 88);
    CHECK(amount("1.234,56", true) == 1234.56);
    CHECK(amount("€ 1.234,56", true) == 1234.56);
    CHECK(amount("1 234,56", true) == 1234.56);
    CHECK(amount("12,5", true) == 12.5);
    CHECK(currency("¥1") == "CNY");
    CHECK(currency("￥1") == "CNY");
    CHECK(currency("1元") == "CNY");
    CHECK(currency("RMB1") == "CNY");
    CHECK(currency("$1") == "USD");
    CHECK(currency("€1") == "EUR");
    CHECK(currency("£1") == "GBP");
    CHECK(currency("1") == "");
    CHECK_FALSE(parse_amount("12,50", false).has_value());
    CHECK_FALSE(parse_amount("1,23,4", false).has_value());
    CHECK_FALSE(parse_amount("¥", false).has_value());
    CHECK_FALSE(parse_amount("12元元", false).has_value());
    CHECK_FALSE(parse_amount("1e3", false).has_value());
}

TEST_CASE("import amounts: negatives and accounting brackets are refunds") {
    CHECK(amount("-12.50") == -12.5);
    CHECK(amount("-¥12.50") == -12.5);
    CHECK(amount("¥-12.50") == -12.5);
    CHECK(amount("(123.00)") == -123);
    CHECK(amount("(¥1,234.00)") == -1234);
    CHECK(amount("¥(12.00)") == -12);
    CHECK(amount("(1.234,50)", true) == -1234.5);
    CHECK_FALSE(parse_amount("(12", false).has_value());
    CHECK_FALSE(parse_amount("()", false).has_value());
}

TEST_CASE("import amounts: decimal comma detected from a comma file's values and from ';'") {
    CsvImportResult result = import_transactions_csv("id;date;amount\na;2024-01-01;1.234,56\nb;2024-01-02;12,5\n", CsvOptions{});
    CHECK(result.detected.decimal_comma);
    CHECK(result.revenue == doctest::Approx(1247.06));
    result = import_transactions_csv("id\tdate\tamount\na\t2024-01-01\t12,50\nb\t2024-01-02\t1,5\n", CsvOptions{});
    CHECK(result.detected.decimal_comma);
    CHECK(result.revenue == doctest::Approx(14));
    result = import_transactions_csv("id,date,amount\na,2024-01-01,\"1,234.50\"\nb,2024-01-02,(34.50)\n", CsvOptions{});
    CHECK_FALSE(result.detected.decimal_comma);
    CHECK(result.revenue == doctest::Approx(1200));
}
