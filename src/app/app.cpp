#include "app/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/automation.h"
#include "app/dialog_import_csv.h"
#include "app/panels.h"
#include "app/text_field.h"
#include "core/workspace_io.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace {

constexpr const char* kSettingsKey = "lcs.settings";
constexpr const char* kIniKey = "lcs.imgui.ini";

bool ends_with_ci(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

bool shortcut_modifier(const ImGuiIO& io) { return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl; }
const char* mod_name() { return ImGui::GetIO().ConfigMacOSXBehaviors ? "Cmd" : "Ctrl"; }
std::string shortcut(const char* keys) { return std::string(mod_name()) + "+" + keys; }

// A menu titled by `key` under a language-independent ImGui id, its title recorded for the tests
// whether it opened or not; the caller ends it when this returns true.
bool begin_menu(const char* key, const char* id, const char* automation_name) {
    bool open = ImGui::BeginMenu(tr_id(key, id).c_str());
    automation::record(automation_name);
    return open;
}

}  // namespace

App::App()
    : import_dialog_(std::make_unique<CsvImportDialog>()),
      unsaved_([this] { save(); }, [this] { autosave_now(); }) {
    add_app_jobs(jobs_);
    import_dialog_->set_unsaved_prompt(&unsaved_);
}
App::~App() = default;

void App::start() {
    auto json = Json::parse(platform::settings_get(kSettingsKey), nullptr, false);
    if (json.is_object()) {
        settings_.language = language_from_code(json.value("language", "en"));
        settings_.ui_scale = std::clamp(json.value("ui_scale", 1.0f), 0.75f, 2.0f);
        settings_.active_panel = json.value("active_panel", std::string("customers"));
        if (json.contains("hidden_panels") && json["hidden_panels"].is_array())
            for (const auto& id : json["hidden_panels"])
                if (id.is_string()) settings_.hidden_panels.insert(id.get<std::string>());
    }
    lcs::set_language(settings_.language);
    if (find_panel(settings_.active_panel.c_str())) pending_tab_ = settings_.active_panel;
    std::string ini = platform::settings_get(kIniKey);
    if (!ini.empty()) ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());

    platform::set_file_drop_handler([this](platform::FileData file) { open_file(std::move(file)); });
    platform::set_automation_handler([this](const std::string& q, const std::string& a) { return query(q, a); });
    autosave_.load([this] { restore_at_startup(0); });
}

// The newest autosaved version that loads; else the pre-journal autosave if it could not be moved
// into the journal; else (first start) the e-commerce demo.
void App::restore_at_startup(std::size_t version_index) {
    const std::vector<AutosaveVersion>& versions = autosave_.journal().versions();
    if (version_index < versions.size()) {
        autosave_.read(versions[version_index].id, [this, version_index](std::optional<AutosaveRecord> record) {
            if (record && apply_autosave_record(*record, true)) finish_start();
            else restore_at_startup(version_index + 1);
        });
        return;
    }
    const std::optional<AutosaveRecord>& legacy = autosave_.unmoved_legacy();
    if (!(legacy && apply_autosave_record(*legacy, true))) open_demo("ecommerce");
    finish_start();
}

void App::finish_start() {
    seen_revision_ = autosaved_revision_ = state_.revision();
    started_ = true;
    platform::notify_ready();
}

bool App::apply_autosave_record(const AutosaveRecord& record, bool at_startup) {
    LoadResult loaded = load_workspace_json(record.workspace_json);
    if (!loaded.ok()) {
        if (!at_startup) state_.report({tr("restore.title"), tr("app.the_current_workspace_was_kept"), loaded.problems});
        return false;
    }
    state_.load(std::move(*loaded.workspace), record.version.file_name, record.version.dirty);
    state_.selected_customer = record.selected_customer;
    state_.notify("app.restored_autosave_from", {platform::local_time_text(record.version.saved_at)});
    return true;
}

// A version is stored once the workspace has not changed for kAutosaveDelaySeconds (typing does not
// write on every key), and at once before anything replaces the workspace (autosave_now).
void App::autosave_tick() {
    if (!started_) return;
    double now = platform::now_seconds();
    if (state_.revision() != seen_revision_) {
        seen_revision_ = state_.revision();
        last_change_time_ = now;
    }
    if (autosaved_revision_ != state_.revision()) {
        if (now - last_change_time_ >= kAutosaveDelaySeconds) autosave_now();
        else platform::request_redraw();  // keep frames coming until the debounce elapses
    }
}

