// How the CLV panel shows the uncertainty of its fit (#14 §1): the level control and the parameter
// intervals beside the fit, the customer-equity interval under the summary, and the per-customer and
// per-stage intervals its tables read. The numbers come from ClvIntervalsSession (clv_intervals_session.h).
#pragma once
#include <cstddef>
#include <string>

#include "app/app_state.h"
#include "app/charts/charts.h"
#include "app/clv_session.h"
#include "core/clv/bootstrap.h"

namespace lcs {

// Level control, then each fit's parameters with their intervals; while the bootstrap runs, its
// progress; when there are no intervals, why.
void draw_clv_parameter_intervals(AppState& state, const ClvResult& result);
// "Customer equity, 90% interval: lo – hi" (and expected purchases), once the bootstrap is done.
void draw_clv_equity_interval(AppState& state, const ClvResult& result);
// The same for the CLV session's current fit, where a fit's values are reused (the scenario
// baseline, beside the new customer's value); nothing without a current, finished one.
void draw_fit_equity_interval(AppState& state);
// The bootstrap's intervals of row `row` of result.rows, or nullptr until the bootstrap is done.
const clv::CustomerIntervals* clv_row_interval(AppState& state, const ClvResult& result, std::size_t row);
// The CLV total of stage `stage` (index into result.stages) over the draws; NaN bounds until done.
clv::Interval clv_stage_interval(AppState& state, const ClvResult& result, std::size_t stage);
// "lo – hi" in format `f`, or "-" when a bound is not finite.
std::string interval_text(const clv::Interval& interval, charts::ValueFormat format);

}  // namespace lcs
