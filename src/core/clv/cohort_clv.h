// Per-customer CLV from dated purchases without a purchase-count model: the shifted-beta-geometric
// cohort model (contractual retention, core/clv/sbg.h) and the simple constant-retention formula
// (core/clv/simple_clv.h). Periods are explicit (PeriodUnit); "alive at the start of period t" means
// a purchase (payment) dated at least (t − ½) periods after the first one, which for a monthly
// subscription paid on its anniversary is "renewed t times".
#pragma once
#include <optional>
#include <vector>

#include "core/clv/customer_clv.h"
#include "core/clv/rfm_summary.h"
#include "core/clv/sbg.h"
#include "core/clv/simple_clv.h"

namespace lcs::clv {

struct CohortCounts {
    std::vector<double> alive;  // alive[t], t = 0..periods: cohort members alive at the start of period t
    int cohort = 0;             // customers in the cohort (= alive[0])
    Date first_day_limit;       // cohort = customers whose first purchase is on or before this day
};

// The cohort: customers with a first purchase at least `periods` whole periods before as_of (so every
// one of them can be seen alive through period `periods`). periods >= 1.
CohortCounts sbg_cohort_counts(const std::vector<CustomerEvents>& customers, PeriodUnit unit, Date as_of, int periods);

// Share of the customers who bought in the period before the last one, (as_of − 2L, as_of − L], who
// bought again in the last period (as_of − L, as_of]; nullopt when nobody bought in the earlier one.
std::optional<double> observed_period_retention(const std::vector<CustomerEvents>& customers, PeriodUnit unit,
                                                Date as_of);

struct CohortClvSettings {
    PeriodUnit unit = PeriodUnit::month;
    Date as_of;
    std::optional<int> horizon;  // periods; nullopt = infinite (sBG: DERL; simple: closed form)
    double discount = 0.01;      // d >= 0 per period
    double margin = 1.0;         // profit share of spend
};

// sBG residual value of every customer with a purchase on or before as_of. A customer with
// k = round((last − first)/L) renewals is alive when the last purchase is within one period of
// as_of (p_alive 1, else 0 and clv 0); alive customers face renewal n = k + 1 and are worth
// margin · m · Σ_{t=n}^{n+H−1} S(t)/S(n−1)/(1+d)^(t−n) with m = spend to date / (k + 1) (mean
// payment per period); expected_purchases = the same sum undiscounted; expected_spend = m.
std::vector<CustomerClv> sbg_customer_clvs(const SbgParams& params, const std::vector<CustomerEvents>& customers,
                                           const CohortClvSettings& settings);

// Simple formula per customer: spend per period m = spend to date / max(1, periods since the first
// purchase), CLV = simple_clv(margin · m, retention, discount, horizon, end of period);
// expected_spend = m; p_alive and
// expected_purchases are NaN (the formula has neither). Empty when the inputs are invalid
// (retention outside [0, 1], negative discount, or an infinite value: r = 1, d = 0, no horizon).
std::vector<CustomerClv> simple_customer_clvs(const std::vector<CustomerEvents>& customers, double retention,
                                              const CohortClvSettings& settings);

}  // namespace lcs::clv
