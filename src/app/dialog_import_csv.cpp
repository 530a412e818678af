#include "app/dialog_import_csv.h"

#include <algorithm>

#include "app/automation.h"
#include "app/dialog_import_report.h"
#include "app/i18n.h"
#include "core/csv_import.h"
#include "core/import/decode_file.h"
#include "core/import/xlsx_import.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/text_decoder_host.h"

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

// Patterns such as DD/MM/YYYY read the same in both languages; the two described formats are translated.
const char* date_format_name(CsvDateFormat format) {
    if (format == CsvDateFormat::year_first) return tr("import.date_year_first");
    if (format == CsvDateFormat::excel_serial) return tr("import.date_excel");
    return csv_date_format_name(format);
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

// The field a column fills, chosen per column; choosing a field another column had moves it here.
bool field_combo(int column, CsvColumns& columns) {
    const ImportField current = field_of_column(columns, column);
    bool changed = false;
    ImGui::PushID(column);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##field", import_field_label(current))) {
        for (int f = 0; f < kImportFieldCount; ++f) {
            const auto field = static_cast<ImportField>(f);
            if (!ImGui::Selectable(import_field_label(field), field == current)) continue;
            if (int* old = column_of(columns, current)) *old = -1;
            if (int* slot = column_of(columns, field)) *slot = column;
            changed = true;
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    automation::record(("import.field." + std::to_string(column)).c_str());
    return changed;
}

}  // namespace

struct CsvImportDialog::Impl {
    bool open_requested = false;
    bool open = false;
    Stage stage = Stage::mapping;
    platform::FileData file;
    CsvOptions options;
    DecodedText decoded;  // the file as UTF-8 in the chosen (or detected) encoding
    CsvPreview preview;
    std::string currency;  // for a new workspace: the amounts' currency, editable
    int merge = 1;  // 1: merge into the open workspace; 0: start a new one
    bool demo_open = false;  // the open workspace is a demo: new by default, merging is a choice
    UnsavedPrompt* prompt = nullptr;
    ImportReport report;  // after the import

    std::vector<std::string> sheets;  // an .xlsx workbook's sheets (a picker when more than one)
    void decode() {
        ImportFileText text = decode_import_file(file.bytes, options.encoding, options.sheet, platform::host_text_decoder());
        decoded = std::move(text.decoded);
        if (text.workbook) options.separator = CsvSeparator::comma;  // the sheet arrives as CSV
    }
    bool draw_sheet_picker();
    void refresh_preview() {
        if (!decoded.ok()) {
            preview = CsvPreview{};
            preview.problems = decoded.problems;
            return;
        }
        preview = preview_csv(decoded.text, options, 20);
        options.columns = preview.columns;
        if (currency.empty()) currency = preview.currency;
    }
    bool can_import() const {
        const bool dates_settled = !preview.date_order_ambiguous || options.date_format != CsvDateFormat::automatic;
        return decoded.ok() && options.columns.customer_id >= 0 && options.columns.date >= 0 && dates_settled;
    }

    bool draw_layout_options();
    bool draw_choices();
    void draw_mapping(float height);
    void draw_buttons(AppState& state);
    void run_import(AppState& state);
};

// Encoding, separator, header and date format, and what was detected; true when any changed. A new
// encoding decodes the file again; a new layout forgets the chosen columns.
bool CsvImportDialog::Impl::draw_layout_options() {
    static const TextEncoding kEncodings[] = {TextEncoding::automatic, TextEncoding::utf8, TextEncoding::utf16le,
                                              TextEncoding::utf16be, TextEncoding::gb18030, TextEncoding::big5};
    static const CsvSeparator kSeparators[] = {CsvSeparator::automatic, CsvSeparator::comma, CsvSeparator::semicolon,
                                               CsvSeparator::tab, CsvSeparator::whitespace};
    static const CsvHeader kHeaders[] = {CsvHeader::automatic, CsvHeader::yes, CsvHeader::no};
    static const CsvDateFormat kFormats[] = {CsvDateFormat::automatic, CsvDateFormat::year_first, CsvDateFormat::ymd_dash,
                                             CsvDateFormat::ymd_slash, CsvDateFormat::dmy, CsvDateFormat::mdy,
                                             CsvDateFormat::yyyymmdd, CsvDateFormat::excel_serial};
    const bool encoding_changed = enum_combo(tr("import.encoding"), "import.encoding", options.encoding, kEncodings, text_encoding_name);
    if (encoding_changed) decode();
    ImGui::SameLine();
    bool layout_changed = enum_combo(tr("import.separator"), "import.separator", options.separator, kSeparators, import_separator_label);
    ImGui::SameLine();
    layout_changed |= enum_combo(tr("import.first_row_is_a_header"), "import.header", options.header, kHeaders, header_name);
    ImGui::SameLine();
    const bool changed = enum_combo(tr("import.date_format"), "import.date_format", options.date_format, kFormats, date_format_name);
    if (layout_changed || encoding_changed) options.columns = CsvColumns{};  // guess the columns again
    ImGui::TextDisabled("%s", trf("import.encoding_detected", {text_encoding_name(decoded.encoding.encoding),
                                                                import_reason_label(decoded.encoding.reason)}).c_str());
    // The encoding in the name too, so a browser test can check what the dialog shows.
    automation::record((std::string("import.encoding_shown.") + text_encoding_name(decoded.encoding.encoding)).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("import.detected", {import_separator_label(preview.separator),
                                                       tr(preview.has_header ? "import.first_row_is_a_header" : "import.no_header"),
                                                       date_format_name(preview.date_format)}).c_str());
    return changed || layout_changed || encoding_changed;
}

// A workbook with several sheets: which one to import; a new sheet is read and its columns guessed
// again. True when the sheet changed.
bool CsvImportDialog::Impl::draw_sheet_picker() {
    if (sheets.size() < 2) return false;
    const std::string current = options.sheet.empty() ? sheets.front() : options.sheet;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(tr("import.sheet"), current.c_str())) {
        for (const std::string& sheet : sheets)
            if (ImGui::Selectable(sheet.c_str(), sheet == current) && sheet != current) {
                options.sheet = sheet;
                changed = true;
            }
        ImGui::EndCombo();
    }
    automation::record("import.sheet");
    if (changed) {
        options.columns = CsvColumns{};
        decode();
    }
    return changed;
}

