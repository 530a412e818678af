#include <doctest/doctest.h>

#include "core/lifecycle/metrics.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

namespace {
// Hand-computed in docs/metrics.md terms; period March 2024, active window 60 days.
Workspace metrics_workspace() {
    Workspace ws;
    Customer& a = add_customer(ws, "A", "x");
    buy(a, "2024-01-15", 10);
    buy(a, "2024-02-10", 20);
    buy(a, "2024-03-05", 30);
    survey(a, "2024-03-10", 9);
    survey(a, "2024-03-20", 10);
    interact(a, "2024-03-07", "complaint");
    interact(a, "2024-03-08", "email");
    Customer& b = add_customer(ws, "B", "x");
    buy(b, "2023-12-20", 50);
    buy(b, "2024-02-20", 40);
    churn(b, "2024-03-15", "price");
    survey(b, "2024-03-02", 3);
    Customer& c = add_customer(ws, "C", "y");
    c.acquired = day("2024-02-25");
    buy(c, "2024-03-10", 100);
    interact(c, "2024-03-20", "referral");
    Customer& d = add_customer(ws, "D", "y");
    buy(d, "2023-10-01", 10);
    interact(d, "2024-03-03", "email");
    Customer& e = add_customer(ws, "E");
    e.acquired = day("2024-01-05");
    interact(e, "2024-02-01", "email");
    survey(e, "2024-03-05", 9);
    Customer& f = add_customer(ws, "F");
    buy(f, "2024-03-25", 5);
    buy(f, "2024-03-28", 5);
    return ws;
}

LifecycleModel active_model() {
    LifecycleModel m = one_rule_model({{cond(ConditionKind::recency_days, Compare::le, 59)}, {}});
    m.stages[0].id = "active";
    m.stages[1].id = "other";
    m.fallback_stage = "other";
    return m;
}
}  // namespace

TEST_CASE("calendar periods") {
    const Period p = last_complete_period(day("2024-03-31"), PeriodKind::month);
    CHECK(to_iso(p.start) == "2024-03-01");
    CHECK(to_iso(p.end) == "2024-04-01");
    CHECK(to_iso(p.previous_start) == "2024-02-01");
    CHECK(to_iso(last_complete_period(day("2024-03-30"), PeriodKind::month).start) == "2024-02-01");
    const Period q = calendar_period(day("2024-05-17"), PeriodKind::quarter);
    CHECK(to_iso(q.start) == "2024-04-01");
    CHECK(to_iso(q.end) == "2024-07-01");
    CHECK(to_iso(q.previous_start) == "2024-01-01");
    CHECK(to_iso(last_complete_period(day("2024-12-30"), PeriodKind::year).start) == "2023-01-01");
}

TEST_CASE("period metrics on a hand-made base") {
    const Workspace ws = metrics_workspace();
    const EventIndex index = build_event_index(ws);
    const PeriodMetrics pm = compute_period_metrics(ws, index, active_model(),
                                                    last_complete_period(day("2024-03-31"), PeriodKind::month), {60});
    const GroupMetrics& m = pm.overall;
    // S = {A, B}; E = {A, C, F}; N = {C, F}
    CHECK(m.customers_start == 2);
    CHECK(m.customers_end == 3);
    CHECK(m.new_or_returning == 2);
    CHECK(*m.retention_rate == doctest::Approx(0.5));
    CHECK(*m.churn_rate == doctest::Approx(0.5));
    CHECK(m.revenue == doctest::Approx(140));
    CHECK(m.revenue_retained == doctest::Approx(30));
    // P = {A, B} paid in February; A renewed
    CHECK(m.payers_previous == 2);
    CHECK(*m.renewal_rate == doctest::Approx(0.5));
    CHECK(m.revenue_previous_payers == doctest::Approx(60));
    CHECK(*m.net_revenue_retention == doctest::Approx(0.5));
    // buyers A, C, F; repeat A (3 purchases), F (2)
    CHECK(m.buyers == 3);
    CHECK(*m.repeat_purchase_rate == doctest::Approx(2.0 / 3.0));
    // B = {A, B, C, F}: D's email does not count (not active)
    CHECK(m.population == 4);
    CHECK(*m.complaint_rate == doctest::Approx(0.25));
    CHECK(m.interactions == 3);
    CHECK(*m.engagement == doctest::Approx(0.75));
    CHECK(m.referrals == 1);
    // last answers in March: A 10, B 3, E 9
    CHECK(m.nps_responses == 3);
    CHECK(*m.nps == doctest::Approx(100.0 / 3.0));
    // leads at start: C (acquired 02-25), E; C converted
    CHECK(m.leads_start == 2);
    CHECK(*m.lead_conversion_rate == doctest::Approx(0.5));
    CHECK(m.first_purchases == 2);
    CHECK(m.converted_with_contact == 1);  // C (acquired 02-25); F has no first contact on record
    CHECK(*m.days_to_convert == doctest::Approx(14));

    REQUIRE(pm.by_segment.size() == 3);
    CHECK(pm.by_segment[0].group == "(none)");
    CHECK_FALSE(pm.by_segment[0].retention_rate.has_value());
    CHECK(pm.by_segment[1].group == "x");
    CHECK(*pm.by_segment[1].retention_rate == doctest::Approx(0.5));
    CHECK(pm.by_segment[2].customers_end == 1);
    CHECK(pm.by_segment[2].new_or_returning == 1);

    REQUIRE(pm.by_stage.size() == 2);
    CHECK(pm.by_stage[0].customers_start == 2);
    CHECK(*pm.by_stage[0].retention_rate == doctest::Approx(0.5));
    CHECK(pm.by_stage[1].customers_start == 0);
    CHECK(pm.by_stage[1].new_or_returning == 1);

    const TransitionMatrix& flow = pm.stage_flow;
    CHECK(flow.counts[0] == std::vector<int>{2, 0});
    CHECK(flow.counts[1] == std::vector<int>{1, 2});
    CHECK(flow.probability[1][0] == doctest::Approx(1.0 / 3.0));
    CHECK(flow.entered == std::vector<int>{1, 0});
}

