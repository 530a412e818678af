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
    bool demo_open = false;  // the open workspace is a demo: new by default, merging is a choice
    UnsavedPrompt* prompt = nullptr;
    // After the import:
    std::size_t rows = 0, imported = 0, customers = 0;
    Problems problems;

    void refresh_preview() {
        preview = preview_csv(file.bytes, options, 20);
        options.columns = preview.columns;
    }

    void draw_result(float line);
    bool draw_layout_options();
    bool draw_column_roles();
    void draw_preview(float line);
    void draw_buttons(AppState& state);
    void run_import(AppState& state);
};

void CsvImportDialog::Impl::draw_result(float line) {
    ImGui::TextUnformatted(trf("import.imported_rows_customers", {std::to_string(imported), std::to_string(rows),
                                                                  std::to_string(customers)}).c_str());
    if (!problems.empty()) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: %zu", tr("import.rows_that_were_not_imported"), problems.size());
        problem_table("bad_rows", problems, -line);
    }
    if (ImGui::Button(tr("common.close"))) ImGui::CloseCurrentPopup();
    automation::record("import.close");
}

// Separator, header and date format; true when any changed. A new layout forgets the chosen columns.
bool CsvImportDialog::Impl::draw_layout_options() {
    static const CsvSeparator kSeparators[] = {CsvSeparator::automatic, CsvSeparator::comma, CsvSeparator::semicolon,
                                               CsvSeparator::tab, CsvSeparator::whitespace};
    static const CsvHeader kHeaders[] = {CsvHeader::automatic, CsvHeader::yes, CsvHeader::no};
    static const CsvDateFormat kFormats[] = {CsvDateFormat::automatic, CsvDateFormat::ymd_dash, CsvDateFormat::ymd_slash,
                                             CsvDateFormat::dmy, CsvDateFormat::mdy, CsvDateFormat::yyyymmdd};
    bool layout_changed = enum_combo(tr("import.separator"), "import.separator", options.separator, kSeparators, separator_name);
    ImGui::SameLine();
    layout_changed |= enum_combo(tr("import.first_row_is_a_header"), "import.header", options.header, kHeaders, header_name);
    ImGui::SameLine();
    bool changed = enum_combo(tr("import.date_format"), "import.date_format", options.date_format, kFormats, csv_date_format_name);
    if (layout_changed) options.columns = CsvColumns{};  // guess the columns again for the new layout
    ImGui::TextDisabled("%s", trf("import.detected", {separator_name(preview.separator),
                                                       tr(preview.has_header ? "import.first_row_is_a_header" : "import.no_header"),
                                                       csv_date_format_name(preview.date_format)}).c_str());
    return changed || layout_changed;
}

// The column for each role; true when any changed.
bool CsvImportDialog::Impl::draw_column_roles() {
    const auto& names = preview.column_names;
    bool changed = column_combo(tr("import.customer_id_column"), "import.col.id", options.columns.customer_id, names, false);
    ImGui::SameLine();
    changed |= column_combo(tr("import.date_column"), "import.col.date", options.columns.date, names, false);
    ImGui::SameLine();
    changed |= column_combo(tr("import.amount_column"), "import.col.amount", options.columns.amount, names, true);
    changed |= column_combo(tr("common.cost"), "import.col.cost", options.columns.cost, names, true);
    ImGui::SameLine();
    changed |= column_combo(tr("import.product_column"), "import.col.product", options.columns.product, names, true);
    return changed;
}

// The first rows as parsed, each column headed by its name and role, then the preview's problems.
void CsvImportDialog::Impl::draw_preview(float line) {
    const auto& names = preview.column_names;
    float problems_height = preview.problems.empty() ? 0 : line * 3;
    int cols = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(names.size(), 1), 64));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("preview", cols, flags, ImVec2(0, -(line * 1.3f + problems_height)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        const CsvColumns& c = options.columns;
        for (int i = 0; i < cols; ++i) {
            std::string label = i < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(i)] : "";
            const char* role = i == c.customer_id ? tr("common.id") : i == c.date ? tr("common.date") : i == c.amount ? tr("common.amount")
                             : i == c.cost ? tr("common.cost") : i == c.product ? tr("common.product") : nullptr;
            if (role) label += std::string(" [") + role + "]";
            ImGui::TableSetupColumn(label.c_str());
        }
        ImGui::TableHeadersRow();
        for (const auto& row : preview.rows) {
            ImGui::TableNextRow();
            for (int i = 0; i < cols; ++i) {
                ImGui::TableNextColumn();
                if (i < static_cast<int>(row.size())) ImGui::TextUnformatted(row[static_cast<std::size_t>(i)].c_str());
            }
        }
        ImGui::EndTable();
    }
    problem_table("preview_problems", preview.problems, problems_height);
}

// Import (once an id and a date column are chosen) and Cancel.
void CsvImportDialog::Impl::draw_buttons(AppState& state) {
    bool can_import = options.columns.customer_id >= 0 && options.columns.date >= 0;
    if (!can_import) ImGui::BeginDisabled();
    if (ImGui::Button(tr("import.import"))) {
        if (merge == 0 && prompt) prompt->ask(state, "import.import_into_a_new_workspace", [this, &state] { run_import(state); });
        else run_import(state);
    }
    automation::record("import.import");
    if (!can_import) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
    automation::record("import.cancel");
}

// Imports the whole file with the chosen options, merged or as a new workspace (one undo step), and
// moves to the result page.
void CsvImportDialog::Impl::run_import(AppState& state) {
    CsvImportResult result = import_transactions_csv(file.bytes, options);
    rows = result.rows;
    imported = result.imported;
    customers = result.customers.size();
    problems = result.problems;
    if (result.imported > 0) {
        if (merge == 1) {
            Workspace next = state.workspace();
            merge_import(next, result);
            state.replace_workspace("import.import_csv", std::move(next));
        } else {
            std::string name = file.name.substr(0, file.name.rfind('.'));
            state.replace_workspace("import.import_csv", workspace_from_import(result, name));
        }
        state.notify("import.imported_rows_from", {std::to_string(result.imported), file.name});
    } else {
        state.notify("import.imported_rows_from", {"0", file.name}, true);
    }
    stage = Stage::result;
}

CsvImportDialog::CsvImportDialog() : impl_(std::make_unique<Impl>()) {}
CsvImportDialog::~CsvImportDialog() = default;

void CsvImportDialog::set_unsaved_prompt(UnsavedPrompt* prompt) { impl_->prompt = prompt; }

void CsvImportDialog::open(platform::FileData file, bool new_workspace_by_default) {
    Impl& d = *impl_;
    d.file = std::move(file);
    d.demo_open = new_workspace_by_default;
    d.merge = new_workspace_by_default ? 0 : 1;
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
        d.draw_result(line);
        ImGui::EndPopup();
        return;
    }

    bool changed = d.draw_layout_options();
    changed |= d.draw_column_roles();
    if (changed) d.refresh_preview();

    ImGui::RadioButton(tr("import.merge_into_the_open_workspace"), &d.merge, 1);
    automation::record("import.merge");
    ImGui::SameLine();
    ImGui::RadioButton(tr("common.new_workspace"), &d.merge, 0);
    automation::record("import.new_workspace");
    if (d.demo_open) ImGui::TextDisabled("%s", tr("import.a_demo_is_open"));

    ImGui::Separator();
    ImGui::TextUnformatted(tr("import.preview"));
    d.draw_preview(line);
    d.draw_buttons(state);
    if (d.prompt) d.prompt->draw(state);  // inside the dialog, which stays open behind the prompt
    ImGui::EndPopup();
}

}  // namespace lcs
