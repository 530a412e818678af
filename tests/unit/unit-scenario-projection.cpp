// Projection of hand-solved Markov chains, with and without inflow, and each lever's exact effect.
#include <doctest/doctest.h>

#include <cmath>

#include "core/scenario/projection.h"

using namespace lcs;

namespace {

// Active -> Churned (absorbing), 20% monthly churn.
Baseline two_stage() {
    Baseline b;
    b.stages = {"Active", "Churned"};
    b.transition = {{0.8, 0.2}, {0.0, 1.0}};
    b.churned = {false, true};
    b.revenue = {25, 0};
    b.margin = {10, 0};
    b.servicing_cost = {2, 0};
    b.start_customers = {100, 0};
    b.discount_rate_monthly = 0.01;
    b.horizon_months = 3;
    return b;
}

// New -> Loyal -> Churned with 10 new customers a month into New, one channel at 5 per customer.
Baseline three_stage() {
    Baseline b;
    b.stages = {"New", "Loyal", "Churned"};
    b.transition = {{0.5, 0.3, 0.2}, {0.0, 0.9, 0.1}, {0.0, 0.0, 1.0}};
    b.churned = {false, false, true};
    b.margin = {4, 10, 0};
    b.servicing_cost = {0, 0, 0};
    b.start_customers = {0, 0, 0};
    b.new_customers_per_month = 10;
    b.entry_stage = 0;
    b.channels = {{"ads", 1.0, 5.0}};
    b.discount_rate_monthly = 0;
    b.horizon_months = 3;
    return b;
}

Projection run(const Baseline& b, const std::vector<Lever>& levers = {}) {
    Problems problems;
    std::optional<Projection> p = project(b, levers, problems);
    for (const Problem& problem : problems) MESSAGE(problem.to_string());
    REQUIRE(p.has_value());
    return *p;
}

}  // namespace

TEST_CASE("two-stage chain with absorbing churn, by hand") {
    const Projection p = run(two_stage());
    REQUIRE(p.months.size() == 3);
    // n1 = [80, 20], n2 = [64, 36], n3 = [51.2, 48.8]
    CHECK(p.months[0].customers[0] == doctest::Approx(80));
    CHECK(p.months[0].customers[1] == doctest::Approx(20));
    CHECK(p.months[1].customers[0] == doctest::Approx(64));
    CHECK(p.months[2].customers[0] == doctest::Approx(51.2));
    CHECK(p.months[2].customers[1] == doctest::Approx(48.8));
    // margin 800, 640, 512; servicing 160, 128, 102.4; revenue 2000, 1600, 1280
    CHECK(p.months[0].margin == doctest::Approx(800));
    CHECK(p.months[1].servicing_cost == doctest::Approx(128));
    CHECK(p.months[2].revenue == doctest::Approx(1280));
    CHECK(p.months[0].net == doctest::Approx(640));
    // equity = 640/1.01 + 512/1.01^2 + 409.6/1.01^3 = 633.66337 + 501.91158 + 397.55367
    const double equity = 640 / 1.01 + 512 / (1.01 * 1.01) + 409.6 / (1.01 * 1.01 * 1.01);
    CHECK(p.customer_equity == doctest::Approx(equity).epsilon(1e-12));
    CHECK(p.months[2].cumulative_equity == doctest::Approx(equity).epsilon(1e-12));
    CHECK(p.months[1].discount_factor == doctest::Approx(1 / 1.0201));
    CHECK(p.pv_margin - p.pv_cost == doctest::Approx(equity));
}

TEST_CASE("a long horizon reaches the geometric closed form") {
    Baseline b = two_stage();
    b.horizon_months = 600;
    // net per active customer 8; equity = 800 * sum_{t>=1} (0.8/1.01)^t = 800 * 0.8 / (1.01 - 0.8) = 3047.619...
    CHECK(run(b).customer_equity == doctest::Approx(800 * 0.8 / 0.21).epsilon(1e-9));
}

