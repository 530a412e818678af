#include <doctest/doctest.h>

#include <cstdint>

#include "core/lifecycle/care_plans.h"
#include "core/lifecycle/playbook.h"
#include "core/lifecycle/snapshots.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

namespace {
// Deterministic mixed base: buyers, subscribers, prospects, churners, late joiners.
Workspace random_workspace(int customers, uint32_t seed) {
    uint32_t state = seed;
    auto next = [&](int n) {
        state = state * 1664525u + 1013904223u;
        return static_cast<int>((state >> 8) % static_cast<uint32_t>(n));
    };
    const char* types[] = {"email", "complaint", "referral", "call"};
    const char* segments[] = {"a", "b", ""};
    Workspace ws;
    const int32_t base = day("2022-01-01").days;
    for (int i = 0; i < customers; ++i) {
        Customer& c = add_customer(ws, "c" + std::to_string(i), segments[next(3)]);
        int32_t d = base + next(900);
        if (next(4) == 0) c.acquired = Date{d};
        if (i % 2) c.tags.push_back("tagged");
        const int kind = next(3);
        const int purchases = kind == 0 ? 0 : next(12);
        for (int k = 0; k < purchases; ++k) {
            d += kind == 1 ? 30 : 1 + next(120);
            Transaction t;
            t.date = Date{d};
            t.amount = 5 + next(200);
            c.transactions.push_back(t);
        }
        for (int k = next(5); k > 0; --k) {
            Interaction x;
            x.date = Date{base + next(1000)};
            x.type = types[next(4)];
            c.interactions.push_back(x);
        }
        for (int k = next(3); k > 0; --k) {
            SurveyAnswer s;
            s.date = Date{base + next(1000)};
            s.nps = next(11);
            c.surveys.push_back(s);
        }
        if (next(5) == 0) {
            ChurnEvent e;
            e.date = Date{d + next(60)};
            e.reason = next(2) ? "price" : "moved";
            c.churn_events.push_back(e);
        }
        // the workspace keeps events sorted; shuffle nothing but sort to honour that
        std::sort(c.interactions.begin(), c.interactions.end(), [](auto& a, auto& b) { return a.date < b.date; });
        std::sort(c.surveys.begin(), c.surveys.end(), [](auto& a, auto& b) { return a.date < b.date; });
    }
    ws.churn_reasons = default_churn_reasons();
    return ws;
}

// A model touching every condition kind, so the sweep is checked against brute force for each.
LifecycleModel every_kind_model() {
    LifecycleModel m;
    m.id = "all_kinds";
    auto stage = [](const char* id, StageRules rules) {
        Stage s;
        s.id = id;
        s.rules = std::move(rules);
        return s;
    };
    m.stages = {
        stage("churned", {{cond_churned(true, 400)}, {}}),
        stage("trend", {{cond(ConditionKind::trend, Compare::lt, 0.7, 60, "spend")}, {}}),
        stage("nps", {{cond(ConditionKind::last_nps, Compare::ge, 0, 0, "detractor"),
                       cond(ConditionKind::interactions_in_window, Compare::ge, 1, 200, "complaint")}, {}}),
        stage("referrer", {{}, {cond(ConditionKind::referrals_made, Compare::ge, 1, 300),
                                cond(ConditionKind::has_tag, Compare::ge, 0, 0, "nothing")}}),
        stage("big", {{cond(ConditionKind::spend_in_window, Compare::gt, 300, 180),
                       cond_between(ConditionKind::purchases_in_window, 2, 5, 180)}, {}}),
        stage("loyal", {{cond(ConditionKind::tenure_days, Compare::ge, 365), cond(ConditionKind::repeat_purchases, Compare::ge, 3),
                         cond(ConditionKind::segment_is, Compare::ge, 0, 0, "a")}, {}}),
        stage("recent", {{cond_between(ConditionKind::recency_days, 0, 90)}, {}}),
        stage("prospect", {{cond_never_purchased(), cond(ConditionKind::interactions_in_window, Compare::ge, 1, 0)}, {}}),
        stage("rest", {}),
    };
    m.fallback_stage = "rest";
    return m;
}
}  // namespace

