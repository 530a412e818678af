// Background work of the app (CLV fits, snapshot histories): one runner, owned by the App and
// advanced from App::frame with a per-frame time budget, whichever panel is showing. A job is a
// step function that does up to a given number of milliseconds of work and says whether work is
// left; panels only start work (through the owners' own APIs) and read results and progress.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"

namespace lcs {

class JobRunner {
public:
    // Does up to `budget_ms` of work on `state`; returns true while work is left. Must return
    // quickly (false) when it has nothing to do: it is called every frame.
    using Step = std::function<bool(AppState& state, double budget_ms)>;

    // Registers a job that lives as long as the runner. `name` is for diagnostics and tests.
    void add(std::string name, Step step);
    // Calls every job once, sharing `budget_ms`: each gets an even share of what the jobs before it
    // left (idle jobs return at once and leave theirs), and at least kMinStepMs so that every job
    // moves on each frame. Returns true while any job has work left: the caller keeps frames coming
    // (platform::request_redraw), since the app draws only on input otherwise.
    bool run(AppState& state, double budget_ms = kFrameBudgetMs);
    // True when the last run() left work.
    bool busy() const { return busy_; }
    std::size_t size() const { return jobs_.size(); }

    // Time per frame for background work: the page keeps drawing at interactive rates meanwhile.
    static constexpr double kFrameBudgetMs = 12;
    static constexpr double kMinStepMs = 1;

private:
    struct Job {
        std::string name;
        Step step;
    };
    std::vector<Job> jobs_;
    bool busy_ = false;
};

// The app's jobs: the CLV fit (clv_session), its intervals (clv_intervals_session), the model comparison (compare_session) and the
// lifecycle snapshot histories (lifecycle_view).
void add_app_jobs(JobRunner& runner);

}  // namespace lcs
