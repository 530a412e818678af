#include "core/value/stage_value.h"

#include <algorithm>
#include <cmath>

#include "core/problem_kinds.h"

namespace lcs {
namespace {

// Index of the first snapshot step used: steps are (k−1 → k) for k in [first, dates.size()).
size_t first_step(const SnapshotSeries& series, int last_steps) {
    const size_t steps = series.dates.size() > 1 ? series.dates.size() - 1 : 0;
    if (last_steps <= 0 || static_cast<size_t>(last_steps) >= steps) return 1;
    return series.dates.size() - static_cast<size_t>(last_steps);
}

}  // namespace

std::vector<StageValue> stage_value_summary(const std::vector<int>& stage, const std::vector<double>& value,
                                            int stage_count) {
    std::vector<StageValue> out(static_cast<size_t>(std::max(0, stage_count)));
    double total = 0;
    const size_t n = std::min(stage.size(), value.size());
    for (size_t i = 0; i < n; ++i) {
        if (stage[i] < 0 || stage[i] >= stage_count) continue;
        StageValue& s = out[static_cast<size_t>(stage[i])];
        ++s.customers;
        if (!std::isfinite(value[i])) continue;
        ++s.valued;
        s.equity += value[i];
        total += value[i];
    }
    for (StageValue& s : out) {
        s.mean = s.valued > 0 ? s.equity / s.valued : 0;
        s.share = total != 0 ? s.equity / total : 0;
    }
    return out;
}

TransitionMatrix pooled_transition_matrix(const SnapshotSeries& series, int stage_count, int last_steps) {
    TransitionMatrix pooled = transition_matrix(std::vector<int>{}, std::vector<int>{}, stage_count);
    for (size_t k = first_step(series, last_steps); k < series.stage.size(); ++k) {
        const TransitionMatrix step = transition_matrix(series.stage[k - 1], series.stage[k], stage_count);
        for (int i = 0; i < stage_count; ++i) {
            pooled.entered[i] += step.entered[i];
            pooled.row_total[i] += step.row_total[i];
            for (int j = 0; j < stage_count; ++j) pooled.counts[i][j] += step.counts[i][j];
        }
    }
    for (int i = 0; i < stage_count; ++i)
        if (pooled.row_total[i] > 0)
            for (int j = 0; j < stage_count; ++j)
                pooled.probability[i][j] = static_cast<double>(pooled.counts[i][j]) / pooled.row_total[i];
    return pooled;
}

StageMargin stage_step_margin(const Workspace& workspace, const SnapshotSeries& series, int stage_count,
                              double margin_share, int last_steps) {
    StageMargin out;
    out.margin.assign(static_cast<size_t>(std::max(0, stage_count)), 0.0);
    out.exposure.assign(out.margin.size(), 0.0);
    if (series.dates.size() < 2) return out;
    const size_t first = first_step(series, last_steps);
    std::vector<double> total(out.margin.size(), 0.0);
    const size_t customers = std::min(workspace.customers.size(), series.stage[0].size());
    for (size_t k = first; k < series.dates.size(); ++k)
        for (size_t c = 0; c < customers; ++c) {
            const int s = series.stage[k - 1][c];
            if (s >= 0 && s < stage_count) out.exposure[static_cast<size_t>(s)] += 1;
        }
    const Date window_start = series.dates[first - 1];
    for (size_t c = 0; c < customers; ++c) {
        for (const Transaction& t : workspace.customers[c].transactions) {
            if (t.date <= window_start || t.date > series.dates.back()) continue;
            // Step k holds days (dates[k−1], dates[k]]: the first date on or after t.date.
            auto it = std::lower_bound(series.dates.begin(), series.dates.end(), t.date);
            const size_t k = static_cast<size_t>(it - series.dates.begin());
            const int s = series.stage[k - 1][c];
            if (s >= 0 && s < stage_count) total[static_cast<size_t>(s)] += t.amount * margin_share;
        }
    }
    for (size_t s = 0; s < total.size(); ++s)
        out.margin[s] = out.exposure[s] > 0 ? total[s] / out.exposure[s] : 0;
    return out;
}

MarkovStageValues markov_stage_values(const Workspace& workspace, const SnapshotSeries& series, int stage_count,
                                      double margin_share, double discount, std::optional<int> horizon,
                                      int last_steps) {
    MarkovStageValues out;
    if (series.dates.size() < 2) {
        out.problem = Problem{clv_problem::kNoHistory, "", "Markov CLV needs at least two snapshots (a transition to count)"};
        return out;
    }
    const TransitionMatrix pooled = pooled_transition_matrix(series, stage_count, last_steps);
    out.transition = pooled.probability;
    StageMargin margin = stage_step_margin(workspace, series, stage_count, margin_share, last_steps);
    out.margin = std::move(margin.margin);
    out.exposure = std::move(margin.exposure);
    clv::MarkovClvResult result = clv::markov_clv(out.transition, out.margin, discount, horizon);
    if (result.problem) {
        out.problem = result.problem;
        return out;
    }
    out.values = std::move(result.values);
    return out;
}

}  // namespace lcs
