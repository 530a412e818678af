// The planner's starting points (core/scenario/defaults.h): the main churn stage, the targets a new
// lever gets, and the example baseline for a workspace without customers.
#include <doctest/doctest.h>

#include "core/lifecycle/care_plans.h"
#include "core/scenario/defaults.h"
#include "core/scenario/projection.h"

using namespace lcs;

namespace {

// Trial (entry, 100 now, 20% churn: loses 20 a month), Paying (300 now, 5% churn: loses 15), Lost.
Baseline three_stage() {
    Baseline b;
    b.stages = {"Trial", "Paying", "Lost"};
    b.transition = {{0.5, 0.3, 0.2}, {0.0, 0.95, 0.05}, {0.0, 0.0, 1.0}};
    b.churned = {false, false, true};
    b.margin = {0, 10, 0};
    b.servicing_cost = {0, 0, 0};
    b.start_customers = {100, 300, 0};
    b.entry_stage = 0;
    b.churn_reasons = {{"price", 0.25, 0.3}, {"service", 0.75, 0.1}};
    return b;
}

}  // namespace

TEST_CASE("main_churn_stage: the stay stage losing the most customers to churn a month") {
    Baseline b = three_stage();
    CHECK(main_churn_stage(b) == "Trial");  // 100 × 0.2 = 20 > 300 × 0.05 = 15
    b.start_customers = {50, 300, 0};       // 10 < 15
    CHECK(main_churn_stage(b) == "Paying");
    b.transition = {{0.7, 0.3, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};  // nothing churns: the largest stay stage
    CHECK(main_churn_stage(b) == "Paying");
    b.start_customers = {300, 300, 0};  // equal loss and size: the earlier stage
    CHECK(main_churn_stage(b) == "Trial");
    b.churned = {true, true, true};
    CHECK(main_churn_stage(b).empty());
}

TEST_CASE("default_lever fills each kind's targets from the baseline and changes nothing") {
    const Baseline b = three_stage();
    Lever retention = default_lever(LeverKind::retention, b);
    CHECK(retention.stages == std::vector<std::string>{"Trial"});
    CHECK(retention.points == 0);

    Lever conversion = default_lever(LeverKind::conversion, b);
    CHECK(conversion.from_stage == "Trial");  // the entry stage
    CHECK(conversion.to_stage == "Paying");   // the first other stay stage

    Lever winback = default_lever(LeverKind::winback, b);
    CHECK(winback.reason == "service");  // 75% of churned
    CHECK(winback.to_stage == "Trial");
    CHECK(winback.contact_rate == 0);

    Lever care = default_lever(LeverKind::care_plan, b);
    CHECK(care.plan == care_plans().front().id);
    CHECK(care.stages == std::vector<std::string>{"Trial", "Paying"});

    Lever acquisition = default_lever(LeverKind::acquisition, b);
    CHECK_FALSE(acquisition.cost_per_customer.has_value());  // the channels' average
    CHECK(acquisition.volume_change == 0);

    Lever price = default_lever(LeverKind::price, b);
    CHECK(price.stages.empty());
    CHECK(price.margin_change == 0);

    for (LeverKind kind : kAllLeverKinds) {
        CAPTURE(lever_kind_id(kind));
        Problems problems;
        CHECK(validate_lever(default_lever(kind, b), b, problems, "lever"));
        CHECK(problems.empty());
    }
}

TEST_CASE("default_lever: an invalid entry index falls back to the main churn stage") {
    Baseline b = three_stage();
    b.entry_stage = 7;
    Lever conversion = default_lever(LeverKind::conversion, b);
    CHECK(conversion.from_stage == "Trial");
    CHECK(conversion.to_stage == "Paying");
}

TEST_CASE("example_baseline_inputs: a valid four-stage chain with the churn reasons split evenly") {
    ChurnReason late;
    late.id = "late";
    late.winback_share = 0.5;
    ChurnReason moved;
    moved.id = "moved";
    moved.winback_share = 0.1;
    Json inputs = example_baseline_inputs({late, moved});

    Baseline b;
    Problems problems;
    apply_baseline_json(b, inputs, problems, "baseline");
    REQUIRE(problems.empty());
    REQUIRE(validate_baseline(b, problems));
    CHECK(b.stages == std::vector<std::string>{"New", "Active", "At risk", "Churned"});
    CHECK(b.churned == std::vector<bool>{false, false, false, true});
    CHECK(b.entry_stage == 0);
    CHECK(b.new_customers_per_month == doctest::Approx(150));
    CHECK(average_acquisition_cost(b) == doctest::Approx(40));
    CHECK(b.horizon_months == 36);
    REQUIRE(b.churn_reasons.size() == 2);
    CHECK(b.churn_reasons[0].id == "late");
    CHECK(b.churn_reasons[0].share_of_churned == doctest::Approx(0.5));
    CHECK(b.churn_reasons[0].winback_share == doctest::Approx(0.5));
    CHECK(b.churn_reasons[1].winback_share == doctest::Approx(0.1));
    // Losses a month: New 200 × 0.10 = 20, Active 1000 × 0.05 = 50, At risk 300 × 0.25 = 75.
    CHECK(main_churn_stage(b) == "At risk");
    std::optional<Projection> p = project(b, {}, problems);
    CHECK(p.has_value());
}

TEST_CASE("example_baseline_inputs: no reasons given means the default catalogue") {
    Json inputs = example_baseline_inputs({});
    REQUIRE(inputs["churn_reasons"].size() == default_churn_reasons().size());
    double total = 0;
    for (const Json& r : inputs["churn_reasons"]) total += r["share_of_churned"].get<double>();
    CHECK(total == doctest::Approx(1.0));
    CHECK(inputs["churn_reasons"][0]["id"] == default_churn_reasons()[0].id);
}

TEST_CASE("stay_stages: every stage that is not a churn stage, in order") {
    Baseline b = three_stage();
    CHECK(stay_stages(b) == std::vector<std::string>{"Trial", "Paying"});
    b.churned = {false, true, false};
    CHECK(stay_stages(b) == std::vector<std::string>{"Trial", "Lost"});
}
