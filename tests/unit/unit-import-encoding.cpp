// Import encodings: detection (BOM, UTF-8 validity, GB18030 vs Big5 statistics, UTF-16 zero bytes),
// decoding through the host's decoder (iconv natively, TextDecoder under Node), and bytes that do not
// decode named by their line. Files come from tests/data/import (made with iconv, see SOURCES.md) and,
// where the host can encode, are made here from UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "core/csv_import.h"
#include "core/import/decode_file.h"
#include "core/workspace_io.h"
#include "platform/text_decoder_host.h"
#include "test_data.h"

using namespace lcs;

namespace {

// The table the committed samples hold, as UTF-8 (CRLF as Excel writes).
const std::string kOrders =
    "客户编号,客户姓名,订单日期,实付金额,订单状态\r\n"
    "C001,王喆,2024年3月2日,¥560.50,交易成功\r\n"
    "C002,李堃,2024/3/5 14:22,\"￥1,234.00\",交易成功\r\n"
    "C003,赵赟,2024-03-07,88元,已取消\r\n"
    "C001,王喆,2024年4月1日,(12.00),退款中\r\n";

const TextDecoder& decoder() { return platform::host_text_decoder(); }

// A decoder that, like the browser's, cannot say where decoding failed.
class NoOffsetDecoder final : public TextDecoder {
public:
    DecodeOutcome decode(std::string_view bytes, TextEncoding encoding) const override {
        DecodeOutcome out = decoder().decode(bytes, encoding);
        out.error_offset = std::string::npos;
        return out;
    }
    DecodeOutcome encode(std::string_view utf8, TextEncoding encoding) const override { return decoder().encode(utf8, encoding); }
};

// The sample orders imported: C001 and C002 (C003's order was cancelled), names intact, CNY.
void check_orders(const CsvImportResult& result, TextEncoding encoding) {
    CHECK(result.encoding == encoding);
    CHECK(result.problems.empty());
    CHECK(result.rows == 4);
    CHECK(result.imported == 3);
    CHECK(result.cancelled == 1);
    REQUIRE(result.customers.size() == 2);
    CHECK(result.customers[0].name == "王喆");
    CHECK(result.customers[1].name == "李堃");
    CHECK(result.detected.currency == "CNY");
    CHECK(result.revenue == doctest::Approx(560.5 + 1234 - 12));
    const Workspace workspace = workspace_from_import(result, "orders");
    CHECK(workspace.meta.currency == "CNY");
    const LoadResult loaded = load_workspace_json(save_workspace_json(workspace));
    REQUIRE(loaded.ok());
    CHECK(loaded.workspace->customers[0].name == "王喆");
    CHECK(loaded.workspace->customers[1].name == "李堃");
}

}  // namespace

TEST_CASE("import encoding: byte-order marks, plain ASCII and UTF-8 are recognised") {
    CHECK(detect_text_encoding("\xEF\xBB\xBF" "a,b\n").encoding == TextEncoding::utf8);
    CHECK(detect_text_encoding("\xEF\xBB\xBF" "a,b\n").bom_size == 3);
    CHECK(detect_text_encoding("\xFF\xFE" "a\0" "\n\0").encoding == TextEncoding::utf16le);
    CHECK(detect_text_encoding("\xFE\xFF" "\0a\0\n").encoding == TextEncoding::utf16be);
    CHECK(detect_text_encoding("id,date\n1,2024-01-01\n").encoding == TextEncoding::utf8);
    const EncodingGuess utf8 = detect_text_encoding(kOrders);
    CHECK(utf8.encoding == TextEncoding::utf8);
    CHECK(std::string(utf8.reason) == "valid UTF-8");
    // UTF-16 without a BOM: every other byte is zero.
    const std::string le("i\0d\0,\0d\0a\0t\0e\0\n\0" "1\0,\0" "2\0" "0\0" "2\0" "4\0\n\0", 30);
    CHECK(detect_text_encoding(le).encoding == TextEncoding::utf16le);
}

