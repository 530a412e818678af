#include "core/lifecycle/model_scores.h"

#include <algorithm>
#include <cmath>

namespace lcs {

std::optional<double> ModelScores::value(ConditionKind kind, std::size_t c, int32_t day) const {
    if (day != as_of.days) return std::nullopt;  // the fit knows nothing about other dates
    const std::vector<double>* column = kind == ConditionKind::model_p_alive              ? &p_alive
                                        : kind == ConditionKind::model_expected_purchases ? &expected_purchases
                                        : kind == ConditionKind::model_clv                ? &clv
                                                                                          : nullptr;
    if (!column || c >= column->size() || !std::isfinite((*column)[c])) return std::nullopt;
    return (*column)[c];
}

int ModelScores::valued_customers() const {
    int n = 0;
    for (std::size_t c = 0; c < std::max(p_alive.size(), clv.size()); ++c)
        n += (c < p_alive.size() && std::isfinite(p_alive[c])) || (c < clv.size() && std::isfinite(clv[c]));
    return n;
}

bool model_uses_scores(const LifecycleModel& model) {
    for (const Stage& stage : model.stages)
        if (rules_need_model(stage.rules)) return true;
    const auto p_alive = static_cast<std::size_t>(HealthMeasure::p_alive);
    if (model.health.weights[p_alive] > 0) return true;
    for (const StageHealthWeights& w : model.health.stage_weights)
        if (w.weights[p_alive] > 0) return true;
    return false;
}

}  // namespace lcs
