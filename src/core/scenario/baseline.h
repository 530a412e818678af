// The baseline of a what-if projection: a monthly Markov chain over lifecycle stages plus the money
// attached to each stage. Plain data; built from a workspace (workspace_baseline.h) or typed in.
// JSON form (also used for scenario overrides, where every field is optional): docs/scenarios.md.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/workspace.h"

namespace lcs {

// An acquisition channel: the share of new customers that arrive through it and what one costs.
struct AcquisitionChannel {
    std::string name;
    double share = 0;              // 0..1; shares of all channels sum to 1 (when any channel exists)
    double cost_per_customer = 0;  // money per acquired customer, >= 0
};

// A churn reason as the projection needs it: how many churned customers left for it, and the share
// a win-back campaign is expected to bring back (the workspace's churn-reason catalog).
struct ChurnReasonShare {
    std::string id;             // ChurnReason::id, e.g. "price"
    double share_of_churned = 0;  // 0..1; fraction of churned customers with this reason
    double winback_share = 0;     // 0..1; expected share of contacted customers won back
};

struct Baseline {
    std::vector<std::string> stages;  // unique, non-empty names; order is the matrix order
    // Monthly transition probabilities: transition[i][j] = P(in stage j next month | in stage i now).
    // Square (stages × stages), entries in [0,1], every row sums to 1 (±1e-6).
    std::vector<std::vector<double>> transition;
    std::vector<bool> churned;  // per stage: true for churn stages (absorbing or with win-back flows)
    // Per customer per month, by stage (money). Margin is after cost of goods, before servicing.
    std::vector<double> revenue;         // empty = same as margin (margin-only model)
    std::vector<double> margin;
    std::vector<double> servicing_cost;  // >= 0
    std::vector<double> start_customers;  // customers per stage at month 0, >= 0
    double new_customers_per_month = 0;   // >= 0, arrive in entry_stage every month
    int entry_stage = 0;                  // index into stages
    std::vector<AcquisitionChannel> channels;  // may be empty (acquisition then costs nothing)
    std::vector<ChurnReasonShare> churn_reasons;  // may be empty (win-back levers then need shares)
    double discount_rate_monthly = 0.01;  // >= 0 and < 1; month t is discounted by (1+r)^-t
    int horizon_months = 36;              // 1..600
};

inline constexpr int kMaxHorizonMonths = 600;

// Index of a stage by exact name, or -1.
int stage_index(const Baseline& baseline, const std::string& name);

// Average acquisition cost per new customer: sum of share × cost over channels (0 with no channels).
double average_acquisition_cost(const Baseline& baseline);

// Revenue per stage as used by the projection (margin when revenue is empty).
std::vector<double> effective_revenue(const Baseline& baseline);

// Checks every invariant above. Appends problems (kind "scenario.invalid_baseline", where =
// JSON-style path under `where_prefix`) and returns true when none were found.
bool validate_baseline(const Baseline& baseline, Problems& problems, const std::string& where_prefix = "baseline");

// Full JSON form: {"stages": [...], "churned": [names], "transition": [[...]], "revenue": {stage: x},
// "margin": {...}, "servicing_cost": {...}, "start_customers": {...}, "new_customers_per_month": x,
// "entry_stage": name, "channels": [{name, share, cost_per_customer}], "churn_reasons": [{id,
// share_of_churned, winback_share}], "discount_rate_monthly": r, "horizon_months": n}.
Json baseline_to_json(const Baseline& baseline);

// Applies a (possibly partial) baseline JSON object onto `baseline`: fields present replace the
// current ones; per-stage maps replace only the stages they name. When "stages" is present the
// per-stage vectors are re-mapped by name (new stages get 0, an identity row in the matrix).
// Type errors and unknown stage names become problems ("scenario.bad_field", "scenario.unknown_stage")
// and leave that field unchanged. Does not validate the result (call validate_baseline).
void apply_baseline_json(Baseline& baseline, const Json& json, Problems& problems, const std::string& where = "baseline");

// A baseline parsed from a full JSON object and validated; nullopt when any problem was found.
std::optional<Baseline> baseline_from_json(const Json& json, Problems& problems, const std::string& where = "baseline");

}  // namespace lcs
