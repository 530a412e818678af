// An .xlsx workbook's sheets as rows of text, the way Excel shows them: shared strings (rich-text runs
// joined, phonetic guides left out), inline strings, numbers, TRUE/FALSE, error codes, and numbers in a
// date format (built-in ids 14-22, 27-36, 50-58, or a custom format with y/m/d) as ISO dates.
// Unzip through core/import/xlsx_zip.h (with its size limits); XML through pugixml.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"

namespace lcs {

// Cells one sheet may hold and the sheet's last column (Excel's own limits: 1,048,576 rows, XFD).
inline constexpr std::size_t kXlsxMaxCells = 20'000'000;
inline constexpr int kXlsxMaxColumns = 16384;
inline constexpr int kXlsxMaxRows = 1048576;

struct XlsxSheets {
    std::vector<std::string> names;  // in workbook order
    Problems problems;               // non-empty: not a readable workbook
};

// The sheet names of the workbook in bytes.
XlsxSheets list_xlsx_sheets(std::string_view bytes);

struct XlsxRow {
    int number = 0;                  // 1-based sheet row (gaps between rows are empty rows)
    std::vector<std::string> cells;  // column A first; gaps between cells are "" (A1, C1: B1 is "")
};

struct XlsxTable {
    std::string sheet;            // the sheet read
    std::vector<XlsxRow> rows;    // rows with at least one cell, in file order
    Problems problems;            // non-empty: nothing read (where names the part, sheet or cell)
};

// Reads sheet `sheet` (empty: the first) of the workbook in bytes.
XlsxTable read_xlsx_sheet(std::string_view bytes, std::string_view sheet);

// "B12" -> column 1 (0-based) and row 12; false when not a cell reference within Excel's limits.
bool parse_cell_ref(std::string_view ref, int& column, int& row);

}  // namespace lcs
