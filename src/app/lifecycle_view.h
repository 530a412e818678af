// Shared state of the lifecycle views (Lifecycle, Stage flow, Stage rules, Playbooks, Health): the
// workspace's lifecycle model kept typed (parsed only when the section changed under the view), the
// analysis date and period the user chose, and cached core results keyed on the revisions they
// read (the event index on data only, so rule edits keep it). Also the edit entry point for the model and a
// hook through which other panels (CLV) add per-stage value columns to the Lifecycle panel.
//
// Index: LifecycleView · access · model edits · labels and colours · stage value columns · automation
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "app/app_state.h"
#include "app/cached.h"
#include "app/charts/charts.h"
#include "core/lifecycle/analysis.h"
#include "core/lifecycle/model.h"
#include "imgui.h"

namespace lcs {

// A column of per-stage figures drawn in the Lifecycle panel's stage table. `compute` gets the
// model and the stage assignment at the analysis date and returns one value per model stage
// (NaN = unknown). Called only when revision, model or date change (results are cached).
struct StageValueColumn {
    std::string id;     // stable, e.g. "clv.mean"
    std::string title;  // i18n key, shown through tr()
    charts::ValueFormat format = charts::ValueFormat::money;
    std::function<std::vector<double>(const Workspace&, const LifecycleModel&, const StageAssignment&)> compute;
};

struct LifecycleView {
    // ---- user inputs shared by the lifecycle panels ----
    std::optional<Date> as_of;  // nullopt: workspace default (meta.as_of, else last transaction)
    PeriodKind period = PeriodKind::month;
    int active_days = 365;
    CohortPeriod cohort_period = CohortPeriod::calendar_month;
    CohortBasis cohort_basis = CohortBasis::first_purchase;
    int selected_stage = 0;

    // ---- the model: typed, read from the workspace only when the section changed under it (load,
    // undo, redo, another panel's header edit); commit_lifecycle_model stores its typed model here ----
    LifecycleModel model;
    bool model_is_builtin = false;  // is_builtin_model(model), kept with it (the check builds every template)
    Problems model_problems;        // from a broken lifecycle_model section (the default is used then)
    std::optional<LifecycleModel> stashed_custom;  // the custom model kept while a template is active