TEST_CASE("three-stage chain with inflow, by hand") {
    const Projection p = run(three_stage());
    // month 1: n1 = [10, 0, 0]; margin 40; acquisition 50; net -10
    CHECK(p.months[0].customers[0] == doctest::Approx(10));
    CHECK(p.months[0].margin == doctest::Approx(40));
    CHECK(p.months[0].acquisition_cost == doctest::Approx(50));
    CHECK(p.months[0].net == doctest::Approx(-10));
    // month 2: n2 = [10*0.5 + 10, 10*0.3, 10*0.2] = [15, 3, 2]; margin 60 + 30 = 90; net 40
    CHECK(p.months[1].customers[0] == doctest::Approx(15));
    CHECK(p.months[1].customers[1] == doctest::Approx(3));
    CHECK(p.months[1].customers[2] == doctest::Approx(2));
    CHECK(p.months[1].margin == doctest::Approx(90));
    // month 3: n3 = [7.5 + 10, 4.5 + 2.7, 3 + 0.3 + 2] = [17.5, 7.2, 5.3]; margin 70 + 72 = 142; net 92
    CHECK(p.months[2].customers[0] == doctest::Approx(17.5));
    CHECK(p.months[2].customers[1] == doctest::Approx(7.2));
    CHECK(p.months[2].customers[2] == doctest::Approx(5.3));
    CHECK(p.months[2].net == doctest::Approx(92));
    // r = 0: equity = -10 + 40 + 92
    CHECK(p.customer_equity == doctest::Approx(122));
    CHECK(*cumulative_margin(p, 3) == doctest::Approx(40 + 90 + 142));
    CHECK_FALSE(cumulative_margin(p, 12).has_value());
}

TEST_CASE("inflow reaches the steady state") {
    Baseline b = three_stage();
    b.horizon_months = 400;
    const Projection p = run(b);
    // New: x = 0.5x + 10 -> 20; Loyal: y = 0.3*20 + 0.9y -> 60
    CHECK(p.months.back().customers[0] == doctest::Approx(20).epsilon(1e-9));
    CHECK(p.months.back().customers[1] == doctest::Approx(60).epsilon(1e-9));
    // Customers are conserved: everyone acquired is somewhere.
    double total = 0;
    for (double c : p.months.back().customers) total += c;
    CHECK(total == doctest::Approx(400 * 10.0));
}

TEST_CASE("retention lever moves churn mass back to staying") {
    Baseline b = two_stage();
    Lever lever;
    lever.kind = LeverKind::retention;
    lever.stages = {"Active"};
    lever.points = 0.05;
    auto p = effective_transition(b, {lever}, 1);
    CHECK(p[0][0] == doctest::Approx(0.85));
    CHECK(p[0][1] == doctest::Approx(0.15));
    lever.points = 0.5;  // more than the churn: all churn removed, never above 1
    p = effective_transition(b, {lever}, 1);
    CHECK(p[0][0] == doctest::Approx(1.0));
    CHECK(p[0][1] == doctest::Approx(0.0));

    // Two churn stages: the 0.4 churn mass (0.1 + 0.3) halves, each flow in proportion.
    Baseline c;
    c.stages = {"A", "C1", "C2"};
    c.transition = {{0.6, 0.1, 0.3}, {0, 1, 0}, {0, 0, 1}};
    c.churned = {false, true, true};
    c.margin = {1, 0, 0};
    c.servicing_cost = {0, 0, 0};
    c.start_customers = {1, 0, 0};
    lever.stages = {"A"};
    lever.points = 0.2;
    p = effective_transition(c, {lever}, 1);
    CHECK(p[0][0] == doctest::Approx(0.8));
    CHECK(p[0][1] == doctest::Approx(0.05));
    CHECK(p[0][2] == doctest::Approx(0.15));
}

TEST_CASE("retention lever cost and ROI, by hand") {
    Baseline b = two_stage();
    b.servicing_cost = {0, 0};
    b.discount_rate_monthly = 0;
    b.horizon_months = 2;
    Lever lever;
    lever.kind = LeverKind::retention;
    lever.stages = {"Active"};
    lever.points = 0.1;
    lever.cost_per_customer = 1.0;
    const Projection without = run(b);
    const Projection with = run(b, {lever});
    // without: n = [80,20], [64,36] -> margin 1440. with P' = [[0.9,0.1],[0,1]]: [90,10], [81,19] -> 1710
    CHECK(without.pv_margin == doctest::Approx(1440));
    CHECK(with.pv_margin == doctest::Approx(1710));
    // cost on start-of-month Active customers: 100 + 90
    CHECK(with.months[0].lever_cost == doctest::Approx(100));
    CHECK(with.months[1].lever_cost == doctest::Approx(90));
    CHECK(with.total_lever_cost == doctest::Approx(190));
    CHECK(with.lever_cost_by_lever[0] == doctest::Approx(190));
    CHECK(with.customer_equity - without.customer_equity == doctest::Approx(270 - 190));
}

