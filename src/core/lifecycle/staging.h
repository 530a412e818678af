// Placing customers in stages: a customer gets the first stage, in the model's evaluation order,
// whose rules all match (rules.h); customers no stage catches go to the fallback stage. Customers
// that do not exist yet at the date (every known date of theirs is later) get stage -1.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/lifecycle/facts.h"
#include "core/lifecycle/model.h"
#include "core/lifecycle/model_scores.h"

namespace lcs {

struct StageAssignment {
    Date as_of;
    std::vector<int> stage;        // per customer (workspace order): stage index, -1 = not present
    std::vector<uint8_t> by_rule;  // per customer: 1 = the stage's own rules caught them, 0 = fallback or not present
    std::vector<int> counts;       // per stage: customers in it
    std::vector<double> revenue;   // per stage: their spend to date (all transactions dated <= as_of)
    int present = 0;               // customers with a stage
};

// Why a customer is in their stage, for a customer's detail view.
struct CustomerStage {
    int stage = -1;        // stage index, -1 = not present at the date (or index out of range)
    bool by_rule = false;  // true: that stage's rules matched first in evaluation order; false: the fallback
};
CustomerStage customer_stage(const StageAssignment& assignment, size_t customer);

// Compiled rules of one model for one workspace: facts slots resolved, segment/tag tests precomputed.
// Holds references: workspace and model must outlive it.
class StageEvaluator {
public:
    // Adds the slots the rules need to `plan` (which may hold other slots too). `scores`: the CLV
    // fit's values that model-driven conditions read (nullptr: they match nobody); must outlive it.
    StageEvaluator(const Workspace& workspace, const LifecycleModel& model, FactPlan& plan,
                   const ModelScores* scores = nullptr);
    // Precondition: facts computed with a plan that includes this evaluator's slots.
    StageAssignment assign(const FactTable& facts) const;
    // Does condition `k` of stage `s` (list: all or any) hold for customer `c`? For rule editors.
    bool condition_holds(const FactTable& facts, int stage, bool any_list, int k, size_t c) const;
    bool rules_hold(const FactTable& facts, int stage, size_t c) const;
    int stage_count() const { return static_cast<int>(stages_.size()); }

private:
    struct Compiled {
        Condition condition;
        int slot = -1;         // purchase / interaction / churn slot
        int slot_double = -1;  // trend: the 2N window
        int flags = -1;        // segment/tag: index into static_flags_
    };
    struct CompiledStage {
        std::vector<Compiled> all, any;
    };
    Compiled compile(const Condition& condition, FactPlan& plan);
    bool holds(const Compiled& compiled, const FactTable& facts, size_t c) const;

    const Workspace& workspace_;
    const ModelScores* scores_ = nullptr;
    std::vector<CompiledStage> stages_;
    std::vector<std::vector<uint8_t>> static_flags_;
    std::vector<int> order_;
    int fallback_ = -1;
};

// One date, from scratch (builds an EventIndex). For many dates or repeated calls keep an index.
// `scores` (optional): the CLV fit's values for model-driven conditions (model_scores.h).
StageAssignment assign_stages(const Workspace& workspace, const LifecycleModel& model, Date as_of,
                              const ModelScores* scores = nullptr);
StageAssignment assign_stages(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                              Date as_of, const ModelScores* scores = nullptr);

// Live counts for the rule editor, over customers present at as_of.
struct StageRuleCounts {
    std::vector<int> all_matched;  // per condition in rules.all: customers that condition alone catches
    std::vector<int> any_matched;  // per condition in rules.any
    int rules_matched = 0;         // customers whose rules all hold (ignoring other stages)
    int assigned = 0;              // customers placed in the stage (first match, or fallback)
};
std::vector<StageRuleCounts> rule_match_counts(const Workspace& workspace, const EventIndex& index,
                                               const LifecycleModel& model, Date as_of,
                                               const ModelScores* scores = nullptr);

}  // namespace lcs
