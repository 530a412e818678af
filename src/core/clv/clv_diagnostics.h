// Diagnostics of a fitted purchase-count model (BG/NBD or Pareto/NBD), as in Fader, Hardie & Lee
// (2005) §4: calibration-vs-holdout repeat purchases grouped by calibration frequency, cumulative
// repeat purchases over time (actual vs model, "tracking plot"), frequency-recency grids of
// P(alive) and of expected purchases, and a histogram for value distributions.
//
// Index: calibration_vs_holdout · purchase_tracking · frequency_recency_grid · histogram
#pragma once
#include <vector>

#include "core/clv/customer_clv.h"
#include "core/clv/rfm_summary.h"

namespace lcs::clv {

// ---- calibration vs holdout ----
struct HoldoutGroup {
    int x = 0;                  // calibration repeat purchases; the last group holds x >= its x ("7+")
    bool open_ended = false;    // true for the last group
    int customers = 0;
    double actual = 0;          // mean holdout purchases of the group's customers
    double predicted = 0;       // mean E[purchases in (T, T + holdout_length] | x, t_x, T]
};

// Groups customers by x = 0..max_group−1 and x >= max_group (max_group >= 1; 7 gives "0..6, 7+").
// holdout_length in the model's time unit (> 0). Groups with no customers are kept (customers = 0,
// actual = predicted = 0) so charts have fixed categories.
std::vector<HoldoutGroup> calibration_vs_holdout(const CountParams& counts, const std::vector<CustomerRfm>& customers,
                                                 double holdout_length, int max_group = 7);

// ---- cumulative repeat purchases over time ----
struct PurchaseTracking {
    std::vector<Date> dates;        // end of each period: first_day + k·unit (k = 1..), up to `end`
    std::vector<double> actual;     // cumulative repeat purchases (same-day merged) up to each date
    std::vector<double> predicted;  // Σ over customers of E[X(date − first purchase)] (unconditional)
};

// Population: customers whose first purchase is on or before calibration_end (the model's
// population); their repeat purchases are counted up to `end` (which may lie after calibration_end,
// the holdout). Periods of length `unit` start at the earliest first purchase. Empty when nobody
// qualifies or end is before the first purchase.
PurchaseTracking purchase_tracking(const CountParams& counts, const std::vector<CustomerEvents>& customers,
                                   Date calibration_end, Date end, PeriodUnit unit);

// ---- frequency-recency grid ----
struct FrequencyRecencyGrid {
    std::vector<int> x;                          // rows: repeat purchases 0..max_x
    std::vector<double> t_x;                     // columns: recency (time of last repeat) in model units
    double T = 0;                                // observation length every cell assumes
    std::vector<std::vector<double>> p_alive;    // [row][column]; NaN where impossible (x = 0, t_x > 0)
    std::vector<std::vector<double>> expected;   // expected purchases in the next `horizon` time units
};

// Cells at x = 0..max_x and t_x = T·k/(columns−1), k = 0..columns−1 (columns >= 2, T > 0, horizon >= 0).
FrequencyRecencyGrid frequency_recency_grid(const CountParams& counts, int max_x, double T, int columns, double horizon);

// ---- histogram ----
struct Histogram {
    std::vector<double> edges;  // bins + 1 ascending edges; bin i = [edges[i], edges[i+1]) (last bin closed)
    std::vector<int> counts;    // per bin
    int above = 0;              // values over edges.back() (only when upper_quantile < 1)
};

// bins >= 1. The range is [min, quantile(upper_quantile)] of the finite values (upper_quantile in
// (0, 1]; 1 = max), so a long tail does not squash the chart; values past it count in `above`.
// Empty edges when there is no finite value.
Histogram histogram(const std::vector<double>& values, int bins, double upper_quantile = 1.0);

}  // namespace lcs::clv
