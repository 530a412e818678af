// Value per lifecycle stage: CLV and customer equity (sum of CLV) per stage, the monthly (per
// snapshot step) stage transition matrix pooled over the history, the margin a customer earns per
// step in each stage, and Markov migration CLV per starting stage (Pfeifer & Carraway 2000) built
// from them. Lifecycle panels can call markov_stage_values() directly.
#pragma once
#include <optional>
#include <vector>

#include "core/clv/markov_clv.h"
#include "core/lifecycle/snapshots.h"
#include "core/problem.h"

namespace lcs {

struct StageValue {
    int customers = 0;    // customers in the stage
    int valued = 0;       // of them, with a finite value
    double equity = 0;    // sum of their values (customer equity)
    double mean = 0;      // equity / valued (0 when none)
    double share = 0;     // equity / total equity over all stages (0 when the total is 0)
};

// stage[i]: stage index of customer i (-1 or >= stage_count = not counted); value[i]: its CLV
// (NaN = no value). Precondition: stage.size() == value.size(). Returns stage_count entries.
std::vector<StageValue> stage_value_summary(const std::vector<int>& stage, const std::vector<double>& value,
                                            int stage_count);

// Transitions between consecutive snapshots, counts summed over the last `last_steps` steps
// (0 = every step), probabilities = counts / row total. With monthly snapshots it is the monthly
// transition matrix. Customers absent at a step's start (stage -1) are counted in `entered`.
TransitionMatrix pooled_transition_matrix(const SnapshotSeries& series, int stage_count, int last_steps = 0);

struct StageMargin {
    std::vector<double> margin;      // per stage: mean margin per customer per snapshot step
    std::vector<double> exposure;    // per stage: customer-steps observed
};

// Over the same steps as pooled_transition_matrix: a transaction dated in (dates[k−1], dates[k]]
// counts for the stage the customer was in at dates[k−1], as amount × margin_share (a fraction of
// revenue that is profit, e.g. 0.3). Stages with no exposure get margin 0.
StageMargin stage_step_margin(const Workspace& workspace, const SnapshotSeries& series, int stage_count,
                              double margin_share, int last_steps = 0);

struct MarkovStageValues {
    clv::Matrix transition;          // pooled per-step transition probabilities
    std::vector<double> margin;      // per stage per step
    std::vector<double> exposure;    // customer-steps behind each stage's figures
    std::vector<double> values;      // V per starting stage (empty on a problem)
    std::optional<Problem> problem;  // clv.bad_input, clv.singular, clv.no_history (fewer than 2 snapshots)
};

// Markov migration CLV per starting stage: V = Σ_{t=0}^{T} (P/(1+d))^t R (finite horizon, T steps
// after the current one) or (I − P/(1+d))^{-1} R (horizon nullopt), see core/clv/markov_clv.h.
// discount d >= 0 per step (a month with monthly snapshots).
MarkovStageValues markov_stage_values(const Workspace& workspace, const SnapshotSeries& series, int stage_count,
                                      double margin_share, double discount, std::optional<int> horizon,
                                      int last_steps = 0);

}  // namespace lcs