TEST_CASE("conversion lever takes from staying in A") {
    Baseline b = three_stage();
    Lever lever;
    lever.kind = LeverKind::conversion;
    lever.from_stage = "New";
    lever.to_stage = "Loyal";
    lever.points = 0.1;
    const auto p = effective_transition(b, {lever}, 1);
    CHECK(p[0][0] == doctest::Approx(0.4));
    CHECK(p[0][1] == doctest::Approx(0.4));
    CHECK(p[0][2] == doctest::Approx(0.2));
    lever.points = 0.9;  // capped at the 0.5 stay probability
    const auto q = effective_transition(b, {lever}, 1);
    CHECK(q[0][0] == doctest::Approx(0.0));
    CHECK(q[0][1] == doctest::Approx(0.8));
}

TEST_CASE("win-back moves the right mass and costs per contacted customer") {
    Baseline b = two_stage();
    b.transition = {{0.9, 0.1}, {0.0, 1.0}};
    b.start_customers = {0, 100};
    b.churn_reasons = {{"price", 0.5, 0.3}, {"service", 0.5, 0.1}};
    b.horizon_months = 2;
    Lever lever;
    lever.kind = LeverKind::winback;
    lever.reason = "price";
    lever.to_stage = "Active";
    lever.contact_rate = 0.4;
    lever.cost_per_customer = 2.0;
    const Projection p = run(b, {lever});
    // won back per month = 0.5 (price share) * 0.4 (contacted) * 0.3 (won back) = 0.06 of the churned
    CHECK(p.months[0].customers[0] == doctest::Approx(6));
    CHECK(p.months[0].customers[1] == doctest::Approx(94));
    // contacted = 100 * 0.5 * 0.4 = 20 at 2 each
    CHECK(p.months[0].lever_cost == doctest::Approx(40));
    // month 2: Active 6*0.9 + 94*0.06 = 11.04; Churned 6*0.1 + 94*0.94 = 88.96; cost 94*0.2*2 = 37.6
    CHECK(p.months[1].customers[0] == doctest::Approx(11.04));
    CHECK(p.months[1].customers[1] == doctest::Approx(88.96));
    CHECK(p.months[1].lever_cost == doctest::Approx(37.6));
    // The lever's own win-back share replaces the catalog's.
    lever.winback_share = 0.5;
    CHECK(run(b, {lever}).months[0].customers[0] == doctest::Approx(10));
}

TEST_CASE("care plan: retention in each chosen stage, cost per covered customer") {
    Baseline b = three_stage();
    b.start_customers = {10, 20, 0};
    Lever lever;
    lever.kind = LeverKind::care_plan;
    lever.plan = "birthday";
    lever.stages = {"New", "Loyal"};
    lever.points = 0.05;
    lever.cost_per_customer = 0.5;
    lever.fixed_cost_per_month = 3;
    const auto p = effective_transition(b, {lever}, 1);
    CHECK(p[0][0] == doctest::Approx(0.55));
    CHECK(p[0][2] == doctest::Approx(0.15));
    CHECK(p[1][1] == doctest::Approx(0.95));
    CHECK(p[1][2] == doctest::Approx(0.05));
    // month 1 cost: (10 + 20) * 0.5 + 3
    CHECK(run(b, {lever}).months[0].lever_cost == doctest::Approx(18));
}

TEST_CASE("acquisition lever: extra customers at the lever's cost, cuts scale the channels") {
    Baseline b = three_stage();
    b.horizon_months = 1;
    Lever lever;
    lever.kind = LeverKind::acquisition;
    lever.volume_change = 0.2;
    lever.cost_per_customer = 8.0;
    Projection p = run(b, {lever});
    CHECK(p.months[0].new_customers == doctest::Approx(12));
    CHECK(p.months[0].acquisition_cost == doctest::Approx(50));
    CHECK(p.months[0].lever_cost == doctest::Approx(16));
    lever.cost_per_customer.reset();  // defaults to the channels' average cost, 5
    CHECK(run(b, {lever}).months[0].lever_cost == doctest::Approx(10));
    lever.volume_change = -0.5;
    p = run(b, {lever});
    CHECK(p.months[0].new_customers == doctest::Approx(5));
    CHECK(p.months[0].acquisition_cost == doctest::Approx(25));
    CHECK(p.months[0].lever_cost == doctest::Approx(0));
}

