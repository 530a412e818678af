// The CLV diagnostics' model comparison (core/clv/model_compare.h) as a background job: the panel
// starts it with the CLV panel's period unit and calibration end, the app's job runner steps it a
// slice per frame (add_app_jobs), and the panel reads the finished table, curves and verdict. Like
// ClvSession, this file only schedules; every number comes from core.
#pragma once
#include <cstdint>
#include <optional>

#include "app/app_state.h"
#include "core/clv/model_compare.h"

namespace lcs {

struct CompareResult : clv::ModelComparison {
    std::uint64_t generation = 0;     // bumps on every finished run (cache key)
    std::uint64_t data_revision = 0;  // AppState::data_revision it was computed on
};

class CompareSession {
public:
    // Compares the models on the current workspace: summaries in `unit` up to calibration_end, the
    // holdout up to the workspace's analysis date. Replaces a run in progress.
    void start(const AppState& state, clv::PeriodUnit unit, Date calibration_end);
    // Up to ~budget_ms of work; call every frame (no-op when idle). A run whose customers changed
    // meanwhile starts again with the same settings.
    void tick(AppState& state, double budget_ms);
    bool running() const { return running_; }
    float progress() const { return running_ ? comparer_.progress() : 1.0f; }
    const std::optional<CompareResult>& result() const { return result_; }

private:
    bool running_ = false;
    std::uint64_t generation_ = 0;
    std::uint64_t data_revision_ = 0;
    clv::PeriodUnit unit_ = clv::PeriodUnit::week;
    Date calibration_end_;
    clv::ModelComparer comparer_;
    std::optional<CompareResult> result_;
};

// The session the diagnostics panel and the job runner share (lives in the app's panel data).
CompareSession& compare_session(AppState& state);

}  // namespace lcs
