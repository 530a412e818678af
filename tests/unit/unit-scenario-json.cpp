// Scenario section JSON: exact round trips, partial baseline overrides, problems for bad input.
#include <doctest/doctest.h>

#include "core/scenario/explain.h"
#include "core/scenario/scenario.h"

using namespace lcs;

namespace {

const char* kSection = R"({
  "baseline": {"servicing_cost": {"Active": 1.5}, "discount_rate_monthly": 0.008, "horizon_months": 24},
  "scenarios": [
    {"name": "Care and win-back", "notes": "Q3 plan 第三季度",
     "levers": [
       {"kind": "retention", "label": "Save desk", "enabled": true, "start_month": 1, "end_month": 0,
        "fixed_cost_per_month": 100.0, "stages": ["Active"], "points": 0.05, "cost_per_customer": 1.25},
       {"kind": "conversion", "label": "", "enabled": false, "start_month": 3, "end_month": 12,
        "fixed_cost_per_month": 0.0, "from_stage": "New", "to_stage": "Active", "points": 0.1,
        "cost_per_customer": null},
       {"kind": "winback", "label": "Price", "enabled": true, "start_month": 1, "end_month": 0,
        "fixed_cost_per_month": 0.0, "reason": "price", "to_stage": "Active", "contact_rate": 0.5,
        "winback_share": null, "cost_per_customer": 3.0, "owner": "Li Wei"},
       {"kind": "care_plan", "label": "生日关怀", "enabled": true, "start_month": 1, "end_month": 0,
        "fixed_cost_per_month": 0.0, "plan": "birthday", "stages": ["New", "Active"], "points": 0.01,
        "cost_per_customer": 0.2}
     ],
     "overrides": {"new_customers_per_month": 80}},
    {"name": "Grow", "notes": "",
     "levers": [
       {"kind": "acquisition", "label": "", "enabled": true, "start_month": 1, "end_month": 0,
        "fixed_cost_per_month": 0.0, "volume_change": 0.25, "cost_per_customer": null},
       {"kind": "price", "label": "", "enabled": true, "start_month": 1, "end_month": 0,
        "fixed_cost_per_month": 0.0, "stages": [], "margin_change": 0.05, "points": -0.01}
     ],
     "overrides": {}, "colour": "#ff8800"}
  ],
  "ui_version": 3
})";

Baseline small_baseline() {
    Baseline b;
    b.stages = {"New", "Active", "Churned"};
    b.transition = {{0.6, 0.3, 0.1}, {0, 0.9, 0.1}, {0, 0, 1}};
    b.churned = {false, false, true};
    b.margin = {5, 12, 0};
    b.servicing_cost = {0, 0, 0};
    b.start_customers = {100, 400, 200};
    b.new_customers_per_month = 50;
    b.churn_reasons = {{"price", 0.4, 0.3}, {"other", 0.6, 0.2}};
    b.channels = {{"search", 0.5, 20}, {"referral", 0.5, 4}};
    return b;
}

}  // namespace

TEST_CASE("the scenarios section round-trips exactly") {
    const Json input = Json::parse(kSection);
    Problems problems;
    const ScenarioSection section = scenario_section_from_json(input, problems);
    for (const Problem& p : problems) MESSAGE(p.to_string());
    CHECK(problems.empty());
    REQUIRE(section.scenarios.size() == 2);
    CHECK(section.scenarios[0].levers.size() == 4);
    CHECK(section.scenarios[0].levers[2].extra["owner"] == "Li Wei");
    CHECK(section.scenarios[1].extra["colour"] == "#ff8800");
    CHECK(section.extra["ui_version"] == 3);
    CHECK(scenario_section_to_json(section) == input);
    // And the structure survives a second trip unchanged.
    Problems again;
    CHECK(scenario_section_to_json(scenario_section_from_json(scenario_section_to_json(section), again)) == input);
    CHECK(again.empty());
    CHECK(find_scenario(section, "Grow") == 1);
    CHECK(find_scenario(section, "grow") == -1);
}

TEST_CASE("a null section is empty; bad entries are problems with paths") {
    Problems problems;
    CHECK(scenario_section_from_json(Json(), problems).scenarios.empty());
    CHECK(problems.empty());

    const Json bad = Json::parse(R"({"scenarios": [
        {"name": "A", "levers": [{"kind": "teleport"}]},
        {"name": "B", "levers": [{"kind": "retention", "points": "lots"}]},
        {"name": "C"}, {"name": "C"}, {"notes": "no name"}]})");
    const ScenarioSection section = scenario_section_from_json(bad, problems);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].kind == "scenario.invalid_lever");
    CHECK(problems[0].where == "scenarios.scenarios[0].levers[0].kind");
    CHECK(problems[1].where == "scenarios.scenarios[1].levers[0].points");
    CHECK(problems[2].kind == "scenario.duplicate_name");
    CHECK(problems[3].where == "scenarios.scenarios[4].name");
    REQUIRE(section.scenarios.size() == 1);
    CHECK(section.scenarios[0].name == "C");
}

