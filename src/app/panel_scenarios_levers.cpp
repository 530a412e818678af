// Scenario planner, Levers tab: the key figures of the selected scenario against the baseline, and
// one card per lever (kind-specific controls, its own ROI, an explanation) with live re-projection.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/panel_scenarios_internal.h"
#include "app/table_fit.h"
#include "app/text_field.h"
#include "app/ui_lang.h"
#include "core/lifecycle/care_plans.h"
#include "core/scenario/defaults.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs::scenario_ui {
namespace {

// A slider and a number box on one fraction-valued parameter of a lever, both in the parameter's shown
// units (core lever_parameters: "+5 pts" or "20%", stored as 0.05 or 0.2), the unit written after the
// box and the hover help saying how it is stored. Returns true when either changed it.
bool parameter_input(const std::string& name, const char* label, LeverKind kind, const char* field, double& value) {
    const std::optional<LeverParameter> p = lever_parameter(kind, field);
    if (!p) return false;
    const bool points = p->unit == LeverUnit::points;
    const char* slider_format = points ? tr(p->is_signed ? "scenarios.signed_points_format" : "scenarios.points_format")
                                       : p->is_signed ? "%+.1f%%" : "%.0f%%";
    const char* unit = points ? tr("scenarios.points_unit") : "%";
    field_label(label);
    ImGui::PushID(name.c_str());
    double shown = lever_shown_value(value);
    const float unit_w = ImGui::CalcTextSize(unit).x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    bool changed = ImGui::SliderScalar("##slider", ImGuiDataType_Double, &shown, &p->shown_min, &p->shown_max, slider_format);
    automation::record(name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(1.0f, ImGui::GetContentRegionAvail().x - unit_w));
    changed |= ImGui::InputDouble("##input", &shown, 0, 0, "%.2f");
    automation::record(name + ".input");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", trf(points ? "scenarios.points_input_help" : "scenarios.percent_input_help",
                                    {charts::format_value(lever_stored_value(5), charts::ValueFormat::number)}).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(unit);
    ImGui::PopID();
    if (changed && std::isfinite(shown)) value = lever_stored_value(shown);
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
               const std::vector<std::string>& choices, const std::vector<std::string>& titles) {
    float row_start = ImGui::GetCursorPosX();
    float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    field_label(label);
    bool changed = false;
    ImGui::PushID(name.c_str());
    for (size_t i = 0; i < choices.size(); ++i) {
        bool on = std::find(stages.begin(), stages.end(), choices[i]) != stages.end();
        if (i > 0) {
            float w = ImGui::CalcTextSize(titles[i].c_str()).x + ImGui::GetFrameHeight() * 2;
            if (ImGui::GetItemRectMax().x + w < right_edge) ImGui::SameLine();
            else ImGui::SetCursorPosX(row_start + label_column());
        }
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Checkbox(titles[i].c_str(), &on)) {
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

// ---- levers ----

// The cost-per-customer box of a lever (absent cost reads as 0 and is set once edited).
void cost_input(Lever& lever, const std::string& n, const std::string& label, bool& changed) {
    double v = lever.cost_per_customer.value_or(0.0);
    if (money_input(n + ".cost_per_customer", label.c_str(), v)) {
        lever.cost_per_customer = v;
        changed = true;
    }
}

// Reason, return stage, contact rate and the win-back share (the catalogue's or the user's own).
void draw_winback_controls(const ScenarioPanelState& s, Lever& lever, const std::string& n, const Baseline& b, bool& changed) {
    std::vector<std::string> stay = stay_stages(b);
    std::vector<std::string> reasons, reason_titles;
    for (const ChurnReasonShare& r : b.churn_reasons) {
        reasons.push_back(r.id);
        auto title = s.reason_titles.find(r.id);
        reason_titles.push_back(title == s.reason_titles.end() ? r.id : title->second);
    }
    changed |= choice_combo(n + ".reason", tr("scenarios.churn_reason"), lever.reason, reasons, reason_titles);
    changed |= choice_combo(n + ".to_stage", tr("scenarios.return_to_stage"), lever.to_stage, stay, stage_titles(s, stay));
    changed |= parameter_input(n + ".contact_rate", tr("scenarios.contacted_per_month"), lever.kind, "contact_rate", lever.contact_rate);
    bool own = lever.winback_share.has_value();
    field_label(tr("common.win_back_share"));
    if (ImGui::Checkbox(tr("scenarios.set_my_own"), &own)) {
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
                ImGui::TextDisabled("%s", trf("scenarios.catalog_share", {charts::format_value(r.winback_share, charts::ValueFormat::percent)}).c_str());
            }
    } else {
        double share = *lever.winback_share;
        if (parameter_input(n + ".winback_share", tr("scenarios.won_back"), lever.kind, "winback_share", share)) {
            lever.winback_share = share;
            changed = true;
        }
    }
}

// Plan (catalogue plans first, a custom id kept as is) and the stages it covers.
void draw_care_plan_controls(const ScenarioPanelState& s, Lever& lever, const std::string& n, const Baseline& b, bool& changed) {
    const Lang lang = ui_lang();
    std::vector<std::string> plans, titles;
    for (const CarePlan& plan : care_plans()) plans.push_back(plan.id);
    if (std::find(plans.begin(), plans.end(), lever.plan) == plans.end()) plans.push_back(lever.plan);
    for (const std::string& id : plans) titles.push_back(care_plan_title(id, lang));
    changed |= choice_combo(n + ".plan", tr("common.care_plan"), lever.plan, plans, titles);
    const std::vector<std::string> stay = stay_stages(b);
    changed |= stage_set(n + ".stages", tr("scenarios.stages_covered"), lever.stages, stay, stage_titles(s, stay));
}

// Volume change and the cost per extra customer (the channels' average or the user's own).
void draw_acquisition_controls(Lever& lever, const std::string& n, const Baseline& b, const std::string& currency,
                               bool& changed) {
    changed |= parameter_input(n + ".volume_change", tr("scenarios.new_customers_n"), lever.kind, "volume_change", lever.volume_change);
    field_label(tr("scenarios.cost_per_extra_customer"));
    bool average = !lever.cost_per_customer.has_value();
    if (ImGui::Checkbox(tr("scenarios.channels_average"), &average)) {
        lever.cost_per_customer = average ? std::nullopt : std::optional<double>(average_acquisition_cost(b));
        changed = true;
    }
    automation::record(n + ".average_cost");
    if (average) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s %s", money(average_acquisition_cost(b)).c_str(), currency.c_str());
    } else {
        cost_input(lever, n, trf("scenarios.cost_per_extra_customer", {currency}), changed);
    }
}

