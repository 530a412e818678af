// BG/BB (Fader, Hardie & Shang 2010) on the donations data (tests/data/donations.csv), its
// conditional expectations against a brute-force computation, and grouping dated purchases into
// opportunities.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "core/clv/bgbb.h"
#include "core/clv/bgbb_data.h"
#include "core/clv/special_functions.h"
#include "unit-clv-helpers.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

std::vector<BgBbRow> donations() {
    BgBbCsv csv = parse_bgbb_csv(clv_test::read_text("donations.csv"));
    REQUIRE_FALSE(csv.problem.has_value());
    REQUIRE(csv.rows.size() == 22);
    return csv.rows;
}

// Nodes of a tanh-sinh quadrature for E[h(u)], u ~ beta(a, b): the density's endpoint
// singularities are integrable and the nodes cluster there; u and 1 − u are computed from their
// logs so nodes next to 1 keep their precision. weight includes the beta density.
struct Node {
    double u, one_minus_u, weight;
};

std::vector<Node> beta_nodes(double a, double b) {
    const double step = 1.0 / 32, pi = 3.14159265358979323846;
    std::vector<Node> nodes;
    for (int k = -6 * 32; k <= 6 * 32; ++k) {
        const double t = k * step, s = pi / 2 * std::sinh(t);
        const double log_u = -std::log1p(std::exp(-2 * s)), log_v = -std::log1p(std::exp(2 * s));
        const double log_w = std::log(step * pi * std::cosh(t)) + log_u + log_v + (a - 1) * log_u + (b - 1) * log_v -
                             log_beta(a, b);
        if (std::isfinite(log_w) && log_w > -700) nodes.push_back({std::exp(log_u), std::exp(log_v), std::exp(log_w)});
    }
    return nodes;
}

// What the model says about one customer, computed without the paper's formulas: for each (p, θ)
// a forward pass over opportunities 1..n of one sequence with x transactions, the last at t_x
// (every such sequence has the same probability), tracking the mass alive and matching so far and
// the mass that died after the last transaction; then integrated over the beta mixing distributions.
struct BruteForce {
    double likelihood = 0, alive = 0, expected = 0, dert = 0;
};

BruteForce brute_force(const BgBbParams& prm, int x, int t_x, int n, int m, double d) {
    const std::vector<Node> p_nodes = beta_nodes(prm.alpha, prm.beta), theta_nodes = beta_nodes(prm.gamma, prm.delta);
    double like = 0, alive_next = 0, expected = 0, dert = 0;
    for (const Node& th : theta_nodes) {
        const double q = th.one_minus_u;  // survival to the next opportunity
        double future = 0, qi = 1;
        for (int i = 1; i <= m; ++i) future += (qi *= q);
        for (const Node& pn : p_nodes) {
            double alive = 1, dead = 0;
            for (int t = 1; t <= n; ++t) {
                if (t > t_x) dead += alive * th.u;  // died before opportunity t, nothing bought since
                const bool buys = x > 0 && (t == t_x || t <= x - 1);
                alive *= q * (buys ? pn.u : pn.one_minus_u);
            }
            const double w = th.weight * pn.weight;
            like += w * (alive + dead);
            alive_next += w * alive * q;
            expected += w * alive * pn.u * future;
            dert += w * alive * pn.u * q / (1 + d - q);
        }
    }
    return {like, alive_next / like, expected / like, dert / like};
}

}  // namespace

TEST_CASE("BG/BB reproduces the published donations fit (Fader, Hardie & Shang 2010)") {
    const std::vector<BgBbRow> rows = donations();
    double donors = 0;
    for (const BgBbRow& r : rows) donors += r.weight;
    CHECK(donors == 11104);
    const FitResult fit = fit_bgbb(rows);
    REQUIRE(fit.ok());
    CHECK(fit.converged);
    CHECK(fit.model == "bgbb");
    CHECK(fit.names == std::vector<std::string>{"alpha", "beta", "gamma", "delta"});
    const BgBbParams p = bgbb_params(fit);
    CHECK(p.alpha == doctest::Approx(1.204).epsilon(0.0005 / 1.204));
    CHECK(p.beta == doctest::Approx(0.750).epsilon(0.0005 / 0.750));
    CHECK(p.gamma == doctest::Approx(0.657).epsilon(0.0005 / 0.657));
    CHECK(p.delta == doctest::Approx(2.783).epsilon(0.0005 / 2.783));
    CHECK(std::fabs(fit.log_likelihood - (-33225.6)) < 0.05);
    CHECK(fit.std_errors.size() == 4);
    // The analytic gradient vanishes at the optimum and matches central differences elsewhere.
    std::vector<double> grad;
    bgbb_log_likelihood(p, rows, &grad);
    for (double g : grad) CHECK(std::fabs(g) < 1e-3);
    const BgBbParams off{1.5, 0.6, 0.8, 2.0};
    bgbb_log_likelihood(off, rows, &grad);
    const double h = 1e-6;
    const double numeric_alpha = (bgbb_log_likelihood({1.5 + h, 0.6, 0.8, 2.0}, rows) - bgbb_log_likelihood({1.5 - h, 0.6, 0.8, 2.0}, rows)) / (2 * h);
    const double numeric_delta = (bgbb_log_likelihood({1.5, 0.6, 0.8, 2.0 + h}, rows) - bgbb_log_likelihood({1.5, 0.6, 0.8, 2.0 - h}, rows)) / (2 * h);
    CHECK(grad[0] == doctest::Approx(numeric_alpha).epsilon(1e-6));
    CHECK(grad[3] == doctest::Approx(numeric_delta).epsilon(1e-6));
}

