#include "core/import/xlsx_reader.h"

#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/date.h"
#include "core/import/parse_values.h"
#include "core/import/xlsx_zip.h"

namespace lcs {

namespace {

// Element names without a namespace prefix: generators write <row> or <x:row> for the same thing.
std::string_view local(const pugi::xml_node& node) {
    std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node c : node.children())
        if (local(c) == name) return c;
    return {};
}

std::string_view attribute(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_attribute a : node.attributes()) {
        std::string_view n = a.name();
        const std::size_t colon = n.find(':');
        if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a.value();
    }
    return {};
}

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool load_part(ZipReader& zip, const std::string& part, std::string& buffer, pugi::xml_document& doc, Problems& problems) {
    if (!zip.read(part, buffer)) {
        if (!zip.problems().empty()) problems.push_back(zip.problems().back());  // this part's, not earlier ones
        return false;
    }
    const pugi::xml_parse_result parsed =
        doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (parsed) return true;
    problems.push_back(Problem{xlsx_problem::kBadXml, part,
                               std::string("not well-formed XML at byte ") + std::to_string(parsed.offset) + ": " +
                                   parsed.description(),
                               0, 0});
    return false;
}

// Part names a relationships part points at, by relationship id, and by type for the ones we need.
struct Relations {
    std::map<std::string, std::string, std::less<>> by_id;
    std::string shared_strings, styles, office_document;
};

// "worksheets/sheet1.xml" relative to folder "xl", or "/xl/worksheets/sheet1.xml" absolute.
std::string resolve(const std::string& folder, std::string_view target) {
    if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
    std::vector<std::string> segments;
    const std::string path = folder + "/" + std::string(target);
    for (std::size_t start = 0; start <= path.size();) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string joined;
    for (const std::string& segment : segments) joined += (joined.empty() ? "" : "/") + segment;
    return joined;
}

Relations read_relations(ZipReader& zip, const std::string& rels_part, const std::string& folder) {
    Relations relations;
    std::string buffer;
    pugi::xml_document doc;
    Problems ignored;  // a workbook without relationships falls back on the usual part names
    if (!zip.has(rels_part) || !load_part(zip, rels_part, buffer, doc, ignored)) return relations;
    for (pugi::xml_node r : doc.document_element().children()) {
        if (local(r) != "Relationship") continue;
        const std::string target = resolve(folder, attribute(r, "Target"));
        const std::string_view type = attribute(r, "Type");
        relations.by_id[std::string(attribute(r, "Id"))] = target;
        if (ends_with(type, "/sharedStrings")) relations.shared_strings = target;
        if (ends_with(type, "/styles")) relations.styles = target;
        if (ends_with(type, "/officeDocument")) relations.office_document = target;
    }
    return relations;
}

struct Sheet {
    std::string name, part;
};

struct Workbook {
    std::vector<Sheet> sheets;
    Relations relations;
    bool date1904 = false;
    Problems problems;
};

Workbook open_workbook(ZipReader& zip) {
    Workbook book;
    if (!zip.ok()) {
        book.problems = zip.problems();
        return book;
    }
    std::string part = read_relations(zip, "_rels/.rels", "").office_document;
    if (part.empty()) part = "xl/workbook.xml";
    const std::size_t slash = part.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash);
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    book.relations = read_relations(zip, (folder.empty() ? "" : folder + "/") + "_rels/" + file + ".rels", folder);
    std::string buffer;
    pugi::xml_document doc;
    if (!load_part(zip, part, buffer, doc, book.problems)) return book;
    const pugi::xml_node root = doc.document_element();
    const std::string_view date1904 = attribute(child(root, "workbookPr"), "date1904");
    book.date1904 = date1904 == "1" || date1904 == "true";
    for (pugi::xml_node s : child(root, "sheets").children()) {
        if (local(s) != "sheet") continue;
        const auto target = book.relations.by_id.find(attribute(s, "id"));
        if (target == book.relations.by_id.end()) continue;  // a chart sheet or a broken link: not a table
        book.sheets.push_back(Sheet{std::string(attribute(s, "name")), target->second});
    }
    if (book.sheets.empty())
        book.problems.push_back(Problem{xlsx_problem::kNoSheet, part, "the workbook lists no worksheets", 0, 0});
    return book;
}

