// Lifecycle metrics for a period [start, end): retention, churn, revenue retained, renewal, net
// revenue retention, repeat purchases, complaints, NPS, referrals, engagement, lead conversion,
// time to convert, stage-to-stage flow. One definition each, written in docs/metrics.md.
//
// Conventions: "at the start" means as of start - 1 (events dated before start); "at the end" means
// as of end - 1. A customer is ACTIVE at a boundary b when they have purchased, their last purchase
// before b is within the `active_days` days before b (date >= b - active_days), and no churn event
// is dated on/after that last purchase and before b. Rates are nullopt when their denominator is 0.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/lifecycle/snapshots.h"

namespace lcs {

struct Period {
    Date start;           // first day in the period
    Date end;             // first day after the period (exclusive)
    Date previous_start;  // the previous period is [previous_start, start)
};
enum class PeriodKind { month, quarter, year };
// The last complete calendar period ending on or before as_of (as_of itself may be its last day).
Period last_complete_period(Date as_of, PeriodKind kind);
// The calendar period containing `date`.
Period calendar_period(Date date, PeriodKind kind);
std::optional<PeriodKind> period_kind_from_id(const std::string& id);  // "month" | "quarter" | "year"

struct MetricsOptions {
    int active_days = 365;  // > 0
};

struct GroupMetrics {
    std::string group;  // "all", a segment name ("" shown as "(none)"), or a stage id
    // retention: S active at start, E active at end, N active at end but not at start (new or returning)
    int customers_start = 0, customers_end = 0, new_or_returning = 0;
    std::optional<double> retention_rate;  // (E - N) / S
    std::optional<double> churn_rate;      // (S - (E - N)) / S = 1 - retention
    double revenue = 0;                    // all group members' spend in the period
    double revenue_retained = 0;           // spend in the period of customers active at start
    // renewal / NRR over P = members with a purchase (payment) in the previous period
    int payers_previous = 0, renewed = 0;
    std::optional<double> renewal_rate;           // renewed / P
    double revenue_previous_payers = 0;           // P's spend in the previous period
    double revenue_previous_payers_now = 0;       // P's spend in this period
    std::optional<double> net_revenue_retention;  // now / previous
    int buyers = 0, repeat_buyers = 0;            // buyers in the period; of them, 2+ purchases by end
    std::optional<double> repeat_purchase_rate;   // repeat_buyers / buyers
    int population = 0;                           // B: active at start or at end
    int complainers = 0;                          // B members with a "complaint" interaction in the period
    std::optional<double> complaint_rate;         // complainers / B
    int interactions = 0;                         // B members' interactions in the period (any type)
    std::optional<double> engagement;             // interactions / B
    int referrals = 0;                            // B members' "referral" interactions in the period
    int nps_responses = 0, promoters = 0, detractors = 0;  // last answer in the period per customer
    std::optional<double> nps;                             // 100 * (promoters - detractors) / responses
    int leads_start = 0, leads_converted = 0;     // present at start with no purchase; bought in period
    std::optional<double> lead_conversion_rate;   // converted / leads
    int first_purchases = 0;                      // members whose first purchase is in the period
    int converted_with_contact = 0;               // of first_purchases, those with a first contact on or before it
    std::optional<double> days_to_convert;        // mean (first purchase - first contact) over them; first
                                                  // contact = explicit acquired date, else the first interaction
};

struct PeriodMetrics {
    Period period;
    MetricsOptions options;
    GroupMetrics overall;
    std::vector<GroupMetrics> by_stage;    // model stage order, grouped by stage at the start
    std::vector<GroupMetrics> by_segment;  // sorted by segment name
    TransitionMatrix stage_flow;           // stage at start -> stage at end (conversion rates = probability)
};

PeriodMetrics compute_period_metrics(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                     const Period& period, const MetricsOptions& options = {});

// ---- cohorts ----
enum class CohortPeriod {
    calendar_month,   // column k = the k-th calendar month after the cohort month
    rolling_30_days,  // column k = days [30k, 30k + 30) after the customer's own cohort date
};
enum class CohortBasis {
    first_purchase,  // birth cohorts: month of the first purchase
    acquired,        // month of the acquisition date (first purchase when absent)
};
struct CohortRow {
    Date month;                 // first day of the cohort month
    int size = 0;
    std::vector<int> eligible;  // customers whose column-k period started by as_of
    std::vector<int> active;    // of them, purchased in that period (dated <= as_of)
    std::vector<double> share;  // active / eligible (0 when eligible is 0)
};
struct CohortTable {
    CohortPeriod period = CohortPeriod::calendar_month;
    CohortBasis basis = CohortBasis::first_purchase;
    std::vector<CohortRow> rows;  // ascending by month; customers with cohort date > as_of are left out
};
CohortTable cohort_retention(const Workspace& workspace, Date as_of, CohortPeriod period = CohortPeriod::calendar_month,
                             CohortBasis basis = CohortBasis::first_purchase);

}  // namespace lcs
