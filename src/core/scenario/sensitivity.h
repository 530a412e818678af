// Sensitivity (tornado) data: customer equity when one input at a time moves by ±delta (relative).
//
// Inputs: margin of each stage; servicing cost (all stages together); retention of each non-churn
// stage with a churn flow (its churn probability × (1 ∓ delta), the rest of the row rescaled so it
// stays stochastic; "low" = more churn); new customers per month; acquisition cost per customer
// (all channels); the monthly discount rate; and each enabled lever's effect parameter and cost
// parameters. Inputs that are zero (or absent) are skipped: ±10% of nothing moves nothing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/scenario/baseline.h"
#include "core/scenario/lever.h"

namespace lcs {

enum class SensitivityInput { margin, servicing_cost, retention, new_customers, acquisition_cost, discount_rate, lever };

struct TornadoBar {
    std::string id;       // stable: "margin:Active", "retention:Active", "servicing_cost", "new_customers",
                          // "acquisition_cost", "discount_rate", "lever[2].points", "lever[2].cost_per_customer", ...
    std::string label;    // English, e.g. "Margin · Active", "Lever 3 (retention) points"
    SensitivityInput input = SensitivityInput::margin;
    std::string stage;    // margin / retention: the stage
    int lever_index = -1; // lever inputs: index into the levers
    std::string parameter;  // lever inputs: "points", "contact_rate", "winback_share", "volume_change",
                            // "margin_change", "cost_per_customer", "fixed_cost_per_month"
    double base_value = 0;  // the input as given (retention: 1 - churn probability)
    double low_value = 0;   // the input at -delta (clamped to its valid range)
    double high_value = 0;  // the input at +delta (clamped)
    double equity_low = 0;   // customer equity with the low input
    double equity_high = 0;  // customer equity with the high input
    double swing = 0;        // |equity_high - equity_low|
};

struct Tornado {
    double base_equity = 0;
    double delta = 0.1;
    std::vector<TornadoBar> bars;  // sorted by swing, largest first (ties by id)
};

// delta in (0, 1), e.g. 0.1 for ±10%. nullopt with problems when baseline or levers are invalid.
std::optional<Tornado> sensitivity(const Baseline& baseline, const std::vector<Lever>& levers, Problems& problems,
                                   double delta = 0.1);

}  // namespace lcs
