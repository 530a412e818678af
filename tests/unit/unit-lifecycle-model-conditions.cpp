// Model-driven stage conditions and the P(alive) health measure (issue 14 §6): they read the CLV
// fit's per-customer values (ModelScores) at the fit's date only, and place no one without them.
#include <doctest/doctest.h>

#include <cmath>

#include "core/lifecycle/analysis.h"
#include "core/lifecycle/health.h"
#include "core/lifecycle/model_scores.h"
#include "core/lifecycle/staging.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

namespace {

// Four buyers; the fit (as of 2024-06-30) gives them P(alive) 0.1, 0.25, 0.6, 0.9 and the last one
// no value at all (customer 4 was not valued).
Workspace four_buyers() {
    Workspace ws;
    for (const char* id : {"a", "b", "c", "d", "e"}) buy(add_customer(ws, id), "2024-01-10", 40);
    return ws;
}

ModelScores scores_at(const char* iso) {
    ModelScores s;
    s.as_of = day(iso);
    s.horizon = 12;
    s.horizon_unit = "month";
    s.p_alive = {0.1, 0.25, 0.6, 0.9, NAN};
    s.expected_purchases = {0.2, 0.4, 1.5, 3.0, NAN};
    s.clv = {5, 10, 80, 300, NAN};
    return s;
}

std::vector<int> stages_of(const StageAssignment& a) { return a.stage; }

}  // namespace

TEST_CASE("ModelScores::value: only model kinds, only at the fit's date, only finite values") {
    const ModelScores s = scores_at("2024-06-30");
    const int32_t d = day("2024-06-30").days;
    CHECK(*s.value(ConditionKind::model_p_alive, 2, d) == 0.6);
    CHECK(*s.value(ConditionKind::model_expected_purchases, 3, d) == 3.0);
    CHECK(*s.value(ConditionKind::model_clv, 0, d) == 5);
    CHECK_FALSE(s.value(ConditionKind::model_p_alive, 2, d - 1));  // another date: no answer
    CHECK_FALSE(s.value(ConditionKind::model_p_alive, 4, d));      // not valued
    CHECK_FALSE(s.value(ConditionKind::model_p_alive, 9, d));      // out of range
    CHECK_FALSE(s.value(ConditionKind::recency_days, 0, d));       // not a model kind
    CHECK(s.valued_customers() == 4);
    CHECK(is_model_condition(ConditionKind::model_clv));
    CHECK_FALSE(is_model_condition(ConditionKind::recency_days));
    CHECK(rules_need_model({{}, {cond(ConditionKind::model_p_alive, Compare::lt, 0.3)}}));
    CHECK_FALSE(rules_need_model({{cond(ConditionKind::recency_days, Compare::gt, 3)}, {}}));
    CHECK(describe_condition(cond(ConditionKind::model_p_alive, Compare::lt, 0.3)) == "P(alive) < 0.3");
    LifecycleModel m = one_rule_model({{cond(ConditionKind::recency_days, Compare::gt, 3)}, {}});
    CHECK_FALSE(model_uses_scores(m));
    m.health.stage_weights.push_back({"hit", {0, 0, 0, 0, 0, 0, 1}});
    CHECK(model_uses_scores(m));
    CHECK(model_uses_scores(*find_template("crm_value_model")));
    CHECK_FALSE(model_uses_scores(*find_template("crm_value")));
}

TEST_CASE("a P(alive) rule places exactly the customers the fit scores, and no one without a fit") {
    const Workspace ws = four_buyers();
    const LifecycleModel decline = one_rule_model({{cond(ConditionKind::model_p_alive, Compare::lt, 0.3)}, {}});
    const ModelScores scores = scores_at("2024-06-30");
    const EventIndex index = build_event_index(ws);

    CHECK(stages_of(assign_stages(ws, index, decline, day("2024-06-30"), &scores)) == std::vector<int>{0, 0, 1, 1, 1});
    // No fit: nobody by that rule (all in the fallback), negated or not.
    CHECK(stages_of(assign_stages(ws, index, decline, day("2024-06-30"))) == std::vector<int>{1, 1, 1, 1, 1});
    const LifecycleModel not_decline =
        one_rule_model({{negated(cond(ConditionKind::model_p_alive, Compare::lt, 0.3))}, {}});
    CHECK(stages_of(assign_stages(ws, index, not_decline, day("2024-06-30"))) == std::vector<int>{1, 1, 1, 1, 1});
    CHECK(stages_of(assign_stages(ws, index, not_decline, day("2024-06-30"), &scores)) ==
          std::vector<int>{1, 1, 0, 0, 1});  // the unvalued customer is in neither
    // Another date than the fit's: the fit has no answer there.
    CHECK(stages_of(assign_stages(ws, index, decline, day("2024-05-31"), &scores)) == std::vector<int>{1, 1, 1, 1, 1});

    // Expected purchases and CLV, with between.
    const LifecycleModel mid = one_rule_model({{cond_between(ConditionKind::model_clv, 10, 80),
                                                cond(ConditionKind::model_expected_purchases, Compare::ge, 0.4)}, {}});
    CHECK(stages_of(assign_stages(ws, index, mid, day("2024-06-30"), &scores)) == std::vector<int>{1, 0, 0, 1, 1});

    // Live counts for the rule editor follow the same scores.
    const std::vector<StageRuleCounts> counts = rule_match_counts(ws, index, decline, day("2024-06-30"), &scores);
    REQUIRE(counts[0].all_matched.size() == 1);
    CHECK(counts[0].all_matched[0] == 2);
    CHECK(counts[0].assigned == 2);
    CHECK(rule_match_counts(ws, index, decline, day("2024-06-30"))[0].all_matched[0] == 0);
}

