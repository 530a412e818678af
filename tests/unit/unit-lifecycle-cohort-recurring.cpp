// Recurring cohorts (core/lifecycle/cohort_recurring.h), hand-computed.
#include <doctest/doctest.h>

#include "core/lifecycle/cohort_recurring.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

namespace {
// A buys in Jan, Feb (twice) and Apr; B only in Feb; C only after the analysis date; D never.
Workspace recurring_workspace() {
    Workspace ws;
    Customer& a = add_customer(ws, "A");
    buy(a, "2024-01-05", 10);
    buy(a, "2024-02-10", 10);
    buy(a, "2024-02-25", 10);
    buy(a, "2024-04-01", 10);
    Customer& b = add_customer(ws, "B");
    buy(b, "2024-02-20", 10);
    Customer& c = add_customer(ws, "C");
    buy(c, "2024-05-03", 10);
    add_customer(ws, "D");
    return ws;
}
}  // namespace

TEST_CASE("recurring cohorts, calendar months") {
    const CohortTable t = recurring_cohort_retention(recurring_workspace(), day("2024-04-30"), CohortPeriod::calendar_month);
    REQUIRE(t.rows.size() == 3);  // Jan, Feb, Apr (nobody bought in March; C's May purchase is after as_of)
    CHECK(t.rows[0].month == day("2024-01-01"));
    CHECK(t.rows[0].size == 1);
    CHECK(t.rows[0].eligible == std::vector<int>{1, 1, 1, 1});
    CHECK(t.rows[0].active == std::vector<int>{1, 1, 0, 1});
    // Feb: A and B (A counted once although they bought twice in February).
    CHECK(t.rows[1].month == day("2024-02-01"));
    CHECK(t.rows[1].size == 2);
    CHECK(t.rows[1].eligible == std::vector<int>{2, 2, 2});
    CHECK(t.rows[1].active == std::vector<int>{2, 0, 1});
    CHECK(t.rows[1].share[0] == doctest::Approx(1.0));
    CHECK(t.rows[1].share[1] == doctest::Approx(0.0));
    CHECK(t.rows[1].share[2] == doctest::Approx(0.5));
    CHECK(t.rows[2].month == day("2024-04-01"));
    CHECK(t.rows[2].active == std::vector<int>{1});
}

TEST_CASE("recurring cohorts, rolling 30-day periods from the first purchase in the month") {
    const CohortTable t = recurring_cohort_retention(recurring_workspace(), day("2024-04-30"), CohortPeriod::rolling_30_days);
    REQUIRE(t.rows.size() == 3);
    // Jan cohort, A from 01-05: as_of is 116 days later -> 4 columns; 02-10 is day 36 (k=1), 02-25 day 51 (k=1),
    // 04-01 day 87 (k=2).
    CHECK(t.rows[0].eligible == std::vector<int>{1, 1, 1, 1});
    CHECK(t.rows[0].active == std::vector<int>{1, 1, 1, 0});
    // Feb cohort: A from 02-10 (80 days to as_of -> 3 columns; 02-25 day 15 k=0, 04-01 day 51 k=1);
    // B from 02-20 (70 days -> 3 columns; nothing after).
    CHECK(t.rows[1].eligible == std::vector<int>{2, 2, 2});
    CHECK(t.rows[1].active == std::vector<int>{2, 1, 0});
    CHECK(t.rows[1].share[1] == doctest::Approx(0.5));
    // Apr cohort: A from 04-01, 29 days -> 1 column.
    CHECK(t.rows[2].eligible == std::vector<int>{1});
    CHECK(t.rows[2].active == std::vector<int>{1});
}

TEST_CASE("recurring cohorts: eligibility differs per member in rolling mode") {
    Workspace ws;
    buy(add_customer(ws, "early"), "2024-03-01", 1);
    buy(add_customer(ws, "late"), "2024-03-31", 1);
    // as_of 04-15: early has 45 days -> 2 columns, late has 15 days -> 1 column.
    const CohortTable t = recurring_cohort_retention(ws, day("2024-04-15"), CohortPeriod::rolling_30_days);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].size == 2);
    CHECK(t.rows[0].eligible == std::vector<int>{2, 1});
    CHECK(t.rows[0].active == std::vector<int>{2, 0});
}

TEST_CASE("recurring cohorts of an empty workspace") {
    CHECK(recurring_cohort_retention(Workspace{}, day("2024-01-01")).rows.empty());
}