// The day/month question when the data cannot answer it, cancelled orders, currency, merge or new;
// true when the preview must be made again.
bool CsvImportDialog::Impl::draw_choices() {
    bool changed = false;
    if (preview.date_order_ambiguous || options.date_format == CsvDateFormat::dmy || options.date_format == CsvDateFormat::mdy) {
        if (preview.date_order_ambiguous && options.date_format == CsvDateFormat::automatic)
            ImGui::TextColored(ImVec4(0.8f, 0.45f, 0.0f, 1), "%s", tr("import.dates_ambiguous"));
        int order = options.date_format == CsvDateFormat::dmy ? 1 : options.date_format == CsvDateFormat::mdy ? 2 : 0;
        changed |= ImGui::RadioButton(tr("import.day_first"), &order, 1);
        automation::record("import.day_first");
        ImGui::SameLine();
        changed |= ImGui::RadioButton(tr("import.month_first"), &order, 2);
        automation::record("import.month_first");
        if (changed) options.date_format = order == 1 ? CsvDateFormat::dmy : CsvDateFormat::mdy;
    }
    changed |= ImGui::Checkbox(tr("import.keep_cancelled"), &options.keep_cancelled);
    automation::record("import.keep_cancelled");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::InputText(tr("import.currency"), &currency);
    automation::record("import.currency");
    ImGui::RadioButton(tr("import.merge_into_the_open_workspace"), &merge, 1);
    automation::record("import.merge");
    ImGui::SameLine();
    ImGui::RadioButton(tr("common.new_workspace"), &merge, 0);
    automation::record("import.new_workspace");
    if (demo_open) ImGui::TextDisabled("%s", tr("import.a_demo_is_open"));
    return changed;
}