TEST_CASE("baseline JSON round-trips and overrides apply by stage name") {
    const Baseline b = small_baseline();
    Problems problems;
    const std::optional<Baseline> back = baseline_from_json(baseline_to_json(b), problems);
    REQUIRE(back.has_value());
    CHECK(baseline_to_json(*back) == baseline_to_json(b));
    CHECK(back->transition == b.transition);
    CHECK(back->churned == b.churned);

    Scenario scenario;
    scenario.name = "x";
    scenario.overrides = Json::parse(R"({"margin": {"Active": 15}, "horizon_months": 12, "entry_stage": "Active"})");
    const std::optional<Baseline> o = scenario_baseline(b, scenario, problems);
    REQUIRE(o.has_value());
    CHECK(o->margin == std::vector<double>{5, 15, 0});
    CHECK(o->horizon_months == 12);
    CHECK(o->entry_stage == 1);

    scenario.overrides = Json::parse(R"({"margin": {"Dormant": 1}})");
    CHECK_FALSE(scenario_baseline(b, scenario, problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "scenario.unknown_stage");
    CHECK(problems[0].where == "overrides.margin.Dormant");

    problems.clear();
    scenario.overrides = Json::parse(R"({"transition": [[0.5, 0.5, 0.1], [0, 1, 0], [0, 0, 1]]})");
    CHECK_FALSE(scenario_baseline(b, scenario, problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "scenario.invalid_baseline");
    CHECK(problems[0].where == "overrides.transition[0]");
}

TEST_CASE("a typed-in baseline for an empty workspace") {
    Problems problems;
    const Json typed = Json::parse(R"({"stages": ["Active", "Churned"], "churned": ["Churned"],
        "transition": [[0.8, 0.2], [0, 1]], "margin": [10, 0], "servicing_cost": [2, 0],
        "start_customers": {"Active": 100}, "discount_rate_monthly": 0.01, "horizon_months": 3})");
    const std::optional<Baseline> b = baseline_from_json(typed, problems);
    for (const Problem& p : problems) MESSAGE(p.to_string());
    REQUIRE(b.has_value());
    CHECK(b->start_customers == std::vector<double>{100, 0});
    const std::optional<Projection> p = project(*b, {}, problems);
    REQUIRE(p.has_value());
    CHECK(p->customer_equity == doctest::Approx(640 / 1.01 + 512 / (1.01 * 1.01) + 409.6 / (1.01 * 1.01 * 1.01)));
}

TEST_CASE("every lever and result has an explanation in English and Chinese") {
    for (LeverKind kind : kAllLeverKinds) {
        CAPTURE(lever_kind_id(kind));
        const std::string en = lever_explanation(kind, Lang::en);
        const std::string zh = lever_explanation(kind, Lang::zh);
        CHECK(en.size() > 100);
        CHECK(zh.size() > 50);
        CHECK(en != zh);
        CHECK(std::string(lever_title(kind, Lang::zh)) != lever_title(kind, Lang::en));
    }
    for (const std::string& key : result_keys()) {
        CAPTURE(key);
        CHECK(std::string(result_explanation(key, Lang::en)).size() > 20);
        CHECK(std::string(result_explanation(key, Lang::zh)).size() > 10);
        CHECK(std::string(result_title(key, Lang::zh)) != result_title(key, Lang::en));
    }
    CHECK(std::string(result_explanation("no_such_key")).empty());
    CHECK(care_plan_title("member_day", Lang::zh) == "会员日关怀");
    CHECK(care_plan_title("custom") == "custom");
}

TEST_CASE("baseline channels and churn reasons: read whole, or not at all with one problem") {
    Baseline b;
    Problems problems;
    apply_baseline_json(b, Json::parse(R"({"channels": [{"name": "ads", "share": 0.25, "cost_per_customer": 8},
                                                        {"share": 0.75}],
                                           "churn_reasons": [{"id": "price", "share_of_churned": 1, "winback_share": 0.3}]})"),
                        problems);
    CHECK(problems.empty());
    REQUIRE(b.channels.size() == 2);
    CHECK(b.channels[0].name == "ads");
    CHECK(b.channels[0].cost_per_customer == doctest::Approx(8));
    CHECK(b.channels[1].name.empty());
    CHECK(b.channels[1].cost_per_customer == 0);
    REQUIRE(b.churn_reasons.size() == 1);
    CHECK(b.churn_reasons[0].winback_share == doctest::Approx(0.3));

    apply_baseline_json(b, Json::parse(R"({"channels": [{"name": "tv", "share": 1}, {"name": 7, "share": 0}],
                                           "churn_reasons": {"id": "price"}})"),
                        problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where == "baseline.channels");
    CHECK(problems[1].where == "baseline.churn_reasons");
    CHECK(b.channels.size() == 2);  // unchanged
    CHECK(b.churn_reasons.size() == 1);
}

TEST_CASE("lever JSON: a retention lever may name its one stage as \"stage\"; wrong types are problems") {
    Problems problems;
    std::optional<Lever> lever = lever_from_json(Json::parse(R"({"kind": "retention", "stage": "Active", "points": 0.1})"),
                                                 problems, "lever");
    REQUIRE(lever.has_value());
    CHECK(lever->stages == std::vector<std::string>{"Active"});
    CHECK(lever->from_stage.empty());
    CHECK(lever->points == doctest::Approx(0.1));

    lever = lever_from_json(Json::parse(R"({"kind": "winback", "enabled": 1, "start_month": 1.5, "reason": 3,
                                            "winback_share": null, "cost_per_customer": "x"})"),
                            problems, "lever");
    CHECK_FALSE(lever.has_value());
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].where == "lever.enabled");
    CHECK(problems[1].where == "lever.start_month");
    CHECK(problems[2].where == "lever.reason");
    CHECK(problems[3].where == "lever.cost_per_customer");
}