TEST_CASE("BG/BB P(alive), expected transactions and DERT agree with a brute-force computation") {
    const BgBbParams p{1.204, 0.750, 0.657, 2.783};
    struct Case {
        int x, t_x, n;
    };
    for (const Case c : {Case{0, 0, 6}, Case{1, 1, 6}, Case{3, 4, 6}, Case{6, 6, 6}, Case{2, 6, 6}, Case{1, 2, 3}}) {
        CAPTURE(c.x);
        CAPTURE(c.t_x);
        CAPTURE(c.n);
        const BruteForce brute = brute_force(p, c.x, c.t_x, c.n, 5, 0.1);
        CHECK(std::exp(bgbb_log_likelihood(p, c.x, c.t_x, c.n)) == doctest::Approx(brute.likelihood).epsilon(1e-8));
        const double alive = bgbb_p_alive(p, c.x, c.t_x, c.n);
        CHECK(alive == doctest::Approx(brute.alive).epsilon(1e-8));
        CHECK(alive >= 0);
        CHECK(alive <= 1);
        CHECK(bgbb_expected_transactions(p, c.x, c.t_x, c.n, 5) == doctest::Approx(brute.expected).epsilon(1e-8));
        const std::optional<double> dert = bgbb_dert(p, c.x, c.t_x, c.n, 0.1);
        REQUIRE(dert.has_value());
        CHECK(*dert == doctest::Approx(brute.dert).epsilon(1e-8));
    }
    // A donor who gave at the last opportunity was alive through it, however often they gave before;
    // more recent and more frequent donors are more likely alive and expected to give more.
    CHECK(bgbb_p_alive(p, 6, 6, 6) == doctest::Approx(bgbb_p_alive(p, 3, 6, 6)).epsilon(1e-12));
    CHECK(bgbb_p_alive(p, 3, 6, 6) > bgbb_p_alive(p, 3, 3, 6));
    CHECK(bgbb_expected_transactions(p, 6, 6, 6, 5) > bgbb_expected_transactions(p, 1, 6, 6, 5));
    CHECK(bgbb_expected_transactions(p, 2, 3, 6, 0) == 0);
}

TEST_CASE("BG/BB limits: gamma = 1 and an undiscounted DERT") {
    // γ = 1 is 0/0 in the telescoped expected-transactions formula: the sum of its terms is used.
    const BgBbParams at_one{1.2, 0.8, 1.0, 2.5};
    const BruteForce brute = brute_force(at_one, 2, 4, 6, 7, 0.05);
    CHECK(bgbb_expected_transactions(at_one, 2, 4, 6, 7) == doctest::Approx(brute.expected).epsilon(1e-8));
    const double near_below = bgbb_expected_transactions({1.2, 0.8, 1.0 - 1e-4, 2.5}, 2, 4, 6, 7);
    CHECK(near_below == doctest::Approx(brute.expected).epsilon(1e-3));
    // d = 0: converges only when γ > 1 (the expected lifetime is finite), and equals the long sum.
    CHECK_FALSE(bgbb_dert({1.2, 0.8, 0.9, 2.5}, 2, 4, 6, 0).has_value());
    const BgBbParams finite{1.2, 0.8, 2.5, 2.5};
    const std::optional<double> undiscounted = bgbb_dert(finite, 2, 4, 6, 0);
    REQUIRE(undiscounted.has_value());
    CHECK(*undiscounted == doctest::Approx(bgbb_expected_transactions(finite, 2, 4, 6, 200000)).epsilon(1e-6));
    CHECK(*undiscounted > *bgbb_dert(finite, 2, 4, 6, 0.1));
}

