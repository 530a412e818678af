// Scenario comparison, ROI, retention monotonicity on seeded random chains, and the tornado.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/scenario/compare.h"
#include "core/scenario/sensitivity.h"

using namespace lcs;

namespace {

Baseline two_stage(int horizon = 2, double discount = 0) {
    Baseline b;
    b.stages = {"Active", "Churned"};
    b.transition = {{0.8, 0.2}, {0.0, 1.0}};
    b.churned = {false, true};
    b.margin = {10, 0};
    b.servicing_cost = {0, 0};
    b.start_customers = {100, 0};
    b.discount_rate_monthly = discount;
    b.horizon_months = horizon;
    return b;
}

Lever retention(const std::string& stage, double points, double cost) {
    Lever lever;
    lever.kind = LeverKind::retention;
    lever.stages = {stage};
    lever.points = points;
    lever.cost_per_customer = cost;
    return lever;
}

// Uniform in [0, 1) from mt19937's exactly specified output (distributions differ between libraries).
double uniform(std::mt19937& rng) {
    return static_cast<double>(rng()) / 4294967296.0;
}

// Stages 0..n-2 are live, n-1 is an absorbing churn stage; margins at least cover servicing.
Baseline random_baseline(std::mt19937& rng) {
    const size_t n = 3 + rng() % 4;
    Baseline b;
    for (size_t i = 0; i < n; ++i) b.stages.push_back("S" + std::to_string(i));
    b.churned.assign(n, false);
    b.churned[n - 1] = true;
    b.transition.assign(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i + 1 < n; ++i) {
        double sum = 0;
        for (size_t j = 0; j < n; ++j) sum += (b.transition[i][j] = uniform(rng) + 0.01);
        for (size_t j = 0; j < n; ++j) b.transition[i][j] /= sum;
    }
    b.transition[n - 1][n - 1] = 1;
    b.margin.assign(n, 0.0);
    b.servicing_cost.assign(n, 0.0);
    b.start_customers.assign(n, 0.0);
    for (size_t i = 0; i + 1 < n; ++i) {
        b.servicing_cost[i] = 5 * uniform(rng);
        b.margin[i] = b.servicing_cost[i] + 50 * uniform(rng);
        b.start_customers[i] = std::floor(1000 * uniform(rng));
    }
    b.new_customers_per_month = std::floor(100 * uniform(rng));
    b.entry_stage = static_cast<int>(rng() % (n - 1));
    b.discount_rate_monthly = 0.02 * uniform(rng);
    b.horizon_months = 12 + static_cast<int>(rng() % 49);
    return b;
}

}  // namespace

TEST_CASE("ROI of a retention lever, by hand") {
    // without: margin 800 + 640 = 1440; with 0.1 points: 900 + 810 = 1710; lever cost 100 + 90 = 190.
    // ROI = (270 - 190) / 190
    Problems problems;
    const std::vector<LeverRoi> rois = lever_rois(two_stage(), {retention("Active", 0.1, 1.0)}, problems);
    REQUIRE(rois.size() == 1);
    CHECK(rois[0].incremental_pv_margin == doctest::Approx(270));
    CHECK(rois[0].incremental_pv_cost == doctest::Approx(190));
    CHECK(rois[0].incremental_equity == doctest::Approx(80));
    REQUIRE(rois[0].roi.has_value());
    CHECK(*rois[0].roi == doctest::Approx(80.0 / 190.0));
    // A free lever has no ROI (nothing spent).
    CHECK_FALSE(lever_rois(two_stage(), {retention("Active", 0.1, 0.0)}, problems)[0].roi.has_value());
}

