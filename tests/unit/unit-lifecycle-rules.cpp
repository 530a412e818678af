#include <doctest/doctest.h>

#include "core/lifecycle/staging.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

namespace {
// Does customer 0 land in "hit" as of the date when that stage has exactly this one condition?
bool hits(const Workspace& ws, const Condition& c, const char* as_of) {
    const StageAssignment a = assign_stages(ws, one_rule_model({{c}, {}}), day(as_of));
    REQUIRE(a.stage[0] >= 0);
    return a.stage[0] == 0;
}

Workspace buyer() {
    Workspace ws;
    Customer& c = add_customer(ws, "a", "vip");
    c.tags = {"b2b", "north"};
    buy(c, "2024-01-01", 100);
    buy(c, "2024-03-01", 50);
    buy(c, "2024-06-01", 25);
    return ws;
}
}  // namespace

TEST_CASE("recency_days: days since the last purchase, every comparison at its boundary") {
    const Workspace ws = buyer();
    // as of 2024-06-11 the last purchase (06-01) is 10 days ago
    CHECK(hits(ws, cond(ConditionKind::recency_days, Compare::le, 10), "2024-06-11"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::recency_days, Compare::lt, 10), "2024-06-11"));
    CHECK(hits(ws, cond(ConditionKind::recency_days, Compare::ge, 10), "2024-06-11"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::recency_days, Compare::gt, 10), "2024-06-11"));
    CHECK(hits(ws, cond(ConditionKind::recency_days, Compare::eq, 10), "2024-06-11"));
    CHECK(hits(ws, cond_between(ConditionKind::recency_days, 10, 20), "2024-06-11"));
    CHECK(hits(ws, cond_between(ConditionKind::recency_days, 0, 10), "2024-06-11"));
    CHECK_FALSE(hits(ws, cond_between(ConditionKind::recency_days, 11, 20), "2024-06-11"));
    // a purchase on the as-of date counts: recency 0
    CHECK(hits(ws, cond(ConditionKind::recency_days, Compare::eq, 0), "2024-06-01"));
    // before 06-01 the last purchase is 03-01: 2024-05-31 is 91 days after 2024-03-01
    CHECK(hits(ws, cond(ConditionKind::recency_days, Compare::eq, 91), "2024-05-31"));
}

TEST_CASE("purchase facts never match a customer with no purchase") {
    Workspace ws;
    Customer& c = add_customer(ws, "p");
    c.acquired = day("2024-01-01");
    interact(c, "2024-02-01", "email");
    CHECK_FALSE(hits(ws, cond(ConditionKind::recency_days, Compare::ge, 0), "2024-06-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::repeat_purchases, Compare::eq, 0), "2024-06-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::trend, Compare::ge, 0, 30), "2024-06-01"));
    CHECK(hits(ws, cond_never_purchased(), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::purchases_in_window, Compare::eq, 0, 30), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::tenure_days, Compare::eq, 152), "2024-06-01"));
}

TEST_CASE("windows are the N days ending on the as-of date: (D - N, D]") {
    const Workspace ws = buyer();
    // as of 2024-06-01 with 92 days: window (2024-03-01, 2024-06-01] excludes 03-01, includes 06-01
    CHECK(hits(ws, cond(ConditionKind::purchases_in_window, Compare::eq, 1, 92), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::spend_in_window, Compare::eq, 25, 92), "2024-06-01"));
    // 93 days reaches back to include 03-01
    CHECK(hits(ws, cond(ConditionKind::purchases_in_window, Compare::eq, 2, 93), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::spend_in_window, Compare::eq, 75, 93), "2024-06-01"));
    // window 0 = all time up to D; later purchases invisible
    CHECK(hits(ws, cond(ConditionKind::purchases_in_window, Compare::eq, 2, 0), "2024-05-31"));
    CHECK(hits(ws, cond(ConditionKind::spend_in_window, Compare::eq, 175, 0), "2024-12-31"));
}

