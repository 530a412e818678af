// Building per-customer (x, t_x, T, zbar) summaries from dated purchases, as the repeat-buying
// literature does: purchases on the same day are merged into one (amounts added), the first
// purchase is the trial and not a repeat, times are measured from the first purchase.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clv/rfm.h"
#include "core/date.h"
#include "core/workspace.h"

namespace lcs::clv {

struct Purchase {
    Date date;
    double amount = 0;
};

struct CustomerEvents {
    std::string id;
    std::vector<Purchase> purchases;  // any order
};

struct RfmBuildOptions {
    Date calibration_end;                // last day of calibration (purchases on it count)
    PeriodUnit unit = PeriodUnit::week;  // time unit of t_x and T
    std::optional<Date> holdout_end;     // last day counted in holdout; nullopt = no end
};

// One CustomerRfm per customer whose first purchase is on or before calibration_end (others are
// not yet acquired and are left out). x = distinct purchase days after the first, up to
// calibration_end; t_x = (last such day − first day) / unit; T = (calibration_end − first day) / unit;
// zbar = mean merged amount of the repeat days; holdout_x / holdout_spend = distinct purchase days
// and their amounts after calibration_end up to holdout_end.
std::vector<CustomerRfm> build_rfm_summary(const std::vector<CustomerEvents>& customers, const RfmBuildOptions& options);

// Purchases of every workspace customer (Transaction::date, Transaction::amount).
std::vector<CustomerEvents> events_from_workspace(const Workspace& workspace);

// Latest purchase date over all customers; nullopt when there is none (a default calibration end).
std::optional<Date> last_purchase_date(const std::vector<CustomerEvents>& customers);

}  // namespace lcs::clv
