#include "core/scenario/defaults.h"

#include "core/lifecycle/care_plans.h"

namespace lcs {
namespace {

bool is_churn_stage(const Baseline& b, size_t i) { return i < b.churned.size() && b.churned[i]; }

}  // namespace

std::vector<std::string> stay_stages(const Baseline& b) {
    std::vector<std::string> out;
    for (size_t i = 0; i < b.stages.size(); ++i)
        if (!is_churn_stage(b, i)) out.push_back(b.stages[i]);
    return out;
}

std::string main_churn_stage(const Baseline& b) {
    std::string best;
    double best_loss = -1, best_size = -1;
    for (size_t i = 0; i < b.stages.size(); ++i) {
        if (is_churn_stage(b, i)) continue;
        double churn = 0;
        for (size_t j = 0; j < b.stages.size() && i < b.transition.size() && j < b.transition[i].size(); ++j)
            if (is_churn_stage(b, j)) churn += b.transition[i][j];
        double size = i < b.start_customers.size() ? b.start_customers[i] : 0;
        double loss = churn * size;
        if (loss > best_loss || (loss == best_loss && size > best_size)) {
            best = b.stages[i];
            best_loss = loss;
            best_size = size;
        }
    }
    return best;
}

Lever default_lever(LeverKind kind, const Baseline& b) {
    Lever lever = neutral_lever(kind);
    std::vector<std::string> stay = stay_stages(b);
    std::string first_stay = main_churn_stage(b);
    std::string entry = b.entry_stage >= 0 && static_cast<size_t>(b.entry_stage) < b.stages.size()
                            ? b.stages[static_cast<size_t>(b.entry_stage)]
                            : first_stay;
    switch (kind) {
        case LeverKind::retention:
            if (!first_stay.empty()) lever.stages = {first_stay};
            break;
        case LeverKind::conversion:
            lever.from_stage = entry;
            for (const std::string& st : stay)
                if (st != entry) {
                    lever.to_stage = st;
                    break;
                }
            break;
        case LeverKind::winback: {
            lever.to_stage = first_stay;
            double best = -1;
            for (const ChurnReasonShare& r : b.churn_reasons)
                if (r.share_of_churned > best) {
                    best = r.share_of_churned;
                    lever.reason = r.id;
                }
            break;
        }
        case LeverKind::care_plan:
            lever.plan = care_plans().front().id;
            lever.stages = stay;
            break;
        case LeverKind::acquisition: lever.cost_per_customer.reset(); break;
        case LeverKind::price: break;
    }
    return lever;
}

Json example_baseline_inputs(const std::vector<ChurnReason>& churn_reasons) {
    const std::vector<ChurnReason> catalog = churn_reasons.empty() ? default_churn_reasons() : churn_reasons;
    Json reasons = Json::array();
    for (const ChurnReason& r : catalog)
        reasons.push_back({{"id", r.id},
                           {"share_of_churned", 1.0 / static_cast<double>(catalog.size())},
                           {"winback_share", r.winback_share}});
    return {{"stages", {"New", "Active", "At risk", "Churned"}},
            {"churned", {"Churned"}},
            {"transition", {{0.20, 0.55, 0.15, 0.10}, {0.0, 0.85, 0.10, 0.05}, {0.0, 0.25, 0.50, 0.25}, {0.0, 0.03, 0.0, 0.97}}},
            {"margin", {{"New", 15.0}, {"Active", 30.0}, {"At risk", 10.0}, {"Churned", 0.0}}},
            {"revenue", {{"New", 40.0}, {"Active", 80.0}, {"At risk", 25.0}, {"Churned", 0.0}}},
            {"servicing_cost", {{"New", 2.0}, {"Active", 3.0}, {"At risk", 1.0}, {"Churned", 0.0}}},
            {"start_customers", {{"New", 200.0}, {"Active", 1000.0}, {"At risk", 300.0}, {"Churned", 500.0}}},
            {"new_customers_per_month", 150.0},
            {"entry_stage", "New"},
            {"channels", Json::array({{{"name", "Online"}, {"share", 1.0}, {"cost_per_customer", 40.0}}})},
            {"churn_reasons", reasons},
            {"discount_rate_monthly", 0.01},
            {"horizon_months", 36}};
}

}  // namespace lcs