// Text of a string item (<si> or <is>): plain <t>, or rich-text runs <r><t>; phonetic <rPh> left out.
std::string string_item_text(const pugi::xml_node& item) {
    std::string text;
    for (pugi::xml_node c : item.children()) {
        if (local(c) == "t") text += c.child_value();
        else if (local(c) == "r") text += child(c, "t").child_value();
    }
    return text;
}

bool read_shared_strings(ZipReader& zip, const Workbook& book, std::vector<std::string>& strings, Problems& problems) {
    std::string part = book.relations.shared_strings;
    if (part.empty() || !zip.has(part)) return true;  // a workbook of numbers only has none
    std::string buffer;
    pugi::xml_document doc;
    if (!load_part(zip, part, buffer, doc, problems)) return false;
    for (pugi::xml_node si : doc.document_element().children())
        if (local(si) == "si") strings.push_back(string_item_text(si));
    return true;
}

// A number format shows a date when it is a built-in date id or a custom code naming y, d, or m
// without hours (m next to h or s is minutes). Quoted text and [colour]/[$-locale] parts are skipped.
bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    bool quoted = false, bracket = false, y = false, d = false, m = false, h = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\\' || c == '_' || c == '*') ++i;  // next character is literal or padding
        else if (c == '[') bracket = true;
        else if (c == ']') bracket = false;
        else if (bracket) continue;
        else if (c == 'y' || c == 'Y') y = true;  // not 'e' (era year): "General" has one
        else if (c == 'd' || c == 'D') d = true;
        else if (c == 'm' || c == 'M') m = true;
        else if (c == 'h' || c == 'H' || c == 's' || c == 'S') h = true;
    }
    return y || d || (m && !h);
}

// For each cell style index (the s attribute), whether numbers in it are dates.
std::vector<bool> read_date_styles(ZipReader& zip, const Workbook& book, Problems& problems) {
    std::vector<bool> dates;
    const std::string& part = book.relations.styles;
    if (part.empty() || !zip.has(part)) return dates;
    std::string buffer;
    pugi::xml_document doc;
    if (!load_part(zip, part, buffer, doc, problems)) return dates;
    const pugi::xml_node root = doc.document_element();
    std::map<int, std::string> custom;
    for (pugi::xml_node f : child(root, "numFmts").children())
        custom[std::atoi(std::string(attribute(f, "numFmtId")).c_str())] = std::string(attribute(f, "formatCode"));
    for (pugi::xml_node xf : child(root, "cellXfs").children()) {
        if (local(xf) != "xf") continue;
        const int id = std::atoi(std::string(attribute(xf, "numFmtId")).c_str());
        const auto code = custom.find(id);
        dates.push_back(is_date_format(id, code == custom.end() ? std::string_view() : std::string_view(code->second)));
    }
    return dates;
}

struct CellContext {
    const std::vector<std::string>* strings;
    const std::vector<bool>* date_styles;
    bool date1904 = false;
};

// A number as Excel shows it in General format: the stored text, or 15 significant digits for
// exponent forms; in a date style, the ISO date (time of day dropped).
std::string number_text(std::string_view stored, bool date, bool date1904) {
    if (date) {
        double serial = std::strtod(std::string(stored).c_str(), nullptr);
        if (date1904) serial += 1462;  // the 1904 system counts from 1904-01-01
        char text[32];
        std::snprintf(text, sizeof text, "%.6f", serial);
        if (const std::optional<Date> d = parse_excel_serial(text)) return to_iso(*d);
        return std::string(stored);
    }
    if (stored.find_first_of("eE") == std::string_view::npos) return std::string(stored);
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", std::strtod(std::string(stored).c_str(), nullptr));
    return text;
}

std::string cell_text(const pugi::xml_node& c, const CellContext& context) {
    const std::string_view type = attribute(c, "t");
    if (type == "inlineStr") return string_item_text(child(c, "is"));
    const std::string_view value = child(c, "v").child_value();
    if (type == "s") {
        const std::size_t index = static_cast<std::size_t>(std::strtoul(std::string(value).c_str(), nullptr, 10));
        return index < context.strings->size() ? (*context.strings)[index] : std::string();
    }
    if (type == "b") return value == "1" ? "TRUE" : "FALSE";
    if (type == "str" || type == "e" || type == "d" || value.empty()) return std::string(value);
    const std::string_view s = attribute(c, "s");
    const std::size_t style = s.empty() ? 0 : static_cast<std::size_t>(std::strtoul(std::string(s).c_str(), nullptr, 10));
    const bool date = style < context.date_styles->size() && (*context.date_styles)[style];
    return number_text(value, date, context.date1904);
}