void App::autosave_now() {
    if (!started_ || autosaved_revision_ == state_.revision()) return;
    const Workspace& ws = state_.workspace();
    AutosaveRecord record;
    record.version.saved_at = platform::unix_time_seconds();
    record.version.workspace_name = ws.meta.name;
    record.version.file_name = state_.file_name();
    record.version.customers = ws.customers.size();
    record.version.dirty = state_.dirty();
    record.selected_customer = state_.selected_customer;
    record.workspace_json = save_workspace_json(ws, -1);
    autosave_.write(std::move(record));
    autosaved_revision_ = state_.revision();
}

std::string App::window_title() const {
    const std::string& name = state_.workspace().meta.name.empty() ? state_.file_name() : state_.workspace().meta.name;
    return std::string(state_.dirty() ? "\u25CF " : "") + (name.empty() ? tr("app.untitled") : name) + " \u2022 Lifecycle Studio";
}

// What the host shows about the workspace: the leave-page warning, the title, autosave failures.
void App::update_host() {
    if (state_.dirty() != last_unsaved_sent_) {
        last_unsaved_sent_ = state_.dirty();
        platform::set_unsaved_changes(last_unsaved_sent_);
    }
    std::string title = window_title();
    if (title != title_sent_) {
        title_sent_ = title;
        platform::set_title(title);
    }
    if (autosave_.failures() != autosave_failures_seen_) {
        autosave_failures_seen_ = autosave_.failures();
        state_.notify("app.autosave_failed", {}, true);
    }
}

void App::persist_settings() {
    Json json = {{"language", language_code(settings_.language)},
                 {"ui_scale", settings_.ui_scale},
                 {"active_panel", state_.active_panel},
                 {"hidden_panels", settings_.hidden_panels}};
    std::string text = json.dump();
    if (text != platform::settings_get(kSettingsKey)) platform::settings_set(kSettingsKey, text);
}

void App::before_frame() {
    style_.update(settings_.ui_scale, platform::device_pixel_ratio());
}

void App::frame() {
    automation::begin_frame();
    shortcuts();
    main_menu();
    panel_tabs();
    status_bar();
    import_dialog_->draw(state_);
    restore_dialog_.draw(state_, autosave_.journal(), unsaved_, [this](std::uint64_t id) { restore_version(id); });
    settings_dialog_.draw(state_);
    problem_dialog();
    save_as_dialog();
    help_dialogs();
    unsaved_.draw(state_);  // last: asked from a menu or a dropped file (the dialogs above draw their own)
    // After the panels: a fit or history they started this frame gets its first slice now.
    if (jobs_.run(state_)) platform::request_redraw();  // the app idles without input: keep the work going
    autosave_tick();
    update_host();

    ImGuiIO& io = ImGui::GetIO();
    if (io.WantSaveIniSettings) {
        io.WantSaveIniSettings = false;
        platform::settings_set(kIniKey, ImGui::SaveIniSettingsToMemory());
    }
    if (settings_.active_panel != state_.active_panel) {
        settings_.active_panel = state_.active_panel;
        persist_settings();
    }
}

// ---- commands ----

void App::new_workspace() {
    Workspace ws;
    ws.meta.name = "Untitled";
    ws.churn_reasons = default_churn_reasons();
    state_.load(std::move(ws), "");
    state_.notify("common.new_workspace");
}

void App::ask_then_new_workspace() { unsaved_.ask(state_, "common.new_workspace", [this] { new_workspace(); }); }

void App::show_open_dialog() {
    platform::open_file_dialog(".json,.csv,.txt,.xlsx", [this](platform::FileData file) { open_file(std::move(file)); });
}

bool App::open_demo(const std::string& kind) {
    std::string name = "demo-" + kind + ".json";
    auto text = platform::read_asset(name);
    if (!text) {
        state_.notify("app.demo_not_available", {name}, true);
        return false;
    }
    std::shared_ptr<Workspace> workspace = parse_workspace(*text, name);
    if (workspace) replace_workspace(std::move(*workspace), name);
    return workspace != nullptr;
}

void App::ask_then_open_demo(const std::string& kind) {
    unsaved_.ask(state_, "app.open_demo", [this, kind] { open_demo(kind); });
}

