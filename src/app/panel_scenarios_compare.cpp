// Scenario planner views: side-by-side comparison of up to four scenarios (key figures with
// differences to the baseline, customers per stage and cumulative equity over time) and the
// sensitivity tornado of the selected scenario. Numbers come from core/scenario.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/panel_scenarios_internal.h"
#include "app/table_fit.h"
#include "app/ui_lang.h"
#include "app/ui_style.h"
#include "imgui.h"

namespace lcs::scenario_ui {
namespace {

const ImVec4 kBad(0.85f, 0.3f, 0.2f, 1);

void difference_text(std::optional<double> d, charts::ValueFormat format, bool higher_is_better) {
    if (!d) return;
    ImGui::TextColored(difference_color(*d, higher_is_better), "%s%s", *d >= 0 ? "+" : "", charts::format_value(*d, format).c_str());
}

void refresh_comparison(ScenarioPanelState& s) {
    if (!s.baseline) {
        s.comparison.reset();
        return;
    }
    std::vector<Scenario> scenarios = scenarios_named(s, s.compared);
    if (!s.compare_key.stale({*s.baseline, scenarios})) return;
    s.compare_problems.clear();
    // One broken scenario should not hide the others: compare only those that project.
    std::vector<Scenario> valid;
    for (const Scenario& sc : scenarios) {
        Problems local;
        if (project_scenario(*s.baseline, sc, local)) valid.push_back(sc);
        for (Problem& p : local) {
            p.where = sc.name + (p.where.empty() ? "" : ": " + p.where);
            s.compare_problems.push_back(std::move(p));
        }
    }
    s.comparison = compare_scenarios(*s.baseline, valid, s.compare_problems);
}

// One row of the figures table: the baseline value, then each scenario's value with its difference
// (coloured as good or bad by which way helps: higher_is_better false for costs and churned customers).
template <class Value, class Difference>
void figure_row(const Comparison& c, const char* key, const std::string& title, charts::ValueFormat format,
                Value value_of, Difference difference_of, bool higher_is_better = true, const char* automation_prefix = nullptr) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    if (key) result_help(key);
    ImGui::TableNextColumn();
    std::optional<double> base = value_of(c.baseline_figures);
    ImGui::TextUnformatted(base ? charts::format_value(*base, format).c_str() : "-");
    for (const ScenarioColumn& col : c.scenarios) {
        ImGui::TableNextColumn();
        std::optional<double> v = value_of(col.figures);
        ImGui::TextUnformatted(v ? charts::format_value(*v, format).c_str() : "-");
        if (automation_prefix) automation::record(std::string(automation_prefix) + col.name);
        difference_text(difference_of(col), format, higher_is_better);
    }
}

void draw_figures_table(const ScenarioPanelState& s, const Comparison& c) {
    using charts::ValueFormat;
    using Opt = std::optional<double>;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    // Two text lines per figure; leave room for the charts below.
    float rows = 6.0f + static_cast<float>(c.stages.size());
    float needed = (rows * 2 + 1.5f) * ImGui::GetTextLineHeightWithSpacing();
    float height = std::min(needed, std::max(ImGui::GetContentRegionAvail().y * 0.45f, 8 * ImGui::GetTextLineHeightWithSpacing()));
    if (!begin_fitting_table("figures", 2 + static_cast<int>(c.scenarios.size()), flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("common.result"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr("common.baseline"), ImGuiTableColumnFlags_WidthStretch, 1);
    for (const ScenarioColumn& col : c.scenarios) ImGui::TableSetupColumn(col.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    figure_row(c, "customer_equity", projected_equity_title(*s.baseline), ValueFormat::money,
               [](const KeyFigures& f) { return Opt(f.customer_equity); },
               [](const ScenarioColumn& col) { return Opt(col.equity_difference); }, true, "scenarios.compare.equity.");
    figure_row(c, "cumulative_margin", tr("common.margin_months_1_12"), ValueFormat::money,
               [](const KeyFigures& f) { return f.margin_12; }, [](const ScenarioColumn& col) { return col.margin_12_difference; });
    figure_row(c, "cumulative_margin", tr("common.margin_months_1_24"), ValueFormat::money,
               [](const KeyFigures& f) { return f.margin_24; }, [](const ScenarioColumn& col) { return col.margin_24_difference; });
    figure_row(c, "cumulative_margin", tr("common.margin_months_1_36"), ValueFormat::money,
               [](const KeyFigures& f) { return f.margin_36; }, [](const ScenarioColumn& col) { return col.margin_36_difference; });
    // Projected counts are expected values with decimals; people are shown as whole numbers. More
    // customers in a churn stage is worse, everywhere else better.
    for (size_t i = 0; i < c.stages.size(); ++i) {
        std::string title = trf("scenarios_compare.customers_at_the_horizon", {stage_title(s, c.stages[i])});
        const bool churn = i < s.baseline->churned.size() && s.baseline->churned[i];
        figure_row(c, i == 0 ? "customers_at_horizon" : nullptr, title, ValueFormat::integer,
                   [i](const KeyFigures& f) { return i < f.customers_at_horizon.size() ? Opt(f.customers_at_horizon[i]) : Opt(); },
                   [i](const ScenarioColumn& col) {
                       return i < col.customers_difference.size() ? Opt(col.customers_difference[i]) : Opt();
                   },
                   !churn);
    }
    figure_row(c, "total_lever_cost", result_name("total_lever_cost"), ValueFormat::money,
               [](const KeyFigures& f) { return Opt(f.total_lever_cost); },
               [](const ScenarioColumn& col) { return Opt(col.lever_cost_difference); }, false);
    figure_row(c, "roi", result_name("roi"), ValueFormat::percent, [](const KeyFigures& f) { return f.roi; },
               [](const ScenarioColumn&) { return Opt(); });
    ImGui::EndTable();
}

charts::Series monthly_series(const std::string& name, const Projection& p, ImU32 color, int stage) {
    charts::Series series;
    series.name = name;
    series.color = color;
    for (const ProjectedMonth& m : p.months) {
        series.x.push_back(m.month);
        double y = 0;
        if (stage < 0) y = m.cumulative_equity;
        else if (static_cast<size_t>(stage) < m.customers.size()) y = m.customers[static_cast<size_t>(stage)];
        series.y.push_back(y);
    }
    return series;
}

}  // namespace

void draw_comparison(AppState& state, ScenarioPanelState& s) {
    if (!s.baseline) {
        ImGui::TextDisabled("%s", tr("common.there_is_no_valid_baseline_yet"));
        return;
    }
    refresh_comparison(s);
    if (s.compared.empty())
        ImGui::TextDisabled("%s", tr("scenarios_compare.tick_up_to_four_scenarios_in"));
    if (!s.compare_problems.empty()) {
        ImGui::PushTextWrapPos(0);
        for (const Problem& p : s.compare_problems) ImGui::TextColored(kBad, "%s", p.to_string().c_str());
        ImGui::PopTextWrapPos();
    }
    if (!s.comparison) return;
    const Comparison& c = *s.comparison;
    ImGui::BeginChild("comparison", ImVec2(0, 0), false);
    text_disabled_wrapped(tr("scenarios_compare.differences_are_to_the_baseline_no"));
    result_help("difference_to_baseline");
    draw_figures_table(s, c);

    ImGui::Spacing();
    if (!begin_fitting_table("charts", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::EndChild();
        return;
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(result_name("customers_by_stage"));
    result_help("customers_by_stage");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (s.chart_stage < 0 || static_cast<size_t>(s.chart_stage) >= c.stages.size()) {
        // Start on the stay stage holding the most customers at the horizon.
        const std::vector<double>& n = c.baseline_figures.customers_at_horizon;
        const std::vector<bool>& churned = s.baseline->churned;
        double most = -1;
        s.chart_stage = 0;
        for (size_t i = 0; i < n.size(); ++i) {
            bool stay = i >= churned.size() || !churned[i];
            if (stay && n[i] > most) {
                most = n[i];
                s.chart_stage = static_cast<int>(i);
            }
        }
    }
    if (ImGui::BeginCombo("##stage", c.stages.empty() ? "" : stage_title(s, c.stages[static_cast<size_t>(s.chart_stage)]).c_str())) {
        for (size_t i = 0; i < c.stages.size(); ++i)
            if (ImGui::Selectable(stage_title(s, c.stages[i]).c_str(), static_cast<int>(i) == s.chart_stage)) s.chart_stage = static_cast<int>(i);
        ImGui::EndCombo();
    }
    automation::record("scenarios.compare.stage");

    std::vector<charts::Series> customers, equity;
    ImU32 base_color = charts::palette_color(6);
    customers.push_back(monthly_series(tr("common.baseline"), c.baseline, base_color, s.chart_stage));
    equity.push_back(monthly_series(tr("common.baseline"), c.baseline, base_color, -1));
    for (size_t i = 0; i < c.scenarios.size(); ++i) {
        ImU32 color = charts::palette_color(static_cast<int>(i));
        customers.push_back(monthly_series(c.scenarios[i].name, c.scenarios[i].projection, color, s.chart_stage));
        equity.push_back(monthly_series(c.scenarios[i].name, c.scenarios[i].projection, color, -1));
    }
    charts::Options options;
    options.height_lines = std::max(10.0f, ImGui::GetContentRegionAvail().y / ImGui::GetTextLineHeightWithSpacing() - 2);
    charts::line_chart("customers", customers, {tr("common.month"), charts::ValueFormat::integer},
                       {tr("common.customers"), charts::ValueFormat::integer}, options);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(result_name("cumulative_equity"));
    result_help("cumulative_equity");
    charts::line_chart("equity", equity, {tr("common.month"), charts::ValueFormat::integer},
                       {state.workspace().meta.currency, charts::ValueFormat::money}, options);
    ImGui::EndTable();
    ImGui::EndChild();
}

namespace {

std::string parameter_title(const std::string& parameter) {
    if (parameter == "points") return tr("scenarios_compare.points");
    if (parameter == "contact_rate") return tr("scenarios_compare.contact_rate");
    if (parameter == "winback_share") return tr("scenarios_compare.win_back_share");
    if (parameter == "volume_change") return tr("scenarios_compare.volume_change");
    if (parameter == "margin_change") return tr("scenarios_compare.margin_change");
    if (parameter == "cost_per_customer") return tr("scenarios_compare.cost_per_customer");
    if (parameter == "fixed_cost_per_month") return tr("scenarios_compare.fixed_cost_per_month");
    return parameter;
}

std::string bar_label(const ScenarioPanelState& s, const TornadoBar& bar, const std::vector<Lever>& levers) {
    switch (bar.input) {
        case SensitivityInput::margin: return trf("scenarios_compare.margin_of_stage", {stage_title(s, bar.stage)});
        case SensitivityInput::servicing_cost: return tr("common.servicing_cost");
        case SensitivityInput::retention: return trf("scenarios_compare.retention_of_stage", {stage_title(s, bar.stage)});
        case SensitivityInput::new_customers: return tr("common.new_customers_per_month");
        case SensitivityInput::acquisition_cost: return tr("scenarios_compare.acquisition_cost_per_customer");
        case SensitivityInput::discount_rate: return tr("scenarios_compare.discount_rate");
        case SensitivityInput::lever: {
            const std::string number = std::to_string(bar.lever_index + 1);
            if (bar.lever_index >= 0 && static_cast<size_t>(bar.lever_index) < levers.size())
                return trf("scenarios_compare.lever_kind_parameter",
                           {number, lever_title(levers[static_cast<size_t>(bar.lever_index)].kind, ui_lang()), parameter_title(bar.parameter)});
            return trf("scenarios_compare.lever_parameter", {number, parameter_title(bar.parameter)});
        }
    }
    return bar.label;
}

std::string input_value(const TornadoBar& bar, double v) {
    using charts::ValueFormat;
    switch (bar.input) {
        case SensitivityInput::retention:
        case SensitivityInput::discount_rate: return charts::format_value(v, ValueFormat::percent);
        case SensitivityInput::new_customers: return charts::format_value(v, ValueFormat::integer);  // people: whole
        case SensitivityInput::lever:
            if (bar.parameter == "points") return trf("common.points", {charts::format_value(lever_shown_value(v), ValueFormat::number)});
            if (bar.parameter == "cost_per_customer" || bar.parameter == "fixed_cost_per_month")
                return charts::format_value(v, ValueFormat::money);
            return charts::format_value(v, ValueFormat::percent);
        default: return charts::format_value(v, ValueFormat::money);
    }
}

void refresh_tornado(ScenarioPanelState& s) {
    if (!s.baseline || !s.working_valid) {
        s.tornado.reset();
        return;
    }
    if (!s.tornado_key.stale({s.working, *s.baseline, s.tornado_delta_percent})) return;
    s.tornado_problems.clear();
    s.tornado.reset();
    std::optional<Baseline> effective = scenario_baseline(*s.baseline, s.working, s.tornado_problems);
    if (effective)
        s.tornado = sensitivity(*effective, s.working.levers, s.tornado_problems, s.tornado_delta_percent / 100.0);
}

}  // namespace

void draw_sensitivity(AppState& state, ScenarioPanelState& s) {
    if (!s.baseline) {
        ImGui::TextDisabled("%s", tr("common.there_is_no_valid_baseline_yet"));
        return;
    }
    if (!s.working_valid) {
        ImGui::TextDisabled("%s", tr("common.create_or_select_a_scenario_on"));
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s: %s", result_name("sensitivity"), s.working.name.c_str());
    result_help("sensitivity");
    same_line_if_fits(ImGui::GetFontSize() * 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::SliderFloat("##delta", &s.tornado_delta_percent, 1, 50, tr("scenarios_compare.each_input_n"));
    automation::record("scenarios.sensitivity.delta");
    refresh_tornado(s);
    if (!s.tornado) {
        ImGui::PushTextWrapPos(0);
        for (const Problem& p : s.tornado_problems) ImGui::TextColored(kBad, "%s", p.to_string().c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    const Tornado& t = *s.tornado;
    ImGui::BeginChild("sensitivity", ImVec2(0, 0), false);
    ImGui::TextWrapped("%s", trf("scenarios_compare.scenario_projected_equity", {s.working.name, horizon_text(s.baseline->horizon_months),
                                                                                money(t.base_equity), state.workspace().meta.currency}).c_str());
    text_disabled_wrapped(tr("scenarios_compare.bars_show_customer_equity_when_one"));
    std::vector<charts::TornadoRow> rows;
    for (const TornadoBar& bar : t.bars) {
        charts::TornadoRow row;
        row.label = bar_label(s, bar, s.working.levers);
        row.low_result = bar.equity_low;
        row.high_result = bar.equity_high;
        row.detail = trf("scenarios_compare.bar_detail", {input_value(bar, bar.low_value), input_value(bar, bar.base_value),
                                                          input_value(bar, bar.high_value), money(bar.swing)});
        rows.push_back(std::move(row));
    }
    char delta[32];
    std::snprintf(delta, sizeof delta, "%.0f%%", static_cast<double>(s.tornado_delta_percent));
    const std::string low_name = trf("scenarios_compare.input_lowered", {delta});
    const std::string high_name = trf("scenarios_compare.input_raised", {delta});
    if (rows.empty()) ImGui::TextDisabled("%s", tr("scenarios_compare.no_input_is_different_from_zero"));
    else
        charts::tornado_chart("tornado", rows, t.base_equity,
                              {projected_equity_title(*s.baseline) + " (" + state.workspace().meta.currency + ")",
                               charts::ValueFormat::money},
                              tr("scenarios_compare.base"), low_name, high_name);
    automation::record("scenarios.sensitivity.chart");
    ImGui::EndChild();
}

}  // namespace lcs::scenario_ui