TEST_CASE("price lever: margin and revenue change, optional volume effect") {
    Baseline b = two_stage();
    b.horizon_months = 1;
    Lever lever;
    lever.kind = LeverKind::price;
    lever.margin_change = 0.1;
    Projection p = run(b, {lever});
    // 80 active customers at margin 11 and revenue 26
    CHECK(p.months[0].margin == doctest::Approx(880));
    CHECK(p.months[0].revenue == doctest::Approx(2080));
    lever.points = -0.05;  // price rise: 5 more points churn
    const auto m = effective_transition(b, {lever}, 1);
    CHECK(m[0][0] == doctest::Approx(0.75));
    CHECK(m[0][1] == doctest::Approx(0.25));
    p = run(b, {lever});
    CHECK(p.months[0].customers[0] == doctest::Approx(75));
}

TEST_CASE("lever windows limit the months a lever acts in") {
    Baseline b = two_stage();
    Lever lever;
    lever.kind = LeverKind::retention;
    lever.stages = {"Active"};
    lever.points = 0.2;
    lever.cost_per_customer = 1.0;
    lever.start_month = 2;
    lever.end_month = 2;
    const Projection p = run(b, {lever});
    // month 1: 80 (no lever); month 2: 80 stay (no churn); month 3: 64
    CHECK(p.months[0].customers[0] == doctest::Approx(80));
    CHECK(p.months[1].customers[0] == doctest::Approx(80));
    CHECK(p.months[2].customers[0] == doctest::Approx(64));
    CHECK(p.months[0].lever_cost == 0);
    CHECK(p.months[1].lever_cost == doctest::Approx(80));
    CHECK(p.months[2].lever_cost == 0);
    lever.enabled = false;
    CHECK(run(b, {lever}).customer_equity == run(b).customer_equity);
}

TEST_CASE("a zero-cost zero-effect lever changes nothing") {
    Baseline b = three_stage();
    b.start_customers = {5, 7, 3};
    b.churn_reasons = {{"price", 1.0, 0.3}};
    b.discount_rate_monthly = 0.02;
    const Projection base = run(b);
    for (LeverKind kind : kAllLeverKinds) {
        Lever lever = neutral_lever(kind);
        lever.stages = {"New"};
        lever.from_stage = "New";
        lever.to_stage = "Loyal";
        lever.reason = "price";
        lever.plan = "follow_up";
        const Projection p = run(b, {lever});
        CAPTURE(lever_kind_id(kind));
        CHECK(p.customer_equity == base.customer_equity);
        CHECK(p.total_lever_cost == 0);
        for (size_t t = 0; t < p.months.size(); ++t) {
            CHECK(p.months[t].customers == base.months[t].customers);
            CHECK(p.months[t].revenue == base.months[t].revenue);
        }
    }
}

TEST_CASE("invalid baselines and levers are problems, not crashes") {
    Baseline b = two_stage();
    b.transition[0] = {0.7, 0.2};
    Problems problems;
    CHECK_FALSE(project(b, {}, problems).has_value());
    REQUIRE(!problems.empty());
    CHECK(problems[0].kind == "scenario.invalid_baseline");
    CHECK(problems[0].where == "baseline.transition[0]");

    problems.clear();
    Lever lever;
    lever.kind = LeverKind::retention;
    lever.stages = {"Nowhere"};
    lever.points = 0.1;
    CHECK_FALSE(project(two_stage(), {lever}, problems).has_value());
    REQUIRE(!problems.empty());
    CHECK(problems[0].kind == "scenario.invalid_lever");
    CHECK(problems[0].where == "levers[0].stages[0]");

    problems.clear();
    lever.stages = {"Churned"};  // retention in a churn stage makes no sense
    CHECK_FALSE(project(two_stage(), {lever}, problems).has_value());
    CHECK(problems.size() == 1);

    problems.clear();
    Lever winback;
    winback.kind = LeverKind::winback;
    winback.reason = "price";  // the baseline has no churn reasons
    winback.to_stage = "Active";
    CHECK_FALSE(project(two_stage(), {winback}, problems).has_value());
    CHECK(problems.at(0).where == "levers[0].reason");
}
