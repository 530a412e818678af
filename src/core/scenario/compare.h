// Key figures of a projection, ROI of levers, and side-by-side comparison of up to four scenarios.
//
// ROI = (incremental discounted margin - incremental discounted cost) / incremental discounted cost,
// increments taken against the same baseline (with the scenario's overrides) and no levers. ROI is
// absent when the incremental cost is not positive (nothing was spent, or money was saved).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/scenario/baseline.h"
#include "core/scenario/lever.h"
#include "core/scenario/projection.h"
#include "core/scenario/scenario.h"

namespace lcs {

struct KeyFigures {
    double customer_equity = 0;            // money at month 0
    std::optional<double> margin_12;       // cumulative undiscounted margin, months 1..12 (absent if horizon < 12)
    std::optional<double> margin_24;
    std::optional<double> margin_36;
    std::vector<double> customers_at_horizon;  // per stage, end of the last month
    double total_lever_cost = 0;           // undiscounted
    std::optional<double> roi;             // of all levers together (see above); absent for the baseline
    double incremental_pv_margin = 0;      // vs the reference without levers
    double incremental_pv_cost = 0;
};

struct LeverRoi {
    size_t lever_index = 0;
    double incremental_pv_margin = 0;  // this lever alone vs no levers
    double incremental_pv_cost = 0;
    double incremental_equity = 0;     // margin - cost increments
    std::optional<double> roi;
};

KeyFigures key_figures(const Projection& projection);

// ROI of (with - without); absent when the incremental cost is <= 1e-9 × scale.
std::optional<double> roi_between(const Projection& with, const Projection& without);

// Each lever alone on `baseline` (already including any overrides). Empty result when invalid.
std::vector<LeverRoi> lever_rois(const Baseline& baseline, const std::vector<Lever>& levers, Problems& problems);

struct ScenarioColumn {
    std::string name;
    Projection projection;
    KeyFigures figures;
    std::vector<LeverRoi> lever_rois;
    // Scenario minus plain baseline (no overrides, no levers).
    double equity_difference = 0;
    std::optional<double> margin_12_difference, margin_24_difference, margin_36_difference;
    std::vector<double> customers_difference;  // per stage; empty when the stage lists differ
    double lever_cost_difference = 0;
};

struct Comparison {
    std::vector<std::string> stages;  // of the baseline
    Projection baseline;
    KeyFigures baseline_figures;
    std::vector<ScenarioColumn> scenarios;  // same order as requested, at most kMaxComparedScenarios
};

// Projects the baseline and each scenario. More than four scenarios, or any invalid one, give
// problems ("scenario.too_many", or those of project_scenario with where prefixed by the name) and nullopt.
std::optional<Comparison> compare_scenarios(const Baseline& baseline, const std::vector<Scenario>& scenarios,
                                            Problems& problems);

}  // namespace lcs
