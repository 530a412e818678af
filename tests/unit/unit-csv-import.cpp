#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/csv_import.h"
#include "core/customer_facts.h"
#include "core/workspace_io.h"
#include "test_data.h"

using namespace lcs;

namespace {

std::string iso(std::optional<Date> date) { return date ? to_iso(*date) : "none"; }

const ImportedCustomer* find(const CsvImportResult& result, const std::string& id) {
    for (const ImportedCustomer& customer : result.customers)
        if (customer.id == id) return &customer;
    return nullptr;
}

}  // namespace

TEST_CASE("csv: every date format") {
    CHECK(iso(parse_csv_date("2024-03-31", CsvDateFormat::ymd_dash)) == "2024-03-31");
    CHECK(iso(parse_csv_date("2014-03-08 00:00:00", CsvDateFormat::ymd_dash)) == "2014-03-08");
    CHECK(iso(parse_csv_date("2024/03/31", CsvDateFormat::ymd_slash)) == "2024-03-31");
    CHECK(iso(parse_csv_date("2024/3/5", CsvDateFormat::ymd_slash)) == "2024-03-05");
    CHECK(iso(parse_csv_date("31/03/2024", CsvDateFormat::dmy)) == "2024-03-31");
    CHECK(iso(parse_csv_date("31.03.2024", CsvDateFormat::dmy)) == "2024-03-31");
    CHECK(iso(parse_csv_date("03/31/2024", CsvDateFormat::mdy)) == "2024-03-31");
    CHECK(iso(parse_csv_date("19970101", CsvDateFormat::yyyymmdd)) == "1997-01-01");
    CHECK(iso(parse_csv_date("29/02/2023", CsvDateFormat::dmy)) == "none");  // 2023 is not a leap year
    CHECK(iso(parse_csv_date("03/31/2024", CsvDateFormat::dmy)) == "none");
    CHECK(iso(parse_csv_date("2024-03-31", CsvDateFormat::yyyymmdd)) == "none");
    CHECK(iso(parse_csv_date("1997011", CsvDateFormat::yyyymmdd)) == "none");
    CHECK(iso(parse_csv_date("2024//31", CsvDateFormat::ymd_slash)) == "none");
    CHECK(iso(parse_csv_date("2024/03-31", CsvDateFormat::ymd_slash)) == "none");
}

TEST_CASE("csv: amounts") {
    CHECK(*parse_csv_amount("12.50", false) == 12.5);
    CHECK(*parse_csv_amount(" -3 ", false) == -3);
    CHECK(*parse_csv_amount("$1,234.50", false) == 1234.5);
    CHECK(*parse_csv_amount("\xC2\xA5" "88", false) == 88);  // ¥88
    CHECK(*parse_csv_amount("12,50", true) == 12.5);
    CHECK(*parse_csv_amount("1.234,50", true) == 1234.5);
    CHECK_FALSE(parse_csv_amount("12,50", false).has_value());  // a comma that is not a thousands group
    CHECK_FALSE(parse_csv_amount("abc", false).has_value());
    CHECK_FALSE(parse_csv_amount("1.2.3", false).has_value());
    CHECK_FALSE(parse_csv_amount("nan", false).has_value());
    CHECK_FALSE(parse_csv_amount("", false).has_value());
    CHECK_FALSE(parse_csv_amount("1e20", false).has_value());
}

TEST_CASE("csv: quoted fields with separators, quotes and line breaks; BOM and CRLF") {
    const std::string text =
        "\xEF\xBB\xBF" "customer_id,date,amount,product\r\n"
        "\"c,1\",2024-01-02,\"1,234.50\",\"Tea \"\"green\"\"\nbig\"\r\n"
        "c2,2024-01-03,5,plain\r\n"
        "\r\n"
        "\"c,1\",2024-01-01,2.25,\r\n";
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    CHECK(result.problems.empty());
    CHECK(result.detected.has_header);
    CHECK(result.detected.separator == CsvSeparator::comma);
    CHECK(result.rows == 3);
    CHECK(result.imported == 3);
    REQUIRE(result.customers.size() == 2);
    CHECK(result.customers[0].id == "c,1");
    REQUIRE(result.customers[0].transactions.size() == 2);
    // Sorted by date within the customer.
    CHECK(to_iso(result.customers[0].transactions[0].date) == "2024-01-01");
    CHECK(result.customers[0].transactions[1].amount == 1234.5);
    CHECK(result.customers[0].transactions[1].product == "Tea \"green\"\nbig");
    CHECK(result.customers[1].transactions[0].product == "plain");
}

