// Scenario planner: the panel's entry point, its shared state refresh and commits, and the list of
// scenarios stored in the workspace (create, duplicate, rename, delete). The levers of the selected
// scenario: panel_scenarios_levers.cpp; the baseline the projections run on: panel_scenarios_baseline.cpp;
// comparison and sensitivity: panel_scenarios_compare.cpp. Every number comes from core/scenario.
#include <algorithm>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panel_scenarios_internal.h"
#include "app/panels.h"
#include "app/text_field.h"
#include "app/ui_lang.h"
#include "core/scenario/workspace_baseline.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace scenario_ui {

void help_marker(const char* text) {
    if (!text || !*text) return;
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void result_help(const char* key) { help_marker(result_explanation(key, ui_lang())); }
const char* result_name(const char* key) { return result_title(key, ui_lang()); }

std::string money(double value) { return charts::format_value(value, charts::ValueFormat::money); }
std::string signed_money(double value) { return (value >= 0 ? "+" : "") + money(value); }

std::string horizon_text(int months) {
    if (months == 12) return tr("scenarios.horizon_one_year");
    if (months > 0 && months % 12 == 0) return trf("scenarios.horizon_years", {std::to_string(months / 12)});
    return trf("scenarios.horizon_n_months", {std::to_string(months)});
}

std::string projected_equity_title(const Baseline& baseline) {
    return trf("scenarios.projected_customer_equity_over", {horizon_text(baseline.horizon_months)});
}

ImVec4 difference_color(double difference, bool higher_is_better) {
    if (std::fabs(difference) <= 1e-9) return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    const bool good = (difference > 0) == higher_is_better;
    return good ? ImVec4(0.1f, 0.6f, 0.3f, 1) : ImVec4(0.85f, 0.3f, 0.2f, 1);
}

std::vector<Scenario> scenarios_named(const ScenarioPanelState& s, const std::vector<std::string>& names) {
    std::vector<Scenario> out;
    for (const std::string& name : names) {
        if (s.working_valid && name == s.selected) {
            out.push_back(s.working);
            continue;
        }
        int i = find_scenario(s.section, name);
        if (i >= 0) out.push_back(s.section.scenarios[static_cast<size_t>(i)]);
    }
    return out;
}

ScenarioSection edited_section(const ScenarioPanelState& s) {
    ScenarioSection next = s.section;
    int i = find_scenario(next, s.selected);
    if (s.working_valid && i >= 0) next.scenarios[static_cast<size_t>(i)] = s.working;
    next.baseline_inputs = s.inputs;
    return next;
}

void write_section(AppState& state, const ScenarioSection& section, const std::string& label) {
    state.edit_scenarios(label, scenario_section_to_json(section));
}

float label_column() { return ImGui::GetFontSize() * 12; }

void field_label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_column() - ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(label_column());
}

const std::string& stage_title(const ScenarioPanelState& s, const std::string& id) {
    auto it = s.stage_titles.find(id);
    return it == s.stage_titles.end() ? id : it->second;
}

std::vector<std::string> stage_titles(const ScenarioPanelState& s, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const std::string& id : ids) out.push_back(stage_title(s, id));
    return out;
}

}  // namespace scenario_ui