TEST_CASE("analysis and snapshots pass the scores through: the fit's date only") {
    const Workspace ws = four_buyers();
    const EventIndex index = build_event_index(ws);
    const LifecycleModel decline = one_rule_model({{cond(ConditionKind::model_p_alive, Compare::lt, 0.3)}, {}});
    const ModelScores scores = scores_at("2024-06-30");
    AnalysisOptions options;
    options.as_of = day("2024-06-30");
    options.scores = &scores;
    const LifecycleAnalysis a = analyse_lifecycle(ws, index, decline, options);
    CHECK(a.stages.counts == std::vector<int>{2, 3});
    CHECK(a.rule_counts[0].rules_matched == 2);
    REQUIRE(a.history.dates.size() >= 2);
    CHECK(a.history.dates.back() == day("2024-06-30"));
    CHECK(a.history.counts.back() == std::vector<int>{2, 3});           // the fit's date
    CHECK(a.history.counts[a.history.dates.size() - 2] == std::vector<int>{0, 5});  // a month before: no answer
}

TEST_CASE("health: the P(alive) measure is 100 × P(alive) from the fit, missing without one") {
    const Workspace ws = four_buyers();
    const EventIndex index = build_event_index(ws);
    LifecycleModel m = one_rule_model({{cond(ConditionKind::model_p_alive, Compare::lt, 0.3)}, {}});
    m.health.weights = {0, 0, 0, 0, 0, 0, 1};  // P(alive) alone
    const ModelScores scores = scores_at("2024-06-30");
    const Date d = day("2024-06-30");
    const StageAssignment stages = assign_stages(ws, index, m, d, &scores);
    const HealthReport with = compute_health(index, m, stages, d, &scores);
    const auto p_alive = static_cast<size_t>(HealthMeasure::p_alive);
    REQUIRE(with.customers[2].measures[p_alive]);
    CHECK(*with.customers[2].measures[p_alive] == doctest::Approx(60));
    CHECK(*with.customers[2].score == doctest::Approx(60));
    CHECK(*with.customers[0].score == doctest::Approx(10));
    CHECK(with.customers[0].band == HealthBand::red);
    CHECK_FALSE(with.customers[4].measures[p_alive]);  // not valued
    CHECK_FALSE(with.customers[4].score);
    const HealthReport without = compute_health(index, m, stages, d);
    CHECK_FALSE(without.customers[2].measures[p_alive]);
    CHECK_FALSE(without.customers[2].score);  // the only weighted measure is missing
    CHECK(std::string(health_measure_id(HealthMeasure::p_alive)) == "p_alive");
}

TEST_CASE("model JSON: model-driven conditions and the P(alive) weight round-trip; unweighted P(alive) is not written") {
    LifecycleModel m = one_rule_model({{cond(ConditionKind::model_p_alive, Compare::lt, 0.3)},
                                       {cond_between(ConditionKind::model_clv, 10, 500),
                                        negated(cond(ConditionKind::model_expected_purchases, Compare::ge, 1))}});
    m.health.weights[static_cast<size_t>(HealthMeasure::p_alive)] = 25;
    const Json j = model_to_json(m);
    CHECK(j.dump().find("\"model_p_alive\"") != std::string::npos);
    CHECK(j.dump().find("\"p_alive\":25") != std::string::npos);
    Problems problems;
    const auto back = model_from_json(j, problems);
    REQUIRE(back);
    CHECK(problems.empty());
    CHECK(*back == m);
    CHECK(model_to_json(*back) == j);
    CHECK(validate_model(*back).empty());

    LifecycleModel plain = one_rule_model({{cond(ConditionKind::recency_days, Compare::gt, 30)}, {}});
    CHECK(model_to_json(plain).dump().find("p_alive") == std::string::npos);
    const auto plain_back = model_from_json(model_to_json(plain), problems);
    REQUIRE(plain_back);
    CHECK(plain_back->health.weights[static_cast<size_t>(HealthMeasure::p_alive)] == 0);
    for (const char* id : {"crm_value_model", "telecom_value_model"}) {
        CAPTURE(id);
        const auto t = find_template(id);
        REQUIRE(t);
        const auto t_back = model_from_json(model_to_json(*t), problems);
        REQUIRE(t_back);
        CHECK(*t_back == *t);
        CHECK(is_builtin_model(*t_back));
    }
    CHECK(problems.empty());
}
