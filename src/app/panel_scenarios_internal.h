// Shared state of the scenario planner views (panel_scenarios.cpp: entry and list;
// panel_scenarios_levers.cpp, panel_scenarios_baseline.cpp: the Levers and Baseline tabs;
// panel_scenarios_compare.cpp: comparison and sensitivity). Nobody else's business.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "app/app_state.h"
#include "app/cached.h"
#include "imgui.h"
#include "core/scenario/baseline.h"
#include "core/scenario/compare.h"
#include "core/scenario/equality.h"
#include "core/scenario/explain.h"
#include "core/scenario/scenario.h"
#include "core/scenario/sensitivity.h"

namespace lcs::scenario_ui {

struct ScenarioPanelState {
    // Derived from the workspace; rebuilt when state.revision() changes.
    Cached<std::uint64_t> derived;
    ScenarioSection section;
    Problems section_problems;
    std::optional<Baseline> stored_baseline;  // measured + the stored baseline inputs (validated)
    Problems baseline_problems;
    bool has_data = false;  // the workspace has customers (else the baseline is typed in)

    // The selected scenario and the baseline inputs as being edited: changed live by the widgets,
    // written to the workspace (one undoable edit) once no widget is active any more.
    std::string selected;
    Scenario working;
    bool working_valid = false;
    bool working_dirty = false;
    Json inputs;  // baseline inputs being edited
    bool inputs_dirty = false;

    // The baseline with the edited inputs applied: `editable` before validation (what the baseline
    // view shows and edits; nullopt when there is nothing to show), `baseline` when it is valid.
    std::optional<Baseline> editable;
    std::optional<Baseline> baseline;
    Problems live_baseline_problems;

    // Names compared side by side (at most kMaxComparedScenarios), UI-only.
    std::vector<std::string> compared;

    // Results of the selected scenario (comparison of just it against the baseline).
    Cached<std::tuple<Scenario, Baseline>> results_key;  // the inputs the results were computed from
    std::optional<Comparison> results;
    Problems results_problems;

    // Side-by-side comparison of the compared scenarios that are valid.
    Cached<std::tuple<Baseline, std::vector<Scenario>>> compare_key;
    std::optional<Comparison> comparison;
    Problems compare_problems;
    int chart_stage = -1;  // -1: choose a default

    // Sensitivity of the selected scenario.
    Cached<std::tuple<Scenario, Baseline, float>> tornado_key;  // scenario, baseline, delta percent
    std::optional<Tornado> tornado;
    Problems tornado_problems;
    float tornado_delta_percent = 10;

    // Rename dialog.
    bool open_rename = false;
    std::string rename_buffer;

    // Baseline stage id -> the lifecycle model's stage name in the UI language, refreshed every frame;
    // churn reason id -> the reason's name, likewise.
    std::map<std::string, std::string> stage_titles;
    std::map<std::string, std::string> reason_titles;
};

// How a baseline stage is shown: its name from stage_titles, else the id itself (a typed-in chain).
const std::string& stage_title(const ScenarioPanelState& s, const std::string& id);
std::vector<std::string> stage_titles(const ScenarioPanelState& s, const std::vector<std::string>& ids);

// A "(?)" marker after the last item whose hover shows `text` wrapped (nothing when text is empty).
void help_marker(const char* text);
// The result explanation of `key` (core/scenario/explain.h) as a help marker, in the UI language.
void result_help(const char* key);
// Title of a result key in the UI language.
const char* result_name(const char* key);
std::string money(double value);
std::string signed_money(double value);
// "3 years", "18 months": a projection horizon in the UI language.
std::string horizon_text(int months);
// "Projected customer equity over 3 years": what the planner's equity is (a projection of the whole
// base over the baseline's horizon), so it is not read as the CLV panel's fitted equity.
std::string projected_equity_title(const Baseline& baseline);
// Text colour of a difference to the baseline: good (green) when it moves the way that helps
// (up when higher_is_better, e.g. equity; down for costs and churned customers), bad (red) otherwise.
ImVec4 difference_color(double difference, bool higher_is_better);

// The scenarios in `names` taken from the section, with the edited copy for the selected one.
std::vector<Scenario> scenarios_named(const ScenarioPanelState& s, const std::vector<std::string>& names);

// The section with the edits in progress (working scenario, baseline inputs) folded in.
ScenarioSection edited_section(const ScenarioPanelState& s);
// Writes `section` to the workspace as one undoable edit called `label`.
void write_section(AppState& state, const ScenarioSection& section, const std::string& label);

// Width of the label column of the planner's forms, in pixels.
float label_column();
// The label of a form row, wrapped to the label column; the widget follows on the same line.
void field_label(const char* text);

// The tabs of the planner's main area.
void draw_levers_tab(AppState& state, ScenarioPanelState& s);
void draw_baseline_tab(AppState& state, ScenarioPanelState& s);
void draw_comparison(AppState& state, ScenarioPanelState& s);
void draw_sensitivity(AppState& state, ScenarioPanelState& s);

}  // namespace lcs::scenario_ui