TEST_CASE("csv: invalid UTF-8 becomes U+FFFD, so ids that save the same are one customer") {
    // Found by the fuzzer: two ids differing only in invalid bytes were two customers whose saved
    // ids were equal, and the saved workspace did not load back (duplicate id).
    const std::string text =
        "customer_id,date,amount\n"
        "a\x81" "b,2024-01-01,1\n"
        "a\x85" "b,2024-01-02,2\n"
        "\xE4\xB8\xAD,2024-01-03,3\n";  // valid UTF-8 stays as it is
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    REQUIRE(result.customers.size() == 2);
    CHECK(result.customers[0].id == "a\xEF\xBF\xBD" "b");
    CHECK(result.customers[0].transactions.size() == 2);
    CHECK(result.customers[1].id == "\xE4\xB8\xAD");
    const Workspace workspace = workspace_from_import(result, "utf8");
    CHECK(load_workspace_json(save_workspace_json(workspace)).ok());
}

TEST_CASE("csv: semicolons with decimal commas and a header detected from values") {
    const std::string text = "kunde;datum;betrag;kosten\nk1;31.03.2024;12,50;3,10\nk2;01.04.2024;1.000,00;\n";
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    CHECK(result.problems.empty());
    CHECK(result.detected.separator == CsvSeparator::semicolon);
    CHECK(result.detected.has_header);
    CHECK(result.detected.date_format == CsvDateFormat::dmy);
    CHECK(result.detected.columns.customer_id == 0);
    CHECK(result.detected.columns.date == 1);
    CHECK(result.detected.columns.amount == 2);
    REQUIRE(result.customers.size() == 2);
    CHECK(result.customers[0].transactions[0].amount == 12.5);
    CHECK(result.customers[1].transactions[0].amount == 1000);
    CHECK(to_iso(result.customers[1].transactions[0].date) == "2024-04-01");
}

TEST_CASE("csv: bad rows are listed with their line numbers; good rows are imported") {
    const std::string text =
        "id,date,amount\n"      // line 1
        "a,2024-01-01,10\n"     // 2 ok
        "b,2024-02-30,10\n"     // 3 not a calendar date
        "c,2024-01-05,ten\n"    // 4 bad amount
        "d,2024-01-05\n"        // 5 missing amount
        ",2024-01-05,1\n"       // 6 empty id
        "\"e,2024-01-06,1\n";   // 7 quote never closed
    CsvOptions options;
    options.date_format = CsvDateFormat::ymd_dash;
    const CsvImportResult result = import_transactions_csv(text, options);
    CHECK(result.rows == 6);
    CHECK(result.imported == 1);
    REQUIRE(result.problems.size() == 5);
    CHECK(result.problems[0].to_string() == "[csv.bad_date] line 3: \"2024-02-30\" is not a valid date (YYYY-MM-DD)");
    CHECK(result.problems[1].to_string() == "[csv.bad_number] line 4: \"ten\" is not an amount");
    CHECK(result.problems[2].to_string() == "[csv.missing_field] line 5: has 2 fields; expected at least 3");
    CHECK(result.problems[3].to_string() == "[csv.empty_id] line 6: the customer id is empty");
    CHECK(result.problems[4].kind == "csv.syntax");
    CHECK(result.problems[4].line == 7);
}

TEST_CASE("csv: lines are counted across quoted line breaks") {
    const CsvImportResult result = import_transactions_csv("id,date,amount,note\na,2024-01-01,1,\"x\ny\nz\"\nb,bad,1,\n", CsvOptions{});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].where == "line 5");
}

TEST_CASE("csv: explicit columns, tab separator, no header, US dates") {
    CsvOptions options;
    options.separator = CsvSeparator::tab;
    options.header = CsvHeader::no;
    options.date_format = CsvDateFormat::mdy;
    options.columns.customer_id = 2;
    options.columns.date = 0;
    options.columns.amount = 1;
    options.columns.product = 3;
    const CsvImportResult result = import_transactions_csv("12/31/2023\t9.99\tu7\tbook\n01/02/2024\t1\tu7\tpen\n", options);
    CHECK(result.problems.empty());
    REQUIRE(result.customers.size() == 1);
    CHECK(result.customers[0].id == "u7");
    CHECK(to_iso(result.customers[0].transactions[0].date) == "2023-12-31");
    CHECK(result.customers[0].transactions[1].product == "pen");
}