// A month number box (min..kMaxHorizonMonths) `width` pixels wide with a hover tooltip. Returns true when changed.
bool month_input(const char* id, const std::string& name, int& month, int min, float width, const char* tooltip) {
    ImGui::SetNextItemWidth(width);
    int shown = month;
    bool changed = ImGui::InputInt(id, &shown, 1, 6);
    if (changed) month = std::clamp(shown, min, kMaxHorizonMonths);
    automation::record(name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return changed;
}

// Fixed cost per month and the months the lever acts, common to every kind.
void draw_lever_timing(Lever& lever, const std::string& n, const std::string& currency, bool& changed) {
    if (money_input(n + ".fixed_cost", trf("scenarios.fixed_cost_per_month", {currency}).c_str(),
                    lever.fixed_cost_per_month))
        changed = true;
    field_label(tr("scenarios.active_months"));
    ImGui::PushID((n + ".months").c_str());
    float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    changed |= month_input("##start", n + ".start_month", lever.start_month, 1, half,
                           tr("scenarios.first_month_the_lever_acts_1"));
    ImGui::SameLine();
    changed |= month_input("##end", n + ".end_month", lever.end_month, 0, half,
                           tr("scenarios.last_month_the_lever_acts_0"));
    ImGui::PopID();
}

void draw_lever_controls(const ScenarioPanelState& s, Lever& lever, const std::string& n, const Baseline& b,
                         const std::string& currency, bool& changed) {
    std::vector<std::string> stay = stay_stages(b);
    const std::vector<std::string>& all = b.stages;
    const std::string per_month_cost = trf("scenarios.cost_per_customer_per_month", {currency});
    switch (lever.kind) {
        case LeverKind::retention: {
            std::string stage = lever.stages.empty() ? std::string() : lever.stages.front();
            if (choice_combo(n + ".stage", tr("common.stage"), stage, stay, stage_titles(s, stay))) {
                lever.stages = {stage};
                changed = true;
            }
            changed |= parameter_input(n + ".points", tr("scenarios.churn_kept_points_month"), lever.kind, "points", lever.points);
            cost_input(lever, n, per_month_cost, changed);
            break;
        }
        case LeverKind::conversion:
            changed |= choice_combo(n + ".from_stage", tr("scenarios.from_stage"), lever.from_stage, all, stage_titles(s, all));
            changed |= choice_combo(n + ".to_stage", tr("scenarios.to_stage"), lever.to_stage, all, stage_titles(s, all));
            changed |= parameter_input(n + ".points", tr("scenarios.moved_points_month"), lever.kind, "points", lever.points);
            cost_input(lever, n, per_month_cost, changed);
            break;
        case LeverKind::winback:
            draw_winback_controls(s, lever, n, b, changed);
            cost_input(lever, n, trf("scenarios.cost_per_contacted_customer", {currency}), changed);
            break;
        case LeverKind::care_plan:
            draw_care_plan_controls(s, lever, n, b, changed);
            changed |= parameter_input(n + ".points", tr("scenarios.churn_kept_points_month"), lever.kind, "points", lever.points);
            cost_input(lever, n, per_month_cost, changed);
            break;
        case LeverKind::acquisition: draw_acquisition_controls(lever, n, b, currency, changed); break;
        case LeverKind::price:
            changed |= parameter_input(n + ".margin_change", tr("scenarios.margin_per_customer_n"), lever.kind, "margin_change", lever.margin_change);
            changed |= stage_set(n + ".stages", tr("scenarios.stages_none_all"), lever.stages, stay, stage_titles(s, stay));
            changed |= parameter_input(n + ".points", tr("scenarios.retention_effect_points_month"), lever.kind, "points", lever.points);
            break;
    }
    draw_lever_timing(lever, n, currency, changed);
}

void draw_lever(ScenarioPanelState& s, size_t index, const Baseline& b, const std::string& currency,
                const LeverRoi* roi, bool& remove) {
    Lever& lever = s.working.levers[index];
    const Lang lang = ui_lang();
    std::string n = "scenarios.lever." + std::to_string(index);
    ImGui::PushID(static_cast<int>(index));
    bool changed = false;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (begin_fitting_table("lever", 2, flags)) {
        ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("explanation", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Checkbox("##enabled", &lever.enabled)) changed = true;
        automation::record(n + ".enabled");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("scenarios.switch_the_lever_on_or_off"));
        ImGui::SameLine();
        ImGui::TextUnformatted(lever_title(lever.kind, lang));
        ImGui::SameLine();
        float remove_w = ImGui::CalcTextSize(tr("common.remove")).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetNextItemWidth(std::max(40.0f, ImGui::GetContentRegionAvail().x - remove_w - ImGui::GetStyle().ItemSpacing.x));
        if (input_text("##label", lever.label, 0, tr("scenarios.label_optional"))) changed = true;
        automation::record(n + ".label");
        ImGui::SameLine();
        if (ImGui::Button(tr("common.remove"))) remove = true;
        automation::record(n + ".remove");
        draw_lever_controls(s, lever, n, b, currency, changed);

        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        if (roi) {
            ImGui::TextUnformatted(trf("scenarios.equity_gained_by_this_lever_alone", {signed_money(roi->incremental_equity)}).c_str());
            if (roi->roi)
                ImGui::TextUnformatted(trf("scenarios.roi_of_this_lever_alone", {charts::format_value(*roi->roi, charts::ValueFormat::percent)}).c_str());
            else ImGui::TextDisabled("%s", tr("scenarios.roi_no_extra_cost"));
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
        s.results_key.invalidate();
    }
}

void refresh_results(ScenarioPanelState& s) {
    if (!s.baseline || !s.working_valid) {
        s.results.reset();
        return;
    }
    if (!s.results_key.stale({s.working, *s.baseline})) return;
    s.results_problems.clear();
    s.results = compare_scenarios(*s.baseline, {s.working}, s.results_problems);
}

// One row of the results table; higher_is_better says which way a difference is good (costs: down).
void figure_row(const char* key, const std::string& title, std::optional<double> base, std::optional<double> value,
                charts::ValueFormat format, bool show_difference = true, bool higher_is_better = true) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    result_help(key);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(base ? charts::format_value(*base, format).c_str() : "-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value ? charts::format_value(*value, format).c_str() : "-");
    ImGui::TableNextColumn();
    if (show_difference && base && value) {
        double d = *value - *base;
        ImGui::TextColored(difference_color(d, higher_is_better), "%s%s", d >= 0 ? "+" : "", charts::format_value(d, format).c_str());
    }
}

void draw_results(ScenarioPanelState& s, const Baseline& baseline) {
    if (!s.results) {
        if (!s.results_problems.empty()) {
            ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr("scenarios.the_scenario_cannot_be_projected"));
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
    if (begin_fitting_table("results", 4, flags)) {
        ImGui::TableSetupColumn(tr("common.result"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("common.baseline"), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(s.working.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(tr("scenarios.difference"), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableHeadersRow();
        figure_row("customer_equity", projected_equity_title(baseline), b.customer_equity, f.customer_equity, ValueFormat::money);
        automation::record("scenarios.results.equity");
        figure_row("cumulative_margin", tr("common.margin_months_1_12"), b.margin_12, f.margin_12, ValueFormat::money);
        figure_row("cumulative_margin", tr("common.margin_months_1_24"), b.margin_24, f.margin_24, ValueFormat::money);
        figure_row("cumulative_margin", tr("common.margin_months_1_36"), b.margin_36, f.margin_36, ValueFormat::money);
        figure_row("total_lever_cost", result_name("total_lever_cost"), b.total_lever_cost, f.total_lever_cost, ValueFormat::money,
                   true, false);
        figure_row("roi", result_name("roi"), std::nullopt, f.roi, ValueFormat::percent, false);
        ImGui::EndTable();
    }
}

}  // namespace

void draw_levers_tab(AppState& state, ScenarioPanelState& s) {
    if (!s.working_valid) {
        ImGui::TextDisabled("%s", tr("common.create_or_select_a_scenario_on"));
        if (s.baseline) {
            Problems problems;
            if (std::optional<Projection> p = project(*s.baseline, {}, problems)) {
                ImGui::TextWrapped("%s", trf("scenarios.baseline_projected_equity", {horizon_text(s.baseline->horizon_months),
                                                                                     money(p->customer_equity), state.workspace().meta.currency}).c_str());
                result_help("customer_equity");
            }
        }
        return;
    }
    if (!s.baseline) {
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s",
                           tr("common.there_is_no_valid_baseline_yet"));
        return;
    }
    refresh_results(s);
    draw_results(s, *s.baseline);

    const Baseline& b = *s.baseline;
    const std::string& currency = state.workspace().meta.currency;
    if (ImGui::Button(tr("scenarios.add_lever"))) ImGui::OpenPopup("add_lever");
    automation::record("scenarios.add_lever");
    if (ImGui::BeginPopup("add_lever")) {
        for (LeverKind kind : kAllLeverKinds) {
            if (ImGui::MenuItem(lever_title(kind, ui_lang()))) {
                s.working.levers.push_back(default_lever(kind, b));
                s.working_dirty = true;
            }
            automation::record(std::string("scenarios.add_lever.") + lever_kind_id(kind));
        }
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("scenarios.lever_count", {std::to_string(s.working.levers.size())}).c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (input_text("##notes", s.working.notes, 0, tr("scenarios.notes"))) s.working_dirty = true;
    automation::record("scenarios.notes");

    ImGui::BeginChild("levers", ImVec2(0, 0), false);
    if (s.working.levers.empty())
        ImGui::TextDisabled("%s", tr("scenarios.no_levers_yet_click_add_lever"));
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

}  // namespace lcs::scenario_ui
