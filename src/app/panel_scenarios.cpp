// Scenario planner: the scenarios stored in the workspace (create, duplicate, rename, delete), the
// levers of the selected scenario with live re-projection, and the baseline the projections run on.
// Comparison and sensitivity views: panel_scenario_compare.cpp. Every number comes from core/scenario.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/panel_scenarios_internal.h"
#include "app/panels.h"
#include "core/scenario/workspace_baseline.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace scenario_ui {

TextLanguage text_language() { return current_language() == Language::chinese ? TextLanguage::zh : TextLanguage::en; }

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

void result_help(const char* key) { help_marker(result_explanation(key, text_language())); }
const char* result_name(const char* key) { return result_title(key, text_language()); }

std::string money(double value) { return charts::format_value(value, charts::ValueFormat::money); }
std::string signed_money(double value) { return (value >= 0 ? "+" : "") + money(value); }

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
    if (s.revision == state.revision()) return;
    s.revision = state.revision();
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
    s.results_key.clear();
    s.compare_key.clear();
    s.tornado_key.clear();
}

// The section with the edits in progress folded in.
ScenarioSection edited_section(const ScenarioPanelState& s) {
    ScenarioSection next = s.section;
    int i = find_scenario(next, s.selected);
    if (s.working_valid && i >= 0) next.scenarios[static_cast<size_t>(i)] = s.working;
    next.baseline_inputs = s.inputs;
    return next;
}

void write_section(AppState& state, const ScenarioSection& section, const std::string& label) {
    Json json = scenario_section_to_json(section);
    state.edit_header(label, [json](Workspace& ws) { ws.scenarios = json; });
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

// ---- small widgets ----

float label_column() { return ImGui::GetFontSize() * 12; }

// The label of a form row, wrapped to the label column; the widget follows on the same line.
void field_label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_column() - ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(label_column());
}