TEST_CASE("snapshot dates: month ends up to the last date") {
    const auto months = snapshot_dates(day("2024-01-15"), day("2024-04-10"), SnapshotStep::month);
    REQUIRE(months.size() == 4);
    CHECK(to_iso(months[0]) == "2024-01-31");
    CHECK(to_iso(months[1]) == "2024-02-29");
    CHECK(to_iso(months[3]) == "2024-04-10");
    const auto weeks = snapshot_dates(day("2024-01-01"), day("2024-01-22"), SnapshotStep::week);
    REQUIRE(weeks.size() == 4);
    CHECK(to_iso(weeks[0]) == "2024-01-01");
    CHECK(to_iso(weeks[3]) == "2024-01-22");
}

TEST_CASE("a snapshot builder stepped a few dates at a time gives the same series") {
    const Workspace ws = random_workspace(120, 3);
    const EventIndex index = build_event_index(ws);
    const LifecycleModel model = every_kind_model();
    const auto dates = snapshot_dates(day("2022-01-01"), day("2024-12-31"), SnapshotStep::month);
    const SnapshotSeries whole = compute_snapshots(ws, index, model, dates);
    SnapshotBuilder builder(ws, index, model, dates);
    CHECK(builder.progress() == 0);
    int steps = 0;
    while (!builder.step(5)) ++steps;
    CHECK(steps == static_cast<int>((dates.size() + 4) / 5) - 1);
    CHECK(builder.progress() == 1);
    CHECK(builder.step(5));  // nothing left: stays done
    CHECK(builder.done());
    const SnapshotSeries stepped = builder.take();
    CHECK(stepped.dates == whole.dates);
    CHECK(stepped.stage == whole.stage);
    CHECK(stepped.counts == whole.counts);
    CHECK(stepped.revenue == whole.revenue);
    SnapshotBuilder empty(ws, index, model, {});
    CHECK(empty.done());
    CHECK(empty.progress() == 1);
}

TEST_CASE("incremental snapshots equal assign_stages at every date") {
    const Workspace ws = random_workspace(150, 7);
    const EventIndex index = build_event_index(ws);
    std::vector<LifecycleModel> models = builtin_templates();
    models.push_back(every_kind_model());
    for (SnapshotStep step : {SnapshotStep::month, SnapshotStep::week}) {
        const auto dates = step == SnapshotStep::month
                               ? snapshot_dates(day("2021-12-01"), day("2025-03-31"), step)
                               : snapshot_dates(day("2023-01-01"), day("2023-12-31"), step);
        for (const LifecycleModel& model : models) {
            const SnapshotSeries series = compute_snapshots(ws, index, model, dates);
            REQUIRE(series.stage.size() == dates.size());
            int mismatches = 0;
            for (size_t k = 0; k < dates.size(); ++k) {
                const StageAssignment direct = assign_stages(ws, index, model, dates[k]);
                mismatches += direct.stage != series.stage[k];
                mismatches += direct.counts != series.counts[k];
            }
            CHECK_MESSAGE(mismatches == 0, model.id);
        }
    }
    // the catch-all model really spreads customers over its stages
    const SnapshotSeries series = compute_snapshots(ws, index, every_kind_model(), {day("2024-06-30")});
    int used = 0;
    for (int count : series.counts[0]) used += count > 0;
    CHECK(used >= 6);
}

