// .xlsx import: workbooks built in the test from XML parts with minizip (as Excel lays them out), the
// committed sample tests/data/import/orders-zh.xlsx (tools/make_sample_xlsx.py), and broken archives.
#include <doctest/doctest.h>
#include <zip.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "core/csv_import.h"
#include "core/import/xlsx_import.h"
#include "platform/text_decoder_host.h"

using namespace lcs;

namespace {

// minizip's writer over a growing string, so the test never touches the file system.
struct Buffer {
    std::string data;
    std::uint64_t position = 0;
};
voidpf ZCALLBACK buffer_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK buffer_read(voidpf, voidpf, void*, uLong) { return 0; }
uLong ZCALLBACK buffer_write(voidpf, voidpf stream, const void* data, uLong size) {
    auto* b = static_cast<Buffer*>(stream);
    if (b->position + size > b->data.size()) b->data.resize(b->position + size);
    std::memcpy(&b->data[b->position], data, size);
    b->position += size;
    return size;
}
ZPOS64_T ZCALLBACK buffer_tell(voidpf, voidpf stream) { return static_cast<Buffer*>(stream)->position; }
long ZCALLBACK buffer_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* b = static_cast<Buffer*>(stream);
    const std::uint64_t base = origin == ZLIB_FILEFUNC_SEEK_CUR ? b->position : origin == ZLIB_FILEFUNC_SEEK_END ? b->data.size() : 0;
    b->position = base + offset;
    return 0;
}
int ZCALLBACK buffer_close(voidpf, voidpf) { return 0; }
int ZCALLBACK buffer_error(voidpf, voidpf) { return 0; }

std::string make_zip(const std::map<std::string, std::string>& parts) {
    Buffer buffer;
    zlib_filefunc64_def f{};
    f.zopen64_file = buffer_open;
    f.zread_file = buffer_read;
    f.zwrite_file = buffer_write;
    f.ztell64_file = buffer_tell;
    f.zseek64_file = buffer_seek;
    f.zclose_file = buffer_close;
    f.zerror_file = buffer_error;
    f.opaque = &buffer;
    zipFile zip = zipOpen2_64("book.xlsx", APPEND_STATUS_CREATE, nullptr, &f);
    REQUIRE(zip != nullptr);
    for (const auto& [name, text] : parts) {
        REQUIRE(zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                      Z_DEFAULT_COMPRESSION, 0) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(zip, text.data(), static_cast<unsigned>(text.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
    }
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
    return buffer.data;
}

const char* kNs = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

// A workbook with sheets (name -> sheetData inner XML), a shared-string table and date styles
// (s="1": built-in 14; s="2": custom "yyyy\-mm\-dd"; s="3": a time "h:mm").
std::string workbook(const std::vector<std::pair<std::string, std::string>>& sheets, const std::vector<std::string>& strings) {
    std::map<std::string, std::string> parts;
    std::string list, rels;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        list += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        parts["xl/worksheets/sheet" + n + ".xml"] = std::string("<worksheet ") + kNs + "><sheetData>" + sheets[i].second + "</sheetData></worksheet>";
    }
    rels += R"(<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
    rels += R"(<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)";
    parts["xl/workbook.xml"] = std::string("<workbook ") + kNs + "><sheets>" + list + "</sheets></workbook>";
    parts["xl/_rels/workbook.xml.rels"] = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" + rels + "</Relationships>";
    std::string sst;
    for (const std::string& s : strings) sst += s;  // already <si>...</si>
    parts["xl/sharedStrings.xml"] = std::string("<sst ") + kNs + ">" + sst + "</sst>";
    parts["xl/styles.xml"] = std::string("<styleSheet ") + kNs +
                             R"(><numFmts><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="166" formatCode="h:mm"/></numFmts>)"
                             R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>)";
    return make_zip(parts);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Overwrites the 32-bit little-endian field `offset` bytes into every central directory entry.
void patch_central_directory(std::string& zip, std::size_t offset, std::uint32_t value) {
    for (std::size_t at = zip.find("PK\1\2"); at != std::string::npos; at = zip.find("PK\1\2", at + 4))
        for (int i = 0; i < 4; ++i) zip[at + offset + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

TEST_CASE("xlsx: shared strings with rich-text runs, inline strings, numbers, booleans and gaps") {
    const std::string book = workbook(
        {{"Orders", R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
                    R"(<row r="3"><c r="A3" t="inlineStr"><is><t>inline, "quoted"</t></is></c><c r="B3"><v>1288.5</v></c>)"
                    R"(<c r="C3" t="b"><v>1</v></c><c r="D3"><v>1.5E-3</v></c><c r="E3" t="e"><v>#N/A</v></c></row>)"}},
        {"<si><t>客户编号</t></si>", "<si><r><t>订单</t></r><r><rPr><b/></rPr><t>金额</t></r><rPh><t>ふりがな</t></rPh></si>"});
    const XlsxTable table = read_xlsx_sheet(book, "");
    REQUIRE(table.problems.empty());
    CHECK(table.sheet == "Orders");
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].number == 1);
    CHECK(table.rows[0].cells == std::vector<std::string>{"客户编号", "", "订单金额"});
    CHECK(table.rows[1].number == 3);
    CHECK(table.rows[1].cells == std::vector<std::string>{"inline, \"quoted\"", "1288.5", "TRUE", "0.0015", "#N/A"});
    CHECK(xlsx_rows_to_csv(table.rows) == "客户编号,,订单金额\n\n\"inline, \"\"quoted\"\"\",1288.5,TRUE,0.0015,#N/A\n");
}

TEST_CASE("xlsx: serial numbers in date styles become ISO dates; other numbers stay numbers") {
    const std::string book = workbook(
        {{"S", R"(<row r="1"><c r="A1" s="1"><v>45353</v></c><c r="B1" s="2"><v>45356.75</v></c>)"
               R"(<c r="C1" s="3"><v>0.5</v></c><c r="D1"><v>45353</v></c></row>)"}}, {});
    const XlsxTable table = read_xlsx_sheet(book, "");
    REQUIRE(table.problems.empty());
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells == std::vector<std::string>{"2024-03-02", "2024-03-05", "0.5", "45353"});
}