namespace {

using namespace scenario_ui;

// ---- model: derived from the workspace, edited copies, commits ----

void rebuild_baseline(ScenarioPanelState& s, const Workspace& ws) {
    s.live_baseline_problems.clear();
    s.editable.reset();
    if (s.has_data) {
        if (s.stored_baseline) {
            Baseline b = *s.stored_baseline;
            // The stored inputs are already in; applying the edited ones on top gives the edited baseline.
            if (s.inputs_dirty) apply_baseline_json(b, s.inputs, s.live_baseline_problems, "baseline");
            s.editable = std::move(b);
        }
    } else if (s.inputs.is_object() && s.inputs.contains("stages")) {
        // A typed-in chain, built the way baseline_from_workspace builds it for an empty workspace.
        Baseline b;
        for (const ChurnReason& r : ws.churn_reasons) b.churn_reasons.push_back({r.id, 0.0, r.winback_share});
        apply_baseline_json(b, s.inputs, s.live_baseline_problems, "baseline");
        s.editable = std::move(b);
    }
    s.baseline.reset();
    if (s.editable && validate_baseline(*s.editable, s.live_baseline_problems)) s.baseline = s.editable;
}

void load_working(ScenarioPanelState& s) {
    int i = find_scenario(s.section, s.selected);
    s.working_valid = i >= 0;
    s.working_dirty = false;
    s.working = s.working_valid ? s.section.scenarios[static_cast<size_t>(i)] : Scenario{};
}

void refresh(AppState& state, ScenarioPanelState& s) {
    if (!s.derived.stale(state.revision())) return;
    const Workspace& ws = state.workspace();
    s.section_problems.clear();
    s.section = scenario_section_from_json(ws.scenarios, s.section_problems);
    s.has_data = !ws.customers.empty();
    s.baseline_problems.clear();
    s.stored_baseline = baseline_from_workspace(ws, s.baseline_problems);
    s.inputs = s.section.baseline_inputs.is_object() ? s.section.baseline_inputs : Json::object();
    s.inputs_dirty = false;
    if (find_scenario(s.section, s.selected) < 0)
        s.selected = s.section.scenarios.empty() ? std::string() : s.section.scenarios.front().name;
    load_working(s);
    s.compared.erase(std::remove_if(s.compared.begin(), s.compared.end(),
                                    [&](const std::string& n) { return find_scenario(s.section, n) < 0; }),
                     s.compared.end());
    rebuild_baseline(s, ws);
    s.results_key.invalidate();
    s.compare_key.invalidate();
    s.tornado_key.invalidate();
}

std::string unique_name(const ScenarioSection& section, const std::string& base) {
    if (find_scenario(section, base) < 0) return base;
    for (int n = 2;; ++n) {
        std::string name = base + " " + std::to_string(n);
        if (find_scenario(section, name) < 0) return name;
    }
}

void add_compared(ScenarioPanelState& s, const std::string& name) {
    if (std::find(s.compared.begin(), s.compared.end(), name) == s.compared.end() &&
        s.compared.size() < kMaxComparedScenarios)
        s.compared.push_back(name);
}

// ---- scenario list ----

void draw_rename_popup(AppState& state, ScenarioPanelState& s) {
    if (s.open_rename) {
        ImGui::OpenPopup("###scenario_rename");
        s.open_rename = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(tr_id("scenarios.rename_scenario", "scenario_rename").c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize))
        return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    bool enter = input_text("##name", s.rename_buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    automation::record("scenarios.rename.input");
    std::string name = s.rename_buffer;
    bool taken = name != s.selected && find_scenario(s.section, name) >= 0;
    bool ok = !name.empty() && !taken;
    if (taken) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr("scenarios.another_scenario_has_this_name"));
    if (name.empty()) ImGui::TextDisabled("%s", tr("scenarios.type_a_name"));
    ImGui::BeginDisabled(!ok);
    bool clicked = ImGui::Button(tr("scenarios.ok"));
    automation::record("scenarios.rename.ok");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
    if ((clicked || enter) && ok) {
        if (name != s.selected) {
            ScenarioSection next = edited_section(s);
            int i = find_scenario(next, s.selected);
            if (i >= 0) {
                next.scenarios[static_cast<size_t>(i)].name = name;
                for (std::string& c : s.compared)
                    if (c == s.selected) c = name;
                s.selected = name;
                write_section(state, next, "scenarios.rename_scenario");
            }
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// New, Duplicate, Rename and Delete for the selected scenario.
void draw_list_actions(AppState& state, ScenarioPanelState& s) {
    float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ImGui::Button(tr("common.new"), ImVec2(w, 0))) {
        ScenarioSection next = edited_section(s);
        Scenario scenario;
        scenario.name = unique_name(next, tr("scenarios.scenario"));
        next.scenarios.push_back(scenario);
        s.selected = scenario.name;
        add_compared(s, scenario.name);
        write_section(state, next, "scenarios.new_scenario");
    }
    automation::record("scenarios.new");
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.working_valid);
    if (ImGui::Button(tr("scenarios.duplicate"), ImVec2(w, 0))) {
        ScenarioSection next = edited_section(s);
        Scenario copy = s.working;
        copy.name = unique_name(next, trf("scenarios.copy_of", {s.working.name}));
        next.scenarios.push_back(copy);
        s.selected = copy.name;
        add_compared(s, copy.name);
        write_section(state, next, "scenarios.duplicate_scenario");
    }
    automation::record("scenarios.duplicate");
    if (ImGui::Button(tr("scenarios.rename"), ImVec2(w, 0))) {
        s.rename_buffer = s.selected;
        s.open_rename = true;
    }
    automation::record("scenarios.rename");
    ImGui::SameLine();
    if (ImGui::Button(tr("scenarios.delete"), ImVec2(w, 0))) {
        ScenarioSection next = edited_section(s);
        int i = find_scenario(next, s.selected);
        if (i >= 0) {
            next.scenarios.erase(next.scenarios.begin() + i);
            write_section(state, next, "scenarios.delete_scenario");
            state.notify("scenarios.deleted_scenario", {s.selected});
        }
    }
    automation::record("scenarios.delete");
    ImGui::EndDisabled();
}

void draw_list(AppState& state, ScenarioPanelState& s) {
    ImGui::TextUnformatted(tr("scenarios.scenarios"));
    help_marker(tr("scenarios.a_scenario_is_a_set_of"));
    draw_list_actions(state, s);
    ImGui::Separator();

    if (s.section.scenarios.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr("scenarios.no_scenarios_yet_click_new_to"));
        ImGui::PopTextWrapPos();
    }
    for (size_t i = 0; i < s.section.scenarios.size(); ++i) {
        const std::string& name = s.section.scenarios[i].name;
        ImGui::PushID(static_cast<int>(i));
        bool compared = std::find(s.compared.begin(), s.compared.end(), name) != s.compared.end();
        ImGui::BeginDisabled(!compared && s.compared.size() >= kMaxComparedScenarios);
        if (ImGui::Checkbox("##compare", &compared)) {
            if (compared) add_compared(s, name);
            else s.compared.erase(std::remove(s.compared.begin(), s.compared.end(), name), s.compared.end());
        }
        ImGui::EndDisabled();
        automation::record("scenarios.compare." + name);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", tr("scenarios.compare_up_to_four_scenarios"));
        ImGui::SameLine();
        if (ImGui::Selectable(name.c_str(), s.selected == name) && s.selected != name) {
            if (s.working_dirty || s.inputs_dirty) write_section(state, edited_section(s), "scenarios.edit_scenario");
            s.selected = name;
            load_working(s);
            s.results_key.invalidate();
            s.tornado_key.invalidate();
        }
        automation::record("scenarios.row." + name);
        ImGui::PopID();
    }
    if (!s.section_problems.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("scenarios.some_stored_scenarios_could_not_be"));
        ImGui::PushTextWrapPos(0);
        for (const Problem& p : s.section_problems) ImGui::TextDisabled("%s", p.to_string().c_str());
        ImGui::PopTextWrapPos();
    }
}