TEST_CASE("csv: the CDNOW sample imports with the preset and by detection") {
    const std::string text = test_data::read("CDNOW_sample.txt");
    REQUIRE_FALSE(text.empty());
    for (const CsvOptions& options : {cdnow_preset(), CsvOptions{}}) {
        const CsvImportResult result = import_transactions_csv(text, options);
        CHECK(result.problems.empty());
        CHECK(result.detected.separator == CsvSeparator::whitespace);
        CHECK_FALSE(result.detected.has_header);
        CHECK(result.detected.date_format == CsvDateFormat::yyyymmdd);
        CHECK(result.detected.columns.customer_id == 0);
        CHECK(result.detected.columns.date == 2);
        CHECK(result.detected.columns.amount == 4);
        CHECK(result.rows == 6919);
        CHECK(result.imported == 6919);
        CHECK(result.customers.size() == 2357);
        const ImportedCustomer* first = find(result, "00004");
        REQUIRE(first != nullptr);
        REQUIRE(first->transactions.size() == 4);
        CHECK(first->transactions[0].amount == 29.33);
        CHECK(to_iso(first->transactions[3].date) == "1997-12-12");
        const WorkspaceSummary summary = summarize_workspace(workspace_from_import(result, "CDNOW"));
        CHECK(summary.revenue == doctest::Approx(244091.94).epsilon(1e-12));  // awk '{s+=$5} END {print s}'
        CHECK(iso(summary.first_date) == "1997-01-01");
        CHECK(iso(summary.last_date) == "1998-06-30");
    }
}

TEST_CASE("csv: a log without amounts (lifetimes' example_transactions.csv)") {
    const std::string text = test_data::read("example_transactions.csv");
    REQUIRE_FALSE(text.empty());
    const CsvImportResult result = import_transactions_csv(text, CsvOptions{});
    CHECK(result.problems.empty());
    CHECK(result.detected.has_header);
    CHECK(result.detected.columns.date == 0);
    CHECK(result.detected.columns.customer_id == 1);
    CHECK(result.amount_missing);
    CHECK(result.imported == 15273);
    CHECK(result.customers.size() == 5000);
    CHECK(result.customers[0].transactions[0].amount == 0);
}

TEST_CASE("csv: preview shows what was detected") {
    const CsvPreview preview = preview_csv("date,customer,revenue\n2024-01-01,a,1.5\n2024-01-02,b,2\n2024-01-03,c,3\n", CsvOptions{}, 2);
    CHECK(preview.problems.empty());
    CHECK(preview.has_header);
    CHECK(preview.column_names == std::vector<std::string>{"date", "customer", "revenue"});
    CHECK(preview.rows.size() == 2);
    CHECK(preview.rows[1][1] == "b");
    CHECK(preview.columns.date == 0);
    CHECK(preview.columns.customer_id == 1);
    CHECK(preview.columns.amount == 2);
    const CsvPreview nothing = preview_csv("just words\nmore words\n", CsvOptions{});
    REQUIRE_FALSE(nothing.problems.empty());
    CHECK(nothing.problems.back().to_string() == "[csv.no_columns] no date column found; choose the columns");
}

TEST_CASE("csv: merging an import into a workspace") {
    const CsvImportResult first = import_transactions_csv("id,date,amount\na,2024-01-05,1\nb,2024-01-01,2\n", CsvOptions{});
    Workspace workspace = workspace_from_import(first, "Shop");
    CHECK(workspace.meta.name == "Shop");
    CHECK(workspace.churn_reasons.size() == 4);
    REQUIRE(workspace.customers.size() == 2);
    const CsvImportResult second = import_transactions_csv("id,date,amount\nc,2024-02-01,3\na,2024-01-02,4\n", CsvOptions{});
    merge_import(workspace, second);
    REQUIRE(workspace.customers.size() == 3);
    CHECK(workspace.customers[2].id == "c");
    REQUIRE(workspace.customers[0].transactions.size() == 2);
    CHECK(workspace.customers[0].transactions[0].amount == 4);  // re-sorted: 2024-01-02 before 2024-01-05
}