TEST_CASE("compare up to four scenarios against the baseline") {
    const Baseline b = two_stage(36, 0.01);
    Scenario keep{"Keep", "", {retention("Active", 0.1, 1.0)}, Json::object(), Json::object()};
    Scenario price{"Price", "", {}, Json::object(), Json::object()};
    Lever up;
    up.kind = LeverKind::price;
    up.margin_change = 0.1;
    price.levers = {up};
    Scenario short_run{"Short", "", {}, Json::parse(R"({"horizon_months": 6})"), Json::object()};
    Problems problems;
    const std::optional<Comparison> c = compare_scenarios(b, {keep, price, short_run}, problems);
    REQUIRE(c.has_value());
    REQUIRE(c->scenarios.size() == 3);
    const KeyFigures& base = c->baseline_figures;
    // Baseline cumulative margin of 12 months: 10 * 100 * sum_{t=1..12} 0.8^t = 4000 * (1 - 0.8^12)
    CHECK(*base.margin_12 == doctest::Approx(4000 * (1 - std::pow(0.8, 12))));
    CHECK(base.customers_at_horizon[0] == doctest::Approx(100 * std::pow(0.8, 36)));
    CHECK_FALSE(base.roi.has_value());
    const ScenarioColumn& k = c->scenarios[0];
    CHECK(k.equity_difference == doctest::Approx(k.figures.customer_equity - base.customer_equity));
    CHECK(*k.margin_24_difference == doctest::Approx(*k.figures.margin_24 - *base.margin_24));
    CHECK(k.customers_difference[0] > 0);
    CHECK(k.lever_cost_difference == doctest::Approx(k.figures.total_lever_cost));
    REQUIRE(k.figures.roi.has_value());
    REQUIRE(k.lever_rois.size() == 1);
    CHECK(*k.lever_rois[0].roi == doctest::Approx(*k.figures.roi));  // one lever: the same thing
    // A price rise with no volume effect adds exactly 10% of the margin and costs nothing.
    const ScenarioColumn& p = c->scenarios[1];
    CHECK(*p.margin_36_difference == doctest::Approx(0.1 * *base.margin_36));
    CHECK(p.equity_difference == doctest::Approx(0.1 * base.customer_equity));
    CHECK_FALSE(p.figures.roi.has_value());
    // Overrides shorten the horizon: no 12-month figure.
    CHECK_FALSE(c->scenarios[2].figures.margin_12.has_value());
    CHECK_FALSE(c->scenarios[2].margin_12_difference.has_value());

    problems.clear();
    CHECK_FALSE(compare_scenarios(b, {keep, keep, keep, keep, keep}, problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "scenario.too_many");

    problems.clear();
    Scenario broken{"Broken", "", {retention("Gone", 0.1, 0)}, Json::object(), Json::object()};
    CHECK_FALSE(compare_scenarios(b, {keep, broken}, problems).has_value());
    REQUIRE(!problems.empty());
    CHECK(problems[0].where == "scenario \"Broken\" levers[0].stages[0]");
}

TEST_CASE("a free retention lever never lowers equity (seeded random chains)") {
    std::mt19937 rng(20240611u);
    for (int trial = 0; trial < 40; ++trial) {
        const Baseline b = random_baseline(rng);
        const size_t stage = rng() % (b.stages.size() - 1);
        const double points = uniform(rng) * 0.3;
        Problems problems;
        const std::optional<Projection> without = project(b, {}, problems);
        const std::optional<Projection> with = project(b, {retention(b.stages[stage], points, 0.0)}, problems);
        REQUIRE(without.has_value());
        REQUIRE(with.has_value());
        CAPTURE(trial);
        CHECK(with->customer_equity >= without->customer_equity - 1e-9 * std::fabs(without->customer_equity));
        // and more retention is never worse than less
        const std::optional<Projection> more = project(b, {retention(b.stages[stage], points + 0.1, 0.0)}, problems);
        REQUIRE(more.has_value());
        CHECK(more->customer_equity >= with->customer_equity - 1e-9 * std::fabs(with->customer_equity));
    }
}

TEST_CASE("tornado: sorted by swing, linear inputs symmetric") {
    Baseline b = two_stage(24, 0.01);
    b.servicing_cost = {2, 0};
    b.new_customers_per_month = 20;
    b.channels = {{"ads", 1.0, 15}};
    Lever keep = retention("Active", 0.05, 0.5);
    Problems problems;
    const std::optional<Tornado> t = sensitivity(b, {keep}, problems);
    REQUIRE(t.has_value());
    CHECK(t->base_equity == doctest::Approx(project(b, {keep}, problems)->customer_equity));
    REQUIRE(t->bars.size() >= 7);
    for (size_t i = 1; i < t->bars.size(); ++i) CHECK(t->bars[i - 1].swing >= t->bars[i].swing);
    auto find = [&](const std::string& id) -> const TornadoBar& {
        for (const TornadoBar& bar : t->bars)
            if (bar.id == id) return bar;
        FAIL("no bar " << id);
        return t->bars[0];
    };
    // Equity is linear in margin, new customers and lever costs: ±10% moves it equally both ways.
    for (const char* id : {"margin:Active", "new_customers", "servicing_cost", "acquisition_cost",
                           "lever[0].cost_per_customer"}) {
        CAPTURE(id);
        const TornadoBar& bar = find(id);
        CHECK(bar.equity_high - t->base_equity == doctest::Approx(t->base_equity - bar.equity_low));
        CHECK(bar.swing > 0);
    }
    // Margin: d equity / d margin = discounted active customer-months, so swing = 2 × 10% × margin part.
    const TornadoBar& margin = find("margin:Active");
    CHECK(margin.low_value == doctest::Approx(9));
    CHECK(margin.high_value == doctest::Approx(11));
    CHECK(margin.equity_high > margin.equity_low);
    // Higher discount rate, lower equity; better retention, higher equity.
    const TornadoBar& rate = find("discount_rate");
    CHECK(rate.equity_low > rate.equity_high);
    const TornadoBar& retain = find("retention:Active");
    // churn with the lever is 0.2 in the baseline input: retention 0.8 -> 0.78 .. 0.82
    CHECK(retain.base_value == doctest::Approx(0.8));
    CHECK(retain.low_value == doctest::Approx(0.78));
    CHECK(retain.high_value == doctest::Approx(0.82));
    CHECK(retain.equity_high > retain.equity_low);
    // Zero inputs are skipped: the churn stage has no margin.
    for (const TornadoBar& bar : t->bars) CHECK(bar.id != "margin:Churned");

    problems.clear();
    CHECK_FALSE(sensitivity(b, {keep}, problems, 1.5).has_value());
    CHECK(problems.at(0).kind == "scenario.bad_delta");
}