std::shared_ptr<Workspace> App::parse_workspace(const std::string& text, const std::string& file_name) {
    LoadResult loaded = load_workspace_json(text);
    if (!loaded.ok()) {
        state_.report({trf("app.the_file_was_not_opened", {file_name}), tr("app.the_current_workspace_was_kept"), loaded.problems});
        state_.notify("app.the_file_was_not_opened", {file_name}, true);
        return nullptr;
    }
    // Broken characters were repaired (core workspace_io): say which, since saving writes the repair.
    if (!loaded.warnings.empty())
        state_.report({trf("app.text_was_repaired", {file_name}), tr("app.text_was_repaired_detail"), loaded.warnings});
    return std::make_shared<Workspace>(std::move(*loaded.workspace));
}

void App::replace_workspace(Workspace workspace, const std::string& file_name) {
    state_.load(std::move(workspace), file_name);
    state_.notify("app.opened", {file_name});
}

// Demos open under their asset's file name and are named "Demo: ..." (core demo_generator); saving
// renames the file, and an import into a new workspace names the workspace after the CSV file.
bool App::demo_is_open() const {
    return state_.file_name().rfind("demo-", 0) == 0 && state_.workspace().meta.name.rfind("Demo:", 0) == 0;
}

void App::open_file(platform::FileData file) {
    if (ends_with_ci(file.name, ".json")) {
        // Read first: a file that does not open replaces nothing, so there is nothing to ask.
        std::shared_ptr<Workspace> workspace = parse_workspace(file.bytes, file.name);
        if (!workspace) return;
        unsaved_.ask(state_, "app.open_a_workspace",
                     [this, workspace, name = file.name] { replace_workspace(std::move(*workspace), name); });
    } else if (ends_with_ci(file.name, ".csv") || ends_with_ci(file.name, ".txt") || ends_with_ci(file.name, ".tsv") ||
               ends_with_ci(file.name, ".xlsx")) {
        import_dialog_->open(std::move(file), demo_is_open());
    } else {
        state_.notify("app.unsupported_file_type", {file.name}, true);
    }
}

void App::show_import_dialog() {
    platform::open_file_dialog(".csv,.txt,.tsv,.xlsx", [this](platform::FileData file) {
        import_dialog_->open(std::move(file), demo_is_open());
    });
}

std::string App::default_file_name() const {
    std::string name = state_.workspace().meta.name.empty() ? "workspace" : state_.workspace().meta.name;
    for (char& c : name)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '_';
    return name + ".json";
}

void App::save() { save_as(default_file_name()); }

void App::save_as(const std::string& file_name) {
    bool replaced_extension = false;
    std::string name = workspace_file_name(file_name, &replaced_extension);
    if (name.empty()) name = default_file_name();
    platform::download_file(name, save_workspace_json(state_.workspace()), "application/json");
    state_.mark_saved(name);
    // Asked for client-report.csv: say why the file is client-report.json.
    if (replaced_extension) state_.notify("app.saved_as_json", {name, file_name});
    else state_.notify("app.saved", {name});
}

void App::show_restore_dialog() { restore_dialog_.open(); }

void App::restore_version(std::uint64_t id) {
    autosave_.read(id, [this](std::optional<AutosaveRecord> record) {
        if (!record) state_.notify("restore.version_not_readable", {}, true);
        else apply_autosave_record(*record, false);
    });
}

void App::print() { platform::print_page(); }

void App::undo() {
    std::string label = state_.undo_label();
    if (state_.undo()) state_.notify("app.undid", {label}, false, {true});
    else state_.notify("app.nothing_to_undo");
}

void App::redo() {
    std::string label = state_.redo_label();
    if (state_.redo()) state_.notify("app.redid", {label}, false, {true});
    else state_.notify("app.nothing_to_redo");
}

void App::set_language(Language language) {
    settings_.language = language;
    lcs::set_language(language);
    persist_settings();
}

void App::select_panel(const std::string& id) {
    if (!find_panel(id.c_str())) return;
    settings_.hidden_panels.erase(id);
    pending_tab_ = id;
    platform::request_redraw();
}

// ---- UI ----

void App::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!shortcut_modifier(io) || io.KeyAlt) return;
    if (ImGui::IsKeyPressed('S', false)) save();
    if (ImGui::IsKeyPressed('O', false)) show_open_dialog();
    if (ImGui::IsKeyPressed('P', false)) print();
    if (io.WantTextInput) return;  // text fields keep their own undo
    if (ImGui::IsKeyPressed('Z', false)) {
        if (io.KeyShift) redo();
        else undo();
    }
    if (ImGui::IsKeyPressed('Y', false)) redo();
}

