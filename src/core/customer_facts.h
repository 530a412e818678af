// Derived per-customer facts (RFM-style) and a workspace summary. Purchase counts follow the CLV
// literature (Fader, Hardie & Lee 2005): transactions on the same calendar day are one purchase
// occasion, so "purchases" counts distinct days and "repeat purchases" = purchases - 1.
#pragma once
#include <cstddef>
#include <optional>

#include "core/workspace.h"

namespace lcs {

struct CustomerFacts {
    int transactions = 0;         // transactions dated on or before as_of (same-day ones counted separately)
    int purchases = 0;            // purchase occasions: distinct transaction days on or before as_of
    int repeat_purchases = 0;     // max(purchases - 1, 0); the "x" / frequency of BG/NBD
    std::optional<Date> first_purchase;
    std::optional<Date> last_purchase;
    std::optional<int> recency_days;  // days from last purchase to as_of (>= 0); none without purchases
    // Days from acquisition (Customer::acquired, else the first purchase) to as_of; none when that date
    // is unknown or after as_of.
    std::optional<int> tenure_days;
    double total_spend = 0;    // sum of amounts on or before as_of (refunds, i.e. negative amounts, included)
    double average_spend = 0;  // total_spend / purchases (per purchase occasion); 0 without purchases
    // (last_purchase - first_purchase) / repeat_purchases in days; none with fewer than 2 purchases.
    std::optional<double> mean_days_between_purchases;
};

// Facts as of a date: transactions after as_of are ignored. Precondition: customer.transactions is
// sorted by date (the loader and importers guarantee it).
CustomerFacts compute_customer_facts(const Customer& customer, Date as_of);

struct WorkspaceSummary {
    std::size_t customers = 0;
    std::size_t transactions = 0;
    std::size_t interactions = 0;
    std::optional<Date> first_date;  // earliest transaction date; none without transactions
    std::optional<Date> last_date;   // latest transaction date
    double revenue = 0;              // sum of all transaction amounts
};

WorkspaceSummary summarize_workspace(const Workspace& workspace);

// The workspace's analysis date, the one "as of" every view, the CLI and the valuation default to:
// meta.as_of when set, else the latest transaction date, else kNoDataAnalysisDate (a workspace with
// neither has nothing to analyse; the date only keeps the types simple).
inline constexpr Date kNoDataAnalysisDate{0};  // 1970-01-01
Date analysis_date(const Workspace& workspace);
// The latest transaction date over all customers; nullopt when there is none.
std::optional<Date> last_transaction_date(const Workspace& workspace);
// The earliest transaction date over all customers; nullopt when there is none.
std::optional<Date> first_transaction_date(const Workspace& workspace);

}  // namespace lcs