    // ---- caches (read through the functions below); each keyed on what it depends on ----
    // The last element: the CLV fit's generation when the model reads its values (0: no scores).
    using AnalysisKey = std::tuple<std::uint64_t, Date, PeriodKind, int, CohortPeriod, CohortBasis, std::uint64_t>;
    Cached<std::uint64_t> model_key;             // settings_revision
    Cached<std::uint64_t, EventIndex> index;     // data_revision: rule edits keep the index
    Cached<AnalysisKey> analysis_key;            // revision + the inputs above
    AnalysisOptions analysis_options;
    LifecycleAtDate at_date;
    bool over_time_ready = false;  // over_time belongs to the current at_date
    LifecycleOverTime over_time;
    std::optional<SnapshotBuilder> over_time_builder;  // history to a non-default date, being built
    Cached<std::tuple<std::uint64_t, std::uint64_t>> history_key;  // revision, scores generation
    std::optional<SnapshotBuilder> history_builder;    // full_history being built by the job runner
    bool full_history_ready = false;
    SnapshotSeries full_history;   // monthly, first data date .. workspace default as-of
    // The CLV fit's values for model-driven rules and the P(alive) health measure (lifecycle_scores).
    std::shared_ptr<const ModelScores> scores;
    std::uint64_t scores_generation = 0;  // the fit's generation they came from (0: none)
    std::uint64_t scores_data_revision = 0;  // data_revision they belong to (rule edits keep them)
    std::vector<StageValueColumn> value_columns;
    Cached<std::tuple<std::uint64_t, Date>, std::vector<std::vector<double>>> column_values;  // [column][stage]
};

// ---- access (each refreshes its cache when the workspace revision or an input changed) ----
LifecycleView& lifecycle_view(AppState& state);
const LifecycleModel& lifecycle_model(AppState& state);
const EventIndex& lifecycle_index(AppState& state);
// The analysis at the chosen as-of date (staging, rule counts, metrics, health): recomputed on
// every edit, so it stays quick.
const LifecycleAtDate& lifecycle_analysis(AppState& state);
// What needs the snapshot history up to that date (transitions, dwell and conversion times,
// cohorts, churn, early warnings): computed the first time a view asks after a change. The
// _if_ready forms request the history and return nullptr until it is there: the app's job runner
// builds it a slice per frame (advance_lifecycle_histories) whichever panel is showing, so the
// page stays responsive on large workspaces; draw_history_pending shows the progress. The plain
// forms build what is missing at once (tests, automation).
const LifecycleOverTime& lifecycle_over_time(AppState& state);
const LifecycleOverTime* lifecycle_over_time_if_ready(AppState& state);
// Monthly snapshots over the whole data range (for charts that let the user move the date).
const SnapshotSeries& lifecycle_full_history(AppState& state);
const SnapshotSeries* lifecycle_full_history_if_ready(AppState& state);
// A line with a progress bar while a history is being built.
void draw_history_pending(AppState& state);
// The job-runner step (job_runner.h): builds the requested histories for up to `budget_ms`, drops
// ones whose inputs changed since the request; true while work is left.
bool advance_lifecycle_histories(AppState& state, double budget_ms);
// The date the analysis uses.
Date lifecycle_as_of(AppState& state);
// The current CLV fit's values for model-driven rules (core/lifecycle/model_scores.h), nullptr when
// there is no finished, up-to-date fit. Valid until the next fit finishes.
const ModelScores* lifecycle_scores(AppState& state);
// The fit generation the lifecycle results use: 0 when the model reads no fit values or none exists.
std::uint64_t lifecycle_scores_generation(AppState& state);
Date lifecycle_default_as_of(AppState& state);

// ---- model edits ----
// Writes `model` to Workspace::lifecycle_model as one undoable edit named `label` (validated first;
// problems are reported and nothing changes). Editing an unchanged built-in template turns it into a
// custom model based on it, so templates themselves never change.
bool commit_lifecycle_model(AppState& state, LifecycleModel model, const std::string& label);
// Activates a built-in template (keeping the current custom model aside) or, with template_id "",
// the kept custom model.
void switch_lifecycle_model(AppState& state, const std::string& template_id);
// Copies the active model into the custom slot and activates it.
void duplicate_lifecycle_model(AppState& state);
// is_builtin_model (core/lifecycle/model.h) tells an unchanged built-in template from a custom model.

// ---- labels and colours in the UI language ----
const std::string& stage_name(const Stage& stage);
const std::string& model_name(const LifecycleModel& model);
const std::string& playbook_text(const PlaybookItem& item);
ImU32 stage_color(const Stage& stage, float alpha = 1.0f);
// Black or white, whichever reads better on the stage colour.
ImU32 stage_text_color(const Stage& stage);
// Readable English label (pass through tr) of a result-metric id such as "retention_rate"; unknown ids as given.
const char* result_metric_label(const std::string& id);
// Colour of a health band (grey for none) and the i18n key of its name (for tr()).
ImU32 health_band_color(HealthBand band);
const char* health_band_label(HealthBand band);
// Stage name for index i, "-" for -1.
std::string stage_name_at(const LifecycleModel& model, int index);

// ---- stage value columns (other panels add theirs; the Lifecycle panel draws them) ----
// Replaces a column with the same id.
void set_stage_value_column(AppState& state, StageValueColumn column);
// Values per [column][stage] at the analysis date.
const std::vector<std::vector<double>>& stage_value_columns(AppState& state);

// ---- automation (published as state().lifecycle while a lifecycle panel is drawn) ----
// {"model": id, "name": ..., "custom": bool, "stages": [ids], "counts": [...], "as_of": "YYYY-MM-DD"}
Json lifecycle_automation_state(AppState& state);

// ---- small shared widgets ----
// A "YYYY-MM-DD" text field; returns true when the user committed a valid date into `date`.
bool date_input(const char* id, Date& date, float width);
// A small filled square in `color` at the cursor, followed by SameLine.
void color_swatch(ImU32 color);
// A tab titled by the i18n `key` under the language-independent ImGui id `id`, recorded for the tests
// as `automation_name` whether it is selected or not. True: the tab is selected; end it with
// ImGui::EndTabItem().
bool begin_tab_item(const char* key, const char* id, const char* automation_name);
// Model picker (when with_picker) and the analysis-date control, shown on top of every lifecycle panel.
void draw_lifecycle_header(AppState& state, bool with_picker);  // panel_lifecycle.cpp

}  // namespace lcs
