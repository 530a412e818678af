#include "core/export/table_export.h"

namespace lcs {
namespace {

bool needs_quotes(const std::string& cell, char separator) {
    return cell.find_first_of(std::string(1, separator) + "\"\r\n") != std::string::npos;
}

std::string quoted(const std::string& cell) {
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string write_table(const ExportTable& table, char separator, const char* line_end) {
    std::string out;
    auto write_row = [&](const std::vector<std::string>& row) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out += separator;
            const std::string cell = guard_spreadsheet_formula(row[i]);
            out += needs_quotes(cell, separator) ? quoted(cell) : cell;
        }
        out += line_end;
    };
    write_row(table.header);
    for (const auto& row : table.rows) write_row(row);
    return out;
}

}  // namespace

std::string guard_spreadsheet_formula(const std::string& cell) {
    if (cell.empty()) return cell;
    switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return "'" + cell;
        default:
            return cell;
    }
}

std::string table_to_csv(const ExportTable& table) {
    return "\xEF\xBB\xBF" + write_table(table, ',', "\r\n");
}

std::string table_to_tsv(const ExportTable& table) {
    return write_table(table, '\t', "\n");
}

}  // namespace lcs
