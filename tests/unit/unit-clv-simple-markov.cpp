#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/markov_clv.h"
#include "core/clv/simple_clv.h"

using namespace lcs::clv;

TEST_CASE("simple clv: closed forms, finite sums and limits") {
    SimpleClvInput in;
    in.margin = 100;
    in.retention = 0.8;
    in.discount = 0.1;
    // End of period: m·r/(1+d−r) = 100·0.8/0.3.
    CHECK(simple_clv(in).clv == doctest::Approx(80.0 / 0.3));
    in.timing = MarginTiming::start_of_period;  // m·(1+d)/(1+d−r) = 110/0.3
    CHECK(simple_clv(in).clv == doctest::Approx(110.0 / 0.3));
    // Finite horizon 3, start of period: 100·(1 + 0.8/1.1 + 0.64/1.21).
    in.horizon = 3;
    CHECK(simple_clv(in).clv == doctest::Approx(100 * (1 + 0.8 / 1.1 + 0.64 / 1.21)));
    in.timing = MarginTiming::end_of_period;  // 100·(0.8/1.1 + 0.64/1.21 + 0.512/1.331)
    CHECK(simple_clv(in).clv == doctest::Approx(100 * (0.8 / 1.1 + 0.64 / 1.21 + 0.512 / 1.331)));
    in.acquisition_cost = 50;
    CHECK(simple_clv(in).net_clv == doctest::Approx(simple_clv(in).clv - 50));
    CHECK(customer_equity(simple_clv(in).clv, 1000) == doctest::Approx(1000 * simple_clv(in).clv));
    // Series by horizon: 0, then growing to the finite sums.
    const auto series = simple_clv_by_horizon(in, 3);
    REQUIRE(series.size() == 4);
    CHECK(series[0] == 0);
    CHECK(series[1] == doctest::Approx(100 * 0.8 / 1.1));
    CHECK(series[3] == doctest::Approx(simple_clv(in).clv));

    SimpleClvInput zero;  // r = 0: nothing after the first period
    zero.margin = 100;
    zero.retention = 0;
    zero.discount = 0.1;
    CHECK(simple_clv(zero).clv == 0);
    zero.timing = MarginTiming::start_of_period;
    CHECK(simple_clv(zero).clv == 100);

    SimpleClvInput forever;  // r = 1
    forever.margin = 10;
    forever.retention = 1;
    forever.discount = 0.05;
    CHECK(simple_clv(forever).clv == doctest::Approx(10 / 0.05));  // m·1/(1+d−1)
    forever.discount = 0;
    const SimpleClvResult infinite = simple_clv(forever);
    REQUIRE(infinite.problem);
    CHECK(infinite.problem->kind == "clv.not_finite");
    forever.horizon = 12;
    CHECK(simple_clv(forever).clv == 120);

    SimpleClvInput bad;
    bad.retention = 80;  // a percentage, not a fraction
    CHECK(simple_clv(bad).problem->kind == "clv.bad_input");
}

TEST_CASE("markov clv: Pfeifer & Carraway sums, inverse, absorbing churn, one stage") {
    // One stage with retention 0.8, d = 0.1: V = R/(1 − 0.8/1.1) (start-of-period simple CLV).
    const auto one = markov_clv({{0.8}}, {100}, 0.1, std::nullopt);
    REQUIRE_FALSE(one.problem);
    CHECK(one.values[0] == doctest::Approx(100 / (1 - 0.8 / 1.1)));
    // Horizon T = 2: R + P/(1+d) R + (P/(1+d))^2 R.
    const auto two = markov_clv({{0.8}}, {100}, 0.1, 2);
    CHECK(two.values[0] == doctest::Approx(100 * (1 + 0.8 / 1.1 + 0.64 / 1.21)));
    CHECK(markov_clv({{0.8}}, {100}, 0.1, 0).values[0] == 100);

    // Active / lapsed / churned (absorbing, margin 0), by hand with d = 0.1.
    const Matrix P = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0, 0, 1}};
    const std::vector<double> R = {50, 10, 0};
    const auto inf = markov_clv(P, R, 0.1, std::nullopt);
    REQUIRE_FALSE(inf.problem);
    // Solve (I − P/1.1) V = R for the first two stages by hand (V_churn = 0):
    //   (1 − 0.7/1.1) V1 − (0.2/1.1) V2 = 50;  −(0.3/1.1) V1 + (1 − 0.4/1.1) V2 = 10.
    const double a11 = 1 - 0.7 / 1.1, a12 = -0.2 / 1.1, a21 = -0.3 / 1.1, a22 = 1 - 0.4 / 1.1;
    const double det = a11 * a22 - a12 * a21;
    CHECK(inf.values[0] == doctest::Approx((50 * a22 - a12 * 10) / det));
    CHECK(inf.values[1] == doctest::Approx((a11 * 10 - a21 * 50) / det));
    CHECK(inf.values[2] == 0);
    // The finite horizon approaches the infinite value.
    CHECK(markov_clv(P, R, 0.1, 400).values[0] == doctest::Approx(inf.values[0]).epsilon(1e-9));
    // d = 0 with absorbing churn is still finite (everyone eventually leaves) ...
    const auto undiscounted = markov_clv(P, R, 0, std::nullopt);
    REQUIRE_FALSE(undiscounted.problem);
    CHECK(markov_clv(P, R, 0, 5000).values[0] == doctest::Approx(undiscounted.values[0]).epsilon(1e-9));
    // ... but a closed chain without discounting is not.
    const auto closed = markov_clv({{0.5, 0.5}, {0.5, 0.5}}, {1, 1}, 0, std::nullopt);
    REQUIRE(closed.problem);
    CHECK(closed.problem->kind == "clv.singular");
    CHECK(markov_clv({{0.5, 0.6}, {0, 1}}, {1, 0}, 0.1, std::nullopt).problem->kind == "clv.bad_input");
    CHECK(markov_clv({{1}}, {1, 2}, 0.1, std::nullopt).problem->kind == "clv.bad_input");
}
