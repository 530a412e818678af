// Glue behind the CLV views: holdout table, tracking plot, frequency-recency grid, histogram, sBG
// cohort counts and per-customer sBG / simple-formula values. Hand-computed answers.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/clv/clv_diagnostics.h"
#include "core/clv/cohort_clv.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

CountParams cdnow_bgnbd() {
    CountParams p;
    p.model = CountModel::bgnbd;
    p.bgnbd = {0.243, 4.414, 0.793, 2.426};
    return p;
}

CustomerRfm rfm(int x, double t_x, double T, int holdout_x) {
    CustomerRfm c;
    c.x = x;
    c.t_x = t_x;
    c.T = T;
    c.holdout_x = holdout_x;
    return c;
}

CustomerEvents events(const char* id, std::vector<int> days, double amount = 100) {
    CustomerEvents c;
    c.id = id;
    for (int d : days) c.purchases.push_back({Date{d}, amount});
    return c;
}

}  // namespace

TEST_CASE("calibration vs holdout groups by calibration purchases with a 7+ group") {
    // Hardie's worked example: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks.
    std::vector<CustomerRfm> customers = {rfm(2, 30.43, 38.86, 1), rfm(2, 30.43, 38.86, 3), rfm(9, 30, 38, 4),
                                          rfm(12, 35, 38, 6)};
    const auto groups = calibration_vs_holdout(cdnow_bgnbd(), customers, 39, 7);
    REQUIRE(groups.size() == 8);
    CHECK(groups[0].customers == 0);
    CHECK(groups[0].actual == 0);
    CHECK(groups[2].customers == 2);
    CHECK(groups[2].actual == doctest::Approx(2.0));
    CHECK(groups[2].predicted == doctest::Approx(1.226).epsilon(0.001));
    CHECK(groups[7].open_ended);
    CHECK_FALSE(groups[6].open_ended);
    CHECK(groups[7].x == 7);
    CHECK(groups[7].customers == 2);
    CHECK(groups[7].actual == doctest::Approx(5.0));
    CHECK(groups[7].predicted > groups[2].predicted);
}

TEST_CASE("purchase tracking: actual repeat purchases and the model's unconditional expectation") {
    // Pareto/NBD with r = alpha = beta = 1, s = 2: E[X(t)] = t / (1 + t).
    CountParams p;
    p.model = CountModel::pareto_nbd;
    p.pareto_nbd = {1, 1, 2, 1};
    std::vector<CustomerEvents> customers = {
        events("A", {0, 3, 10}),
        events("B", {7, 14, 14}),  // same-day purchases merge into one
        events("C", {8, 9}),       // first purchase after calibration: not in the population
    };
    const PurchaseTracking t = purchase_tracking(p, customers, Date{7}, Date{21}, PeriodUnit::week);
    REQUIRE(t.dates.size() == 3);
    CHECK(t.dates[0].days == 7);
    CHECK(t.dates[2].days == 21);
    CHECK(t.actual == std::vector<double>{1, 3, 3});
    CHECK(t.predicted[0] == doctest::Approx(0.5));
    CHECK(t.predicted[1] == doctest::Approx(2.0 / 3 + 0.5));
    CHECK(t.predicted[2] == doctest::Approx(0.75 + 2.0 / 3));
    CHECK(purchase_tracking(p, customers, Date{-5}, Date{21}, PeriodUnit::week).dates.empty());
}

TEST_CASE("frequency-recency grid: P(alive) closed form and impossible cells") {
    const FrequencyRecencyGrid g = frequency_recency_grid(cdnow_bgnbd(), 3, 38.86, 5, 39);
    REQUIRE(g.x.size() == 4);
    REQUIRE(g.t_x.size() == 5);
    CHECK(g.t_x.back() == doctest::Approx(38.86));
    CHECK(g.p_alive[0][0] == doctest::Approx(1.0));
    CHECK(std::isnan(g.p_alive[0][1]));
    CHECK(std::isnan(g.expected[0][4]));
    // x = 1 bought at the very end (t_x = T): P(alive) = 1 / (1 + a / b).
    CHECK(g.p_alive[1][4] == doctest::Approx(0.753650).epsilon(1e-5));
    // More recent purchases mean more likely alive and more purchases to come.
    for (int x = 1; x <= 3; ++x)
        for (size_t k = 1; k < g.t_x.size(); ++k) {
            CHECK(g.p_alive[x][k] >= g.p_alive[x][k - 1]);
            CHECK(g.expected[x][k] >= g.expected[x][k - 1]);
        }
}

