// The care-plan catalog (core/lifecycle/care_plans.h) is the one list of care plans: the ids a
// care_plan lever saves are catalog ids, every plan is named in both languages, and the scenario
// explanations show the catalog's names.
#include <doctest/doctest.h>

#include <set>

#include "core/lifecycle/care_plans.h"
#include "core/scenario/defaults.h"
#include "core/scenario/explain.h"

using namespace lcs;

namespace {

bool in_catalog(const std::string& id) {
    for (const CarePlan& plan : care_plans())
        if (plan.id == id) return true;
    return false;
}

Baseline two_stage() {
    Baseline b;
    b.stages = {"Active", "Churned"};
    b.transition = {{0.9, 0.1}, {0, 1}};
    b.churned = {false, true};
    b.margin = {10, 0};
    b.servicing_cost = {0, 0};
    b.start_customers = {100, 0};
    return b;
}

}  // namespace

TEST_CASE("care plans: one catalog, unique ids, both languages") {
    const std::vector<CarePlan> plans = care_plans();
    REQUIRE(plans.size() == 5);
    std::set<std::string> ids;
    for (const CarePlan& plan : plans) {
        CAPTURE(plan.id);
        CHECK_FALSE(plan.id.empty());
        CHECK(ids.insert(plan.id).second);
        CHECK_FALSE(plan.name.en.empty());
        CHECK_FALSE(plan.name.zh.empty());
        CHECK(plan.name.zh != plan.name.en);
        CHECK_FALSE(plan.measure.en.empty());
        CHECK_FALSE(plan.measure.zh.empty());
        CHECK(plan.measure.zh != plan.measure.en);
    }
    // the ids saved workspaces use (docs/scenarios.md, docs/lifecycle-models.md)
    CHECK(ids == std::set<std::string>{"birthday", "member_day", "follow_up", "holiday", "loyalty_points"});
}

TEST_CASE("care plans: every lever care-plan id is in the catalog") {
    const Baseline b = two_stage();
    CHECK(in_catalog(default_lever(LeverKind::care_plan, b).plan));

    // a saved lever (the workspace format) names its plan by catalog id
    Problems problems;
    const Json saved = Json::parse(R"({"kind": "care_plan", "plan": "follow_up", "stages": ["Active"],
                                       "points": 0.02, "cost_per_customer": 1})");
    const std::optional<Lever> parsed = lever_from_json(saved, problems, "lever");
    REQUIRE(parsed);
    CHECK(problems.empty());
    CHECK(in_catalog(parsed->plan));

    // every catalog id is a valid lever plan and is written back unchanged
    for (const CarePlan& plan : care_plans()) {
        CAPTURE(plan.id);
        Lever lever = default_lever(LeverKind::care_plan, b);
        lever.plan = plan.id;
        lever.points = 0.02;
        Problems found;
        CHECK(validate_lever(lever, b, found, "lever"));
        const std::optional<Lever> back = lever_from_json(lever_to_json(lever), found, "lever");
        REQUIRE(back);
        CHECK(back->plan == plan.id);
        CHECK(found.empty());
    }
}

TEST_CASE("care plans: the scenario explanations show the catalog's names") {
    for (const CarePlan& plan : care_plans()) {
        CAPTURE(plan.id);
        CHECK(care_plan_title(plan.id, Lang::en) == plan.name.en);
        CHECK(care_plan_title(plan.id, Lang::zh) == plan.name.zh);
    }
    CHECK(care_plan_title("custom", Lang::zh) == "custom");
}