TEST_CASE("transition matrix: counts, entries and rows that sum to 1") {
    const std::vector<int> from{0, 0, 0, 1, 1, -1, 2, -1};
    const std::vector<int> to{0, 1, 1, 1, 2, 0, -1, -1};
    const TransitionMatrix m = transition_matrix(from, to, 3);
    CHECK(m.counts[0] == std::vector<int>{1, 2, 0});
    CHECK(m.counts[1] == std::vector<int>{0, 1, 1});
    CHECK(m.counts[2] == std::vector<int>{0, 0, 0});  // left the base: not in any row
    CHECK(m.row_total == std::vector<int>{3, 2, 0});
    CHECK(m.entered == std::vector<int>{1, 0, 0});
    CHECK(m.probability[0][1] == doctest::Approx(2.0 / 3.0));
    CHECK(m.probability[1][2] == doctest::Approx(0.5));

    const Workspace ws = random_workspace(120, 11);
    const EventIndex index = build_event_index(ws);
    const LifecycleModel model = *find_template("telecom_value");
    const TransitionMatrix t = transition_matrix(ws, index, model, day("2023-06-30"), day("2024-06-30"));
    const StageAssignment a = assign_stages(ws, index, model, day("2023-06-30"));
    for (int i = 0; i < t.stage_count; ++i) {
        CHECK(t.row_total[i] == a.counts[i]);  // every customer present then is present later
        double sum = 0;
        for (double p : t.probability[i]) sum += p;
        if (t.row_total[i] > 0) CHECK(sum == doctest::Approx(1.0));
    }
}

TEST_CASE("dwell time from the snapshot history") {
    SnapshotSeries s;
    s.dates = {Date{0}, Date{1}, Date{2}, Date{3}};
    // customer 0: 0 0 1 1 ; customer 1: 1 1 1 0 ; customer 2: -1 0 0 0
    s.stage = {{0, 1, -1}, {0, 1, 0}, {1, 1, 0}, {1, 0, 0}};
    const auto dwell = dwell_times(s, 2);
    // stage 0 runs: 2 (done), 1 (open), 3 (open) -> mean 2, completed mean 2
    CHECK(dwell[0].runs == 3);
    CHECK(dwell[0].mean_snapshots == doctest::Approx(2.0));
    CHECK(dwell[0].completed_runs == 1);
    CHECK(dwell[0].mean_completed_snapshots == doctest::Approx(2.0));
    // stage 1 runs: 2 (open), 3 (done)
    CHECK(dwell[1].mean_snapshots == doctest::Approx(2.5));
    CHECK(dwell[1].mean_completed_snapshots == doctest::Approx(3.0));
}

TEST_CASE("a customer's stage path: one spell per change, from their first appearance") {
    SnapshotSeries s;
    s.dates = {Date{0}, Date{31}, Date{59}, Date{90}};
    // customer 0: 0 0 1 1 ; customer 1: -1 1 -1 0 ; customer 2: never present
    s.stage = {{0, -1, -1}, {0, 1, -1}, {1, -1, -1}, {1, 0, -1}};
    auto path = customer_stage_path(s, 0);
    REQUIRE(path.size() == 2);
    CHECK(path[0].from == Date{0});
    CHECK(path[0].stage == 0);
    CHECK(path[1].from == Date{59});
    CHECK(path[1].stage == 1);
    path = customer_stage_path(s, 1);  // the gap after they appeared is a spell of -1
    REQUIRE(path.size() == 3);
    CHECK(path[0].from == Date{31});
    CHECK(path[1].stage == -1);
    CHECK(path[2].stage == 0);
    CHECK(path[2].from == Date{90});
    CHECK(customer_stage_path(s, 2).empty());
    CHECK(customer_stage_path(s, 3).empty());
    CHECK(customer_stage_path(SnapshotSeries{}, 0).empty());
}

