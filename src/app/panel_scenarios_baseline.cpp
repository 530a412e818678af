// Scenario planner, Baseline tab: the measured (or typed-in) baseline the projections run on, per stage,
// acquisition channels and the monthly transition matrix; typed figures are saved as baseline inputs.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/clv_intervals_view.h"
#include "app/i18n.h"
#include "app/new_customer_view.h"
#include "app/panel_scenarios_internal.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "core/scenario/defaults.h"
#include "imgui.h"

namespace lcs::scenario_ui {
namespace {

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

const ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                   ImGuiTableFlags_SizingStretchSame;

// What the baseline is measured from, the template / reset buttons and the baseline's problems.
// Returns false when there is no baseline to show.
bool draw_baseline_source(AppState& state, ScenarioPanelState& s) {
    const Workspace& ws = state.workspace();
    ImGui::PushTextWrapPos(0);
    if (s.has_data)
        ImGui::TextDisabled("%s", tr("scenarios.measured_from_the_customers_stage_history"));
    else
        ImGui::TextDisabled("%s", tr("scenarios.this_workspace_has_no_customer_data"));
    ImGui::PopTextWrapPos();

    bool has_inputs = s.inputs.is_object() && !s.inputs.empty();
    if (!s.has_data && !s.editable) {
        if (ImGui::Button(tr("scenarios.start_from_a_simple_four_stage"))) {
            ScenarioSection next = edited_section(s);
            next.baseline_inputs = example_baseline_inputs(ws.churn_reasons);
            write_section(state, next, "scenarios.type_in_baseline");
        }
        automation::record("scenarios.baseline.template");
    }
    if (has_inputs) {
        if (s.has_data) {
            if (ImGui::Button(tr("scenarios.reset_to_measured_values"))) {
                ScenarioSection next = edited_section(s);
                next.baseline_inputs = Json::object();
                write_section(state, next, "scenarios.reset_baseline_inputs");
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
        return false;
    }
    show_problems(s.live_baseline_problems);
    return true;
}

// Per stage: churn flag (typed-in baselines only), customers now, revenue, margin, servicing cost.
void draw_stage_table(ScenarioPanelState& s, const Baseline& b, const std::string& currency) {
    const size_t n = b.stages.size();
    ImGui::TextUnformatted(tr("scenarios.per_stage"));
    const std::string money_note = trf("scenarios.money_per_customer_per_month", {currency});
    same_line_if_fits(ImGui::CalcTextSize(money_note.c_str()).x);
    text_disabled_wrapped(money_note.c_str());
    std::vector<double> revenue = effective_revenue(b);
    if (begin_fitting_table("stages", 6, kTableFlags)) {
        ImGui::TableSetupColumn(tr("common.stage"));
        ImGui::TableSetupColumn(tr("scenarios.churn_stage"));
        ImGui::TableSetupColumn(tr("common.customers_now"));
        ImGui::TableSetupColumn(tr("common.revenue"));
        ImGui::TableSetupColumn(tr("common.margin"));
        ImGui::TableSetupColumn(tr("common.servicing_cost"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < n; ++i) {
            const std::string& st = b.stages[i];
            std::string base_name = "scenarios.baseline." + st;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(stage_title(s, st).c_str());
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

}

// New customers per month, discount rate and horizon.
void draw_flows(ScenarioPanelState& s, const Baseline& b) {
    const size_t n = b.stages.size();
    field_label(tr("common.new_customers_per_month"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    input_cell(s, "scenarios.baseline.new_customers", "new_customers_per_month", "", b.new_customers_per_month, "%.1f");
    const bool has_entry = b.entry_stage >= 0 && static_cast<size_t>(b.entry_stage) < n;
    const std::string entry = trf("scenarios.enter_stage", {has_entry ? stage_title(s, b.stages[static_cast<size_t>(b.entry_stage)]) : "-"});
    same_line_if_fits(ImGui::CalcTextSize(entry.c_str()).x);
    text_disabled_wrapped(entry.c_str());
    result_help("new_customers");
    field_label(tr("scenarios.discount_rate_n_month"));
    ImGui::PushItemWidth(ImGui::GetFontSize() * 10);
    ImGui::BeginGroup();
    input_cell(s, "scenarios.baseline.discount", "discount_rate_monthly", "", b.discount_rate_monthly, "%.3f", 0.01);
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    char yearly[32];
    std::snprintf(yearly, sizeof yearly, "%.1f%%", (std::pow(1 + b.discount_rate_monthly, 12) - 1) * 100);
    const std::string per_year = trf("scenarios.equals_per_year", {yearly});
    same_line_if_fits(ImGui::CalcTextSize(per_year.c_str()).x);
    text_disabled_wrapped(per_year.c_str());
    field_label(tr("scenarios.horizon_months"));
    int horizon = b.horizon_months;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::InputInt("##horizon", &horizon, 1, 12)) {
        s.inputs["horizon_months"] = std::clamp(horizon, 1, kMaxHorizonMonths);
        s.inputs_dirty = true;
    }
    automation::record("scenarios.baseline.horizon");

}

void draw_channels(const Baseline& b, const std::string& currency) {
    if (!b.channels.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", trf("scenarios.acquisition_channels_average", {money(average_acquisition_cost(b)), currency}).c_str());
        if (begin_fitting_table("channels", 3, kTableFlags)) {
            ImGui::TableSetupColumn(tr("common.channel"));
            ImGui::TableSetupColumn(tr("scenarios.share_of_new_customers"));
            ImGui::TableSetupColumn(trf("scenarios.cost_per_customer", {currency}).c_str());
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

}

// The monthly transition matrix: read-only when measured, typed in (row by row) otherwise.
void draw_transition_matrix(ScenarioPanelState& s, const Baseline& b) {
    const size_t n = b.stages.size();
    ImGui::TextWrapped("%s", tr("scenarios.monthly_transition_probabilities_row_stage_now"));
    if (s.has_data) help_marker(tr("scenarios.measured_of_the_customers_in_the"));
    else help_marker(tr("scenarios.type_each_row_so_that_it"));
    if (begin_fitting_table("transition", static_cast<int>(n) + 2, kTableFlags)) {
        ImGui::TableSetupColumn(tr("common.from_to"));
        for (const std::string& st : b.stages) ImGui::TableSetupColumn(stage_title(s, st).c_str());
        ImGui::TableSetupColumn(tr("scenarios.row_sum"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < n && i < b.transition.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(stage_title(s, b.stages[i]).c_str());
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
}

}  // namespace

void draw_baseline_tab(AppState& state, ScenarioPanelState& s) {
    if (!draw_baseline_source(state, s)) return;
    const Baseline& b = *s.editable;
    const std::string& currency = state.workspace().meta.currency;
    ImGui::BeginChild("baseline", ImVec2(0, 0), false);
    draw_stage_table(s, b, currency);
    ImGui::Spacing();
    draw_flows(s, b);
    draw_channels(b, currency);
    draw_new_customer_value(state, "scenarios");  // beside the channels' acquisition costs
    draw_fit_equity_interval(state);  // the CLV fit behind it: its customer equity with the interval
    ImGui::Spacing();
    draw_transition_matrix(s, b);
    ImGui::EndChild();
}

}  // namespace lcs::scenario_ui
