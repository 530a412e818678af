// Recurring (activity) cohorts, the companion of the birth cohorts in metrics.h: cohort month m holds
// every customer who bought in calendar month m (new or not), and column k asks whether they bought
// again k periods later. Birth cohorts show how new customers stay; recurring cohorts show how the
// customers active in a month come back.
#pragma once
#include "core/lifecycle/metrics.h"

namespace lcs {

// Cohort month m = customers with a purchase dated in month m and <= as_of. Their origin is their
// first purchase in that month. Column k (CohortTable::period):
//   calendar_month:  a purchase in the k-th calendar month after m (k = 0: month m itself, always 1);
//                    eligible when that month starts on or before as_of;
//   rolling_30_days: a purchase dated in [origin + 30k, origin + 30k + 30); eligible when
//                    origin + 30k <= as_of.
// Purchases after as_of are ignored. Rows ascending by month; basis is reported as first_purchase
// (the origin is a purchase). share[k] = active / eligible (0 when eligible is 0).
CohortTable recurring_cohort_retention(const Workspace& workspace, Date as_of,
                                       CohortPeriod period = CohortPeriod::calendar_month);

}  // namespace lcs
