#include "app/dialog_import_csv.h"

#include <algorithm>

#include "app/automation.h"
#include "app/i18n.h"
#include "core/csv_import.h"
#include "imgui.h"

namespace lcs {
namespace {

enum class Stage { mapping, result };

const char* header_name(CsvHeader header) {
    switch (header) {
        case CsvHeader::yes: return tr("import.header_yes");
        case CsvHeader::no: return tr("import.header_no");
        default: return tr("import.auto");
    }
}

// Core names separators in English ("semicolon"); the dialog shows them in the UI language.
const char* separator_name(CsvSeparator separator) {
    switch (separator) {
        case CsvSeparator::comma: return tr("import.separator_comma");
        case CsvSeparator::semicolon: return tr("import.separator_semicolon");
        case CsvSeparator::tab: return tr("import.separator_tab");
        case CsvSeparator::whitespace: return tr("import.separator_whitespace");
        default: return tr("import.auto");
    }
}

template <class Enum, std::size_t N>
bool enum_combo(const char* label, const char* automation_name, Enum& value, const Enum (&choices)[N],
                const char* (*name)(Enum)) {
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const char* current = value == choices[0] ? tr("import.auto") : name(value);
    if (ImGui::BeginCombo(label, current)) {
        for (Enum choice : choices) {
            const char* text = choice == choices[0] ? tr("import.auto") : name(choice);
            if (ImGui::Selectable(text, choice == value)) {
                value = choice;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    automation::record(automation_name);
    return changed;
}

// Column role picker: index into the preview's columns, or -1 for "(none)" when allowed.
bool column_combo(const char* label, const char* automation_name, int& column, const std::vector<std::string>& names,
                  bool optional) {
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    std::string current = column >= 0 && column < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(column)]
                                                                                 : std::string(tr("common.none"));
    if (ImGui::BeginCombo(label, current.c_str())) {
        if (optional && ImGui::Selectable(tr("common.none"), column < 0)) {
            column = -1;
            changed = true;
        }
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(names[static_cast<std::size_t>(i)].c_str(), column == i)) {
                column = i;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    automation::record(automation_name);
    return changed;
}

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

}  // namespace

struct CsvImportDialog::Impl {
    bool open_requested = false;
    bool open = false;
    Stage stage = Stage::mapping;
    platform::FileData file;
    CsvOptions options;
    CsvPreview preview;
    int merge = 1;  // 1: merge into the open workspace; 0: start a new one
    // After the import:
    std::size_t rows = 0, imported = 0, customers = 0;
    Problems problems;

    void refresh_preview() {
        preview = preview_csv(file.bytes, options, 20);
        options.columns = preview.columns;
    }
};

CsvImportDialog::CsvImportDialog() : impl_(std::make_unique<Impl>()) {}
CsvImportDialog::~CsvImportDialog() = default;

void CsvImportDialog::open(platform::FileData file) {
    Impl& d = *impl_;
    d.file = std::move(file);
    d.options = CsvOptions{};
    d.stage = Stage::mapping;
    d.problems.clear();
    d.refresh_preview();
    d.open_requested = true;
}

bool CsvImportDialog::is_open() const { return impl_->open; }

void CsvImportDialog::draw(AppState& state) {
    Impl& d = *impl_;
    const char* id = "###import_csv";
    if (d.open_requested) {
        ImGui::OpenPopup(id);
        d.open_requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.8f, viewport->WorkSize.y * 0.8f), ImGuiCond_Appearing);
    std::string title = std::string(tr("import.import_transactions_from_csv")) + id;
    d.open = ImGui::BeginPopupModal(title.c_str());
    if (!d.open) return;
    automation::record("import.dialog");
    ImGui::Text("%s  (%zu KB)", d.file.name.c_str(), (d.file.bytes.size() + 1023) / 1024);
    float line = ImGui::GetFrameHeightWithSpacing();

    if (d.stage == Stage::result) {
        ImGui::TextUnformatted(trf("import.imported_rows_customers", {std::to_string(d.imported), std::to_string(d.rows),
                                                                      std::to_string(d.customers)}).c_str());
        if (!d.problems.empty()) {
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: %zu", tr("import.rows_that_were_not_imported"), d.problems.size());
            problem_table("bad_rows", d.problems, -line);
        }
        if (ImGui::Button(tr("common.close"))) ImGui::CloseCurrentPopup();
        automation::record("import.close");
        ImGui::EndPopup();
        return;
    }

    static const CsvSeparator kSeparators[] = {CsvSeparator::automatic, CsvSeparator::comma, CsvSeparator::semicolon,
                                               CsvSeparator::tab, CsvSeparator::whitespace};
    static const CsvHeader kHeaders[] = {CsvHeader::automatic, CsvHeader::yes, CsvHeader::no};
    static const CsvDateFormat kFormats[] = {CsvDateFormat::automatic, CsvDateFormat::ymd_dash, CsvDateFormat::ymd_slash,
                                             CsvDateFormat::dmy, CsvDateFormat::mdy, CsvDateFormat::yyyymmdd};
    bool changed = false;
    bool layout_changed = enum_combo(tr("import.separator"), "import.separator", d.options.separator, kSeparators, separator_name);
    ImGui::SameLine();
    layout_changed |= enum_combo(tr("import.first_row_is_a_header"), "import.header", d.options.header, kHeaders, header_name);
    ImGui::SameLine();
    changed |= enum_combo(tr("import.date_format"), "import.date_format", d.options.date_format, kFormats, csv_date_format_name);
    if (layout_changed) d.options.columns = CsvColumns{};  // guess the columns again for the new layout
    ImGui::TextDisabled("%s", trf("import.detected", {separator_name(d.preview.separator),
                                                       tr(d.preview.has_header ? "import.first_row_is_a_header" : "import.no_header"),
                                                       csv_date_format_name(d.preview.date_format)}).c_str());

    const auto& names = d.preview.column_names;
    changed |= column_combo(tr("import.customer_id_column"), "import.col.id", d.options.columns.customer_id, names, false);
    ImGui::SameLine();
    changed |= column_combo(tr("import.date_column"), "import.col.date", d.options.columns.date, names, false);
    ImGui::SameLine();
    changed |= column_combo(tr("import.amount_column"), "import.col.amount", d.options.columns.amount, names, true);
    changed |= column_combo(tr("common.cost"), "import.col.cost", d.options.columns.cost, names, true);
    ImGui::SameLine();
    changed |= column_combo(tr("import.product_column"), "import.col.product", d.options.columns.product, names, true);
    if (changed || layout_changed) d.refresh_preview();

    ImGui::RadioButton(tr("import.merge_into_the_open_workspace"), &d.merge, 1);
    ImGui::SameLine();
    ImGui::RadioButton(tr("common.new_workspace"), &d.merge, 0);

    ImGui::Separator();
    ImGui::TextUnformatted(tr("import.preview"));
    float problems_height = d.preview.problems.empty() ? 0 : line * 3;
    int cols = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(names.size(), 1), 64));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("preview", cols, flags, ImVec2(0, -(line * 1.3f + problems_height)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        const CsvColumns& c = d.options.columns;
        for (int i = 0; i < cols; ++i) {
            std::string label = i < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(i)] : "";
            const char* role = i == c.customer_id ? tr("common.id") : i == c.date ? tr("common.date") : i == c.amount ? tr("common.amount")
                             : i == c.cost ? tr("common.cost") : i == c.product ? tr("common.product") : nullptr;
            if (role) label += std::string(" [") + role + "]";
            ImGui::TableSetupColumn(label.c_str());
        }
        ImGui::TableHeadersRow();
        for (const auto& row : d.preview.rows) {
            ImGui::TableNextRow();
            for (int i = 0; i < cols; ++i) {
                ImGui::TableNextColumn();
                if (i < static_cast<int>(row.size())) ImGui::TextUnformatted(row[static_cast<std::size_t>(i)].c_str());
            }
        }
        ImGui::EndTable();
    }
    problem_table("preview_problems", d.preview.problems, problems_height);

    bool can_import = d.options.columns.customer_id >= 0 && d.options.columns.date >= 0;
    if (!can_import) ImGui::BeginDisabled();
    if (ImGui::Button(tr("import.import"))) {
        CsvImportResult result = import_transactions_csv(d.file.bytes, d.options);
        d.rows = result.rows;
        d.imported = result.imported;
        d.customers = result.customers.size();
        d.problems = result.problems;
        if (result.imported > 0) {
            if (d.merge == 1) {
                Workspace next = state.workspace();
                merge_import(next, result);
                state.replace_workspace("import.import_csv", std::move(next));
            } else {
                std::string name = d.file.name.substr(0, d.file.name.rfind('.'));
                state.replace_workspace("import.import_csv", workspace_from_import(result, name));
            }
            state.notify("import.imported_rows_from", {std::to_string(result.imported), d.file.name});
        } else {
            state.notify("import.imported_rows_from", {"0", d.file.name}, true);
        }
        d.stage = Stage::result;
    }
    automation::record("import.import");
    if (!can_import) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
    automation::record("import.cancel");
    ImGui::EndPopup();
}

}  // namespace lcs
