// Tables taken out of the app (core/export/table_export.h): CSV that Excel opens with Chinese intact
// and never runs as formulas, and tab-separated text for pasting.
#include <doctest/doctest.h>

#include <string>

#include "core/export/table_export.h"

using namespace lcs;

namespace {
const std::string kBom = "\xEF\xBB\xBF";
}

TEST_CASE("table_to_csv: BOM, CRLF, Chinese text kept byte for byte") {
    ExportTable t{{"客户", "阶段"}, {{"张三", "忠诚"}, {"李四", "新客户"}}};
    CHECK(table_to_csv(t) == kBom + "客户,阶段\r\n张三,忠诚\r\n李四,新客户\r\n");
}

TEST_CASE("table_to_csv: quotes, commas and line breaks are quoted, quotes doubled") {
    ExportTable t{{"name", "note"},
                  {{"Smith, John", "said \"hi\""}, {"two\nlines", "cr\rhere"}, {"plain", ""}}};
    CHECK(table_to_csv(t) == kBom +
                                 "name,note\r\n"
                                 "\"Smith, John\",\"said \"\"hi\"\"\"\r\n"
                                 "\"two\nlines\",\"cr\rhere\"\r\n"
                                 "plain,\r\n");
}

TEST_CASE("guard_spreadsheet_formula: =, +, -, @, tab and CR lead to an apostrophe") {
    CHECK(guard_spreadsheet_formula("=SUM(A1:A9)") == "'=SUM(A1:A9)");
    CHECK(guard_spreadsheet_formula("+1") == "'+1");
    CHECK(guard_spreadsheet_formula("-2+3") == "'-2+3");
    CHECK(guard_spreadsheet_formula("@cmd") == "'@cmd");
    CHECK(guard_spreadsheet_formula("\tx") == "'\tx");
    CHECK(guard_spreadsheet_formula("\rx") == "'\rx");
    CHECK(guard_spreadsheet_formula("") == "");
    CHECK(guard_spreadsheet_formula("a=b") == "a=b");
    CHECK(guard_spreadsheet_formula("12.5") == "12.5");
    CHECK(guard_spreadsheet_formula("'already") == "'already");
}

TEST_CASE("table_to_csv: a formula cell is guarded and then quoted when it needs it") {
    ExportTable t{{"name"}, {{"=HYPERLINK(\"http://x\",\"y\")"}, {"@SUM(1,2)"}}};
    CHECK(table_to_csv(t) == kBom + "name\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n\"'@SUM(1,2)\"\r\n");
}

TEST_CASE("table_to_csv: a hostile name stays literal text (no HTML escaping in CSV)") {
    ExportTable t{{"name"}, {{"<img src=x onerror=alert(1)>"}, {"a&b <b>"}}};
    CHECK(table_to_csv(t) == kBom + "name\r\n<img src=x onerror=alert(1)>\r\na&b <b>\r\n");
}

TEST_CASE("table_to_csv: an empty table is the header alone") {
    ExportTable t{{"a", "b"}, {}};
    CHECK(table_to_csv(t) == kBom + "a,b\r\n");
}

TEST_CASE("table_to_tsv: tabs between cells, LF line ends, no BOM, guarded and quoted cells") {
    ExportTable t{{"客户", "CLV"},
                  {{"王五", "1,234.50"}, {"tab\there", "-5"}, {"say \"x\"", "line\nbreak"}}};
    CHECK(table_to_tsv(t) ==
          "客户\tCLV\n"
          "王五\t1,234.50\n"
          "\"tab\there\"\t'-5\n"
          "\"say \"\"x\"\"\"\t\"line\nbreak\"\n");
}
