#include "core/lifecycle/health.h"

#include <algorithm>
#include <cstdio>

namespace lcs {

namespace {
double clamp100(double x) { return std::clamp(x, 0.0, 100.0); }

double trend_points(double current, double previous) {
    if (previous <= 0) return current > 0 ? 100.0 : 0.0;
    return clamp100(80.0 * current / previous);
}

std::string score_text(double x) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
    return buffer;
}
}  // namespace

const char* health_band_id(HealthBand band) {
    switch (band) {
        case HealthBand::red: return "red";
        case HealthBand::yellow: return "yellow";
        case HealthBand::green: return "green";
        default: return "none";
    }
}

HealthReport compute_health(const EventIndex& index, const LifecycleModel& model, const StageAssignment& stages,
                            Date as_of, const ModelScores* scores) {
    const HealthConfig& h = model.health;
    FactPlan plan;
    const int trend = plan.purchase_window(h.trend_window_days);
    const int trend2 = plan.purchase_window(2 * h.trend_window_days);
    const int complaints = plan.interactions("complaint", h.complaint_window_days);
    const int engaged_all = plan.interactions("", h.engagement_window_days);
    const int engaged_complaints = plan.interactions("complaint", h.engagement_window_days);
    const FactTable f = compute_facts(index, plan, as_of.days);

    const int stage_count = static_cast<int>(model.stages.size());
    std::vector<HealthWeights> weights(stage_count, h.weights);
    for (const StageHealthWeights& sw : h.stage_weights)
        if (const int s = stage_index(model, sw.stage_id); s >= 0) weights[s] = sw.weights;

    HealthReport report;
    report.as_of = as_of;
    report.customers.resize(index.customer_count);
    report.stage_mean.assign(stage_count, 0.0);
    std::vector<int> stage_scored(stage_count, 0);
    for (size_t c = 0; c < index.customer_count; ++c) {
        HealthScore& out = report.customers[c];
        const int stage = c < stages.stage.size() ? stages.stage[c] : -1;
        if (!f.present[c]) {
            ++report.band_counts[static_cast<int>(HealthBand::none)];
            continue;
        }
        auto& m = out.measures;
        if (f.purchases[c] > 0) {
            const double recency = static_cast<double>(as_of.days) - f.last_purchase[c];
            m[0] = clamp100(100.0 * (h.recency_bad_days - recency) / (h.recency_bad_days - h.recency_good_days));
            const double n_cur = f.window_purchases[trend][c];
            m[1] = trend_points(n_cur, f.window_purchases[trend2][c] - n_cur);
            const double s_cur = f.window_spend[trend][c];
            m[2] = trend_points(s_cur, f.window_spend[trend2][c] - s_cur);
        }
        if (f.last_nps[c] >= 0) m[3] = 10.0 * f.last_nps[c];
        m[4] = clamp100(100.0 - 50.0 * f.window_interactions[complaints][c]);
        const double engaged = f.window_interactions[engaged_all][c] - f.window_interactions[engaged_complaints][c];
        m[5] = clamp100(100.0 * engaged / h.engagement_full_count);
        if (scores)
            if (const auto alive = scores->value(ConditionKind::model_p_alive, c, as_of.days)) m[6] = clamp100(100.0 * *alive);

        const HealthWeights& w = stage >= 0 && stage < stage_count ? weights[stage] : h.weights;
        double sum = 0, weight = 0;
        for (int k = 0; k < kHealthMeasureCount; ++k)
            if (m[k] && w[k] > 0) {
                sum += w[k] * *m[k];
                weight += w[k];
            }
        if (weight > 0) {
            out.score = sum / weight;
            out.band = *out.score <= h.red_max ? HealthBand::red
                       : *out.score <= h.yellow_max ? HealthBand::yellow
                                                    : HealthBand::green;
            if (stage >= 0 && stage < stage_count) {
                report.stage_mean[stage] += *out.score;
                ++stage_scored[stage];
            }
        }
        ++report.band_counts[static_cast<int>(out.band)];
    }
    for (int s = 0; s < stage_count; ++s)
        if (stage_scored[s] > 0) report.stage_mean[s] /= stage_scored[s];
    return report;
}

std::vector<EarlyWarning> early_warnings(const Workspace& workspace, const LifecycleModel& model,
                                         const StageAssignment& previous_stages, const HealthReport& previous,
                                         const StageAssignment& current_stages, const HealthReport& current) {
    std::vector<EarlyWarning> out;
    const int stage_count = static_cast<int>(model.stages.size());
    auto valid = [&](int s) { return s >= 0 && s < stage_count; };
    const size_t n = std::min({workspace.customers.size(), current.customers.size(), previous.customers.size(),
                               current_stages.stage.size(), previous_stages.stage.size()});
    for (size_t c = 0; c < n; ++c) {
        const HealthScore& now = current.customers[c];
        const HealthScore& before = previous.customers[c];
        const int stage = current_stages.stage[c], was = previous_stages.stage[c];
        if (!valid(stage)) continue;
        EarlyWarning w;
        auto add = [&w](std::string english, std::string chinese) {
            w.reasons.push_back({std::move(english), std::move(chinese)});
        };
        if (now.band == HealthBand::red && before.band != HealthBand::red && before.band != HealthBand::none)
            add("health fell into red (" + score_text(*now.score) + ", was " + score_text(*before.score) + ")",
                "健康度跌入红区（" + score_text(*now.score) + "，之前 " + score_text(*before.score) + "）");
        if (model.stages[stage].at_risk && valid(was) && !model.stages[was].at_risk)
            add("moved from " + model.stages[was].name.en + " to " + model.stages[stage].name.en,
                "从" + model.stages[was].name.in(Lang::zh) + "进入" + model.stages[stage].name.in(Lang::zh));
        if (now.score && before.score && *before.score - *now.score > model.health.drop_threshold)
            add("health score dropped " + score_text(*before.score - *now.score) + " points",
                "健康分下降 " + score_text(*before.score - *now.score) + " 分");
        if (w.reasons.empty()) continue;
        w.customer = c;
        w.customer_id = workspace.customers[c].id;
        w.stage = stage;
        w.previous_stage = was;
        w.score = now.score;
        w.previous_score = before.score;
        if (!model.stages[stage].playbook.empty()) w.action = model.stages[stage].playbook.front().text;
        out.push_back(std::move(w));
    }
    std::stable_sort(out.begin(), out.end(), [](const EarlyWarning& a, const EarlyWarning& b) {
        return a.score.value_or(-1) < b.score.value_or(-1);
    });
    return out;
}

}  // namespace lcs
