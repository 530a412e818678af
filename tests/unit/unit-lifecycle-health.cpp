#include <doctest/doctest.h>

#include "core/lifecycle/analysis.h"
#include "core/lifecycle/health.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

namespace {
Workspace health_workspace() {
    Workspace ws;
    Customer& h = add_customer(ws, "h");
    for (const char* d : {"2024-02-01", "2024-03-01", "2024-03-15", "2024-03-20"}) buy(h, d, 100);
    buy(h, "2024-05-01", 50);
    buy(h, "2024-06-20", 50);
    survey(h, "2024-06-01", 8);
    interact(h, "2024-06-01", "complaint");
    interact(h, "2024-06-05", "email");
    interact(h, "2024-06-10", "email");
    add_customer(ws, "prospect").acquired = day("2024-01-01");
    return ws;
}
}  // namespace

TEST_CASE("health score: each measure and the weighted score by hand") {
    const Workspace ws = health_workspace();
    const EventIndex index = build_event_index(ws);
    const LifecycleModel model = *find_template("crm_value");
    const StageAssignment stages = assign_stages(ws, index, model, day("2024-06-30"));
    const HealthReport r = compute_health(index, model, stages, day("2024-06-30"));
    const HealthScore& s = r.customers[0];
    CHECK(*s.measures[0] == doctest::Approx(100));  // recency 10 <= 30
    CHECK(*s.measures[1] == doctest::Approx(40));   // 2 purchases vs 4: 80 * 0.5
    CHECK(*s.measures[2] == doctest::Approx(20));   // 100 vs 400: 80 * 0.25
    CHECK(*s.measures[3] == doctest::Approx(80));   // NPS 8
    CHECK(*s.measures[4] == doctest::Approx(50));   // one complaint
    CHECK(*s.measures[5] == doctest::Approx(50));   // 2 emails of 4
    CHECK(*s.score == doctest::Approx(63));
    CHECK(s.band == HealthBand::yellow);
    // a prospect: only complaints (100) and engagement (0) are measured -> 50, red (boundary inclusive)
    const HealthScore& p = r.customers[1];
    CHECK_FALSE(p.measures[0].has_value());
    CHECK(*p.score == doctest::Approx(50));
    CHECK(p.band == HealthBand::red);
    CHECK(r.band_counts[static_cast<int>(HealthBand::red)] == 1);

    // recency halfway between 30 and 365 days, editable weights and per-stage weights
    LifecycleModel recency_only = model;
    recency_only.health.weights = {1, 0, 0, 0, 0, 0};
    const HealthReport later = compute_health(index, recency_only, assign_stages(ws, index, recency_only, day("2025-01-01")), day("2025-01-01"));
    // 2025-01-01 is 195 days after 2024-06-20: 100 * (365 - 195) / 335
    CHECK(*later.customers[0].score == doctest::Approx(100.0 * 170 / 335));
    recency_only.health.stage_weights.push_back({model.stages[stages.stage[0]].id, {0, 0, 0, 1, 0, 0}});
    const HealthReport staged = compute_health(index, recency_only, stages, day("2024-06-30"));
    CHECK(*staged.customers[0].score == doctest::Approx(80));
}

TEST_CASE("early warnings: fell into red, moved to an at-risk stage, big drop") {
    Workspace ws;
    for (const char* id : {"red", "risk", "drop", "fine"}) add_customer(ws, id);
    LifecycleModel m = *find_template("telecom_value");
    const int growth = stage_index(m, "growth"), decline = stage_index(m, "decline");
    StageAssignment before, after;
    before.stage = {growth, growth, growth, growth};
    after.stage = {growth, decline, growth, growth};
    HealthReport hb, ha;
    auto score = [](double x, HealthBand band) {
        HealthScore s;
        s.score = x;
        s.band = band;
        return s;
    };
    hb.customers = {score(60, HealthBand::yellow), score(70, HealthBand::yellow), score(95, HealthBand::green),
                    score(80, HealthBand::green)};
    ha.customers = {score(45, HealthBand::red), score(68, HealthBand::yellow), score(74, HealthBand::yellow),
                    score(70, HealthBand::yellow)};
    const auto warnings = early_warnings(ws, m, before, hb, after, ha);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].customer_id == "red");
    CHECK(warnings[0].reasons.size() == 1);
    CHECK(warnings[0].reasons[0].en == "health fell into red (45, was 60)");
    CHECK(warnings[0].reasons[0].zh == "健康度跌入红区（45，之前 60）");
    CHECK(warnings[1].customer_id == "risk");
    CHECK(warnings[1].reasons[0].en == "moved from Growth to Decline (dormant)");
    CHECK(warnings[1].reasons[0].zh == "从提升（成长期）进入衰退（休眠期）");
    CHECK(warnings[1].action == m.stages[decline].playbook[0].text);
    CHECK(warnings[2].customer_id == "drop");
    CHECK(warnings[2].reasons[0].en == "health score dropped 21 points");
    CHECK(warnings[2].reasons[0].zh == "健康分下降 21 分");  // > 20; "fine" fell 10: no warning
}

TEST_CASE("analyse_lifecycle bundles a consistent picture") {
    const Workspace ws = health_workspace();
    const LifecycleModel model = *find_template("telecom_value");
    const LifecycleAnalysis a = analyse_lifecycle(ws, model);
    CHECK(to_iso(a.as_of) == "2024-06-20");  // no meta.as_of: the last transaction date
    REQUIRE_FALSE(a.history.dates.empty());
    CHECK(a.history.dates.back() == a.as_of);
    CHECK(a.history.stage.back() == a.stages.stage);
    int sum = 0;
    for (int n : a.stages.counts) sum += n;
    CHECK(sum == a.stages.present);
    CHECK(a.stages.present == 2);
    CHECK(a.rule_counts.size() == model.stages.size());
    CHECK(a.dwell.size() == model.stages.size());
    CHECK(to_iso(a.metrics.period.start) == "2024-05-01");  // last complete month before 06-20
    CHECK(a.health.customers.size() == 2);
    CHECK(a.cohorts.rows.size() == 1);
}

TEST_CASE("analyse_lifecycle takes a known history only when its dates match") {
    const Workspace ws = health_workspace();
    const LifecycleModel model = *find_template("telecom_value");
    const LifecycleAnalysis plain = analyse_lifecycle(ws, model);
    const EventIndex index = build_event_index(ws);
    // The matching history is used as it is: a marked copy shows that it was taken.
    SnapshotSeries marked = plain.history;
    marked.revenue.back().front() = -1;
    const LifecycleAnalysis reused = analyse_lifecycle(ws, index, model, {}, &marked);
    CHECK(reused.history.revenue.back().front() == -1);
    CHECK(reused.history.stage == plain.history.stage);
    // A history over other dates is ignored and recomputed.
    SnapshotSeries other = marked;
    other.dates.pop_back();
    const LifecycleAnalysis recomputed = analyse_lifecycle(ws, index, model, {}, &other);
    CHECK(recomputed.history.dates == plain.history.dates);
    CHECK(recomputed.history.revenue == plain.history.revenue);
}
