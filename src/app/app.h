// The application: menus, shortcuts, the panel tabs, status bar, dialogs, autosave, the background
// job runner and the automation queries used by tests. One instance lives for the program's lifetime.
#pragma once
#include <memory>
#include <set>
#include <string>

#include "app/app_state.h"
#include "app/autosave_store.h"
#include "app/dialog_restore.h"
#include "app/dialog_unsaved.h"
#include "app/dialog_workspace_settings.h"
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

    // Reads settings, restores the newest autosaved version that loads (or opens the e-commerce demo)
    // and registers the drop and automation handlers. Startup may finish asynchronously (storage is
    // async on the web).
    void start();
    void before_frame();  // font atlas / style updates
    void frame();         // the whole UI, between ImGui::NewFrame and ImGui::Render

    AppState& state() { return state_; }
    bool started() const { return started_; }
    // Background work (CLV fits, snapshot histories), advanced every frame whatever panel shows.
    JobRunner& jobs() { return jobs_; }

    // Commands (menus, shortcuts and automation call the same functions). The menus, shortcuts and
    // dropped files ask before replacing a workspace that has unsaved changes (UnsavedPrompt:
    // ask_then_new_workspace, ask_then_open_demo, open_file, the import dialog, Restore);
    // new_workspace and open_demo themselves replace at once (automation, tests, the prompt's
    // continuation).
    void new_workspace();
    void ask_then_new_workspace();
    void show_open_dialog();
    bool open_demo(const std::string& kind);  // "ecommerce" | "saas"
    void ask_then_open_demo(const std::string& kind);
    // .json: a readable workspace opens (after the prompt); an unreadable one is reported and the
    // open workspace kept, without asking. .csv/.tsv/.txt: the import dialog (new workspace by
    // default when a demo is open).
    void open_file(platform::FileData file);
    void show_import_dialog();
    void save();
    void save_as(const std::string& file_name);
    void show_restore_dialog();               // File > Restore...
    void restore_version(std::uint64_t id);   // opens an autosaved version (storage read: may finish later)
    void print();                             // Ctrl/Cmd+P, File > Print...
    void undo();
    void redo();
    void set_language(Language language);
    void select_panel(const std::string& id);

    // Automation: ("itemRect", name), ("items"), ("workspaceJson"), ("state"), ("command", "undo") ...
    std::string query(const std::string& name, const std::string& arg);

    // The autosaved versions (tests) and whether the unsaved-changes prompt waits for an answer.
    const AutosaveStore& autosave() const { return autosave_; }
    bool unsaved_prompt_pending() const { return unsaved_.pending(); }
    // The page title for the current workspace: "● <name> • Lifecycle Studio", the mark when unsaved.
    std::string window_title() const;

    static constexpr double kAutosaveDelaySeconds = 1.0;

private:
    // The workspace in `text`, or nullptr after reporting why it was not opened.
    std::shared_ptr<Workspace> parse_workspace(const std::string& text, const std::string& file_name);
    void replace_workspace(Workspace workspace, const std::string& file_name);
    bool demo_is_open() const;
    void restore_at_startup(std::size_t version_index);
    void finish_start();
    bool apply_autosave_record(const AutosaveRecord& record, bool at_startup);
    void autosave_tick();
    void autosave_now();  // stores the workspace as a version unless it is stored already
    void update_host();   // unsaved flag, title, autosave failures
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
    AutosaveStore autosave_;
    UnsavedPrompt unsaved_;
    RestoreDialog restore_dialog_;
    WorkspaceSettingsDialog settings_dialog_;
    bool started_ = false;
    std::uint64_t seen_revision_ = 0;
    std::uint64_t autosaved_revision_ = 0;
    double last_change_time_ = 0;
    bool last_unsaved_sent_ = false;
    std::string title_sent_;
    int autosave_failures_seen_ = 0;
    std::string pending_tab_;  // a tab to select programmatically next frame
    bool open_save_as_ = false, open_about_ = false, open_shortcuts_ = false;
    std::string save_as_name_;
    float menu_bar_height_ = 0;
};

}  // namespace lcs
