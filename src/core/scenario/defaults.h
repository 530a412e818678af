// Starting points the scenario planner offers: the stage a new lever targets first, a new lever with
// its targets filled in from the baseline, and an example baseline for a workspace without customers.
#pragma once
#include <string>
#include <vector>

#include "core/scenario/baseline.h"
#include "core/scenario/lever.h"
#include "core/workspace.h"

namespace lcs {

// The stages that are not churn stages (customers stay in them), in the baseline's order.
std::vector<std::string> stay_stages(const Baseline& baseline);

// The stay (non-churn) stage that loses the most customers to churn each month (churn probability ×
// customers now), the natural first target of a retention lever; ties go to the larger stage, then to
// the earlier one. With nothing churning that is the largest stay stage. "" when no stay stage exists.
std::string main_churn_stage(const Baseline& baseline);

// neutral_lever(kind) (every effect 0) with its targets set from the baseline:
//   retention: stages = {main_churn_stage}; care_plan: the first catalogue plan over every stay stage;
//   conversion: from the entry stage (main_churn_stage when the entry index is invalid) to the first
//   other stay stage; winback: the churn reason with the largest share of churned, back to main_churn_stage;
//   acquisition: cost_per_customer absent (the channels' average); price: no stages (all).
// Targets that do not exist in the baseline stay empty.
Lever default_lever(LeverKind kind, const Baseline& baseline);

// Baseline inputs (the JSON form of docs/scenarios.md) for a simple four-stage chain New → Active →
// At risk → Churned, with example money per stage, 150 new customers a month through one channel,
// 1% monthly discount and a 36-month horizon. Churned customers split evenly over `churn_reasons`
// (default_churn_reasons() when empty), each with its catalogue win-back share. Valid as typed in.
Json example_baseline_inputs(const std::vector<ChurnReason>& churn_reasons);

}  // namespace lcs
