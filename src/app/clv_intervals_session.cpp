#include "app/clv_intervals_session.h"

#include <algorithm>
#include <chrono>

#include "app/clv_session.h"
#include "core/clv/rfm.h"

namespace lcs {

namespace {

// Every fit behind the values converged: a fit that did not is no estimate, so it has no interval.
bool converged(const ClvResult& r) {
    return (!r.count_fit || r.count_fit->converged) && (!r.spend_fit || r.spend_fit->converged);
}

}  // namespace

void ClvIntervalsSession::start(const ClvResult& result) {
    generation_ = result.generation;
    level_ = level;
    running_ = false;
    parameters_.reset();
    bootstrap_.reset();
    withheld_ = nullptr;
    withheld_detail_.clear();
    if (!result.ok()) {
        withheld_ = "clv.intervals_no_fit";
        return;
    }
    if (!clv::is_count_model(result.settings.model)) {
        withheld_ = "clv.intervals_count_models_only";
        return;
    }
    if (!converged(result)) {
        withheld_ = "clv.intervals_not_converged";
        return;
    }
    // The resolution the valuation pooled the summaries with (valuation.cpp): whole days for a workspace.
    const clv::ValuationSettings& s = result.settings;
    const double resolution = 1.0 / clv::period_length_days(s.fit_unit.value_or(s.unit));
    parameters_ = clv::valuation_intervals(result, resolution, level_, kDraws, kSeed);
    if (!parameters_) {
        withheld_ = "clv.intervals_count_models_only";
        return;
    }
    if (parameters_->draws.empty()) {
        withheld_ = "clv.intervals_singular";
        withheld_detail_ = !parameters_->counts.ok() ? parameters_->counts.message
                           : !parameters_->spend.ok() ? parameters_->spend.message : std::string();
        return;
    }
    const int groups = static_cast<int>(result.stages.size());
    bootstrap_.emplace(result.rfm, parameters_->draws, parameters_->bootstrap,
                       result.row_stages.size() == result.rfm.size() ? result.row_stages : std::vector<int>{}, groups);
    running_ = true;
}

bool ClvIntervalsSession::tick(AppState& state, double budget_ms) {
    const std::optional<ClvResult>& result = clv_session(state).result();
    if (!result) return false;
    if (result->generation != generation_ || level != level_) start(*result);
    if (!running_) return false;
    // The bootstrap holds a pointer to the result's summaries: they live in the session's result
    // until the next fit, whose new generation restarts this first.
    using Clock = std::chrono::steady_clock;
    const Clock::time_point begin = Clock::now();
    constexpr std::size_t kSlice = 512;  // units of work per step(): well under a millisecond
    while (bootstrap_->step(kSlice)) {
        const std::chrono::duration<double, std::milli> spent = Clock::now() - begin;
        if (spent.count() >= budget_ms) return true;
    }
    running_ = false;
    return false;
}

const clv::ValuationIntervals* ClvIntervalsSession::parameters(std::uint64_t generation) const {
    return generation == generation_ && level == level_ && parameters_ ? &*parameters_ : nullptr;
}

const clv::ClvBootstrap* ClvIntervalsSession::bootstrap(std::uint64_t generation) const {
    return generation == generation_ && level == level_ && bootstrap_ && bootstrap_->done() ? &*bootstrap_ : nullptr;
}

const char* ClvIntervalsSession::withheld(std::uint64_t generation) const {
    return generation == generation_ && level == level_ ? withheld_ : nullptr;
}

float ClvIntervalsSession::progress() const {
    if (!bootstrap_ || bootstrap_->customer_count() == 0) return running_ ? 0.0f : 1.0f;
    return static_cast<float>(bootstrap_->customers_done()) / static_cast<float>(bootstrap_->customer_count());
}

ClvIntervalsSession& clv_intervals_session(AppState& state) { return state.panel_data<ClvIntervalsSession>(); }

}  // namespace lcs