TEST_CASE("BG/BB data: condensed CSV, bad rows and no repeaters") {
    BgBbCsv csv = parse_bgbb_csv("Frequency,Recency,Periods\n0,0,6\n2,5,6\n2,5,6\n");
    REQUIRE_FALSE(csv.problem.has_value());
    REQUIRE(csv.rows.size() == 3);
    CHECK(csv.rows[1].weight == 1);
    const std::vector<BgBbRow> condensed = condense_bgbb_rows(csv.rows);
    REQUIRE(condensed.size() == 2);
    CHECK(condensed[1].x == 2);
    CHECK(condensed[1].weight == 2);
    CHECK(looks_like_bgbb_csv("frequency,recency,periods,weights\n"));
    CHECK_FALSE(looks_like_bgbb_csv("id,frequency,recency,T\n"));
    CHECK(parse_bgbb_csv("frequency,recency,periods\n1.5,2,6\n").problem->kind == "csv.bad_number");
    CHECK(parse_bgbb_csv("frequency,recency\n1,2\n").problem->kind == "csv.missing_column");
    CHECK(validate_bgbb_rows({{2, 1, 6, 1}})->kind == "fit.bad_data");   // recency before the x-th transaction
    CHECK(validate_bgbb_rows({{0, 3, 6, 1}})->kind == "fit.bad_data");   // recency without a transaction
    CHECK(validate_bgbb_rows({{1, 7, 6, 1}})->kind == "fit.bad_data");   // recency beyond the periods
    CHECK(validate_bgbb_rows({})->kind == "fit.no_data");
    const FitResult none = fit_bgbb({{0, 0, 6, 100}});
    REQUIRE_FALSE(none.ok());
    CHECK(none.problem->kind == "fit.not_identified");
}

TEST_CASE("Dated purchases grouped into yearly opportunities") {
    auto day = [](int y, int m, int d) { return date_from_ymd({y, m, d}); };
    std::vector<CustomerEvents> events = {
        {"A", {{day(1995, 3, 10), 50}, {day(1996, 5, 1), 20}, {day(1996, 7, 1), 20}, {day(1998, 1, 2), 10}}},
        {"B", {{day(1995, 6, 1), 30}}},
        {"C", {{day(2001, 2, 1), 30}}},
        {"D", {{day(2002, 1, 1), 30}}},                              // after the calibration end
        {"E", {{day(1995, 1, 1), 5}, {day(2001, 12, 31), 5}}},    // last day of the last opportunity
    };
    OpportunityOptions options;
    options.calibration_end = day(2001, 12, 31);
    options.unit = PeriodUnit::month;
    options.periods_per_opportunity = 12;
    const std::vector<CustomerOpportunities> rows = customer_opportunities(events, options);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].id == "A");
    CHECK(rows[0].row.x == 2);  // 1996 (twice) and 1998
    CHECK(rows[0].row.t_x == 3);
    CHECK(rows[0].row.n == 6);
    CHECK((rows[1].row.x == 0 && rows[1].row.t_x == 0 && rows[1].row.n == 6));
    CHECK((rows[2].id == "C" && rows[2].row.n == 0));
    CHECK((rows[3].id == "E" && rows[3].row.x == 1 && rows[3].row.t_x == 6 && rows[3].row.n == 6));
    CHECK_FALSE(validate_bgbb_rows(condense_bgbb_rows({rows[0].row, rows[1].row, rows[2].row, rows[3].row})).has_value());
    // Ending mid-year: 2001 is not a complete opportunity, so its purchase does not count yet.
    options.calibration_end = day(2001, 6, 30);
    const std::vector<BgBbRow> table = opportunity_table(events, options);
    double total = 0;
    for (const BgBbRow& r : table) {
        total += r.weight;
        CHECK(r.n <= 5);
    }
    CHECK(total == 4);  // A, B, C, E (C acquired in the incomplete opportunity: n = 0)
    const std::vector<CustomerOpportunities> mid = customer_opportunities(events, options);
    CHECK((mid[3].row.x == 0 && mid[3].row.n == 5));
    // Weekly periods, four weeks to an opportunity.
    options.unit = PeriodUnit::week;
    options.periods_per_opportunity = 4;
    options.calibration_end = Date{7 * 4 * 10 - 1};  // the last day of opportunity 9
    const std::vector<CustomerOpportunities> weekly =
        customer_opportunities({{"W", {{Date{0}, 1}, {Date{7 * 4 * 3 + 2}, 1}, {Date{7 * 4 * 9}, 1}}}}, options);
    REQUIRE(weekly.size() == 1);
    CHECK((weekly[0].row.x == 2 && weekly[0].row.t_x == 9 && weekly[0].row.n == 9));
}
