// A workspace's own averages as inputs for the simple CLV calculator (core/clv/simple_clv.h), so the
// calculator starts from the client's numbers instead of a textbook example. One period = one year
// (365 days) ending at the analysis date; a "purchase" is a purchase occasion (distinct transaction
// day of a customer, as in core/customer_facts.h).
#pragma once
#include <cstddef>

#include "core/clv/simple_clv.h"
#include "core/date.h"
#include "core/workspace.h"

namespace lcs::clv {

inline constexpr int kAveragesPeriodDays = 365;
// Used when the workspace has no cost data: margin = 30% of revenue (stated as a default in the UI).
inline constexpr double kDefaultMarginRate = 0.30;
// Used when the data does not reach back two periods: the textbook example's 80% a year.
inline constexpr double kDefaultRetention = 0.80;
// The textbook example's discount rate per period (10% a year); the data has no discount rate.
inline constexpr double kDefaultDiscountRate = 0.10;

struct WorkspaceClvAverages {
    Date as_of;
    // Customers with at least one purchase in the last period (as_of − 365 days, as_of]: the base
    // whose equity "CLV × customers" values.
    std::size_t active_customers = 0;
    // Days of the last period the data covers: 365, or fewer when the first transaction is later
    // than as_of − 365 days (purchases_per_period is then scaled up to a whole year).
    int observed_days = 0;
    double average_order_value = 0;   // revenue / purchase occasions in the last period; 0 without any
    double purchases_per_period = 0;  // purchase occasions per active customer, per year
    double margin_rate = kDefaultMarginRate;  // margin / revenue over the last period's costed transactions
    bool margin_from_costs = false;   // true when some transaction of the last period has a cost
    // Share of the customers who bought in the period before the last (as_of − 730, as_of − 365]
    // who bought again in the last period; kDefaultRetention when nobody bought in that earlier period.
    double retention = kDefaultRetention;
    bool retention_from_data = false;
    std::size_t retention_base = 0;   // customers who bought in the period before the last
    // Mean Customer::acquisition_cost over the customers that have one (> 0); 0 when none has.
    double acquisition_cost = 0;
    // average_order_value × purchases_per_period × margin_rate: the margin m per customer per year.
    double margin_per_period = 0;
};

// The averages of `workspace` as of `as_of` (transactions after as_of are ignored). Never fails: a
// workspace without purchases in the last period gives zeros (active_customers == 0) and the defaults.
// Precondition: each customer's transactions are sorted by date (the loader guarantees it).
WorkspaceClvAverages workspace_clv_averages(const Workspace& workspace, Date as_of);

// The calculator's inputs from the averages: margin_per_period, retention, kDefaultDiscountRate,
// acquisition_cost, infinite horizon, margin at the end of each period.
SimpleClvInput simple_clv_input(const WorkspaceClvAverages& averages);

}  // namespace lcs::clv