TEST_CASE("import encoding: GB18030 and Big5 told apart by their bytes") {
    const std::string gb = test_data::read("import/orders_gb18030.csv");
    const std::string big5 = test_data::read("import/orders_big5.csv");
    const EncodingGuess gb_guess = detect_text_encoding(gb);
    CHECK(gb_guess.encoding == TextEncoding::gb18030);
    CHECK(std::string(gb_guess.reason) == "byte statistics");
    CHECK(detect_text_encoding(big5).encoding == TextEncoding::big5);
}

TEST_CASE("import encoding: the committed GB18030 sample decodes to the UTF-8 table, 喆 堃 赟 included") {
    const DecodedText decoded = decode_import_text(test_data::read("import/orders_gb18030.csv"), TextEncoding::automatic, decoder());
    REQUIRE(decoded.ok());
    CHECK(decoded.text == kOrders);
    check_orders(import_transactions_file(test_data::read("import/orders_gb18030.csv"), CsvOptions{}, decoder()),
                 TextEncoding::gb18030);
}

TEST_CASE("import encoding: UTF-16 LE and BE with a BOM (Excel 'Unicode Text')") {
    for (const char* name : {"import/orders_utf16le.csv", "import/orders_utf16be.csv"}) {
        INFO(name);
        const std::string bytes = test_data::read(name);
        const DecodedText decoded = decode_import_text(bytes, TextEncoding::automatic, decoder());
        REQUIRE(decoded.ok());
        CHECK(decoded.text == kOrders);
        check_orders(import_transactions_file(bytes, CsvOptions{}, decoder()),
                     std::string(name).find("le") != std::string::npos ? TextEncoding::utf16le : TextEncoding::utf16be);
    }
    // The user says "UTF-16" (little-endian) but the BOM says big-endian: the BOM wins.
    CsvOptions options;
    options.encoding = TextEncoding::utf16le;
    CHECK(import_transactions_file(test_data::read("import/orders_utf16be.csv"), options, decoder()).encoding == TextEncoding::utf16be);
}

TEST_CASE("import encoding: UTF-16 made here (both byte orders, no BOM) imports the same") {
    for (TextEncoding encoding : {TextEncoding::utf16le, TextEncoding::utf16be}) {
        const DecodeOutcome encoded = decoder().encode(kOrders, encoding);
        REQUIRE(encoded.ok);
        CHECK(encoded.text.size() > kOrders.size());
        check_orders(import_transactions_file(encoded.text, CsvOptions{}, decoder()), encoding);
    }
}

TEST_CASE("import encoding: Big5 sample in traditional characters") {
    const CsvImportResult result = import_transactions_file(test_data::read("import/orders_big5.csv"), CsvOptions{}, decoder());
    CHECK(result.encoding == TextEncoding::big5);
    CHECK(result.problems.empty());
    CHECK(result.imported == 2);
    CHECK(result.cancelled == 1);
    REQUIRE(result.customers.size() == 2);
    CHECK(result.customers[0].name == "陳大文");
    CHECK(result.customers[1].name == "黃志強");
    CHECK(to_iso(result.customers[1].transactions[0].date) == "2024-03-16");
}

TEST_CASE("import encoding: a GB18030 file made with iconv round-trips characters outside GB2312") {
    const std::string table = "会员号,姓名,支付时间,支付金额\n"
                              "m1,张喆,2024-01-02 10:00:00,100\n"
                              "m2,王堃,2024-01-03 11:00:00,200\n"
                              "m3,刘赟,2024-01-04 12:00:00,300\n"
                              "m4,𠮷野家,2024-01-05 12:00:00,400\n";  // a four-byte GB18030 character
    const DecodeOutcome gb = decoder().encode(table, TextEncoding::gb18030);
    if (!gb.ok) {
        // The web platform has no GB18030 encoder; the committed sample above covers decoding there.
        MESSAGE("no GB18030 encoder on this host");
        return;
    }
    CHECK(gb.text != table);
    const CsvImportResult result = import_transactions_file(gb.text, CsvOptions{}, decoder());
    CHECK(result.encoding == TextEncoding::gb18030);
    REQUIRE(result.customers.size() == 4);
    const Workspace loaded = *load_workspace_json(save_workspace_json(workspace_from_import(result, "gb"))).workspace;
    CHECK(loaded.customers[0].name == "张喆");
    CHECK(loaded.customers[1].name == "王堃");
    CHECK(loaded.customers[2].name == "刘赟");
    CHECK(loaded.customers[3].name == "𠮷野家");
}

