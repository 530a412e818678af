// The open workspace and everything the UI keeps about it: file name, unsaved-changes flag,
// undo/redo history of edits, revision counters for derived-result caches, notices and problems.
// Panels read the workspace and change it only through the edit_* functions (so every edit is
// undoable and invalidates caches).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <variant>
#include <vector>

#include "app/cached.h"
#include "core/problem.h"
#include "core/workspace.h"

namespace lcs {

struct Notice {
    std::string key;                // i18n key: the status bar shows trf(key, args) in the current language
    std::vector<std::string> args;  // values for {0}, {1}... (names, counts; formatted by the caller)
    bool is_error = false;
    std::string text;               // trf(key, args) when it was made (automation, tests)
    // args[i] is itself an i18n key (an edit's label) when arg_is_key[i]: translated when drawn too,
    // so "Undid: …" reads in the language shown now, not the one of the moment it was made.
    std::vector<bool> arg_is_key;
};

// The notice in the current language (what the status bar shows).
std::string notice_text(const Notice& notice);

// A problem report shown in the error dialog: a title and every problem (path + message).
struct ProblemReport {
    std::string title;
    std::string detail;
    Problems problems;
};

class AppState {
public:
    AppState();

    const Workspace& workspace() const { return workspace_; }
    // Revisions for derived-result caches (src/app/cached.h); key each cache on what it reads.
    // data_revision: the customer list changed (edit_customer, load, replace_workspace, their undo).
    // settings_revision: anything else but the scenarios changed (edit_header: meta, lifecycle model,
    // churn reasons, settings; and load/replace). scenario_revision: the scenarios section changed
    // (edit_scenarios, load/replace). revision: any of them changed (every load, edit, undo and redo).
    // analysis_revision: data or settings changed, i.e. anything a scenario edit leaves alone (the CLV
    // fit keys on it, so a what-if edit does not mark the fit as out of date).
    std::uint64_t revision() const { return revision_; }
    std::uint64_t data_revision() const { return data_revision_; }
    std::uint64_t settings_revision() const { return settings_revision_; }
    std::uint64_t scenario_revision() const { return scenario_revision_; }
    std::uint64_t analysis_revision() const { return analysis_revision_; }

    const std::string& file_name() const { return file_name_; }
    bool dirty() const { return dirty_; }
    void mark_saved(const std::string& file_name);

    // Replaces the workspace (open, new, demo, restore). Not undoable: clears the history.
    void load(Workspace workspace, std::string file_name, bool dirty = false);

    // Undoable edits. `label` names the edit in the Edit menu ("Rename customer").
    // edit_customer: precondition index < customers().size(); change may not alter the id.
    void edit_customer(std::size_t index, const std::string& label, const std::function<void(Customer&)>& change);
    // Anything but the customer list and the scenarios (meta, churn reasons, lifecycle model, settings).
    void edit_header(const std::string& label, const std::function<void(Workspace&)>& change);
    // The scenarios section (what-if plans): bumps scenario_revision only, not the analysis inputs.
    void edit_scenarios(const std::string& label, Json scenarios);
    // Whole-workspace replacement that stays undoable (CSV import).
    void replace_workspace(const std::string& label, Workspace next);

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::size_t undo_depth() const { return undo_.size(); }
    std::size_t redo_depth() const { return redo_.size(); }
    const std::string& undo_label() const;  // "" when nothing to undo
    const std::string& redo_label() const;
    bool undo();  // false when there was nothing to undo
    bool redo();

    // Index of a customer by id; nullopt when absent. O(1) after the first call per data revision.
    std::optional<std::size_t> find_customer(const std::string& id) const;

    // Selection shared by panels (customer id; empty = none).
    std::string selected_customer;
    // Id of the panel shown in the main area.
    std::string active_panel = "customers";

    // Status bar line; and problem reports waiting for the error dialog.
    void notify(const char* key, std::vector<std::string> args = {}, bool is_error = false,
                std::vector<bool> arg_is_key = {});
    const Notice& notice() const { return notice_; }
    void report(ProblemReport report) { reports_.push_back(std::move(report)); }
    std::vector<ProblemReport>& reports() { return reports_; }

    // Per-panel UI state (filters, sort specs, caches) that lives as long as the app:
    // `auto& s = state.panel_data<MyPanelState>();` default-constructs on first use.
    template <class T>
    T& panel_data() {
        auto& slot = panel_data_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>();
        return *static_cast<T*>(slot.get());
    }

    static constexpr std::size_t kMaxUndo = 200;

private:
    struct CustomerEdit {
        std::size_t index;
        Customer before, after;
    };
    struct SnapshotEdit {  // header edits store the workspace without customers; replacements the whole
        bool whole;
        std::shared_ptr<const Workspace> before, after;
        bool scenarios_only = false;  // an edit_scenarios: bumps scenario_revision, not settings_revision
    };
    struct Edit {
        std::string label;
        std::variant<CustomerEdit, SnapshotEdit> change;
    };

    void apply(const Edit& edit, bool forward);
    void push(Edit edit);
    enum Change : unsigned { kData = 1, kSettings = 2, kScenarios = 4, kAll = 7 };
    static Change change_of(const Edit& edit);
    void changed(Change change);

    Workspace workspace_;
    std::uint64_t revision_ = 1, data_revision_ = 1, settings_revision_ = 1, scenario_revision_ = 1, analysis_revision_ = 1;
    std::string file_name_;
    bool dirty_ = false;
    std::vector<Edit> undo_, redo_;
    Notice notice_;
    std::vector<ProblemReport> reports_;
    std::unordered_map<std::type_index, std::shared_ptr<void>> panel_data_;
    mutable Cached<std::uint64_t, std::unordered_map<std::string, std::size_t>> id_index_;  // on data_revision
};

}  // namespace lcs