std::string column_letters(int column) {
    std::string letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters;
}

// Walks <sheetData>: rows and cells into table.rows, references checked against Excel's limits.
bool read_sheet_data(const pugi::xml_node& data, const CellContext& context, const std::string& part, XlsxTable& table) {
    std::size_t cells = 0;
    int row_number = 0;
    for (pugi::xml_node row : data.children()) {
        if (local(row) != "row") continue;
        const std::string_view r = attribute(row, "r");
        row_number = r.empty() ? row_number + 1 : std::atoi(std::string(r).c_str());
        XlsxRow out{row_number, {}};
        int column = -1;
        for (pugi::xml_node c : row.children()) {
            if (local(c) != "c") continue;
            const std::string_view ref = attribute(c, "r");
            int ref_row = row_number;
            if (ref.empty()) ++column;
            else if (!parse_cell_ref(ref, column, ref_row) || row_number < 1 || row_number > kXlsxMaxRows) {
                table.problems.push_back(Problem{xlsx_problem::kBadXml, table.sheet + "!" + std::string(ref.empty() ? r : ref),
                                                 "not a cell reference within Excel's limits (" + part + ")", row_number, 0});
                return false;
            }
            if (column >= kXlsxMaxColumns || ++cells > kXlsxMaxCells) {
                table.problems.push_back(Problem{xlsx_problem::kTooManyCells,
                                                 table.sheet + "!" + column_letters(column) + std::to_string(row_number),
                                                 "the sheet has more than " + std::to_string(kXlsxMaxCells) +
                                                     " cells or columns past XFD",
                                                 row_number, 0});
                return false;
            }
            std::string text = cell_text(c, context);
            if (text.empty()) continue;
            if (static_cast<std::size_t>(column) >= out.cells.size()) out.cells.resize(static_cast<std::size_t>(column) + 1);
            out.cells[static_cast<std::size_t>(column)] = std::move(text);
        }
        if (!out.cells.empty()) table.rows.push_back(std::move(out));
    }
    return true;
}

}  // namespace

bool parse_cell_ref(std::string_view ref, int& column, int& row) {
    std::size_t i = 0;
    long c = 0, r = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c <= kXlsxMaxColumns) c = c * 26 + (ref[i++] - 'A' + 1);
    if (i == 0 || i == ref.size() || c > kXlsxMaxColumns) return false;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9' || r > kXlsxMaxRows) return false;
        r = r * 10 + (ref[i] - '0');
    }
    if (r < 1 || r > kXlsxMaxRows) return false;
    column = static_cast<int>(c - 1);
    row = static_cast<int>(r);
    return true;
}

XlsxSheets list_xlsx_sheets(std::string_view bytes) {
    ZipReader zip(bytes);
    Workbook book = open_workbook(zip);
    XlsxSheets sheets;
    for (const Sheet& s : book.sheets) sheets.names.push_back(s.name);
    sheets.problems = std::move(book.problems);
    return sheets;
}

XlsxTable read_xlsx_sheet(std::string_view bytes, std::string_view sheet) {
    XlsxTable table;
    ZipReader zip(bytes);
    Workbook book = open_workbook(zip);
    if (!book.problems.empty()) {
        table.problems = std::move(book.problems);
        return table;
    }
    const Sheet* chosen = sheet.empty() ? &book.sheets.front() : nullptr;
    for (const Sheet& s : book.sheets)
        if (!chosen && s.name == sheet) chosen = &s;
    if (!chosen) {
        std::string names;
        for (const Sheet& s : book.sheets) names += (names.empty() ? "" : ", ") + s.name;
        table.problems.push_back(Problem{xlsx_problem::kNoSheet, std::string(sheet), "no sheet of that name; the workbook has: " + names, 0, 0});
        return table;
    }
    table.sheet = chosen->name;
    std::vector<std::string> strings;
    if (!read_shared_strings(zip, book, strings, table.problems)) return table;
    const std::vector<bool> date_styles = read_date_styles(zip, book, table.problems);
    if (!table.problems.empty()) return table;
    std::string buffer;
    pugi::xml_document doc;
    if (!load_part(zip, chosen->part, buffer, doc, table.problems)) return table;
    const CellContext context{&strings, &date_styles, book.date1904};
    if (!read_sheet_data(child(doc.document_element(), "sheetData"), context, chosen->part, table)) table.rows.clear();
    return table;
}

}  // namespace lcs