TEST_CASE("histogram clips the long tail at a quantile and ignores non-finite values") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Histogram h = histogram({1, 2, 3, 4, 100, nan}, 4, 0.8);
    REQUIRE(h.edges.size() == 5);
    CHECK(h.edges.front() == 1);
    CHECK(h.edges.back() == 4);
    CHECK(h.edges[1] == doctest::Approx(1.75));
    CHECK(h.counts == std::vector<int>{1, 1, 1, 1});
    CHECK(h.above == 1);
    const Histogram all = histogram({5, 5, 5}, 3);
    CHECK(all.counts[0] == 3);
    CHECK(histogram({nan}, 3).edges.empty());
}

TEST_CASE("sBG cohort counts: customers alive at the start of each month") {
    std::vector<CustomerEvents> customers = {
        events("A", {0, 30, 61, 91, 122}),  // monthly payer: renewed through period 4
        events("B", {10}),                  // paid once
        events("C", {100, 131}),            // renewed once
        events("D", {350}),                 // too recent for a 3-month cohort
        events("E", {500}),                 // after as_of
    };
    const CohortCounts c = sbg_cohort_counts(customers, PeriodUnit::month, Date{400}, 3);
    CHECK(c.first_day_limit.days == 308);
    CHECK(c.cohort == 3);
    CHECK(c.alive == std::vector<double>{3, 2, 1, 1});
}

TEST_CASE("observed period retention: bought in the previous period and again in the last") {
    std::vector<CustomerEvents> customers = {events("A", {90, 95}), events("B", {88}), events("C", {97}),
                                             events("D", {93, 100})};
    const auto r = observed_period_retention(customers, PeriodUnit::week, Date{100});
    REQUIRE(r.has_value());
    CHECK(*r == doctest::Approx(2.0 / 3));
    CHECK_FALSE(observed_period_retention(customers, PeriodUnit::week, Date{10}).has_value());
}

TEST_CASE("sBG customer values: residual value from the next renewal on, churned customers at 0") {
    const SbgParams regular{0.704, 1.182};
    std::vector<CustomerEvents> customers = {events("alive", {0, 30}), events("gone", {0})};
    CohortClvSettings s;
    s.unit = PeriodUnit::month;
    s.as_of = Date{40};
    s.horizon = 2;
    s.discount = 0.1;
    s.margin = 0.5;
    const auto rows = sbg_customer_clvs(regular, customers, s);
    REQUIRE(rows.size() == 2);
    // One renewal made (n = 2), mean payment 100: 0.5·100·(r(2) + r(2)·r(3)/1.1).
    CHECK(rows[0].p_alive == 1);
    CHECK(rows[0].expected_spend == doctest::Approx(100));
    CHECK(rows[0].clv == doctest::Approx(65.94377).epsilon(1e-6));
    CHECK(rows[0].expected_purchases == doctest::Approx(0.756064 + 0.756064 * 0.818837).epsilon(1e-5));
    CHECK(rows[1].p_alive == 0);
    CHECK(rows[1].clv == 0);
    s.horizon.reset();
    const auto infinite = sbg_customer_clvs(regular, customers, s);
    CHECK(infinite[0].clv == doctest::Approx(0.5 * 100 * *sbg_derl(regular, 0.1, 2)));
}

TEST_CASE("simple formula per customer: spend per period times m·r/(1+d−r)") {
    std::vector<CustomerEvents> customers = {events("A", {0, 14}, 60)};
    CohortClvSettings s;
    s.unit = PeriodUnit::week;
    s.as_of = Date{28};  // four weeks: 120 / 4 = 30 per week
    s.discount = 0.1;
    s.margin = 0.5;
    const auto rows = simple_customer_clvs(customers, 0.8, s);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].expected_spend == doctest::Approx(30));
    CHECK(rows[0].clv == doctest::Approx(0.5 * 30 * 0.8 / 0.3));
    CHECK(std::isnan(rows[0].p_alive));
    CHECK(simple_customer_clvs(customers, 1.5, s).empty());
}