void App::main_menu() {
    if (!ImGui::BeginMainMenuBar()) return;
    menu_bar_height_ = ImGui::GetWindowSize().y;
    file_menu();
    edit_menu();
    view_menu();
    help_menu();
    ImGui::EndMainMenuBar();
}

void App::file_menu() {
    if (!begin_menu("app.file", "file", "menu.file")) return;
    if (ImGui::MenuItem(tr("common.new"))) ask_then_new_workspace();
    automation::record("file.new");
    if (ImGui::MenuItem(tr("app.open"), shortcut("O").c_str())) show_open_dialog();
    automation::record("file.open");
    if (begin_menu("app.open_demo", "demo", "file.demo")) {
        if (ImGui::MenuItem(tr("app.e_commerce"))) ask_then_open_demo("ecommerce");
        automation::record("file.demo.ecommerce");
        if (ImGui::MenuItem(tr("app.saas"))) ask_then_open_demo("saas");
        automation::record("file.demo.saas");
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(tr("app.import_csv"))) show_import_dialog();
    automation::record("file.import");
    ImGui::Separator();
    if (ImGui::MenuItem(tr("app.save"), shortcut("S").c_str())) save();
    automation::record("file.save");
    if (ImGui::MenuItem(tr("app.save_as"))) {
        open_save_as_ = true;
        save_as_name_ = default_file_name();
    }
    automation::record("file.save_as");
    if (ImGui::MenuItem(tr("app.print"), shortcut("P").c_str())) print();
    automation::record("file.print");
    ImGui::Separator();
    if (ImGui::MenuItem(tr("app.restore"), nullptr, false, !autosave_.journal().empty())) show_restore_dialog();
    automation::record("file.restore");
    ImGui::EndMenu();
}

void App::edit_menu() {
    if (!begin_menu("app.edit", "edit", "menu.edit")) return;
    std::string undo_text = state_.can_undo() ? trf("app.undo_label", {tr(state_.undo_label().c_str())}) : tr("app.undo");
    if (ImGui::MenuItem((undo_text + "###undo").c_str(), shortcut("Z").c_str(), false, state_.can_undo())) undo();
    automation::record("edit.undo");
    std::string redo_text = state_.can_redo() ? trf("app.redo_label", {tr(state_.redo_label().c_str())}) : tr("app.redo");
    if (ImGui::MenuItem((redo_text + "###redo").c_str(), shortcut("Y").c_str(), false, state_.can_redo())) redo();
    automation::record("edit.redo");
    ImGui::Separator();
    if (ImGui::MenuItem(tr("app.workspace_settings"))) settings_dialog_.open();
    automation::record("edit.workspace_settings");
    ImGui::EndMenu();
}

// Panels to show or hide, then the language and UI scale submenus.
void App::view_menu() {
    if (!begin_menu("app.view", "view", "menu.view")) return;
    ImGui::TextDisabled("%s", tr("app.panels"));
    for (const PanelInfo& panel : panel_registry()) {
        bool shown = settings_.hidden_panels.count(panel.id) == 0;
        if (ImGui::MenuItem(tr_id(panel.title, panel.id).c_str(), nullptr, shown)) {
            if (shown) settings_.hidden_panels.insert(panel.id);
            else select_panel(panel.id);
            persist_settings();
        }
        automation::record(std::string("view.panel.") + panel.id);
    }
    ImGui::Separator();
    language_menu();
    scale_menu();
    ImGui::EndMenu();
}

void App::language_menu() {
    if (!begin_menu("app.language", "language", "view.language")) return;
    if (ImGui::MenuItem("English", nullptr, settings_.language == Language::english)) set_language(Language::english);
    automation::record("view.language.en");
    if (ImGui::MenuItem("简体中文", nullptr, settings_.language == Language::chinese)) set_language(Language::chinese);
    automation::record("view.language.zh");
    ImGui::EndMenu();
}

void App::scale_menu() {
    if (!ImGui::BeginMenu(tr_id("app.ui_scale", "scale").c_str())) return;
    for (float scale : {0.75f, 1.0f, 1.25f, 1.5f, 2.0f}) {
        char label[16];
        std::snprintf(label, sizeof label, "%d%%", static_cast<int>(std::lround(scale * 100)));
        if (ImGui::MenuItem(label, nullptr, std::fabs(settings_.ui_scale - scale) < 0.01f)) {
            settings_.ui_scale = scale;
            persist_settings();
        }
    }
    ImGui::EndMenu();
}