// A slider and a number box on the same value. `value` is stored as value_scale × what is shown
// (points and percents are shown × 100). Returns true when either changed it.
bool slider_with_input(const std::string& name, const char* label, double& value, double shown_min, double shown_max,
                       const char* slider_format, double scale = 0.01) {
    field_label(label);
    ImGui::PushID(name.c_str());
    double shown = value / scale;
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(width * 0.62f);
    bool changed = ImGui::SliderScalar("##slider", ImGuiDataType_Double, &shown, &shown_min, &shown_max, slider_format);
    automation::record(name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    changed |= ImGui::InputDouble("##input", &shown, 0, 0, "%.2f");
    automation::record(name + ".input");
    ImGui::PopID();
    if (changed && std::isfinite(shown)) value = shown * scale;
    return changed;
}

bool money_input(const std::string& name, const char* label, double& value) {
    field_label(label);
    ImGui::PushID(name.c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool changed = ImGui::InputDouble("##money", &value, 0, 0, "%.2f");
    automation::record(name);
    ImGui::PopID();
    if (changed && (!std::isfinite(value) || value < 0)) value = 0;
    return changed;
}

std::vector<std::string> stage_choices(const Baseline& b, bool stay_stages_only) {
    std::vector<std::string> out;
    for (size_t i = 0; i < b.stages.size(); ++i)
        if (!stay_stages_only || i >= b.churned.size() || !b.churned[i]) out.push_back(b.stages[i]);
    return out;
}

bool choice_combo(const std::string& name, const char* label, std::string& value, const std::vector<std::string>& choices,
                  const std::vector<std::string>& titles = {}) {
    field_label(label);
    ImGui::PushID(name.c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool changed = false;
    auto title_of = [&](size_t i) { return i < titles.size() ? titles[i] : choices[i]; };
    std::string preview = value;
    for (size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == value) preview = title_of(i);
    if (ImGui::BeginCombo("##combo", preview.c_str())) {
        for (size_t i = 0; i < choices.size(); ++i) {
            if (ImGui::Selectable(title_of(i).c_str(), choices[i] == value)) {
                value = choices[i];
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    automation::record(name);
    ImGui::PopID();
    return changed;
}

// Checkboxes for a set of stages.
bool stage_set(const std::string& name, const char* label, std::vector<std::string>& stages,
               const std::vector<std::string>& choices) {
    float row_start = ImGui::GetCursorPosX();
    float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    field_label(label);
    bool changed = false;
    ImGui::PushID(name.c_str());
    for (size_t i = 0; i < choices.size(); ++i) {
        bool on = std::find(stages.begin(), stages.end(), choices[i]) != stages.end();
        if (i > 0) {
            float w = ImGui::CalcTextSize(choices[i].c_str()).x + ImGui::GetFrameHeight() * 2;
            if (ImGui::GetItemRectMax().x + w < right_edge) ImGui::SameLine();
            else ImGui::SetCursorPosX(row_start + label_column());
        }
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Checkbox(choices[i].c_str(), &on)) {
            changed = true;
            // Keep the baseline's stage order.
            std::vector<std::string> next;
            for (const std::string& c : choices) {
                bool was = std::find(stages.begin(), stages.end(), c) != stages.end();
                if (c == choices[i] ? on : was) next.push_back(c);
            }
            stages = next;
        }
        automation::record(name + "." + choices[i]);
        ImGui::PopID();
    }
    ImGui::PopID();
    return changed;
}

// ---- scenario list ----

void draw_rename_popup(AppState& state, ScenarioPanelState& s) {
    if (s.open_rename) {
        ImGui::OpenPopup("###scenario_rename");
        s.open_rename = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(tr_id("Rename scenario", "scenario_rename").c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize))
        return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    bool enter = ImGui::InputText("##name", &s.rename_buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    automation::record("scenarios.rename.input");
    std::string name = s.rename_buffer;
    bool taken = name != s.selected && find_scenario(s.section, name) >= 0;
    bool ok = !name.empty() && !taken;
    if (taken) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr("Another scenario has this name."));
    if (name.empty()) ImGui::TextDisabled("%s", tr("Type a name."));
    ImGui::BeginDisabled(!ok);
    bool clicked = ImGui::Button(tr("OK"));
    automation::record("scenarios.rename.ok");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
    if ((clicked || enter) && ok) {
        if (name != s.selected) {
            ScenarioSection next = edited_section(s);
            int i = find_scenario(next, s.selected);
            if (i >= 0) {
                next.scenarios[static_cast<size_t>(i)].name = name;
                for (std::string& c : s.compared)
                    if (c == s.selected) c = name;
                s.selected = name;
                write_section(state, next, "Rename scenario");
            }
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_list(AppState& state, ScenarioPanelState& s) {
    ImGui::TextUnformatted(tr("Scenarios"));
    help_marker(tr("A scenario is a set of levers (actions) applied to the baseline. Tick up to four "
                   "scenarios to compare them side by side."));
    float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ImGui::Button(tr("New"), ImVec2(w, 0))) {
        ScenarioSection next = edited_section(s);
        Scenario scenario;
        scenario.name = unique_name(next, tr("Scenario"));
        next.scenarios.push_back(scenario);
        s.selected = scenario.name;
        add_compared(s, scenario.name);
        write_section(state, next, "New scenario");
    }
    automation::record("scenarios.new");
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.working_valid);
    if (ImGui::Button(tr("Duplicate"), ImVec2(w, 0))) {
        ScenarioSection next = edited_section(s);
        Scenario copy = s.working;
        copy.name = unique_name(next, s.working.name + " " + tr("(copy)"));
        next.scenarios.push_back(copy);
        s.selected = copy.name;
        add_compared(s, copy.name);
        write_section(state, next, "Duplicate scenario");
    }
    automation::record("scenarios.duplicate");
    if (ImGui::Button(tr("Rename"), ImVec2(w, 0))) {
        s.rename_buffer = s.selected;
        s.open_rename = true;
    }
    automation::record("scenarios.rename");
    ImGui::SameLine();
    if (ImGui::Button(tr("Delete"), ImVec2(w, 0))) {
        ScenarioSection next = edited_section(s);
        int i = find_scenario(next, s.selected);
        if (i >= 0) {
            next.scenarios.erase(next.scenarios.begin() + i);
            write_section(state, next, "Delete scenario");
            state.notify(std::string(tr("Deleted scenario")) + " " + s.selected + " (" + tr("Undo brings it back") + ")");
        }
    }
    automation::record("scenarios.delete");
    ImGui::EndDisabled();
    ImGui::Separator();

    if (s.section.scenarios.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr("No scenarios yet. Click New to create one."));
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
            ImGui::SetTooltip("%s", tr("Compare (up to four scenarios)"));
        ImGui::SameLine();
        if (ImGui::Selectable(name.c_str(), s.selected == name) && s.selected != name) {
            if (s.working_dirty || s.inputs_dirty) write_section(state, edited_section(s), "Edit scenario");
            s.selected = name;
            load_working(s);
            s.results_key.clear();
            s.tornado_key.clear();
        }
        automation::record("scenarios.row." + name);
        ImGui::PopID();
    }
    if (!s.section_problems.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("Some stored scenarios could not be read:"));
        ImGui::PushTextWrapPos(0);
        for (const Problem& p : s.section_problems) ImGui::TextDisabled("%s", p.to_string().c_str());
        ImGui::PopTextWrapPos();
    }
}

// ---- levers ----

// The stay stage that loses the most customers to churn each month (the natural first target of a
// retention lever); the largest stay stage when nothing churns.
std::string main_churn_stage(const Baseline& b) {
    std::string best;
    double best_loss = -1, best_size = -1;
    for (size_t i = 0; i < b.stages.size(); ++i) {
        if (i < b.churned.size() && b.churned[i]) continue;
        double churn = 0;
        for (size_t j = 0; j < b.stages.size() && i < b.transition.size() && j < b.transition[i].size(); ++j)
            if (j < b.churned.size() && b.churned[j]) churn += b.transition[i][j];
        double size = i < b.start_customers.size() ? b.start_customers[i] : 0;
        double loss = churn * size;
        if (loss > best_loss || (loss == best_loss && size > best_size)) {
            best = b.stages[i];
            best_loss = loss;
            best_size = size;
        }
    }
    return best;
}

Lever new_lever(LeverKind kind, const Baseline& b) {
    Lever lever = neutral_lever(kind);
    std::vector<std::string> stay = stage_choices(b, true);
    std::string first_stay = main_churn_stage(b);
    std::string entry = b.entry_stage >= 0 && static_cast<size_t>(b.entry_stage) < b.stages.size()
                            ? b.stages[static_cast<size_t>(b.entry_stage)]
                            : first_stay;
    switch (kind) {
        case LeverKind::retention: lever.stages = {first_stay}; break;
        case LeverKind::conversion:
            lever.from_stage = entry;
            for (const std::string& st : stay)
                if (st != entry) {
                    lever.to_stage = st;
                    break;
                }
            break;
        case LeverKind::winback: {
            lever.to_stage = first_stay;
            double best = -1;
            for (const ChurnReasonShare& r : b.churn_reasons)
                if (r.share_of_churned > best) {
                    best = r.share_of_churned;
                    lever.reason = r.id;
                }
            break;
        }
        case LeverKind::care_plan:
            lever.plan = kCarePlanIds[0];
            lever.stages = stay;
            break;
        case LeverKind::acquisition: lever.cost_per_customer.reset(); break;
        case LeverKind::price: break;
    }
    return lever;
}

void draw_lever_controls(Lever& lever, const std::string& n, const Baseline& b, const std::string& currency,
                         bool& changed) {
    TextLanguage lang = text_language();
    std::vector<std::string> stay = stage_choices(b, true);
    std::vector<std::string> all = stage_choices(b, false);
    std::string per_month_cost = std::string(tr("Cost per customer per month")) + " (" + currency + ")";
    auto cost_per_customer = [&](const char* label) {
        double v = lever.cost_per_customer.value_or(0.0);
        if (money_input(n + ".cost_per_customer", label, v)) {
            lever.cost_per_customer = v;
            changed = true;
        }
    };
    switch (lever.kind) {
        case LeverKind::retention: {
            std::string stage = lever.stages.empty() ? std::string() : lever.stages.front();
            if (choice_combo(n + ".stage", tr("Stage"), stage, stay)) {
                lever.stages = {stage};
                changed = true;
            }
            changed |= slider_with_input(n + ".points", tr("Churn kept (points/month)"), lever.points, 0, 50, "%.1f pts");
            cost_per_customer(per_month_cost.c_str());
            break;
        }
        case LeverKind::conversion:
            changed |= choice_combo(n + ".from_stage", tr("From stage"), lever.from_stage, all);
            changed |= choice_combo(n + ".to_stage", tr("To stage"), lever.to_stage, all);
            changed |= slider_with_input(n + ".points", tr("Moved (points/month)"), lever.points, 0, 50, "%.1f pts");
            cost_per_customer(per_month_cost.c_str());
            break;
        case LeverKind::winback: {
            std::vector<std::string> reasons;
            for (const ChurnReasonShare& r : b.churn_reasons) reasons.push_back(r.id);
            changed |= choice_combo(n + ".reason", tr("Churn reason"), lever.reason, reasons);
            changed |= choice_combo(n + ".to_stage", tr("Return to stage"), lever.to_stage, stay);
            changed |= slider_with_input(n + ".contact_rate", tr("Contacted per month (%)"), lever.contact_rate, 0, 100, "%.0f%%");
            bool own = lever.winback_share.has_value();
            field_label(tr("Win-back share"));
            if (ImGui::Checkbox(tr("set my own"), &own)) {
                double catalog = 0;
                for (const ChurnReasonShare& r : b.churn_reasons)
                    if (r.id == lever.reason) catalog = r.winback_share;
                lever.winback_share = own ? std::optional<double>(catalog) : std::nullopt;
                changed = true;
            }
            automation::record(n + ".own_winback");
            if (!own) {
                for (const ChurnReasonShare& r : b.churn_reasons)
                    if (r.id == lever.reason) {
                        ImGui::SameLine();
                        ImGui::TextDisabled("%s %s", tr("catalog:"), charts::format_value(r.winback_share, charts::ValueFormat::percent).c_str());
                    }
            } else {
                double share = *lever.winback_share;
                if (slider_with_input(n + ".winback_share", tr("Won back (%)"), share, 0, 100, "%.0f%%")) {
                    lever.winback_share = share;
                    changed = true;
                }
            }
            cost_per_customer((std::string(tr("Cost per contacted customer")) + " (" + currency + ")").c_str());
            break;
        }
        case LeverKind::care_plan: {
            std::vector<std::string> plans, titles;
            for (const char* id : kCarePlanIds) {
                plans.push_back(id);
                titles.push_back(care_plan_title(id, lang));
            }
            if (std::find(plans.begin(), plans.end(), lever.plan) == plans.end()) {
                plans.push_back(lever.plan);
                titles.push_back(lever.plan);
            }
            changed |= choice_combo(n + ".plan", tr("Care plan"), lever.plan, plans, titles);
            changed |= stage_set(n + ".stages", tr("Stages covered"), lever.stages, stay);
            changed |= slider_with_input(n + ".points", tr("Churn kept (points/month)"), lever.points, 0, 50, "%.1f pts");
            cost_per_customer(per_month_cost.c_str());
            break;
        }
        case LeverKind::acquisition: {
            changed |= slider_with_input(n + ".volume_change", tr("New customers (% change)"), lever.volume_change, -100, 200, "%+.0f%%");
            field_label(tr("Cost per extra customer"));
            bool average = !lever.cost_per_customer.has_value();
            if (ImGui::Checkbox(tr("channels' average"), &average)) {
                lever.cost_per_customer = average ? std::nullopt : std::optional<double>(average_acquisition_cost(b));
                changed = true;
            }
            automation::record(n + ".average_cost");
            if (average) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s %s", money(average_acquisition_cost(b)).c_str(), currency.c_str());
            } else {
                cost_per_customer((std::string(tr("Cost per extra customer")) + " (" + currency + ")").c_str());
            }
            break;
        }
        case LeverKind::price:
            changed |= slider_with_input(n + ".margin_change", tr("Margin per customer (% change)"), lever.margin_change, -50, 50, "%+.1f%%");
            changed |= stage_set(n + ".stages", tr("Stages (none = all)"), lever.stages, stay);
            changed |= slider_with_input(n + ".points", tr("Retention effect (points/month)"), lever.points, -20, 20, "%+.1f pts");
            break;
    }
    if (money_input(n + ".fixed_cost", (std::string(tr("Fixed cost per month")) + " (" + currency + ")").c_str(),
                    lever.fixed_cost_per_month))
        changed = true;
    field_label(tr("Active months"));
    ImGui::PushID((n + ".months").c_str());
    float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::SetNextItemWidth(half);
    int start = lever.start_month;
    if (ImGui::InputInt("##start", &start, 1, 6)) {
        lever.start_month = std::clamp(start, 1, kMaxHorizonMonths);
        changed = true;
    }
    automation::record(n + ".start_month");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("First month the lever acts (1 = next month)"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    int end = lever.end_month;
    if (ImGui::InputInt("##end", &end, 1, 6)) {
        lever.end_month = std::clamp(end, 0, kMaxHorizonMonths);
        changed = true;
    }
    automation::record(n + ".end_month");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Last month the lever acts (0 = until the horizon)"));
    ImGui::PopID();
}

void draw_lever(ScenarioPanelState& s, size_t index, const Baseline& b, const std::string& currency,
                const LeverRoi* roi, bool& remove) {
    Lever& lever = s.working.levers[index];
    TextLanguage lang = text_language();
    std::string n = "scenarios.lever." + std::to_string(index);
    ImGui::PushID(static_cast<int>(index));
    bool changed = false;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("lever", 2, flags)) {
        ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("explanation", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Checkbox("##enabled", &lever.enabled)) changed = true;
        automation::record(n + ".enabled");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Switch the lever on or off (off: no effect, no cost)"));
        ImGui::SameLine();
        ImGui::TextUnformatted(lever_title(lever.kind, lang));
        ImGui::SameLine();
        float remove_w = ImGui::CalcTextSize(tr("Remove")).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetNextItemWidth(std::max(40.0f, ImGui::GetContentRegionAvail().x - remove_w - ImGui::GetStyle().ItemSpacing.x));
        if (ImGui::InputTextWithHint("##label", tr("label (optional)"), &lever.label)) changed = true;
        automation::record(n + ".label");
        ImGui::SameLine();
        if (ImGui::Button(tr("Remove"))) remove = true;
        automation::record(n + ".remove");
        draw_lever_controls(lever, n, b, currency, changed);

        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        if (roi) {
            ImGui::Text("%s %s", tr("Equity gained by this lever alone:"), signed_money(roi->incremental_equity).c_str());
            if (roi->roi)
                ImGui::Text("%s %s", tr("ROI of this lever alone:"),
                            charts::format_value(*roi->roi, charts::ValueFormat::percent).c_str());
            else ImGui::TextDisabled("%s", tr("ROI: no extra cost"));
            ImGui::SameLine();
            result_help("lever_roi");
            ImGui::Separator();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(lever_explanation(lever.kind, lang));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::EndTable();
    }
    ImGui::PopID();
    if (changed) {
        s.working_dirty = true;
        s.results_key.clear();
    }
}

void refresh_results(ScenarioPanelState& s) {
    if (!s.baseline || !s.working_valid) {
        s.results.reset();
        return;
    }
    std::string key = scenario_to_json(s.working).dump() + "|" + baseline_to_json(*s.baseline).dump();
    if (key == s.results_key) return;
    s.results_key = key;
    s.results_problems.clear();
    s.results = compare_scenarios(*s.baseline, {s.working}, s.results_problems);
}

void figure_row(const char* key, const char* title, std::optional<double> base, std::optional<double> value,
                charts::ValueFormat format, bool show_difference = true) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(title);
    result_help(key);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(base ? charts::format_value(*base, format).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value ? charts::format_value(*value, format).c_str() : "-");
    ImGui::TableNextColumn();
    if (show_difference && base && value) {
        double d = *value - *base;
        ImVec4 color = d > 1e-9 ? ImVec4(0.1f, 0.6f, 0.3f, 1) : d < -1e-9 ? ImVec4(0.85f, 0.3f, 0.2f, 1)
                                                                      : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        ImGui::TextColored(color, "%s%s", d >= 0 ? "+" : "", charts::format_value(d, format).c_str());
    }
}

void draw_results(ScenarioPanelState& s) {
    if (!s.results) {
        if (!s.results_problems.empty()) {
            ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr("The scenario cannot be projected:"));
            ImGui::PushTextWrapPos(0);
            for (const Problem& p : s.results_problems) ImGui::BulletText("%s", p.to_string().c_str());
            ImGui::PopTextWrapPos();
        }
        return;
    }
    const Comparison& c = *s.results;
    const ScenarioColumn& col = c.scenarios.front();
    const KeyFigures& b = c.baseline_figures;
    const KeyFigures& f = col.figures;
    using charts::ValueFormat;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("results", 4, flags)) {
        ImGui::TableSetupColumn(tr("Result"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Baseline"), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(s.working.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(tr("Difference"), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableHeadersRow();
        figure_row("customer_equity", result_name("customer_equity"), b.customer_equity, f.customer_equity, ValueFormat::money);
        automation::record("scenarios.results.equity");
        figure_row("cumulative_margin", tr("Margin, months 1-12"), b.margin_12, f.margin_12, ValueFormat::money);
        figure_row("cumulative_margin", tr("Margin, months 1-24"), b.margin_24, f.margin_24, ValueFormat::money);
        figure_row("cumulative_margin", tr("Margin, months 1-36"), b.margin_36, f.margin_36, ValueFormat::money);
        figure_row("total_lever_cost", result_name("total_lever_cost"), b.total_lever_cost, f.total_lever_cost, ValueFormat::money);
        figure_row("roi", result_name("roi"), std::nullopt, f.roi, ValueFormat::percent, false);
        ImGui::EndTable();
    }
}

void draw_levers_tab(AppState& state, ScenarioPanelState& s) {
    if (!s.working_valid) {
        ImGui::TextDisabled("%s", tr("Create or select a scenario on the left."));
        if (s.baseline) {
            Problems problems;
            if (std::optional<Projection> p = project(*s.baseline, {}, problems)) {
                ImGui::Text("%s (%s): %s %s", result_name("customer_equity"), tr("Baseline"), money(p->customer_equity).c_str(),
                            state.workspace().meta.currency.c_str());
                result_help("customer_equity");
            }
        }
        return;
    }
    if (!s.baseline) {
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s",
                           tr("There is no valid baseline yet: set it up on the Baseline tab."));
        return;
    }
    refresh_results(s);
    draw_results(s);

    const Baseline& b = *s.baseline;
    const std::string& currency = state.workspace().meta.currency;
    if (ImGui::Button(tr("Add lever"))) ImGui::OpenPopup("add_lever");
    automation::record("scenarios.add_lever");
    if (ImGui::BeginPopup("add_lever")) {
        for (LeverKind kind : kAllLeverKinds) {
            if (ImGui::MenuItem(lever_title(kind, text_language()))) {
                s.working.levers.push_back(new_lever(kind, b));
                s.working_dirty = true;
            }
            automation::record(std::string("scenarios.add_lever.") + lever_kind_id(kind));
        }
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu %s", s.working.levers.size(), tr("levers"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##notes", tr("notes"), &s.working.notes)) s.working_dirty = true;
    automation::record("scenarios.notes");

    ImGui::BeginChild("levers", ImVec2(0, 0), false);
    if (s.working.levers.empty())
        ImGui::TextDisabled("%s", tr("No levers yet: click Add lever and choose an action."));
    const std::vector<LeverRoi>* rois = s.results ? &s.results->scenarios.front().lever_rois : nullptr;
    for (size_t i = 0; i < s.working.levers.size(); ++i) {
        const LeverRoi* roi = nullptr;
        if (rois)
            for (const LeverRoi& r : *rois)
                if (r.lever_index == i) roi = &r;
        bool remove = false;
        draw_lever(s, i, b, currency, roi, remove);
        if (remove) {
            s.working.levers.erase(s.working.levers.begin() + static_cast<std::ptrdiff_t>(i));
            s.working_dirty = true;
            break;
        }
        ImGui::Spacing();
    }
    ImGui::EndChild();
}

// ---- baseline ----

Json simple_template(const Workspace& ws) {
    Json reasons = Json::array();
    std::vector<ChurnReason> catalog = ws.churn_reasons.empty() ? default_churn_reasons() : ws.churn_reasons;
    for (const ChurnReason& r : catalog)
        reasons.push_back({{"id", r.id}, {"share_of_churned", 1.0 / static_cast<double>(catalog.size())}, {"winback_share", r.winback_share}});
    return {{"stages", {"New", "Active", "At risk", "Churned"}},
            {"churned", {"Churned"}},
            {"transition", {{0.20, 0.55, 0.15, 0.10}, {0.0, 0.85, 0.10, 0.05}, {0.0, 0.25, 0.50, 0.25}, {0.0, 0.03, 0.0, 0.97}}},
            {"margin", {{"New", 15.0}, {"Active", 30.0}, {"At risk", 10.0}, {"Churned", 0.0}}},
            {"revenue", {{"New", 40.0}, {"Active", 80.0}, {"At risk", 25.0}, {"Churned", 0.0}}},
            {"servicing_cost", {{"New", 2.0}, {"Active", 3.0}, {"At risk", 1.0}, {"Churned", 0.0}}},
            {"start_customers", {{"New", 200.0}, {"Active", 1000.0}, {"At risk", 300.0}, {"Churned", 500.0}}},
            {"new_customers_per_month", 150.0},
            {"entry_stage", "New"},
            {"channels", Json::array({{{"name", "Online"}, {"share", 1.0}, {"cost_per_customer", 40.0}}})},
            {"churn_reasons", reasons},
            {"discount_rate_monthly", 0.01},
            {"horizon_months", 36}};
}

// A number box writing inputs[field][stage] (or inputs[field] when stage is empty).
void input_cell(ScenarioPanelState& s, const std::string& name, const char* field, const std::string& stage,
                double value, const char* format, double scale = 1, double min = 0) {
    double shown = value / scale;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushID(name.c_str());
    if (ImGui::InputDouble("##v", &shown, 0, 0, format) && std::isfinite(shown)) {
        double v = std::max(min, shown) * scale;
        if (stage.empty()) s.inputs[field] = v;
        else {
            if (!s.inputs[field].is_object()) s.inputs[field] = Json::object();
            s.inputs[field][stage] = v;
        }
        s.inputs_dirty = true;
    }
    automation::record(name);
    ImGui::PopID();
}

void draw_baseline_tab(AppState& state, ScenarioPanelState& s) {
    const Workspace& ws = state.workspace();
    ImGui::PushTextWrapPos(0);
    if (s.has_data)
        ImGui::TextDisabled("%s", tr("Measured from the customers' stage history (last 12 months). Figures you type here "
                                     "replace the measured ones and are saved with the workspace."));
    else
        ImGui::TextDisabled("%s", tr("This workspace has no customer data, so the baseline is typed in."));
    ImGui::PopTextWrapPos();

    bool has_inputs = s.inputs.is_object() && !s.inputs.empty();
    if (!s.has_data && !s.editable) {
        if (ImGui::Button(tr("Start from a simple four-stage template"))) {
            ScenarioSection next = edited_section(s);
            next.baseline_inputs = simple_template(ws);
            write_section(state, next, "Type in baseline");
        }
        automation::record("scenarios.baseline.template");
    }
    if (has_inputs) {
        if (s.has_data) {
            if (ImGui::Button(tr("Reset to measured values"))) {
                ScenarioSection next = edited_section(s);
                next.baseline_inputs = Json::object();
                write_section(state, next, "Reset baseline inputs");
            }
            automation::record("scenarios.baseline.reset");
        }
    }
    auto show_problems = [](const Problems& problems) {
        ImGui::PushTextWrapPos(0);
        for (const Problem& p : problems)
            ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", p.to_string().c_str());
        ImGui::PopTextWrapPos();
    };
    if (!s.editable) {
        if (s.has_data) show_problems(s.baseline_problems);
        return;
    }
    show_problems(s.live_baseline_problems);
    const Baseline& b = *s.editable;
    const std::string& currency = ws.meta.currency;
    const size_t n = b.stages.size();

    ImGui::BeginChild("baseline", ImVec2(0, 0), false);
    ImGui::TextUnformatted(tr("Per stage"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s (%s)", tr("money per customer per month"), currency.c_str());
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_SizingStretchSame;
    std::vector<double> revenue = effective_revenue(b);
    if (ImGui::BeginTable("stages", 6, flags)) {
        ImGui::TableSetupColumn(tr("Stage"));
        ImGui::TableSetupColumn(tr("Churn stage"));
        ImGui::TableSetupColumn(tr("Customers now"));
        ImGui::TableSetupColumn(tr("Revenue"));
        ImGui::TableSetupColumn(tr("Margin"));
        ImGui::TableSetupColumn(tr("Servicing cost"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < n; ++i) {
            const std::string& st = b.stages[i];
            std::string base_name = "scenarios.baseline." + st;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(st.c_str());
            ImGui::TableNextColumn();
            bool churned = i < b.churned.size() && b.churned[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::BeginDisabled(s.has_data);
            if (ImGui::Checkbox("##churned", &churned)) {
                Json names = Json::array();
                for (size_t j = 0; j < n; ++j)
                    if (j == i ? churned : (j < b.churned.size() && b.churned[j])) names.push_back(b.stages[j]);
                s.inputs["churned"] = names;
                s.inputs_dirty = true;
            }
            ImGui::EndDisabled();
            ImGui::PopID();
            ImGui::TableNextColumn();
            input_cell(s, base_name + ".start", "start_customers", st, b.start_customers[i], "%.0f");
            ImGui::TableNextColumn();
            input_cell(s, base_name + ".revenue", "revenue", st, revenue[i], "%.2f", 1, -1e12);
            ImGui::TableNextColumn();
            input_cell(s, base_name + ".margin", "margin", st, b.margin[i], "%.2f", 1, -1e12);
            ImGui::TableNextColumn();
            input_cell(s, base_name + ".servicing", "servicing_cost", st, b.servicing_cost[i], "%.2f");
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    field_label(tr("New customers per month"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    input_cell(s, "scenarios.baseline.new_customers", "new_customers_per_month", "", b.new_customers_per_month, "%.1f");
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s", tr("enter"), b.entry_stage >= 0 && static_cast<size_t>(b.entry_stage) < n
                                                   ? b.stages[static_cast<size_t>(b.entry_stage)].c_str()
                                                   : "-");
    result_help("new_customers");
    field_label(tr("Discount rate (% per month)"));
    ImGui::PushItemWidth(ImGui::GetFontSize() * 10);
    ImGui::BeginGroup();
    input_cell(s, "scenarios.baseline.discount", "discount_rate_monthly", "", b.discount_rate_monthly, "%.3f", 0.01);
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::TextDisabled("= %.1f%% %s", (std::pow(1 + b.discount_rate_monthly, 12) - 1) * 100, tr("per year"));
    field_label(tr("Horizon (months)"));
    int horizon = b.horizon_months;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::InputInt("##horizon", &horizon, 1, 12)) {
        s.inputs["horizon_months"] = std::clamp(horizon, 1, kMaxHorizonMonths);
        s.inputs_dirty = true;
    }
    automation::record("scenarios.baseline.horizon");

    if (!b.channels.empty()) {
        ImGui::Spacing();
        ImGui::Text("%s (%s %s %s)", tr("Acquisition channels"), tr("average"), money(average_acquisition_cost(b)).c_str(),
                    currency.c_str());
        if (ImGui::BeginTable("channels", 3, flags)) {
            ImGui::TableSetupColumn(tr("Channel"));
            ImGui::TableSetupColumn(tr("Share of new customers"));
            ImGui::TableSetupColumn((std::string(tr("Cost per customer")) + " (" + currency + ")").c_str());
            ImGui::TableHeadersRow();
            for (const AcquisitionChannel& c : b.channels) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(c.name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(charts::format_value(c.share, charts::ValueFormat::percent).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money(c.cost_per_customer).c_str());
            }
            ImGui::EndTable();
        }
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Monthly transition probabilities (row: stage now, column: stage next month)"));
    if (s.has_data) help_marker(tr("Measured: of the customers in the row's stage at one month-end, the share found in "
                                   "each column's stage a month later, pooled over the last 12 months."));
    else help_marker(tr("Type each row so that it sums to 100%."));
    if (ImGui::BeginTable("transition", static_cast<int>(n) + 2, flags)) {
        ImGui::TableSetupColumn(tr("from \\ to"));
        for (const std::string& st : b.stages) ImGui::TableSetupColumn(st.c_str());
        ImGui::TableSetupColumn(tr("Row sum"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < n && i < b.transition.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(b.stages[i].c_str());
            double sum = 0;
            for (size_t j = 0; j < n && j < b.transition[i].size(); ++j) {
                ImGui::TableNextColumn();
                double p = b.transition[i][j];
                sum += p;
                if (s.has_data) {
                    ImGui::TextUnformatted(charts::format_value(p, charts::ValueFormat::percent).c_str());
                    continue;
                }
                double shown = p * 100;
                ImGui::PushID(static_cast<int>(i * n + j));
                ImGui::SetNextItemWidth(-FLT_MIN);
                if (ImGui::InputDouble("##p", &shown, 0, 0, "%.1f%%") && std::isfinite(shown)) {
                    Json matrix = Json::array();
                    for (size_t r = 0; r < n; ++r) {
                        Json row = Json::array();
                        for (size_t c = 0; c < n; ++c)
                            row.push_back(r == i && c == j ? std::clamp(shown / 100, 0.0, 1.0) : b.transition[r][c]);
                        matrix.push_back(row);
                    }
                    s.inputs["transition"] = matrix;
                    s.inputs_dirty = true;
                }
                automation::record("scenarios.baseline.p." + std::to_string(i) + "." + std::to_string(j));
                ImGui::PopID();
            }
            ImGui::TableNextColumn();
            bool ok = std::fabs(sum - 1) <= 1e-6;
            ImGui::TextColored(ok ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled) : ImVec4(0.85f, 0.3f, 0.2f, 1), "%s",
                               charts::format_value(sum, charts::ValueFormat::percent).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
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
    bool inputs_were_dirty = s.inputs_dirty;
    std::string inputs_before = s.inputs.dump();

    float list_width = ImGui::GetFontSize() * 14;
    ImGui::BeginChild("scenario_list", ImVec2(list_width, 0), true);
    draw_list(state, s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("scenario_main", ImVec2(0, 0), false);
    if (s.working_valid) {
        ImGui::Text("%s: %s", tr("Scenario"), s.working.name.c_str());
        if (s.working_dirty) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr("(editing)"));
        }
    }
    if (ImGui::BeginTabBar("scenario_tabs")) {
        if (ImGui::BeginTabItem(tr_id("Levers", "levers").c_str())) {
            automation::record("scenarios.tab.levers");
            draw_levers_tab(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.levers");
        if (ImGui::BeginTabItem(tr_id("Compare", "compare").c_str())) {
            automation::record("scenarios.tab.compare");
            draw_comparison(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.compare");
        if (ImGui::BeginTabItem(tr_id("Sensitivity", "sensitivity").c_str())) {
            automation::record("scenarios.tab.sensitivity");
            draw_sensitivity(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.sensitivity");
        if (ImGui::BeginTabItem(tr_id("Baseline", "baseline").c_str())) {
            automation::record("scenarios.tab.baseline");
            draw_baseline_tab(state, s);
            ImGui::EndTabItem();
        } else automation::record("scenarios.tab.baseline");
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    draw_rename_popup(state, s);

    if (s.inputs_dirty && (!inputs_were_dirty || s.inputs.dump() != inputs_before)) {
        rebuild_baseline(s, state.workspace());
        s.results_key.clear();
        s.compare_key.clear();
        s.tornado_key.clear();
    }
    // One undoable edit per gesture: the drag or the typing ends when no widget is active.
    if ((s.working_dirty || s.inputs_dirty) && !ImGui::IsAnyItemActive() && s.revision == state.revision())
        write_section(state, edited_section(s), s.inputs_dirty ? "Edit baseline inputs" : "Edit scenario levers");
    publish(s);
}

}  // namespace lcs
