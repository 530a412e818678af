// Baseline measured from a small hand-checked workspace, and typed-in baselines from the section.
#include <doctest/doctest.h>

#include "core/lifecycle/model.h"
#include "core/lifecycle/rules.h"
#include "core/scenario/scenario.h"
#include "core/scenario/workspace_baseline.h"

using namespace lcs;

namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

Transaction tx(const char* iso, double amount, std::optional<double> cost = std::nullopt) {
    Transaction t;
    t.date = day(iso);
    t.amount = amount;
    t.cost = cost;
    return t;
}

// active: bought in the last 45 days; churned: has a churn event; lapsed: everyone else.
Json simple_model() {
    LifecycleModel m;
    m.id = "test";
    m.name.en = "Test";
    Stage active;
    active.id = "active";
    active.name.en = "Active";
    active.rules.all = {cond(ConditionKind::recency_days, Compare::le, 45)};
    Stage lapsed;
    lapsed.id = "lapsed";
    lapsed.name.en = "Lapsed";
    Stage churned;
    churned.id = "churned";
    churned.name.en = "Churned";
    churned.rules.all = {cond_churned(false)};
    m.stages = {active, lapsed, churned};
    m.evaluation_order = {"churned", "active", "lapsed"};
    m.fallback_stage = "lapsed";
    return model_to_json(m);
}

Workspace small_workspace() {
    Workspace ws;
    ws.meta.as_of = day("2024-06-30");
    ws.churn_reasons = default_churn_reasons();
    ws.lifecycle_model = simple_model();
    Customer c1;
    c1.id = "c1";
    c1.transactions = {tx("2024-05-20", 10), tx("2024-06-15", 20, 5.0)};
    Customer c2;
    c2.id = "c2";
    c2.transactions = {tx("2024-05-01", 30)};
    Customer c3;
    c3.id = "c3";
    c3.transactions = {tx("2024-04-01", 50)};
    c3.churn_events = {ChurnEvent{day("2024-06-10"), "price", "", Json::object()}};
    Customer c4;
    c4.id = "c4";
    c4.acquired = day("2024-06-05");
    c4.channel = "ads";
    c4.acquisition_cost = 40;
    c4.transactions = {tx("2024-06-05", 8)};
    ws.customers = {c1, c2, c3, c4};
    return ws;
}

}  // namespace

TEST_CASE("baseline measured from a workspace, by hand") {
    // One month of history: D1 = 2024-05-31, D0 = 2024-06-30.
    //   c1 active -> active (recency 11, then 15); c2 active -> lapsed (30, then 60);
    //   c3 lapsed -> churned (churn event 06-10); c4 not there -> active (acquired 06-05, via ads at 40).
    const Workspace ws = small_workspace();
    Problems problems;
    BaselineOptions options;
    options.history_months = 1;
    const std::optional<Baseline> b = baseline_from_workspace(ws, problems, options);
    for (const Problem& p : problems) MESSAGE(p.to_string());
    REQUIRE(b.has_value());
    CHECK(b->stages == std::vector<std::string>{"active", "lapsed", "churned"});
    CHECK(b->churned == std::vector<bool>{false, false, true});
    CHECK(b->transition[0] == std::vector<double>{0.5, 0.5, 0.0});
    CHECK(b->transition[1] == std::vector<double>{0.0, 0.0, 1.0});
    CHECK(b->transition[2] == std::vector<double>{0.0, 0.0, 1.0});  // never observed: customers stay
    CHECK(b->start_customers == std::vector<double>{2, 1, 1});
    CHECK(b->new_customers_per_month == doctest::Approx(1));
    CHECK(b->entry_stage == 0);
    // Only c1's 06-15 purchase falls in (D1, D0] with a stage at D1: revenue 20, margin 15, over 2
    // active customer-months. c4's purchase belongs to no stage (not there at D1).
    CHECK(b->revenue[0] == doctest::Approx(10));
    CHECK(b->margin[0] == doctest::Approx(7.5));
    CHECK(b->margin[1] == 0);
    REQUIRE(b->channels.size() == 1);
    CHECK(b->channels[0].name == "ads");
    CHECK(b->channels[0].share == doctest::Approx(1));
    CHECK(b->channels[0].cost_per_customer == doctest::Approx(40));
    REQUIRE(b->churn_reasons.size() == 4);
    CHECK(b->churn_reasons[0].id == "price");
    CHECK(b->churn_reasons[0].share_of_churned == doctest::Approx(1));
    CHECK(b->churn_reasons[0].winback_share == doctest::Approx(0.3));
    CHECK(b->churn_reasons[1].share_of_churned == 0);
}

TEST_CASE("section baseline inputs apply on top of the measured baseline") {
    Workspace ws = small_workspace();
    ws.scenarios = Json::parse(R"({"baseline": {"servicing_cost": {"active": 1.5}, "discount_rate_monthly": 0.02,
                                   "horizon_months": 24}, "scenarios": []})");
    Problems problems;
    BaselineOptions options;
    options.history_months = 1;
    const std::optional<Baseline> b = baseline_from_workspace(ws, problems, options);
    REQUIRE(b.has_value());
    CHECK(b->servicing_cost == std::vector<double>{1.5, 0, 0});
    CHECK(b->discount_rate_monthly == 0.02);
    CHECK(b->horizon_months == 24);

    ws.scenarios = Json::parse(R"({"baseline": {"servicing_cost": {"gone": 1}}})");
    CHECK_FALSE(baseline_from_workspace(ws, problems, options).has_value());
    CHECK(problems.at(0).where == "scenarios.baseline.servicing_cost.gone");
}

TEST_CASE("an empty workspace needs a typed-in baseline") {
    Workspace ws;
    ws.churn_reasons = default_churn_reasons();
    Problems problems;
    CHECK_FALSE(baseline_from_workspace(ws, problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "scenario.no_baseline");

    problems.clear();
    ws.scenarios = Json::parse(R"({"baseline": {"stages": ["Active", "Churned"], "churned": ["Churned"],
        "transition": [[0.8, 0.2], [0, 1]], "margin": {"Active": 10}, "start_customers": {"Active": 100},
        "churn_reasons": [{"id": "price", "share_of_churned": 0.5, "winback_share": 0.3}]}})");
    const std::optional<Baseline> b = baseline_from_workspace(ws, problems);
    for (const Problem& p : problems) MESSAGE(p.to_string());
    REQUIRE(b.has_value());
    CHECK(b->horizon_months == 36);
    CHECK(b->churn_reasons.size() == 1);
    const std::optional<Projection> p = project(*b, {}, problems);
    REQUIRE(p.has_value());
    CHECK(p->months[0].margin == doctest::Approx(800));
}
