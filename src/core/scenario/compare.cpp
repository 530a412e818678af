#include "core/scenario/compare.h"

#include <algorithm>
#include <cmath>

#include "core/problem_kinds.h"

namespace lcs {

namespace {

std::optional<double> difference(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return std::nullopt;
    return *a - *b;
}

}  // namespace

KeyFigures key_figures(const Projection& projection) {
    KeyFigures figures;
    figures.customer_equity = projection.customer_equity;
    figures.margin_12 = cumulative_margin(projection, 12);
    figures.margin_24 = cumulative_margin(projection, 24);
    figures.margin_36 = cumulative_margin(projection, 36);
    if (!projection.months.empty()) figures.customers_at_horizon = projection.months.back().customers;
    figures.total_lever_cost = projection.total_lever_cost;
    return figures;
}

std::optional<double> roi_between(const Projection& with, const Projection& without) {
    const double d_margin = with.pv_margin - without.pv_margin;
    const double d_cost = with.pv_cost - without.pv_cost;
    // Relative floor so float noise from an unchanged chain never yields a huge ROI.
    const double scale = std::max({1.0, std::fabs(with.pv_cost), std::fabs(without.pv_cost)});
    if (!(d_cost > 1e-9 * scale)) return std::nullopt;
    return (d_margin - d_cost) / d_cost;
}

std::vector<LeverRoi> lever_rois(const Baseline& baseline, const std::vector<Lever>& levers, Problems& problems) {
    std::vector<LeverRoi> out;
    const std::optional<Projection> without = project(baseline, {}, problems);
    if (!without) return out;
    for (size_t i = 0; i < levers.size(); ++i) {
        std::optional<Projection> with = project(baseline, {levers[i]}, problems);
        if (!with) return {};
        LeverRoi roi;
        roi.lever_index = i;
        roi.incremental_pv_margin = with->pv_margin - without->pv_margin;
        roi.incremental_pv_cost = with->pv_cost - without->pv_cost;
        roi.incremental_equity = with->customer_equity - without->customer_equity;
        roi.roi = roi_between(*with, *without);
        out.push_back(roi);
    }
    return out;
}

std::optional<Comparison> compare_scenarios(const Baseline& baseline, const std::vector<Scenario>& scenarios,
                                            Problems& problems) {
    if (scenarios.size() > kMaxComparedScenarios) {
        problems.push_back(Problem{scenario_problem::kTooMany, "",
                                   "at most " + std::to_string(kMaxComparedScenarios) + " scenarios can be compared, got " +
                                       std::to_string(scenarios.size()),
                                   0, 0});
        return std::nullopt;
    }
    std::optional<Projection> base = project(baseline, {}, problems);
    if (!base) return std::nullopt;
    Comparison out;
    out.stages = baseline.stages;
    out.baseline_figures = key_figures(*base);
    out.baseline = std::move(*base);
    for (const Scenario& scenario : scenarios) {
        Problems local;
        std::optional<Baseline> effective = scenario_baseline(baseline, scenario, local);
        std::optional<Projection> with = effective ? project(*effective, scenario.levers, local) : std::nullopt;
        std::optional<Projection> without = effective ? project(*effective, {}, local) : std::nullopt;
        if (!with || !without) {
            for (Problem& p : local) {
                p.where = "scenario \"" + scenario.name + "\"" + (p.where.empty() ? "" : " " + p.where);
                problems.push_back(std::move(p));
            }
            return std::nullopt;
        }
        ScenarioColumn column;
        column.name = scenario.name;
        column.figures = key_figures(*with);
        column.figures.roi = roi_between(*with, *without);
        column.figures.incremental_pv_margin = with->pv_margin - without->pv_margin;
        column.figures.incremental_pv_cost = with->pv_cost - without->pv_cost;
        column.lever_rois = lever_rois(*effective, scenario.levers, problems);
        const KeyFigures& b = out.baseline_figures;
        column.equity_difference = column.figures.customer_equity - b.customer_equity;
        column.margin_12_difference = difference(column.figures.margin_12, b.margin_12);
        column.margin_24_difference = difference(column.figures.margin_24, b.margin_24);
        column.margin_36_difference = difference(column.figures.margin_36, b.margin_36);
        if (effective->stages == baseline.stages) {
            column.customers_difference = column.figures.customers_at_horizon;
            for (size_t i = 0; i < column.customers_difference.size(); ++i)
                column.customers_difference[i] -= b.customers_at_horizon[i];
        }
        column.lever_cost_difference = column.figures.total_lever_cost - b.total_lever_cost;
        column.projection = std::move(*with);
        out.scenarios.push_back(std::move(column));
    }
    return out;
}

}  // namespace lcs
