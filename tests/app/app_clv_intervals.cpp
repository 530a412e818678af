// The CLV panel's intervals (#14 §1, part of app_smoke): after a fit of the e-commerce demo, the
// intervals job (ClvIntervalsSession, as the app's JobRunner ticks it) runs in several slices and
// ends with parameter intervals that bracket the estimates, per-customer intervals that bracket the
// point values of the table, and an equity and per-stage interval that bracket their totals. A new
// level recomputes; a non-count model has none, with the reason.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "app/app_state.h"
#include "app/clv_intervals_session.h"
#include "app/clv_intervals_view.h"
#include "app/clv_session.h"
#include "app/job_runner.h"
#include "core/workspace_io.h"

namespace {

lcs::AppState& demo_state() {
    static lcs::AppState state;
    std::ifstream in(LCS_SOURCE_DIR "/assets/demo-ecommerce.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    lcs::LoadResult loaded = lcs::load_workspace_json(text.str());
    REQUIRE(loaded.ok());
    state.load(std::move(*loaded.workspace), "demo.json");
    return state;
}

// Runs the app's jobs until none has work left; returns the number of frames it took.
int run_jobs(lcs::AppState& state) {
    lcs::JobRunner runner;
    lcs::add_app_jobs(runner);
    int frames = 0;
    while (runner.run(state, 2) && frames < 100000) ++frames;
    return frames;
}

bool inside(const lcs::clv::Interval& iv, double v, double slack = 1e-9) {
    return iv.lo <= v * (1 + slack) + slack && v <= iv.hi * (1 + slack) + slack;
}

}  // namespace

TEST_CASE("CLV intervals: the job brackets the fit's parameters, customers, equity and stages") {
    lcs::AppState& state = demo_state();
    lcs::ClvSession& session = lcs::clv_session(state);
    session.settings.model = lcs::ClvModelKind::bgnbd_gg;
    session.start(state);
    const int frames = run_jobs(state);
    REQUIRE(session.result());
    const lcs::ClvResult& r = *session.result();
    REQUIRE(r.ok());
    lcs::ClvIntervalsSession& intervals = lcs::clv_intervals_session(state);
    CHECK(intervals.withheld(r.generation) == nullptr);
    const lcs::clv::ValuationIntervals* p = intervals.parameters(r.generation);
    REQUIRE(p != nullptr);
    const lcs::clv::ClvBootstrap* b = intervals.bootstrap(r.generation);
    REQUIRE(b != nullptr);
    CHECK(frames > 2);  // the fit and the bootstrap were sliced over frames
    CHECK(b->draw_count() >= 200);
    REQUIRE(p->counts.ok());
    for (size_t i = 0; i < r.count_fit->params.size(); ++i) {
        CHECK(p->counts.lower[i] < r.count_fit->params[i]);
        CHECK(r.count_fit->params[i] < p->counts.upper[i]);
    }
    REQUIRE(b->customers().size() == r.rows.size());
    double total = 0;
    size_t bracketed = 0, valued = 0;
    for (size_t i = 0; i < r.rows.size(); ++i) {
        const lcs::clv::CustomerIntervals* iv = lcs::clv_row_interval(state, r, i);
        REQUIRE(iv != nullptr);
        const lcs::ClvRow& row = r.rows[i];
        if (!std::isfinite(row.value.clv)) continue;
        total += row.value.clv;
        ++valued;
        CHECK(iv->clv.lo <= iv->clv.hi);
        CHECK(iv->p_alive.lo >= 0);
        CHECK(iv->p_alive.hi <= 1);
        // Bootstrap quantiles need not hold the point value for every customer (the value at θ̂ is not
        // the median over draws), but they do for nearly all.
        if (inside(iv->clv, row.value.clv, 0.02) && inside(iv->p_alive, row.value.p_alive, 0.02)) ++bracketed;
    }
    CHECK(bracketed >= valued * 9 / 10);
    CHECK(inside(b->total_clv(), total, 0.02));
    for (size_t s = 0; s < r.stages.size(); ++s)
        if (r.stages[s].value.valued) CHECK(inside(lcs::clv_stage_interval(state, r, s), r.stages[s].value.equity, 0.05));

    // Another level: the intervals are computed again, and a 95% one is wider than the 80% one.
    const lcs::clv::Interval ninety = b->total_clv();
    intervals.level = 0.95;
    CHECK(intervals.bootstrap(r.generation) == nullptr);
    run_jobs(state);
    REQUIRE(intervals.bootstrap(r.generation) != nullptr);
    const lcs::clv::Interval wider = intervals.bootstrap(r.generation)->total_clv();
    CHECK(wider.lo <= ninety.lo);
    CHECK(wider.hi >= ninety.hi);
}

TEST_CASE("CLV intervals: a model without a likelihood fit has none and says why") {
    lcs::AppState& state = demo_state();
    lcs::ClvSession& session = lcs::clv_session(state);
    session.settings.model = lcs::ClvModelKind::simple;
    session.start(state);
    run_jobs(state);
    REQUIRE(session.result());
    const lcs::ClvIntervalsSession& intervals = lcs::clv_intervals_session(state);
    REQUIRE(intervals.withheld(session.result()->generation) != nullptr);
    CHECK(std::string(intervals.withheld(session.result()->generation)) == "clv.intervals_count_models_only");
    CHECK(intervals.bootstrap(session.result()->generation) == nullptr);
}