TEST_CASE("time to convert between stages from the snapshot history") {
    SnapshotSeries s;
    s.dates = {Date{0}, Date{31}, Date{59}, Date{90}, Date{120}};
    // customer 0: 0 0 1 1 2  -> in 0 from the first snapshot: its 0->1 move is not timed; 1->2 takes 61 days
    // customer 1: -1 0 0 1 1 -> 0->1 takes 59 days (entered 0 at day 31, first seen in 1 at day 90)
    // customer 2: -1 -1 0 1 1 -> 0->1 takes 31 days
    // customer 3: 1 -1 0 2 2  -> the first run is untimed; 0->2 takes 31 days (entered 0 at day 59)
    s.stage = {{0, -1, -1, 1}, {0, 0, -1, -1}, {1, 0, 0, 0}, {1, 1, 1, 2}, {2, 1, 1, 2}};
    const auto moves = stage_move_times(s, 3);
    CHECK(moves[0][1].moves == 2);
    CHECK(moves[0][1].mean_days == doctest::Approx((59.0 + 31.0) / 2));
    CHECK(moves[1][2].moves == 1);
    CHECK(moves[1][2].mean_days == doctest::Approx(61));
    CHECK(moves[0][2].moves == 1);
    CHECK(moves[0][2].mean_days == doctest::Approx(31));
    CHECK(moves[1][0].moves == 0);  // customer 3 left stage 1 for "not present", which is not a move
    CHECK(moves[1][0].mean_days == 0);
    CHECK(stage_move_times(SnapshotSeries{}, 2)[0][1].moves == 0);
}

TEST_CASE("churn analysis: reasons with win-back, segment, stage before churn, tenure") {
    Workspace ws;
    ws.churn_reasons = default_churn_reasons();
    Customer& a = add_customer(ws, "a", "x");
    buy(a, "2023-01-10", 10);
    buy(a, "2023-12-20", 10);
    churn(a, "2024-02-10", "price");  // tenure 396 days
    Customer& b = add_customer(ws, "b", "x");
    buy(b, "2024-01-05", 10);
    churn(b, "2024-02-15", "price");  // 41 days
    Customer& c = add_customer(ws, "c");
    buy(c, "2023-09-01", 10);
    churn(c, "2024-01-01", "service");  // 122 days
    churn(c, "2024-03-01", "moved");    // 182 days, reason not in the catalog
    churn(c, "2025-01-01", "price");    // after as_of: ignored

    LifecycleModel m = one_rule_model({{cond(ConditionKind::recency_days, Compare::le, 30)}, {}});
    const EventIndex index = build_event_index(ws);
    const SnapshotSeries series = compute_snapshots(ws, index, m, snapshot_dates(day("2023-01-01"), day("2024-03-31"), SnapshotStep::month));
    const ChurnAnalysis ch = analyse_churn(ws, m, series, day("2024-03-31"));
    CHECK(ch.events == 4);
    REQUIRE(ch.by_reason.size() == 5);
    CHECK(ch.by_reason[0].reason == "price");
    CHECK(ch.by_reason[0].count == 2);
    CHECK(ch.by_reason[0].share == doctest::Approx(0.5));
    CHECK(ch.by_reason[0].expected_won_back == doctest::Approx(0.6));
    CHECK(ch.by_reason[2].reason == "service");
    CHECK(ch.by_reason[2].expected_won_back == doctest::Approx(0.1));
    CHECK(ch.by_reason[4].reason == "moved");
    CHECK(ch.by_reason[4].winback_share == 0);
    CHECK(ch.expected_won_back == doctest::Approx(0.7));
    REQUIRE(ch.by_segment.size() == 2);
    CHECK(ch.by_segment[0].group == "(none)");
    CHECK(ch.by_segment[0].count == 2);
    // stage at the snapshot before: a (2024-01-31, recency 42 -> miss), b (2024-01-31, recency 26 -> hit),
    // c service (2023-12-31, recency 121 -> miss), c moved (2024-02-29 -> miss)
    REQUIRE(ch.by_stage.size() == 2);
    CHECK(ch.by_stage[0].count == 1);
    CHECK(ch.by_stage[1].count == 3);
    CHECK(ch.by_tenure[0].count == 1);  // 41 days
    CHECK(ch.by_tenure[1].count == 1);  // 122
    CHECK(ch.by_tenure[2].count == 1);  // 182
    CHECK(ch.by_tenure[3].count == 1);  // 396
    CHECK(ch.by_tenure[1].share == doctest::Approx(0.25));
    CHECK(care_plans().size() == 5);
    CHECK(care_plans()[0].name.zh == "生日关怀");
}