TEST_CASE("empty denominators give no rate") {
    Workspace ws;
    add_customer(ws, "lonely").acquired = day("2024-01-01");
    const EventIndex index = build_event_index(ws);
    const PeriodMetrics pm = compute_period_metrics(ws, index, active_model(), calendar_period(day("2024-03-01"), PeriodKind::month));
    CHECK_FALSE(pm.overall.retention_rate.has_value());
    CHECK_FALSE(pm.overall.nps.has_value());
    CHECK_FALSE(pm.overall.net_revenue_retention.has_value());
    CHECK(*pm.overall.lead_conversion_rate == doctest::Approx(0));
}

TEST_CASE("cohort retention: calendar months and rolling 30 days") {
    const Workspace ws = metrics_workspace();
    const CohortTable cal = cohort_retention(ws, day("2024-03-31"));
    REQUIRE(cal.rows.size() == 4);
    CHECK(to_iso(cal.rows[0].month) == "2023-10-01");
    CHECK(cal.rows[0].active == std::vector<int>{1, 0, 0, 0, 0, 0});
    CHECK(to_iso(cal.rows[1].month) == "2023-12-01");
    CHECK(cal.rows[1].active == std::vector<int>{1, 0, 1, 0});
    CHECK(cal.rows[2].active == std::vector<int>{1, 1, 1});
    CHECK(cal.rows[3].size == 2);
    CHECK(cal.rows[3].share == std::vector<double>{1.0});

    const CohortTable rolling = cohort_retention(ws, day("2024-03-31"), CohortPeriod::rolling_30_days);
    CHECK(rolling.rows[2].eligible == std::vector<int>{1, 1, 1});
    CHECK(rolling.rows[2].active == std::vector<int>{1, 1, 0});  // 02-10 is day 26, 03-05 day 50

    // acquisition basis: C joins February's cohort; E (no purchase) counts but is never active
    const CohortTable acquired = cohort_retention(ws, day("2024-03-31"), CohortPeriod::calendar_month, CohortBasis::acquired);
    REQUIRE(acquired.rows.size() == 5);
    CHECK(to_iso(acquired.rows[2].month) == "2024-01-01");
    CHECK(acquired.rows[2].size == 2);
    CHECK(acquired.rows[2].active == std::vector<int>{1, 1, 1});
    CHECK(to_iso(acquired.rows[3].month) == "2024-02-01");
    CHECK(acquired.rows[3].active == std::vector<int>{0, 1});
}

TEST_CASE("time to convert: from the acquisition date, else from the first interaction") {
    Workspace ws;
    Customer& p = add_customer(ws, "P");  // acquired wins over an earlier interaction: 10 days
    p.acquired = day("2024-03-01");
    interact(p, "2024-02-01", "email");
    buy(p, "2024-03-11", 10);
    Customer& q = add_customer(ws, "Q");  // first contact = first interaction: 21 days
    interact(q, "2024-02-20", "call");
    buy(q, "2024-03-12", 10);
    Customer& r = add_customer(ws, "R");  // no contact on record: not timed
    buy(r, "2024-03-15", 10);
    Customer& s = add_customer(ws, "S");  // contact only after the first purchase: not timed
    buy(s, "2024-03-10", 10);
    interact(s, "2024-03-20", "email");
    Customer& t = add_customer(ws, "T");  // first purchase before the period
    interact(t, "2024-01-01", "email");
    buy(t, "2024-02-10", 10);
    const EventIndex index = build_event_index(ws);
    const GroupMetrics m = compute_period_metrics(ws, index, active_model(),
                                                  last_complete_period(day("2024-03-31"), PeriodKind::month), {60})
                               .overall;
    CHECK(m.first_purchases == 4);
    CHECK(m.converted_with_contact == 2);
    CHECK(*m.days_to_convert == doctest::Approx((10.0 + 21.0) / 2));
}