TEST_CASE("tenure and repeat purchases") {
    Workspace ws = buyer();
    // no acquired date: tenure counts from the first purchase
    CHECK(hits(ws, cond(ConditionKind::tenure_days, Compare::eq, 31), "2024-02-01"));
    ws.customers[0].acquired = day("2023-12-01");
    CHECK(hits(ws, cond(ConditionKind::tenure_days, Compare::eq, 62), "2024-02-01"));
    CHECK(hits(ws, cond(ConditionKind::repeat_purchases, Compare::eq, 0), "2024-02-29"));
    CHECK(hits(ws, cond(ConditionKind::repeat_purchases, Compare::eq, 1), "2024-03-01"));
    CHECK(hits(ws, cond(ConditionKind::repeat_purchases, Compare::ge, 2), "2024-06-01"));
}

TEST_CASE("trend compares the last window with the window before it") {
    Workspace ws;
    Customer& c = add_customer(ws, "t");
    buy(c, "2024-01-10", 10);
    buy(c, "2024-01-20", 10);
    buy(c, "2024-02-15", 40);
    // as of 2024-02-29, 30-day windows: current (01-30, 02-29] = 1 purchase / 40; previous (12-31, 01-30] = 2 / 20
    CHECK(hits(ws, cond(ConditionKind::trend, Compare::eq, 0.5, 30, "purchases"), "2024-02-29"));
    CHECK(hits(ws, cond(ConditionKind::trend, Compare::eq, 2.0, 30, "spend"), "2024-02-29"));
    CHECK(hits(ws, cond(ConditionKind::trend, Compare::lt, 0.6, 30), "2024-02-29"));
    // previous window empty, current not: ratio is +infinity
    CHECK(hits(ws, cond(ConditionKind::trend, Compare::gt, 1000, 30), "2024-01-25"));
    // both windows empty: no match either way
    CHECK_FALSE(hits(ws, cond(ConditionKind::trend, Compare::ge, 0, 10), "2024-06-30"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::trend, Compare::lt, 1, 10), "2024-06-30"));
    // current empty, previous not: ratio 0
    CHECK(hits(ws, cond(ConditionKind::trend, Compare::eq, 0, 30), "2024-04-01"));
}

TEST_CASE("last NPS: value or category, latest answer by the date") {
    Workspace ws = buyer();
    Customer& c = ws.customers[0];
    survey(c, "2024-02-01", 10);
    survey(c, "2024-04-01", 6);
    survey(c, "2024-05-01", 8);
    CHECK(hits(ws, cond(ConditionKind::last_nps, Compare::eq, 10), "2024-03-31"));
    CHECK(hits(ws, cond(ConditionKind::last_nps, Compare::ge, 0, 0, "promoter"), "2024-03-31"));
    CHECK(hits(ws, cond(ConditionKind::last_nps, Compare::ge, 0, 0, "detractor"), "2024-04-01"));
    CHECK(hits(ws, cond(ConditionKind::last_nps, Compare::ge, 0, 0, "passive"), "2024-05-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::last_nps, Compare::ge, 0, 0, "promoter"), "2024-05-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::last_nps, Compare::ge, 0), "2024-01-31"));  // no answer yet
}

TEST_CASE("interactions by type, referrals") {
    Workspace ws = buyer();
    Customer& c = ws.customers[0];
    interact(c, "2024-05-01", "complaint");
    interact(c, "2024-05-20", "email");
    interact(c, "2024-05-31", "complaint");
    interact(c, "2024-06-01", "referral");
    CHECK(hits(ws, cond(ConditionKind::interactions_in_window, Compare::eq, 2, 31, "complaint"), "2024-05-31"));
    CHECK(hits(ws, cond(ConditionKind::interactions_in_window, Compare::eq, 1, 30, "complaint"), "2024-05-31"));
    CHECK(hits(ws, cond(ConditionKind::interactions_in_window, Compare::eq, 4, 0), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::interactions_in_window, Compare::eq, 0, 0, "chat"), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::referrals_made, Compare::ge, 1, 365), "2024-06-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::referrals_made, Compare::ge, 1, 365), "2024-05-31"));
}

