#include <doctest/doctest.h>

#include "core/customer_facts.h"

using namespace lcs;

namespace {
Date day(const char* iso) { return *parse_iso_date(iso); }
Transaction buy(const char* iso, double amount) {
    Transaction transaction;
    transaction.date = day(iso);
    transaction.amount = amount;
    return transaction;
}
}  // namespace

TEST_CASE("facts: same-day purchases are one occasion; later transactions are ignored") {
    Customer customer;
    customer.id = "c";
    customer.transactions = {buy("2024-01-01", 10), buy("2024-01-01", 5), buy("2024-01-11", 20), buy("2024-02-10", 30),
                             buy("2024-03-01", 100)};
    const CustomerFacts facts = compute_customer_facts(customer, day("2024-02-20"));
    CHECK(facts.transactions == 4);
    CHECK(facts.purchases == 3);
    CHECK(facts.repeat_purchases == 2);
    CHECK(to_iso(*facts.first_purchase) == "2024-01-01");
    CHECK(to_iso(*facts.last_purchase) == "2024-02-10");
    CHECK(*facts.recency_days == 10);
    CHECK(*facts.tenure_days == 50);  // 31 days of January + 19
    CHECK(facts.total_spend == 65);
    CHECK(facts.average_spend == doctest::Approx(65.0 / 3));
    CHECK(*facts.mean_days_between_purchases == doctest::Approx(20.0));  // 40 days over 2 gaps

    customer.acquired = day("2023-12-25");
    CHECK(*compute_customer_facts(customer, day("2024-02-20")).tenure_days == 57);
    // As of the first day only the two same-day transactions count.
    const CustomerFacts early = compute_customer_facts(customer, day("2024-01-01"));
    CHECK(early.purchases == 1);
    CHECK(early.repeat_purchases == 0);
    CHECK(*early.recency_days == 0);
    CHECK(early.average_spend == 15);
    CHECK_FALSE(early.mean_days_between_purchases.has_value());
}

TEST_CASE("facts: customers without purchases") {
    Customer customer;
    customer.id = "none";
    CustomerFacts facts = compute_customer_facts(customer, day("2024-01-01"));
    CHECK(facts.purchases == 0);
    CHECK(facts.repeat_purchases == 0);
    CHECK_FALSE(facts.first_purchase.has_value());
    CHECK_FALSE(facts.recency_days.has_value());
    CHECK_FALSE(facts.tenure_days.has_value());
    CHECK(facts.average_spend == 0);
    customer.acquired = day("2023-12-01");
    CHECK(*compute_customer_facts(customer, day("2024-01-01")).tenure_days == 31);
    // Acquired after the analysis date: no tenure yet.
    CHECK_FALSE(compute_customer_facts(customer, day("2023-11-01")).tenure_days.has_value());
    // Purchases only after as_of: nothing counts.
    customer.transactions = {buy("2024-05-01", 9)};
    facts = compute_customer_facts(customer, day("2024-01-01"));
    CHECK(facts.transactions == 0);
    CHECK(facts.total_spend == 0);
}

TEST_CASE("facts: refunds reduce spend") {
    Customer customer;
    customer.transactions = {buy("2024-01-01", 50), buy("2024-01-03", -20)};
    const CustomerFacts facts = compute_customer_facts(customer, day("2024-01-31"));
    CHECK(facts.total_spend == 30);
    CHECK(facts.purchases == 2);
}

TEST_CASE("facts: workspace summary and default analysis date") {
    Workspace workspace;
    CHECK(summarize_workspace(workspace).customers == 0);
    CHECK_FALSE(summarize_workspace(workspace).first_date.has_value());
    CHECK(analysis_date(workspace).days == 0);
    Customer a, b;
    a.id = "a";
    a.transactions = {buy("2023-05-01", 10), buy("2023-07-01", 2.5)};
    a.interactions.resize(3);
    b.id = "b";
    b.transactions = {buy("2022-12-31", 7)};
    workspace.customers = {a, b};
    const WorkspaceSummary summary = summarize_workspace(workspace);
    CHECK(summary.customers == 2);
    CHECK(summary.transactions == 3);
    CHECK(summary.interactions == 3);
    CHECK(to_iso(*summary.first_date) == "2022-12-31");
    CHECK(to_iso(*summary.last_date) == "2023-07-01");
    CHECK(summary.revenue == 19.5);
    CHECK(to_iso(analysis_date(workspace)) == "2023-07-01");
    workspace.meta.as_of = day("2024-01-01");
    CHECK(to_iso(analysis_date(workspace)) == "2024-01-01");
}
