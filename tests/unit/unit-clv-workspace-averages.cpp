// The simple CLV calculator's starting point: a workspace's own averages (core/clv/workspace_averages.h).
#include <doctest/doctest.h>

#include "core/clv/workspace_averages.h"

using namespace lcs;
using namespace lcs::clv;

namespace {

Date day(int offset_from_as_of) { return Date{date_from_ymd({2024, 12, 31}).days + offset_from_as_of}; }

Transaction sale(int offset, double amount, std::optional<double> cost = std::nullopt) {
    Transaction t;
    t.date = day(offset);
    t.amount = amount;
    t.cost = cost;
    return t;
}

Customer customer(const std::string& id, std::vector<Transaction> transactions, double acquisition_cost = 0) {
    Customer c;
    c.id = id;
    c.transactions = std::move(transactions);
    c.acquisition_cost = acquisition_cost;
    return c;
}

}  // namespace

TEST_CASE("workspace averages: order value, purchases a year, margin from costs, retention from the year before") {
    Workspace ws;
    // A: bought in both years; two transactions on one day are one purchase occasion.
    ws.customers.push_back(customer("A", {sale(-500, 40, 30), sale(-100, 60, 40), sale(-100, 20, 10), sale(-10, 120, 90)}, 30));
    // B: bought only in the year before the last: not retained.
    ws.customers.push_back(customer("B", {sale(-600, 50, 25)}, 10));
    // C: new in the last year.
    ws.customers.push_back(customer("C", {sale(-50, 100, 50)}));
    // D: a purchase after the analysis date is ignored.
    ws.customers.push_back(customer("D", {sale(+5, 1000, 0)}));
    const WorkspaceClvAverages a = workspace_clv_averages(ws, day(0));
    CHECK(a.active_customers == 2);  // A and C
    CHECK(a.observed_days == 365);
    // Last year: A 2 occasions (80 + 120), C 1 occasion (100): 300 over 3 occasions.
    CHECK(a.average_order_value == doctest::Approx(100));
    CHECK(a.purchases_per_period == doctest::Approx(1.5));
    // Margin over last year's costed revenue: (80 − 50 + 120 − 90 + 100 − 50) / 300.
    CHECK(a.margin_from_costs);
    CHECK(a.margin_rate == doctest::Approx(110.0 / 300));
    // Year before: A and B bought; A bought again.
    CHECK(a.retention_from_data);
    CHECK(a.retention_base == 2);
    CHECK(a.retention == doctest::Approx(0.5));
    CHECK(a.acquisition_cost == doctest::Approx(20));  // mean of 30 and 10; C and D have none
    CHECK(a.margin_per_period == doctest::Approx(100 * 1.5 * 110.0 / 300));

    const SimpleClvInput in = simple_clv_input(a);
    CHECK(in.margin == doctest::Approx(a.margin_per_period));
    CHECK(in.retention == doctest::Approx(0.5));
    CHECK(in.discount == doctest::Approx(kDefaultDiscountRate));
    CHECK(in.acquisition_cost == doctest::Approx(20));
    CHECK_FALSE(in.horizon);
    CHECK_FALSE(simple_clv(in).problem);
}

TEST_CASE("workspace averages: without costs or an earlier year the stated defaults are used; short data is annualised") {
    Workspace ws;
    // Data starts 73 days (a fifth of a year) before the analysis date.
    ws.customers.push_back(customer("A", {sale(-72, 10), sale(-30, 30)}));
    ws.customers.push_back(customer("B", {sale(-1, 20)}));
    const WorkspaceClvAverages a = workspace_clv_averages(ws, day(0));
    CHECK(a.active_customers == 2);
    CHECK(a.observed_days == 73);
    CHECK(a.average_order_value == doctest::Approx(20));
    CHECK(a.purchases_per_period == doctest::Approx(1.5 * 5));  // 1.5 purchases in a fifth of a year
    CHECK_FALSE(a.margin_from_costs);
    CHECK(a.margin_rate == doctest::Approx(kDefaultMarginRate));
    CHECK_FALSE(a.retention_from_data);
    CHECK(a.retention == doctest::Approx(kDefaultRetention));
    CHECK(a.acquisition_cost == 0);

    const WorkspaceClvAverages empty = workspace_clv_averages(Workspace{}, day(0));
    CHECK(empty.active_customers == 0);
    CHECK(empty.margin_per_period == 0);
    CHECK(empty.average_order_value == 0);
}
