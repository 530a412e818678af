// libFuzzer target: the .xlsx path (minizip over memory, the size limits, pugixml, cell references,
// shared strings and styles) must never crash, hang or read out of bounds, whatever the bytes. Seeds:
// tests/fuzz/corpus/fuzz_xlsx (the committed sample workbook), so mutations start inside a real archive.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/import/xlsx_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const lcs::XlsxSheets sheets = lcs::list_xlsx_sheets(bytes);
    const lcs::XlsxTable table = lcs::read_xlsx_sheet(bytes, sheets.names.empty() ? "" : sheets.names.back());
    if (table.problems.empty()) (void)lcs::xlsx_rows_to_csv(table.rows);
    return 0;
}
