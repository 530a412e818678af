#include <doctest/doctest.h>

#include <algorithm>

#include "core/value/value_segmentation.h"

using namespace lcs;

TEST_CASE("RFM quintile scores put two of ten customers in each bin") {
    std::vector<RfmInput> customers;
    for (int i = 1; i <= 10; ++i) customers.push_back({double(i), double(i), double(i) * 10});
    const RfmCuts cuts = rfm_quantile_cuts(customers, 5);
    CHECK(cuts.frequency == std::vector<double>{2, 4, 6, 8});
    CHECK(cuts.recency == std::vector<double>{-9, -7, -5, -3});
    const std::vector<RfmScore> scores = rfm_scores(customers, cuts);
    // Customer 1: most recent (1 day), least frequent, lowest spend.
    CHECK(scores[0].recency == 5);
    CHECK(scores[0].frequency == 1);
    CHECK(scores[0].monetary == 1);
    CHECK(scores[0].code() == "511");
    CHECK(scores[2].frequency == 2);  // 3 > 2, not > 4
    CHECK(scores[9].recency == 1);
    CHECK(scores[9].total() == 11);
    int per_bin[6] = {};
    for (const RfmScore& s : scores) per_bin[s.frequency]++;
    for (int b = 1; b <= 5; ++b) CHECK(per_bin[b] == 2);
}

TEST_CASE("RFM cuts never split tied values") {
    std::vector<RfmInput> customers(8, RfmInput{5, 1, 20});
    customers.push_back({5, 7, 20});
    const RfmCuts cuts = rfm_quantile_cuts(customers, 5);
    CHECK(cuts.frequency == std::vector<double>{1});
    const std::vector<RfmScore> scores = rfm_scores(customers, cuts);
    CHECK(scores[0].frequency == 1);
    CHECK(scores[8].frequency == 2);
}

TEST_CASE("value concentration: top 20% share and Gini on hand-computed data") {
    // Sorted: 85, 10, 5, 0. The top 20% is 0.8 of one customer: 0.8·85 = 68 of 100.
    const ValueConcentration c = value_concentration({10, 0, 5, 85});
    CHECK(c.total_value == doctest::Approx(100));
    CHECK(c.top20_share == doctest::Approx(0.68));
    // Gini by the pairwise formula: Σ|xi−xj| / (2·n²·mean) = 520 / 800.
    CHECK(c.gini == doctest::Approx(0.65));
    REQUIRE(c.curve.size() == 5);
    CHECK(c.curve[1].customer_share == doctest::Approx(0.25));
    CHECK(c.curve[1].value_share == doctest::Approx(0.85));
    CHECK(c.curve.back().value_share == doctest::Approx(1.0));
}

TEST_CASE("value concentration of equal values is flat and of nothing is empty") {
    const ValueConcentration equal = value_concentration(std::vector<double>(10, 3.0));
    CHECK(equal.top20_share == doctest::Approx(0.2));
    CHECK(equal.gini == doctest::Approx(0.0).epsilon(1e-12));
    const ValueConcentration none = value_concentration({});
    CHECK(none.curve.size() == 1);
    CHECK(none.top20_share == 0);
}

TEST_CASE("20/60/20 tiers split exactly and sum the value") {
    std::vector<double> values;
    for (int i = 1; i <= 10; ++i) values.push_back(i);
    const std::vector<ValueTier> tiers = value_tiers(values);
    CHECK(tiers[9] == ValueTier::top);
    CHECK(tiers[8] == ValueTier::top);
    CHECK(tiers[7] == ValueTier::middle);
    CHECK(tiers[2] == ValueTier::middle);
    CHECK(tiers[1] == ValueTier::bottom);
    CHECK(tiers[0] == ValueTier::bottom);
    const auto summary = summarize_tiers(values, tiers);
    CHECK(summary[0].customers == 2);
    CHECK(summary[0].value == doctest::Approx(19));
    CHECK(summary[0].value_share == doctest::Approx(19.0 / 55));
    CHECK(summary[1].customers == 6);
    CHECK(summary[2].value == doctest::Approx(3));
    // Overlapping shares never assign a customer twice.
    const std::vector<ValueTier> all_top = value_tiers({1, 2, 3}, {0.9, 0.9});
    CHECK(std::count(all_top.begin(), all_top.end(), ValueTier::top) == 3);
}

TEST_CASE("value × loyalty quadrants at median thresholds") {
    CHECK(median_of({3, 1, 2}) == doctest::Approx(2));
    CHECK(median_of({4, 1, 3, 2}) == doctest::Approx(2.5));
    const std::vector<double> value{100, 100, 1, 1};
    const std::vector<double> loyalty{9, 0, 9, 0};
    const QuadrantThresholds t = median_thresholds(value, loyalty);
    CHECK(t.value == doctest::Approx(50.5));
    const auto q = value_loyalty_quadrants(value, loyalty, t);
    CHECK(q[0] == ValueLoyaltyQuadrant::champions);
    CHECK(q[1] == ValueLoyaltyQuadrant::butterflies);
    CHECK(q[2] == ValueLoyaltyQuadrant::barnacles);
    CHECK(q[3] == ValueLoyaltyQuadrant::strangers);
    CHECK(quadrant_strategy(q[0]).en.size() > 10);
    CHECK(quadrant_name(q[3]).zh.size() > 3);
}

TEST_CASE("value × loyalty quadrants: customers, value and value share per quadrant") {
    // Medians: value (30 + 10) / 2 = 20, loyalty (2 + 8) / 2 = 5.
    const std::vector<double> value{120, 80, 30, 10, 5, 5};
    const std::vector<double> loyalty{10, 2, 8, 9, 1, 0};
    const auto q = value_loyalty_quadrants(value, loyalty, median_thresholds(value, loyalty));
    const auto summary = summarize_quadrants(value, q);
    const QuadrantSummary& champions = summary[static_cast<size_t>(ValueLoyaltyQuadrant::champions)];
    const QuadrantSummary& butterflies = summary[static_cast<size_t>(ValueLoyaltyQuadrant::butterflies)];
    const QuadrantSummary& barnacles = summary[static_cast<size_t>(ValueLoyaltyQuadrant::barnacles)];
    const QuadrantSummary& strangers = summary[static_cast<size_t>(ValueLoyaltyQuadrant::strangers)];
    CHECK(champions.quadrant == ValueLoyaltyQuadrant::champions);
    CHECK(strangers.quadrant == ValueLoyaltyQuadrant::strangers);
    CHECK(champions.customers == 2);  // 120 / 10 and 30 / 8
    CHECK(champions.value == doctest::Approx(150));
    CHECK(champions.value_share == doctest::Approx(0.6));  // of 250
    CHECK(butterflies.customers == 1);
    CHECK(butterflies.value == doctest::Approx(80));
    CHECK(butterflies.value_share == doctest::Approx(0.32));
    CHECK(barnacles.customers == 1);
    CHECK(barnacles.value == doctest::Approx(10));
    CHECK(strangers.customers == 2);
    CHECK(strangers.value == doctest::Approx(10));
    CHECK(strangers.value_share == doctest::Approx(0.04));

    const auto none = summarize_quadrants({}, {});
    for (const QuadrantSummary& s : none) {
        CHECK(s.customers == 0);
        CHECK(s.value_share == 0);
    }
}