// One column per file column: its name, the field it fills (a combo with the guess), the first raw values.
void CsvImportDialog::Impl::draw_mapping(float height) {
    const auto& names = preview.column_names;
    const int cols = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(names.size(), 1), 64));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("preview", cols, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 2);
    for (int i = 0; i < cols; ++i)
        ImGui::TableSetupColumn(i < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(i)].c_str() : "",
                                ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    bool changed = false;
    for (int i = 0; i < cols && i < static_cast<int>(names.size()); ++i) {
        ImGui::TableNextColumn();
        changed |= field_combo(i, options.columns);
    }
    for (std::size_t r = 0; r < preview.rows.size() && r < 5; ++r) {
        ImGui::TableNextRow();
        for (int i = 0; i < cols; ++i) {
            ImGui::TableNextColumn();
            const auto& row = preview.rows[r];
            if (i < static_cast<int>(row.size())) ImGui::TextUnformatted(row[static_cast<std::size_t>(i)].c_str());
        }
    }
    ImGui::EndTable();
    if (changed) refresh_preview();
}

// Import (once an id and a date column are chosen and the date order is known) and Cancel.
void CsvImportDialog::Impl::draw_buttons(AppState& state) {
    const bool enabled = can_import();
    if (!enabled) ImGui::BeginDisabled();
    if (ImGui::Button(tr("import.import"))) {
        if (merge == 0 && prompt) prompt->ask(state, "import.import_into_a_new_workspace", [this, &state] { run_import(state); });
        else run_import(state);
    }
    automation::record("import.import");
    if (!enabled) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
    automation::record("import.cancel");
}

// Imports the whole file with the chosen options, merged or as a new workspace (one undo step), and
// moves to the report. Nothing imported leaves the workspace exactly as it was (no undo step either).
void CsvImportDialog::Impl::run_import(AppState& state) {
    CsvImportResult result = import_transactions_csv(decoded.text, options);
    result.encoding = decoded.encoding.encoding;
    result.encoding_reason = decoded.encoding.reason;
    MergeStats stats;
    if (result.imported > 0) {
        if (merge == 1) {
            Workspace next = state.workspace();
            stats = merge_import(next, result);
            state.replace_workspace("import.import_csv", std::move(next));
        } else {
            Workspace next = workspace_from_import(CsvImportResult{}, file.name.substr(0, file.name.rfind('.')));
            if (!currency.empty()) next.meta.currency = currency;
            stats = merge_import(next, result);
            state.replace_workspace("import.import_csv", std::move(next));
        }
        state.notify("import.imported_rows_from", {std::to_string(result.imported), file.name});
    } else {
        state.notify("import.imported_rows_from", {"0", file.name}, true);
    }
    report = ImportReport{import_report_json(file.name, result, stats), result.problems,
                          merge == 1 ? state.workspace().meta.currency : currency, result.detected.separator};
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
    d.currency.clear();
    d.stage = Stage::mapping;
    d.report = ImportReport{};
    d.sheets = looks_like_zip(d.file.bytes) ? list_xlsx_sheets(d.file.bytes).names : std::vector<std::string>{};
    d.decode();
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
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.85f, viewport->WorkSize.y * 0.85f), ImGuiCond_Appearing);
    std::string title = std::string(tr("import.import_transactions_from_csv")) + id;
    d.open = ImGui::BeginPopupModal(title.c_str());
    if (!d.open) return;
    automation::record("import.dialog");
    ImGui::Text("%s  (%zu KB)", d.file.name.c_str(), (d.file.bytes.size() + 1023) / 1024);
    const float line = ImGui::GetFrameHeightWithSpacing();

    if (d.stage == Stage::result) {
        draw_import_report(d.report, line);
        ImGui::EndPopup();
        return;
    }

    bool changed = d.draw_sheet_picker();
    changed |= d.draw_layout_options();
    changed |= d.draw_choices();
    if (changed) d.refresh_preview();

    ImGui::Separator();
    ImGui::TextUnformatted(tr("import.columns"));
    const float rest = ImGui::GetContentRegionAvail().y - line * 2.6f;
    d.draw_mapping(std::max(line * 4, rest * 0.4f));
    ImGui::TextUnformatted(tr("import.as_imported"));
    draw_rows_as_imported(d.preview, std::max(line * 4, rest * 0.6f - line));
    d.draw_buttons(state);
    if (d.prompt) d.prompt->draw(state);  // inside the dialog, which stays open behind the prompt
    ImGui::EndPopup();
}

}  // namespace lcs
