// Uncertainty of the CLV panel's finished fit (#14 §1): the parameter intervals of the fits behind
// the values and a parametric bootstrap of every customer (core/clv/bootstrap.h), run as a job of
// the app's JobRunner a slice at a time so no frame blocks. Keyed on the CLV result's generation and
// the chosen level: a new fit or another level starts again. This file only schedules; every number
// and every reason comes from core.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "core/clv/valuation_intervals.h"

namespace lcs {

struct ClvResult;

class ClvIntervalsSession {
public:
    double level = 0.9;  // two-sided coverage the user chose, in [0.5, 0.99]
    static constexpr int kDraws = clv::kDefaultDraws;
    static constexpr std::uint64_t kSeed = 1;

    // Does up to ~budget_ms of work for the CLV session's current result; returns true while work is
    // left. Idle (false) without a result, or once the bootstrap for (generation, level) is done.
    bool tick(AppState& state, double budget_ms);

    // For the result of `generation` at the current level; nullptr when not computed yet (or for another fit).
    const clv::ValuationIntervals* parameters(std::uint64_t generation) const;
    // The finished bootstrap of `generation` at the current level, else nullptr (still running or withheld).
    const clv::ClvBootstrap* bootstrap(std::uint64_t generation) const;
    // Why there are no intervals for `generation`: an i18n key (nullptr while computing or when there
    // are some) and the core's own words, if any (withheld_detail).
    const char* withheld(std::uint64_t generation) const;
    const std::string& withheld_detail() const { return withheld_detail_; }
    bool running() const { return running_; }
    float progress() const;  // 0..1 of the bootstrap in progress

private:
    void start(const ClvResult& result);
    std::uint64_t generation_ = 0;
    double level_ = 0;
    bool running_ = false;
    std::optional<clv::ValuationIntervals> parameters_;
    std::optional<clv::ClvBootstrap> bootstrap_;
    const char* withheld_ = nullptr;
    std::string withheld_detail_;
};

// The session the CLV views share (lives in the app's panel data).
ClvIntervalsSession& clv_intervals_session(AppState& state);

}  // namespace lcs
