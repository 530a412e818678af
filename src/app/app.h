// The application: menus, shortcuts, the panel tabs, status bar, dialogs, autosave, the background
// job runner and the automation queries used by tests. One instance lives for the program's lifetime.
#pragma once
#include <memory>
#include <set>
#include <string>

#include "app/app_state.h"
#include "app/i18n.h"
#include "app/job_runner.h"
#include "app/ui_style.h"
#include "platform/platform.h"

namespace lcs {

class CsvImportDialog;

// UI settings kept across reloads (platform settings key "lcs.settings", JSON).
struct AppSettings {
    Language language = Language::english;
    float ui_scale = 1.0f;  // 0.75 .. 2
    std::set<std::string> hidden_panels;
    std::string active_panel = "customers";
};

class App {
public:
    App();
    ~App();

    // Reads settings, restores the last autosave (or opens the e-commerce demo) and registers the
    // drop and automation handlers. Startup may finish asynchronously (storage is async on the web).
    void start();
    void before_frame();  // font atlas / style updates
    void frame();         // the whole UI, between ImGui::NewFrame and ImGui::Render

    AppState& state() { return state_; }
    bool started() const { return started_; }
    // Background work (CLV fits, snapshot histories), advanced every frame whatever panel shows.
    JobRunner& jobs() { return jobs_; }

    // Commands (menus, shortcuts and automation call the same functions).
    void new_workspace();
    void show_open_dialog();
    bool open_demo(const std::string& kind);  // "ecommerce" | "saas"
    void open_file(platform::FileData file);   // .json opens, .csv goes to the import dialog
    void show_import_dialog();
    void save();
    void save_as(const std::string& file_name);
    void restore_autosave();
    void undo();
    void redo();
    void set_language(Language language);
    void select_panel(const std::string& id);

    // Automation: ("itemRect", name), ("items"), ("workspaceJson"), ("state"), ("command", "undo") ...
    std::string query(const std::string& name, const std::string& arg);

    static constexpr double kAutosaveDelaySeconds = 1.0;

private:
    bool load_workspace_text(const std::string& text, const std::string& file_name);
    void finish_start(std::optional<std::string> autosave);
    bool apply_autosave_record(const std::string& record, bool at_startup);
    void autosave_tick();
    void persist_settings();
    void shortcuts();
    void main_menu();
    void file_menu();  // main_menu's menus, one function each
    void edit_menu();
    void view_menu();
    void language_menu();
    void scale_menu();
    void help_menu();
    void panel_tabs();
    void status_bar();
    void problem_dialog();
    void save_as_dialog();
    void help_dialogs();
    std::string default_file_name() const;
    std::string state_json() const;

    AppState state_;
    JobRunner jobs_;
    AppSettings settings_;
    UiStyle style_;
    std::unique_ptr<CsvImportDialog> import_dialog_;
    bool started_ = false;
    std::optional<std::string> startup_autosave_;  // the previous session's record, for "Restore autosave"
    std::uint64_t seen_revision_ = 0;
    std::uint64_t autosaved_revision_ = 0;
    double last_change_time_ = 0;
    bool last_unsaved_sent_ = false;
    std::string pending_tab_;  // a tab to select programmatically next frame
    bool open_save_as_ = false, open_about_ = false, open_shortcuts_ = false;
    std::string save_as_name_;
    float menu_bar_height_ = 0;
};

}  // namespace lcs
