#include "core/import/xlsx_import.h"

namespace lcs {

namespace {

void append_field(std::string& out, const std::string& cell) {
    const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos;
    if (quote) out += '"';
    for (char c : cell) {
        if (c == '"') out += "\"\"";
        else if (c == '\r' || c == '\n') out += ' ';
        else out += c;
    }
    if (quote) out += '"';
}

}  // namespace

std::string xlsx_rows_to_csv(const std::vector<XlsxRow>& rows) {
    std::string out;
    int line = 0;
    for (const XlsxRow& row : rows) {
        // Rows arrive in ascending order from Excel; a row out of order is written where it stands.
        for (++line; line < row.number; ++line) out += '\n';
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            if (i > 0) out += ',';
            append_field(out, row.cells[i]);
        }
        out += '\n';
    }
    return out;
}

ImportFileText decode_import_file(std::string_view bytes, TextEncoding requested, std::string_view sheet,
                                  const TextDecoder& decoder) {
    ImportFileText file;
    if (!looks_like_zip(bytes)) {
        file.decoded = decode_import_text(bytes, requested, decoder);
        return file;
    }
    file.workbook = true;
    XlsxTable table = read_xlsx_sheet(bytes, sheet);
    file.sheet = table.sheet;
    file.decoded.encoding = EncodingGuess{TextEncoding::utf8, 0, "Excel workbook"};
    if (!table.problems.empty()) file.decoded.problems = std::move(table.problems);
    else file.decoded.text = xlsx_rows_to_csv(table.rows);
    return file;
}

}  // namespace lcs