void App::help_menu() {
    if (!begin_menu("app.help", "help", "menu.help")) return;
    if (ImGui::MenuItem(tr("app.keyboard_shortcuts"))) open_shortcuts_ = true;
    automation::record("help.shortcuts");
    if (ImGui::MenuItem(tr("app.about"))) open_about_ = true;
    automation::record("help.about");
    ImGui::EndMenu();
}

void App::panel_tabs() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float status_height = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, viewport->WorkSize.y - status_height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("##main", nullptr, flags);
    ImGui::PopStyleVar();
    if (ImGui::BeginTabBar("panels", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (const PanelInfo& panel : panel_registry()) {
            if (settings_.hidden_panels.count(panel.id)) continue;
            ImGuiTabItemFlags tab_flags = pending_tab_ == panel.id ? ImGuiTabItemFlags_SetSelected : 0;
            bool open = ImGui::BeginTabItem(tr_id(panel.title, panel.id).c_str(), nullptr, tab_flags);
            automation::record(std::string("tab.") + panel.id);
            if (open) {
                state_.active_panel = panel.id;
                ImGui::BeginChild("panel", ImVec2(0, 0), false);
                panel.draw(state_);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        pending_tab_.clear();
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void App::status_bar() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float height = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::Begin("##status", nullptr, flags);
    const Notice& notice = state_.notice();
    const std::string shown = notice.key.empty() ? tr("app.ready") : notice_text(notice);
    if (notice.is_error) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", shown.c_str());
    else ImGui::TextUnformatted(shown.c_str());
    automation::record("status.notice");
    const std::string file = state_.file_name().empty() ? std::string(tr("app.untitled")) : state_.file_name();
    std::string right = (state_.dirty() ? trf("app.file_unsaved_changes", {file}) : file) + "   " +
                        trf("app.customer_count", {std::to_string(state_.workspace().customers.size())});
    float w = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, ImGui::GetWindowWidth() - w - ImGui::GetStyle().WindowPadding.x));
    ImGui::TextDisabled("%s", right.c_str());
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

void App::problem_dialog() {
    auto& reports = state_.reports();
    const char* id = "###problems";
    if (!reports.empty() && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.7f, viewport->WorkSize.y * 0.6f), ImGuiCond_Appearing);
    std::string title = std::string(tr("app.problems")) + id;
    if (!ImGui::BeginPopupModal(title.c_str())) return;
    automation::record("errors.dialog");
    if (reports.empty()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const ProblemReport& report = reports.front();
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", report.title.c_str());
    if (!report.detail.empty()) ImGui::TextUnformatted(report.detail.c_str());
    float button_height = ImGui::GetFrameHeightWithSpacing();
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("problems", 3, flags, ImVec2(0, -button_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("common.problem_where"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 14);
        ImGui::TableSetupColumn(tr("app.problem_message"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("app.problem_kind"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 11);
        ImGui::TableHeadersRow();
        for (const Problem& p : report.problems) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.where.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", p.message.c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", p.kind.c_str());
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr("common.close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        reports.erase(reports.begin());
        if (reports.empty()) ImGui::CloseCurrentPopup();
    }
    automation::record("errors.close");
    ImGui::EndPopup();
}

void App::save_as_dialog() {
    const char* id = "###save_as";
    if (open_save_as_) {
        ImGui::OpenPopup(id);
        open_save_as_ = false;
    }
    std::string title = std::string(tr("app.save_as")) + id;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(tr("app.file_name"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = input_text("##name", save_as_name_, ImGuiInputTextFlags_EnterReturnsTrue);
    automation::record("save_as.name");
    if (ImGui::Button(tr("app.download")) || enter) {
        save_as(save_as_name_);
        ImGui::CloseCurrentPopup();
    }
    automation::record("save_as.download");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void App::help_dialogs() {
    if (open_about_) {
        ImGui::OpenPopup("###about");
        open_about_ = false;
    }
    if (open_shortcuts_) {
        ImGui::OpenPopup("###shortcuts");
        open_shortcuts_ = false;
    }
    ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(tr_id("app.about", "about").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Lifecycle Studio 0.1");
        ImGui::Separator();
        ImGui::TextUnformatted(tr("app.lifecycle_studio_is_a_workbench_for"));
        ImGui::TextUnformatted(tr("app.everything_runs_in_your_browser_no"));
        ImGui::TextUnformatted(tr("app.drop_a_json_workspace_or_a"));
        ImGui::TextDisabled("Dear ImGui %s", IMGUI_VERSION);
        if (ImGui::Button(tr("common.close"))) ImGui::CloseCurrentPopup();
        automation::record("about.close");
        ImGui::EndPopup();
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(tr_id("app.keyboard_shortcuts", "shortcuts").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) {
            ImGui::TableSetupColumn(tr("app.action"));
            ImGui::TableSetupColumn(tr("app.shortcut"));
            ImGui::TableHeadersRow();
            const std::pair<const char*, std::string> rows[] = {
                {"app.open_a_workspace", shortcut("O")},
                {"app.save_download_the_workspace", shortcut("S")},
                {"app.print_what_is_on_screen", shortcut("P")},
                {"app.undo_the_last_edit", shortcut("Z")},
                {"app.redo", shortcut("Y") + " / " + shortcut("Shift+Z")},
                {"app.copy_paste_in_text_fields", shortcut("C") + " / " + shortcut("V")},
            };
            for (const auto& row : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(row.first));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.second.c_str());
            }
            ImGui::EndTable();
        }
        if (ImGui::Button(tr("common.close"))) ImGui::CloseCurrentPopup();
        automation::record("shortcuts.close");
        ImGui::EndPopup();
    }
}

// ---- automation ----

std::string App::state_json() const {
    Json errors = Json::array();
    for (const ProblemReport& report : const_cast<AppState&>(state_).reports()) {
        Json problems = Json::array();
        for (const Problem& p : report.problems) problems.push_back(p.to_string());
        errors.push_back({{"title", report.title}, {"problems", problems}});
    }
    Json json = {{"started", started_},
                 {"customers", state_.workspace().customers.size()},
                 {"workspace", state_.workspace().meta.name},
                 {"file", state_.file_name()},
                 {"dirty", state_.dirty()},
                 {"undo", state_.undo_depth()},
                 {"redo", state_.redo_depth()},
                 {"revision", state_.revision()},
                 {"panel", state_.active_panel},
                 {"panels", Json::array()},
                 {"selected", state_.selected_customer},
                 {"errors", errors},
                 {"notice", state_.notice().text},
                 {"language", language_code(settings_.language)},
                 {"scale", style_.scale()},
                 // Stored for good: the version and the index naming it were both written.
                 {"autosaved", autosaved_revision_ == state_.revision() && !autosave_.busy()},
                 {"autosave_versions", Json::array()},
                 {"unsaved_prompt", unsaved_.pending()},
                 {"title", title_sent_},
                 {"frame", ImGui::GetFrameCount()},
                 {"wantTextInput", ImGui::GetIO().WantTextInput}};
    for (const PanelInfo& panel : panel_registry()) json["panels"].push_back(panel.id);
    for (const AutosaveVersion& v : autosave_.journal().versions())
        json["autosave_versions"].push_back({{"id", v.id}, {"saved_at", v.saved_at}, {"workspace", v.workspace_name},
                                             {"customers", v.customers}, {"dirty", v.dirty}});
    // Values panels published for tests (automation::publish), e.g. "scenario".
    Json published = Json::parse(automation::published_json(), nullptr, false);
    if (published.is_object())
        for (auto& [key, value] : published.items())
            if (!json.contains(key)) json[key] = value;
    return json.dump();
}

std::string App::query(const std::string& name, const std::string& arg) {
    if (name == "itemRect") return automation::rect_json(arg);
    if (name == "items") return automation::names_json();
    if (name == "workspaceJson") return save_workspace_json(state_.workspace());
    if (name == "state") return state_json();
    if (name == "command") {
        std::string command = arg.substr(0, arg.find(' '));
        std::string rest = arg.find(' ') == std::string::npos ? "" : arg.substr(arg.find(' ') + 1);
        if (command == "undo") undo();
        else if (command == "redo") redo();
        else if (command == "demo") open_demo(rest);
        else if (command == "panel") select_panel(rest);
        else if (command == "select") state_.selected_customer = rest;
        else if (command == "language") set_language(language_from_code(rest));
        else if (command == "scale") {  // the View > UI scale menu's setting (tests draw every scale)
            settings_.ui_scale = std::clamp(std::strtof(rest.c_str(), nullptr), 0.75f, 2.0f);
            persist_settings();
        }
        else if (command == "new") new_workspace();
        else return "false";
        return "true";
    }
    return "null";
}

}  // namespace lcs
