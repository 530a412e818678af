#include "core/lifecycle/staging.h"

#include <algorithm>
#include <limits>

namespace lcs {

StageEvaluator::StageEvaluator(const Workspace& workspace, const LifecycleModel& model, FactPlan& plan,
                               const ModelScores* scores)
    : workspace_(workspace), scores_(scores) {
    for (const Stage& stage : model.stages) {
        CompiledStage compiled;
        for (const Condition& c : stage.rules.all) compiled.all.push_back(compile(c, plan));
        for (const Condition& c : stage.rules.any) compiled.any.push_back(compile(c, plan));
        stages_.push_back(std::move(compiled));
    }
    order_ = evaluation_sequence(model);
    fallback_ = fallback_index(model);
}

StageEvaluator::Compiled StageEvaluator::compile(const Condition& condition, FactPlan& plan) {
    Compiled out;
    out.condition = condition;
    switch (condition.kind) {
        case ConditionKind::purchases_in_window:
        case ConditionKind::spend_in_window:
            if (condition.window_days > 0) out.slot = plan.purchase_window(condition.window_days);
            break;
        case ConditionKind::trend: {
            const int w = std::max(1, condition.window_days);
            out.slot = plan.purchase_window(w);
            out.slot_double = plan.purchase_window(2 * w);
            break;
        }
        case ConditionKind::interactions_in_window:
            out.slot = plan.interactions(condition.text, std::max(0, condition.window_days));
            break;
        case ConditionKind::referrals_made:
            out.slot = plan.interactions("referral", std::max(0, condition.window_days));
            break;
        case ConditionKind::churn_event:
            if (condition.window_days > 0) out.slot = plan.churn_window(condition.window_days);
            break;
        case ConditionKind::segment_is:
        case ConditionKind::has_tag: {
            std::vector<uint8_t> flags(workspace_.customers.size());
            for (size_t c = 0; c < flags.size(); ++c) {
                const Customer& customer = workspace_.customers[c];
                flags[c] = condition.kind == ConditionKind::segment_is
                               ? customer.segment == condition.text
                               : std::find(customer.tags.begin(), customer.tags.end(), condition.text) !=
                                     customer.tags.end();
            }
            out.flags = static_cast<int>(static_flags_.size());
            static_flags_.push_back(std::move(flags));
            break;
        }
        default: break;
    }
    return out;
}

bool StageEvaluator::holds(const Compiled& compiled, const FactTable& f, size_t c) const {
    const Condition& cd = compiled.condition;
    const bool bought = f.purchases[c] > 0;
    auto check = [&](double x) { return compare_holds(cd.op, x, cd.value, cd.value2); };
    bool result = false;
    switch (cd.kind) {
        case ConditionKind::recency_days:
            result = bought && check(static_cast<double>(f.as_of) - f.last_purchase[c]);
            break;
        case ConditionKind::purchases_in_window:
            result = check(compiled.slot < 0 ? f.purchases[c] : f.window_purchases[compiled.slot][c]);
            break;
        case ConditionKind::spend_in_window:
            result = check(compiled.slot < 0 ? f.spend[c] : f.window_spend[compiled.slot][c]);
            break;
        case ConditionKind::tenure_days: result = f.tenure[c] != kNoDay && check(f.tenure[c]); break;
        case ConditionKind::repeat_purchases: result = bought && check(f.purchases[c] - 1); break;
        case ConditionKind::trend: {
            if (!bought) break;
            const bool spend = cd.text == "spend";
            const double current = spend ? f.window_spend[compiled.slot][c] : f.window_purchases[compiled.slot][c];
            const double both = spend ? f.window_spend[compiled.slot_double][c]
                                      : f.window_purchases[compiled.slot_double][c];
            const double previous = both - current;
            if (previous <= 0) {
                result = current > 0 && check(std::numeric_limits<double>::infinity());
            } else {
                result = check(current / previous);
            }
            break;
        }
        case ConditionKind::last_nps: {
            const int nps = f.last_nps[c];
            if (nps < 0) break;
            if (cd.text == "promoter") result = nps >= 9;
            else if (cd.text == "passive") result = nps == 7 || nps == 8;
            else if (cd.text == "detractor") result = nps <= 6;
            else result = check(nps);
            break;
        }
        case ConditionKind::interactions_in_window:
        case ConditionKind::referrals_made: result = check(f.window_interactions[compiled.slot][c]); break;
        case ConditionKind::churn_event: {
            if (f.last_churn[c] == kNoDay) break;
            if (compiled.slot >= 0 && f.window_churns[compiled.slot][c] == 0) break;
            result = !cd.after_last_purchase || !bought || f.last_churn[c] >= f.last_purchase[c];
            break;
        }
        case ConditionKind::segment_is:
        case ConditionKind::has_tag: result = static_flags_[compiled.flags][c] != 0; break;
        case ConditionKind::never_purchased: result = !bought; break;
        case ConditionKind::model_p_alive:
        case ConditionKind::model_expected_purchases:
        case ConditionKind::model_clv: {
            // No fit, another date, or a customer the fit did not value: no answer, so no match either way.
            const std::optional<double> x = scores_ ? scores_->value(cd.kind, c, f.as_of) : std::nullopt;
            if (!x) return false;
            result = check(*x);
            break;
        }
    }
    return result != cd.negate;
}

bool StageEvaluator::rules_hold(const FactTable& facts, int stage, size_t c) const {
    const CompiledStage& s = stages_[stage];
    if (s.all.empty() && s.any.empty()) return false;
    for (const Compiled& k : s.all)
        if (!holds(k, facts, c)) return false;
    if (s.any.empty()) return true;
    for (const Compiled& k : s.any)
        if (holds(k, facts, c)) return true;
    return false;
}

bool StageEvaluator::condition_holds(const FactTable& facts, int stage, bool any_list, int k, size_t c) const {
    const CompiledStage& s = stages_[stage];
    return holds(any_list ? s.any[k] : s.all[k], facts, c);
}

StageAssignment StageEvaluator::assign(const FactTable& facts) const {
    StageAssignment out;
    out.as_of = Date{facts.as_of};
    const size_t n = facts.present.size();
    out.stage.assign(n, -1);
    out.by_rule.assign(n, 0);
    out.counts.assign(stages_.size(), 0);
    out.revenue.assign(stages_.size(), 0.0);
    for (size_t c = 0; c < n; ++c) {
        if (!facts.present[c]) continue;
        int chosen = fallback_;
        for (int s : order_) {
            if (rules_hold(facts, s, c)) {
                chosen = s;
                out.by_rule[c] = 1;
                break;
            }
        }
        out.stage[c] = chosen;
        if (chosen < 0) continue;
        ++out.present;
        ++out.counts[chosen];
        out.revenue[chosen] += facts.spend[c];
    }
    return out;
}

CustomerStage customer_stage(const StageAssignment& assignment, size_t customer) {
    CustomerStage out;
    if (customer >= assignment.stage.size()) return out;
    out.stage = assignment.stage[customer];
    out.by_rule = out.stage >= 0 && customer < assignment.by_rule.size() && assignment.by_rule[customer] != 0;
    return out;
}

StageAssignment assign_stages(const Workspace& workspace, const LifecycleModel& model, Date as_of,
                              const ModelScores* scores) {
    const EventIndex index = build_event_index(workspace);
    return assign_stages(workspace, index, model, as_of, scores);
}

StageAssignment assign_stages(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                              Date as_of, const ModelScores* scores) {
    FactPlan plan;
    const StageEvaluator evaluator(workspace, model, plan, scores);
    return evaluator.assign(compute_facts(index, plan, as_of.days));
}

std::vector<StageRuleCounts> rule_match_counts(const Workspace& workspace, const EventIndex& index,
                                               const LifecycleModel& model, Date as_of,
                                               const ModelScores* scores) {
    FactPlan plan;
    const StageEvaluator evaluator(workspace, model, plan, scores);
    const FactTable facts = compute_facts(index, plan, as_of.days);
    const StageAssignment assignment = evaluator.assign(facts);
    std::vector<StageRuleCounts> out(model.stages.size());
    for (size_t s = 0; s < model.stages.size(); ++s) {
        const StageRules& rules = model.stages[s].rules;
        StageRuleCounts& counts = out[s];
        counts.all_matched.assign(rules.all.size(), 0);
        counts.any_matched.assign(rules.any.size(), 0);
        counts.assigned = assignment.counts[s];
        for (size_t c = 0; c < facts.present.size(); ++c) {
            if (!facts.present[c]) continue;
            for (size_t k = 0; k < rules.all.size(); ++k)
                counts.all_matched[k] += evaluator.condition_holds(facts, static_cast<int>(s), false, static_cast<int>(k), c);
            for (size_t k = 0; k < rules.any.size(); ++k)
                counts.any_matched[k] += evaluator.condition_holds(facts, static_cast<int>(s), true, static_cast<int>(k), c);
            counts.rules_matched += evaluator.rules_hold(facts, static_cast<int>(s), c);
        }
    }
    return out;
}

}  // namespace lcs