void publish(const ScenarioPanelState& s) {
    Json j = {{"selected", s.selected}, {"scenarios", Json::array()}, {"compared", s.compared},
              {"levers", s.working_valid ? s.working.levers.size() : 0}, {"hasBaseline", s.baseline.has_value()},
              {"pendingEdit", s.working_dirty || s.inputs_dirty}};
    for (const Scenario& sc : s.section.scenarios) j["scenarios"].push_back(sc.name);
    if (s.working_valid) {
        j["workingLevers"] = Json::array();
        for (const Lever& l : s.working.levers) j["workingLevers"].push_back(lever_to_json(l));
    }
    if (s.results) {
        j["baselineEquity"] = s.results->baseline_figures.customer_equity;
        j["selectedEquity"] = s.results->scenarios.front().figures.customer_equity;
    }
    if (s.comparison) {
        j["baselineEquity"] = s.comparison->baseline_figures.customer_equity;
        Json columns = Json::array();
        for (const ScenarioColumn& c : s.comparison->scenarios)
            columns.push_back({{"name", c.name},
                               {"equity", c.figures.customer_equity},
                               {"equityDifference", c.equity_difference},
                               {"leverCost", c.figures.total_lever_cost}});
        j["comparison"] = columns;
    }
    if (s.tornado) j["tornadoBars"] = s.tornado->bars.size();
    automation::publish("scenario", j.dump());
}

}  // namespace

void draw_panel_scenarios(AppState& state) {
    auto& s = state.panel_data<ScenarioPanelState>();
    refresh(state, s);
    s.stage_titles.clear();
    for (const Stage& stage : lifecycle_model(state).stages) s.stage_titles[stage.id] = stage_name(stage);
    s.reason_titles.clear();
    for (const ChurnReason& reason : state.workspace().churn_reasons)
        if (!reason.name.empty()) s.reason_titles[reason.id] = reason.name.in(ui_lang());
    bool inputs_were_dirty = s.inputs_dirty;
    const Json inputs_before = s.inputs;

    float list_width = ImGui::GetFontSize() * 14;
    ImGui::BeginChild("scenario_list", ImVec2(list_width, 0), true);
    draw_list(state, s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("scenario_main", ImVec2(0, 0), false);
    if (s.working_valid) {
        ImGui::Text("%s: %s", tr("scenarios.scenario"), s.working.name.c_str());
        if (s.working_dirty) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("scenarios.editing"));
        }
    }
    if (ImGui::BeginTabBar("scenario_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        if (ImGui::BeginTabItem(tr_id("scenarios.levers", "levers").c_str())) {
            automation::record("scenarios.tab.levers");
            draw_levers_tab(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.levers");
        if (ImGui::BeginTabItem(tr_id("scenarios.compare", "compare").c_str())) {
            automation::record("scenarios.tab.compare");
            draw_comparison(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.compare");
        if (ImGui::BeginTabItem(tr_id("scenarios.sensitivity", "sensitivity").c_str())) {
            automation::record("scenarios.tab.sensitivity");
            draw_sensitivity(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.sensitivity");
        if (ImGui::BeginTabItem(tr_id("common.baseline", "baseline").c_str())) {
            automation::record("scenarios.tab.baseline");
            draw_baseline_tab(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.baseline");
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    draw_rename_popup(state, s);

    if (s.inputs_dirty && (!inputs_were_dirty || s.inputs != inputs_before)) {
        rebuild_baseline(s, state.workspace());
        s.results_key.invalidate();
        s.compare_key.invalidate();
        s.tornado_key.invalidate();
    }
    // One undoable edit per gesture: the drag or the typing ends when no widget is active.
    if ((s.working_dirty || s.inputs_dirty) && !ImGui::IsAnyItemActive() && s.derived.current(state.revision()))
        write_section(state, edited_section(s), s.inputs_dirty ? "scenarios.edit_baseline_inputs" : "scenarios.edit_scenario_levers");
    publish(s);
}

}  // namespace lcs