TEST_CASE("churn events: by the date, within a window, after the last purchase") {
    Workspace ws = buyer();
    churn(ws.customers[0], "2024-04-15", "price");
    CHECK_FALSE(hits(ws, cond_churned(false), "2024-04-14"));
    CHECK(hits(ws, cond_churned(false), "2024-04-15"));
    CHECK(hits(ws, cond_churned(true), "2024-05-31"));        // last purchase 03-01, churned after it
    CHECK_FALSE(hits(ws, cond_churned(true), "2024-06-01"));  // bought again on 06-01: came back
    CHECK(hits(ws, cond_churned(false, 10), "2024-04-24"));
    CHECK_FALSE(hits(ws, cond_churned(false, 10), "2024-04-25"));
    CHECK(hits(ws, negated(cond_churned(false, 10)), "2024-04-25"));
}

TEST_CASE("segment and tag conditions") {
    const Workspace ws = buyer();
    CHECK(hits(ws, cond(ConditionKind::segment_is, Compare::ge, 0, 0, "vip"), "2024-06-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::segment_is, Compare::ge, 0, 0, "VIP"), "2024-06-01"));
    CHECK(hits(ws, cond(ConditionKind::has_tag, Compare::ge, 0, 0, "north"), "2024-06-01"));
    CHECK_FALSE(hits(ws, cond(ConditionKind::has_tag, Compare::ge, 0, 0, "south"), "2024-06-01"));
}

TEST_CASE("AND within a stage, the any-of group, first match in evaluation order, fallback") {
    Workspace ws;
    buy(add_customer(ws, "recent"), "2024-06-01", 10);
    buy(add_customer(ws, "old"), "2023-01-01", 10);
    add_customer(ws, "prospect").acquired = day("2024-01-01");
    add_customer(ws, "future").acquired = day("2025-01-01");

    LifecycleModel m;
    m.id = "m";
    Stage active, lapsed, everyone, rest;
    active.id = "active";
    active.rules = {{negated(cond_never_purchased()), cond(ConditionKind::recency_days, Compare::le, 30)}, {}};
    lapsed.id = "lapsed";
    lapsed.rules = {{}, {cond(ConditionKind::recency_days, Compare::gt, 365), cond_churned(true)}};
    everyone.id = "everyone";
    everyone.rules = {{cond(ConditionKind::purchases_in_window, Compare::ge, 0)}, {}};
    rest.id = "rest";
    m.stages = {active, lapsed, everyone, rest};
    m.fallback_stage = "rest";

    StageAssignment a = assign_stages(ws, m, day("2024-06-15"));
    CHECK(a.stage == std::vector<int>{0, 1, 2, -1});
    CHECK(a.counts == std::vector<int>{1, 1, 1, 0});
    CHECK(a.present == 3);
    CHECK(a.revenue[0] == doctest::Approx(10));

    // "everyone" evaluated first swallows all present customers
    m.evaluation_order = {"everyone"};
    a = assign_stages(ws, m, day("2024-06-15"));
    CHECK(a.stage == std::vector<int>{2, 2, 2, -1});

    // an empty stage matches nobody; customers fall back
    m.evaluation_order.clear();
    m.stages[2].rules = {};
    a = assign_stages(ws, m, day("2024-06-15"));
    CHECK(a.stage == std::vector<int>{0, 1, 3, -1});
    CHECK(a.counts == std::vector<int>{1, 1, 0, 1});

    const EventIndex index = build_event_index(ws);
    const auto counts = rule_match_counts(ws, index, m, day("2024-06-15"));
    REQUIRE(counts.size() == 4);
    CHECK(counts[0].all_matched == std::vector<int>{2, 1});
    CHECK(counts[0].rules_matched == 1);
    CHECK(counts[1].any_matched == std::vector<int>{1, 0});
    CHECK(counts[1].rules_matched == 1);
    CHECK(counts[3].assigned == 1);
}

TEST_CASE("customer_stage: the stage, and whether its own rules caught the customer or the fallback did") {
    Workspace ws;
    buy(add_customer(ws, "recent"), "2024-06-01", 10);
    buy(add_customer(ws, "old"), "2023-01-01", 10);
    add_customer(ws, "future").acquired = day("2025-01-01");

    LifecycleModel m;
    m.id = "m";
    Stage active, rest;
    active.id = "active";
    active.rules = {{cond(ConditionKind::recency_days, Compare::le, 30)}, {}};
    rest.id = "rest";
    m.stages = {active, rest};
    m.fallback_stage = "rest";

    StageAssignment a = assign_stages(ws, m, day("2024-06-15"));
    CHECK(customer_stage(a, 0).stage == 0);
    CHECK(customer_stage(a, 0).by_rule);
    CHECK(customer_stage(a, 1).stage == 1);
    CHECK_FALSE(customer_stage(a, 1).by_rule);   // nobody's rules caught "old": the fallback did
    CHECK(customer_stage(a, 2).stage == -1);     // not present yet
    CHECK_FALSE(customer_stage(a, 2).by_rule);
    CHECK(customer_stage(a, 99).stage == -1);    // out of range: not present

    // The fallback stage's own rules catching a customer is a rule match, not the fallback.
    m.stages[1].rules = {{cond(ConditionKind::recency_days, Compare::gt, 365)}, {}};
    a = assign_stages(ws, m, day("2024-06-15"));
    CHECK(customer_stage(a, 1).stage == 1);
    CHECK(customer_stage(a, 1).by_rule);
}

TEST_CASE("condition kinds table: every kind's defaults are valid and survive JSON") {
    for (const ConditionKindInfo& info : kConditionKinds) {
        INFO("kind: ", info.id);
        CHECK(condition_kind_from_id(info.id) == info.kind);
        LifecycleModel m = one_rule_model({{default_condition(info.kind)}, {}});
        CHECK(validate_model(m).empty());
        Problems problems;
        const std::optional<LifecycleModel> back = model_from_json(model_to_json(m), problems);
        REQUIRE(back);
        CHECK(problems.empty());
        CHECK(model_to_json(*back) == model_to_json(m));
        // The table decides which fields are written: a yes/no kind has no comparison.
        const Json written = model_to_json(m)["stages"][0]["rules"]["all"][0];
        CHECK(written.contains("op") == condition_compares(default_condition(info.kind)));
        CHECK((info.text_key != nullptr) == (info.text != TextUse::none));
    }
    CHECK(default_condition(ConditionKind::trend).window_days > 0);
    CHECK_FALSE(condition_compares(cond(ConditionKind::last_nps, Compare::ge, 0, 0, "promoter")));
    CHECK(condition_compares(cond(ConditionKind::last_nps, Compare::ge, 9)));
    CHECK(condition_has_window(cond_churned(false, 30)));
    CHECK_FALSE(condition_has_window(cond(ConditionKind::recency_days, Compare::gt, 30)));
}

TEST_CASE("condition kinds table: validation follows the table (window, text choices, required text)") {
    auto kinds_of = [](const Condition& c) {
        std::string kinds;
        for (const Problem& p : validate_model(one_rule_model({{c}, {}}))) kinds += p.kind + " " + p.where + ";";
        return kinds;
    };
    CHECK(kinds_of(cond(ConditionKind::trend, Compare::lt, 1, 0)).find("lifecycle.bad_window") != std::string::npos);
    CHECK(kinds_of(cond(ConditionKind::trend, Compare::lt, 1, 30, "visits")).find("lifecycle.bad_condition") != std::string::npos);
    CHECK(kinds_of(cond(ConditionKind::trend, Compare::lt, 1, 30, "spend")).empty());
    CHECK(kinds_of(cond(ConditionKind::last_nps, Compare::ge, 0, 0, "fan")).find(".category") != std::string::npos);
    CHECK(kinds_of(cond(ConditionKind::has_tag, Compare::ge, 0, 0, "")).find("lifecycle.bad_condition") != std::string::npos);
    CHECK(kinds_of(cond(ConditionKind::interactions_in_window, Compare::ge, 1, 30, "")).empty());
}
