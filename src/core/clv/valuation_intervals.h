// Intervals of a finished count-model valuation (BG/NBD or Pareto/NBD purchases with Gamma-Gamma
// spend, valuation.h): the parameter intervals of both fits and the parameter draws and settings
// that a ClvBootstrap (bootstrap.h) over ValuationResult::rfm needs so that its per-customer
// intervals line up with ValuationResult::rows (the rows are the summaries, in order).
#pragma once
#include <cstdint>
#include <optional>

#include "core/clv/bootstrap.h"
#include "core/clv/intervals.h"
#include "core/clv/valuation.h"

namespace lcs::clv {

struct ValuationIntervals {
    ParameterIntervals counts;  // of ValuationResult::count_fit
    ParameterIntervals spend;   // of ValuationResult::spend_fit
    ClvDraws draws;             // empty when either has no intervals
    BootstrapSettings bootstrap;  // the valuation's horizon, period length, discount and margin, at the level
};

// nullopt unless result is an ok() count-model valuation. time_resolution: the one the valuation
// pooled the summaries with (1 / period_length_days(fit unit) for dated data, 0 for summaries), so
// the likelihood differentiated is the one that was maximised. draws >= 1; seed for the draws.
std::optional<ValuationIntervals> valuation_intervals(const ValuationResult& result, double time_resolution,
                                                      double level = 0.9, int draws = kDefaultDraws,
                                                      uint64_t seed = 1);

}  // namespace lcs::clv
