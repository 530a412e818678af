// A table as the user sees it (header + rows of cell text) turned into bytes to take out of the app:
// CSV for a spreadsheet file and tab-separated text for the clipboard.
#pragma once
#include <string>
#include <vector>

namespace lcs {

// Cells are UTF-8 text exactly as shown; every row should have header.size() cells (short rows are
// written as they are, a spreadsheet fills the rest with blanks).
struct ExportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// Excel runs a cell that starts with '=', '+', '-', '@', a tab or a carriage return as a formula
// (CSV injection). Returns the cell with a leading apostrophe in that case, otherwise unchanged.
// Numbers the app formats itself ("-12.5") are prefixed too: a leading "'" is shown by Excel as text,
// which is the safe side for a file that may carry customer-typed names.
std::string guard_spreadsheet_formula(const std::string& cell);

// CSV per RFC 4180 for Excel: UTF-8 byte-order mark first (so Excel picks UTF-8 for Chinese text),
// comma separator, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF (quotes
// doubled), every cell passed through guard_spreadsheet_formula. Text is kept literal (no HTML
// escaping: a CSV is not markup).
std::string table_to_csv(const ExportTable& table);

// Tab-separated text for pasting into a spreadsheet: '\n' line ends, no BOM. A tab or line break
// inside a cell would split it, so such a cell is quoted like CSV (spreadsheets read quoted
// fields on paste); formula guard as for CSV.
std::string table_to_tsv(const ExportTable& table);

}  // namespace lcs
