// Plain-language explanations of each lever and each projection result, in English and 简体中文,
// for trainees; the UI shows them as help text. docs/scenarios.md is the long form of the same text.
#pragma once
#include <string>
#include <vector>

#include "core/localized.h"
#include "core/scenario/lever.h"

namespace lcs {

// What the lever means and exactly how it changes the chain and the costs. Never empty.
const char* lever_explanation(LeverKind kind, Lang lang = Lang::en);
// Short display name of a lever kind ("Retention uplift" / "提升留存").
const char* lever_title(LeverKind kind, Lang lang = Lang::en);

// Result keys, in display order: customer_equity, customers_by_stage, new_customers, revenue, margin,
// servicing_cost, lever_cost, acquisition_cost, cost, net, cumulative_equity, cumulative_margin,
// customers_at_horizon, total_lever_cost, roi, lever_roi, difference_to_baseline, sensitivity.
std::vector<std::string> result_keys();
// What the result means and how it is computed. Empty for an unknown key.
const char* result_explanation(const std::string& key, Lang lang = Lang::en);
const char* result_title(const std::string& key, Lang lang = Lang::en);

// A care plan's display name from the catalog (core/lifecycle/care_plans.h): "birthday" -> "Birthday
// care" / "生日关怀"; the id itself for a custom plan.
std::string care_plan_title(const std::string& plan_id, Lang lang = Lang::en);

}  // namespace lcs
