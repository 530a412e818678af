#include "app/job_runner.h"

#include <algorithm>
#include <chrono>

#include "app/clv_intervals_session.h"
#include "app/clv_session.h"
#include "app/compare_session.h"
#include "app/lifecycle_view.h"

namespace lcs {

void JobRunner::add(std::string name, Step step) { jobs_.push_back({std::move(name), std::move(step)}); }

bool JobRunner::run(AppState& state, double budget_ms) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point begin = Clock::now();
    busy_ = false;
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
        const std::chrono::duration<double, std::milli> spent = Clock::now() - begin;
        const double share = (budget_ms - spent.count()) / static_cast<double>(jobs_.size() - i);
        if (jobs_[i].step(state, std::max(share, kMinStepMs))) busy_ = true;
    }
    return busy_;
}

void add_app_jobs(JobRunner& runner) {
    runner.add("clv.fit", [](AppState& state, double budget_ms) {
        ClvSession& session = clv_session(state);
        session.tick(state, budget_ms);
        return session.running();
    });
    runner.add("clv.intervals", [](AppState& state, double budget_ms) {
        return clv_intervals_session(state).tick(state, budget_ms);
    });
    runner.add("clv.compare", [](AppState& state, double budget_ms) {
        CompareSession& session = compare_session(state);
        session.tick(state, budget_ms);
        return session.running();
    });
    runner.add("lifecycle.history", advance_lifecycle_histories);
}

}  // namespace lcs
