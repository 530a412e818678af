// Value per lifecycle stage: equity per stage, pooled transition matrix, margin per step and Markov
// migration CLV per starting stage. Hand-computed answers.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/value/stage_value.h"

using namespace lcs;

namespace {

// Three snapshots (days 0, 30, 60) of three customers; stage -1 = not present yet.
SnapshotSeries three_snapshots() {
    SnapshotSeries s;
    s.dates = {Date{0}, Date{30}, Date{60}};
    s.stage = {{0, 0, -1}, {0, 1, 0}, {1, 1, 0}};
    return s;
}

Customer customer(const char* id, std::vector<std::pair<int, double>> purchases) {
    Customer c;
    c.id = id;
    for (auto [day, amount] : purchases) {
        Transaction t;
        t.date = Date{day};
        t.amount = amount;
        c.transactions.push_back(t);
    }
    return c;
}

Workspace three_customers() {
    Workspace w;
    w.customers = {customer("c0", {{0, 999}, {10, 100}, {45, 50}, {61, 1000}}),
                   customer("c1", {{30, 20}, {31, 40}}),
                   customer("c2", {{20, 7}, {60, 10}})};
    return w;
}

}  // namespace

TEST_CASE("stage value summary: equity, mean over valued customers, share of the total") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto v = stage_value_summary({0, 1, 0, -1, 1, 2}, {10, 20, nan, 100, 30, -5}, 3);
    REQUIRE(v.size() == 3);
    CHECK(v[0].customers == 2);
    CHECK(v[0].valued == 1);
    CHECK(v[0].equity == 10);
    CHECK(v[0].mean == 10);
    CHECK(v[0].share == doctest::Approx(10.0 / 55));
    CHECK(v[1].mean == 25);
    CHECK(v[2].equity == -5);
}

TEST_CASE("pooled transition matrix sums the counts of every step") {
    const TransitionMatrix all = pooled_transition_matrix(three_snapshots(), 2);
    CHECK(all.counts[0][0] == 2);
    CHECK(all.counts[0][1] == 2);
    CHECK(all.counts[1][1] == 1);
    CHECK(all.entered[0] == 1);
    CHECK(all.probability[0][0] == doctest::Approx(0.5));
    CHECK(all.probability[1][1] == doctest::Approx(1.0));
    const TransitionMatrix last = pooled_transition_matrix(three_snapshots(), 2, 1);
    CHECK(last.counts[0][0] == 1);
    CHECK(last.counts[0][1] == 1);
    CHECK(last.entered[0] == 0);
}

TEST_CASE("stage margin: spend in each step counted for the stage at the step's start") {
    const StageMargin m = stage_step_margin(three_customers(), three_snapshots(), 2, 0.5);
    CHECK(m.exposure == std::vector<double>{4, 1});
    // Stage 0: (100 + 50 + 20 + 10)·0.5 over 4 customer-steps; stage 1: 40·0.5 over 1.
    CHECK(m.margin[0] == doctest::Approx(22.5));
    CHECK(m.margin[1] == doctest::Approx(20));
}

TEST_CASE("markov stage values: finite and infinite horizon") {
    const MarkovStageValues one = markov_stage_values(three_customers(), three_snapshots(), 2, 0.5, 0.1, 1);
    REQUIRE_FALSE(one.problem);
    CHECK(one.values[0] == doctest::Approx(22.5 + 21.25 / 1.1));
    CHECK(one.values[1] == doctest::Approx(20 + 20 / 1.1));
    const MarkovStageValues inf = markov_stage_values(three_customers(), three_snapshots(), 2, 0.5, 0.1, std::nullopt);
    REQUIRE_FALSE(inf.problem);
    CHECK(inf.values[1] == doctest::Approx(220));
    CHECK(inf.values[0] == doctest::Approx(122.5 * 1.1 / 0.6));
    SnapshotSeries single;
    single.dates = {Date{0}};
    single.stage = {{0, 0, 0}};
    const MarkovStageValues none = markov_stage_values(three_customers(), single, 2, 0.5, 0.1, 1);
    REQUIRE(none.problem);
    CHECK(none.problem->kind == "clv.no_history");
}