TEST_CASE("import encoding: bytes that do not decode are an error naming the line, never U+FFFD") {
    // UTF-8 with one broken byte on line 3.
    const std::string utf8 = "客户编号,订单日期,金额\nC1,2024-01-01,1\nC\xE4\xB8,2024-01-02,2\nC3,2024-01-03,3\n";
    CsvImportResult result = import_transactions_file(utf8, CsvOptions{}, decoder());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].kind == "csv.bad_encoding");
    CHECK(result.problems[0].line == 3);
    CHECK(result.problems[0].to_string().find("line 3: the bytes are not valid UTF-8 text") != std::string::npos);
    CHECK(result.imported == 0);
    CHECK(result.customers.empty());

    // GB18030 chosen, a lead byte followed by a comma on line 2: the host's offset or, without one, halving.
    CsvOptions gb;
    gb.encoding = TextEncoding::gb18030;
    const std::string bad_gb = "id,date,amount\nc\x81,2024-01-01,1\nc2,2024-01-02,2\n";
    result = import_transactions_file(bad_gb, gb, decoder());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 2);
    const NoOffsetDecoder no_offset;
    for (int bad_line : {1, 2, 5, 9}) {
        std::string text;
        for (int line = 1; line <= 9; ++line) text += line == bad_line ? "x\x81,\n" : "id,date\n";
        const DecodedText decoded = decode_import_text(text, TextEncoding::gb18030, no_offset);
        REQUIRE(decoded.problems.size() == 1);
        CHECK(decoded.problems[0].line == bad_line);
    }

    // A lone surrogate in UTF-16 does not decode either.
    const std::string lone("\xFF\xFE" "a\0\n\0" "\x00\xD8" "b\0\n\0", 12);
    const DecodedText surrogate = decode_import_text(lone, TextEncoding::automatic, decoder());
    REQUIRE(surrogate.problems.size() == 1);
    CHECK(surrogate.problems[0].kind == "csv.bad_encoding");
    CHECK(surrogate.problems[0].line == 2);
    CHECK(surrogate.text.empty());
}

TEST_CASE("import encoding: a NUL character is refused with its line") {
    const std::string text("id,date\nc1,2024-01-01\nc\0" "2,2024-01-02\n", 37);
    const DecodedText decoded = decode_import_text(text, TextEncoding::utf8, decoder());
    REQUIRE(decoded.problems.size() == 1);
    CHECK(decoded.problems[0].kind == "csv.bad_text");
    CHECK(decoded.problems[0].line == 3);
}

TEST_CASE("import encoding: names and lines of offsets") {
    TextEncoding encoding = TextEncoding::automatic;
    CHECK(parse_text_encoding("GBK", encoding));
    CHECK(encoding == TextEncoding::gb18030);
    CHECK(parse_text_encoding("utf-16", encoding));
    CHECK(encoding == TextEncoding::utf16le);
    CHECK(parse_text_encoding("Big5", encoding));
    CHECK(encoding == TextEncoding::big5);
    CHECK_FALSE(parse_text_encoding("latin1", encoding));
    CHECK(std::string(text_encoding_name(TextEncoding::gb18030)) == "GB18030");
    CHECK(line_of_offset("a\nb\nc", TextEncoding::utf8, 4) == 3);
    CHECK(line_of_offset(std::string("a\0\n\0b\0", 6), TextEncoding::utf16le, 4) == 2);
}
