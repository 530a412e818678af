#include "app/dialog_import_report.h"

#include <cstdio>

#include "app/automation.h"
#include "app/i18n.h"
#include "imgui.h"

namespace lcs {

namespace {

constexpr std::size_t kLinesShown = 10;  // per reason on the report page; the JSON report keeps 100

void problem_table(const char* id, const Problems& problems, float height) {
    if (problems.empty()) return;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable(id, 2, flags, ImVec2(0, height))) return;
    ImGui::TableSetupColumn(tr("common.problem_where"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn(tr("import.problem"), ImGuiTableColumnFlags_WidthStretch);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(problems.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Problem& p = problems[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.where.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("[%s] %s", p.kind.c_str(), p.message.c_str());
        }
    }
    ImGui::EndTable();
}

std::string count_text(const Json& value) { return std::to_string(value.is_number() ? value.get<std::size_t>() : 0); }

std::string money_text(double value) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// "csv.bad_date" and "cancelled" in words; other kinds as they are.
std::string reason_text(const std::string& reason) {
    if (reason == kSkipCancelled) return tr("import.reason_cancelled");
    return reason;
}

void draw_skipped(const Json& skipped) {
    for (const auto& [reason, rows] : skipped.items()) {
        std::string lines;
        const Json& list = rows["lines"];
        for (std::size_t i = 0; i < list.size() && i < kLinesShown; ++i) lines += (i ? ", " : "") + std::to_string(list[i].get<int>());
        if (rows["count"].get<std::size_t>() > kLinesShown) lines += ", ...";
        ImGui::BulletText("%s", trf("import.report_reason", {reason_text(reason), count_text(rows["count"]), lines}).c_str());
    }
}

}  // namespace

const char* import_field_label(ImportField field) {
    static const char* const kKeys[kImportFieldCount] = {
        "import.field.none",       "import.field.customer_id", "import.field.date",   "import.field.amount",
        "import.field.cost",       "import.field.product",     "import.field.name",   "import.field.first_name",
        "import.field.last_name",  "import.field.status",      "import.field.segment", "import.field.channel",
        "import.field.email",      "import.field.phone",       "import.field.nps",    "import.field.lifecycle_stage",
        "import.field.order_id"};
    const int index = static_cast<int>(field);
    return tr(kKeys[index >= 0 && index < kImportFieldCount ? index : 0]);
}

const char* import_separator_label(CsvSeparator separator) {
    switch (separator) {
        case CsvSeparator::comma: return tr("import.separator_comma");
        case CsvSeparator::semicolon: return tr("import.separator_semicolon");
        case CsvSeparator::tab: return tr("import.separator_tab");
        case CsvSeparator::whitespace: return tr("import.separator_whitespace");
        default: return tr("import.auto");
    }
}

const char* import_reason_label(const char* reason) {
    const std::string r = reason ? reason : "";
    if (r == "byte-order mark") return tr("import.reason_bom");
    if (r == "valid UTF-8") return tr("import.reason_valid_utf8");
    if (r == "mostly valid UTF-8") return tr("import.reason_mostly_utf8");
    if (r == "byte statistics") return tr("import.reason_statistics");
    if (r == "zero bytes") return tr("import.reason_zero_bytes");
    if (r == "Excel workbook") return tr("import.reason_workbook");
    return tr("import.reason_chosen");
}

void draw_rows_as_imported(const CsvPreview& preview, float height) {
    const float problems_height = preview.problems.empty() ? 0 : ImGui::GetFrameHeightWithSpacing() * 3;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("as_imported", 8, flags, ImVec2(0, height - problems_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (const char* key : {"import.line", "import.included", "import.field.customer_id", "import.field.name",
                                "import.field.date", "import.field.amount", "import.field.product", "import.field.status"})
            ImGui::TableSetupColumn(tr(key));
        ImGui::TableHeadersRow();
        for (const CsvPreview::Row& row : preview.parsed) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.line);
            ImGui::TableNextColumn();
            if (row.included) ImGui::TextUnformatted(tr("import.included_yes"));
            else ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", row.reason == kSkipCancelled ? tr("import.reason_cancelled") : row.reason.c_str());
            for (const std::string* value : {&row.id, &row.name, &row.date, &row.amount, &row.product, &row.status}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(value->c_str());
            }
        }
        ImGui::EndTable();
    }
    automation::record("import.as_imported");
    problem_table("preview_problems", preview.problems, problems_height);
}

void draw_import_report(const ImportReport& report, float line) {
    const Json& j = report.json;
    if (j.is_object()) {
        ImGui::TextUnformatted(trf("import.report_rows", {count_text(j["rows_read"]), count_text(j["imported"]),
                                                          count_text(j["skipped_total"])}).c_str());
        automation::record("import.report");
        draw_skipped(j["skipped"]);
        ImGui::TextUnformatted(trf("import.report_customers", {count_text(j["customers_created"]),
                                                               count_text(j["customers_updated"])}).c_str());
        if (j["date_range"].is_object())
            ImGui::TextUnformatted(trf("import.report_range", {j["date_range"]["first"].get<std::string>(),
                                                               j["date_range"]["last"].get<std::string>(),
                                                               money_text(j["revenue_total"].get<double>()), report.currency}).c_str());
        ImGui::TextDisabled("%s", trf("import.report_read_as", {j["encoding"].get<std::string>(),
                                                                 import_separator_label(report.separator)}).c_str());
    }
    if (!report.problems.empty()) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: %zu", tr("import.rows_that_were_not_imported"), report.problems.size());
        problem_table("bad_rows", report.problems, -line);
    }
    if (ImGui::Button(tr("common.close"))) ImGui::CloseCurrentPopup();
    automation::record("import.close");
}

}  // namespace lcs