TEST_CASE("xlsx: several sheets are listed in order and one is picked by name") {
    const std::string book = workbook({{"Orders", R"(<row r="1"><c r="A1"><v>1</v></c></row>)"},
                                       {"客户", R"(<row r="1"><c r="A1"><v>2</v></c></row>)"}}, {});
    const XlsxSheets sheets = list_xlsx_sheets(book);
    REQUIRE(sheets.problems.empty());
    CHECK(sheets.names == std::vector<std::string>{"Orders", "客户"});
    CHECK(read_xlsx_sheet(book, "客户").rows.at(0).cells.at(0) == "2");
    const XlsxTable missing = read_xlsx_sheet(book, "Nope");
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].kind == xlsx_problem::kNoSheet);
    CHECK(missing.problems[0].message.find("Orders, 客户") != std::string::npos);
}

TEST_CASE("xlsx: the committed Chinese order workbook imports like its CSV would") {
    const std::string bytes = read_bytes(std::string(LCS_TEST_DATA_DIR) + "/import/orders-zh.xlsx");
    REQUIRE(looks_like_zip(bytes));
    CHECK(list_xlsx_sheets(bytes).names == std::vector<std::string>{"订单", "说明"});
    const CsvImportResult result = import_transactions_file(bytes, CsvOptions{}, platform::host_text_decoder());
    INFO((result.problems.empty() ? "" : result.problems[0].to_string()));
    CHECK(result.problems.empty());
    CHECK(result.sheet == "订单");
    CHECK(result.encoding_reason == std::string("Excel workbook"));
    CHECK(result.rows == 4);
    CHECK(result.imported == 3);    // the 已取消 row (an inline string) is left out
    CHECK(result.cancelled == 1);
    REQUIRE(result.customers.size() == 3);
    CHECK(result.customers[0].id == "C001");
    CHECK(result.customers[0].name == "王喆");
    CHECK(result.customers[1].name == "李堃");
    CHECK(to_iso(*result.first_date) == "2024-03-02");
    CHECK(to_iso(*result.last_date) == "2024-05-01");
    CHECK(result.revenue == doctest::Approx(560.5 + 1288 + 320));
    CsvOptions second;
    second.sheet = "说明";
    CHECK_FALSE(import_transactions_file(bytes, second, platform::host_text_decoder()).problems.empty());
}

TEST_CASE("xlsx: a truncated workbook, a zip bomb and a file that is not a zip give clear problems") {
    const std::string book = workbook({{"S", R"(<row r="1"><c r="A1"><v>1</v></c></row>)"}}, {});
    const XlsxTable truncated = read_xlsx_sheet(book.substr(0, book.size() / 2), "");
    REQUIRE(truncated.problems.size() == 1);
    CHECK(truncated.problems[0].kind == xlsx_problem::kBadZip);
    CHECK(truncated.problems[0].message.find("truncated") != std::string::npos);

    std::string bomb = book;
    patch_central_directory(bomb, 24, 0xFFFFFFF0u);  // every part declares 4 GB uncompressed
    const XlsxTable exploded = read_xlsx_sheet(bomb, "");
    REQUIRE(exploded.problems.size() == 1);
    CHECK(exploded.problems[0].kind == xlsx_problem::kTooLarge);
    CHECK(exploded.problems[0].where.find(".xml") != std::string::npos);
    CHECK(exploded.problems[0].message.find("4294967280") != std::string::npos);

    std::string damaged = book;
    patch_central_directory(damaged, 16, 0x12345678u);  // wrong CRC-32 for every part
    CHECK(read_xlsx_sheet(damaged, "").problems.at(0).kind == xlsx_problem::kBadZip);

    const XlsxTable text = read_xlsx_sheet("PK\3\4 not really a zip", "");
    REQUIRE_FALSE(text.problems.empty());
    CHECK(text.problems[0].kind == xlsx_problem::kBadZip);
    // Through the import: nothing imported, the problem reported.
    const CsvImportResult result = import_transactions_file(bomb, CsvOptions{}, platform::host_text_decoder());
    CHECK(result.customers.empty());
    CHECK(result.problems.at(0).kind == xlsx_problem::kTooLarge);
}

TEST_CASE("xlsx: a cell reference past Excel's limits names the cell") {
    const std::string book = workbook({{"S", R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)"}}, {});
    const XlsxTable table = read_xlsx_sheet(book, "");
    REQUIRE(table.problems.size() == 1);
    CHECK(table.problems[0].where == "S!XFE1");
    int column = 0, row = 0;
    CHECK(parse_cell_ref("AB12", column, row));
    CHECK(column == 27);
    CHECK(row == 12);
    CHECK_FALSE(parse_cell_ref("A0", column, row));
    CHECK_FALSE(parse_cell_ref("12", column, row));
}
