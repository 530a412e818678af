// Customer health score: a weighted scorecard of six measures, each mapped to 0..100, and an
// early-warning list comparing two dates. Settings come from LifecycleModel::health.
//
// Measures (as of D; windows as in rules.h):
//   recency          100 when days since last purchase <= recency_good_days, 0 when >= recency_bad_days,
//                    linear between; missing when the customer never purchased
//   frequency_trend  purchases in the last trend_window_days (cur) vs the window before (prev):
//                    min(100, 80 * cur / prev); prev = 0: 100 if cur > 0 else 0; missing if never purchased
//   spend_trend      the same with spend
//   nps              last NPS answer * 10; missing when none
//   complaints       max(0, 100 - 50 * complaints in complaint_window_days)
//   engagement       min(100, 100 * non-complaint interactions in engagement_window_days / engagement_full_count)
//   p_alive          100 * P(alive) from the CLV fit (ModelScores); missing without a fit, at another date
//                    than the fit's, or for a customer the fit did not value
// Score = sum(w_i * m_i) / sum(w_i) over the measures present with w_i > 0 (stage weights override).
// Bands: score <= red_max red; <= yellow_max yellow; else green.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/lifecycle/staging.h"
#include "core/localized.h"

namespace lcs {

enum class HealthBand { none, red, yellow, green };  // none: not present or no measure available
const char* health_band_id(HealthBand band);         // "none", "red", "yellow", "green"

struct HealthScore {
    std::array<std::optional<double>, kHealthMeasureCount> measures;  // 0..100 each
    std::optional<double> score;                                      // 0..100
    HealthBand band = HealthBand::none;
};

struct HealthReport {
    Date as_of;
    std::vector<HealthScore> customers;  // workspace order
    std::vector<double> stage_mean;      // mean score per stage over scored customers (0 when none)
    std::array<int, 4> band_counts{};    // indexed by HealthBand
};

// `stages` must be the assignment at as_of for the customers of `index` (it picks per-stage weights).
// `scores` (optional): the CLV fit's values for the p_alive measure.
HealthReport compute_health(const EventIndex& index, const LifecycleModel& model, const StageAssignment& stages,
                            Date as_of, const ModelScores* scores = nullptr);

struct EarlyWarning {
    size_t customer = 0;  // workspace index
    std::string customer_id;
    int stage = -1, previous_stage = -1;
    std::optional<double> score, previous_score;
    std::vector<Localized> reasons;  // one per trigger, in English and 简体中文 (stage names in each language)
    Localized action;                // the current stage's first playbook item
};
// Customers who fell into red, moved into an at-risk stage from a stage that was not, or whose
// score fell by more than health.drop_threshold. Sorted by current score, lowest first.
std::vector<EarlyWarning> early_warnings(const Workspace& workspace, const LifecycleModel& model,
                                         const StageAssignment& previous_stages, const HealthReport& previous,
                                         const StageAssignment& current_stages, const HealthReport& current);

}  // namespace lcs
