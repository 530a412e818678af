// Where an .xlsx workbook joins the CSV import: its sheet becomes comma-separated UTF-8 text, one line
// per sheet row, so header guessing, value parsing, order status and the report apply unchanged.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/import/decode_file.h"
#include "core/import/xlsx_reader.h"
#include "core/import/xlsx_zip.h"

namespace lcs {

struct ImportFileText {
    DecodedText decoded;   // the text to import, or the problems (decoding, or the workbook's)
    bool workbook = false; // the bytes were an .xlsx workbook
    std::string sheet;     // the sheet read (workbook only)
};

// An import file's bytes as UTF-8 text: a workbook (zip signature) gives sheet `sheet` (empty: the
// first) through xlsx_rows_to_csv, reported as UTF-8 with reason "Excel workbook"; anything else goes
// through decode_import_text in `requested`.
ImportFileText decode_import_file(std::string_view bytes, TextEncoding requested, std::string_view sheet,
                                  const TextDecoder& decoder);

// Rows as CSV (comma, RFC 4180 quoting) with line n holding sheet row n: rows missing between rows are
// blank lines, and a line break inside a cell becomes a blank so line numbers stay row numbers.
std::string xlsx_rows_to_csv(const std::vector<XlsxRow>& rows);

}  // namespace lcs
