// The baseline a workspace implies: stages and monthly transitions measured from the customers'
// stage history under the workspace's lifecycle model, money per stage from their transactions,
// then the scenarios section's typed-in inputs ("baseline") applied on top. docs/scenarios.md.
#pragma once
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/problem.h"
#include "core/scenario/baseline.h"
#include "core/workspace.h"

namespace lcs {

struct BaselineOptions {
    std::optional<Date> as_of;  // default: meta.as_of, else the last transaction date
    int history_months = 12;    // months of stage history the transition matrix averages, 1..120
    double discount_rate_monthly = 0.01;
    int horizon_months = 36;
};

// Measured from data (when the workspace has customers), with the lifecycle engine (snapshots.h):
//  - stages: the lifecycle model's stage ids, in model order; churned = stages whose rules contain a
//    (non-negated) churn-event condition;
//  - transition: customers' stage at D_k and D_{k-1} (D_k = as_of - round(30.4375 k) days,
//    k = 1..history_months), pooled and row-normalised; a stage never observed keeps its customers;
//  - start_customers: stage counts at as_of; new_customers_per_month and entry_stage: customers that
//    appear between consecutive snapshots, per month, and the stage most of them appear in;
//  - revenue / margin per customer-month: transactions in (D_k, D_{k-1}] of customers in the stage
//    at D_k, divided by those customer-months (margin = amount - cost; amount when no cost is known);
//  - channels: customers acquired in the history window (all customers if none) by channel, with
//    their mean acquisition_cost; churn_reasons: the latest churn event's reason of customers with
//    one, catalog win-back shares.
// Servicing cost starts at 0. Then Workspace::scenarios "baseline" inputs apply (apply_baseline_json);
// an empty workspace needs them to type in the whole chain. nullopt with problems when the result
// is invalid ("scenario.no_baseline" when there is nothing to build from).
std::optional<Baseline> baseline_from_workspace(const Workspace& workspace, Problems& problems,
                                                const BaselineOptions& options = {});

}  // namespace lcs
