// Tracking chart (CLV model comparison; owner: CLV diagnostics): actual repeat purchases over time
// against each fitted model's expectation, as CLVTools' plot(tracking) draws it for several models,
// in two panes sharing the date axis: cumulative purchases on top, purchases per period below. The
// holdout (after the calibration end) is shaded and the split drawn and labelled in both panes.
// Hover shows the date and every series' value there.
#pragma once
#include <cmath>
#include <string>
#include <vector>

#include "app/charts/charts.h"

namespace lcs::charts {

struct TrackingCurve {
    std::string name;                 // legend text, e.g. "BG/NBD"
    std::vector<double> cumulative;   // same length as TrackingChart::x; NaN = gap
    std::vector<double> incremental;  // per period
    ImU32 color = 0;                  // 0 = palette_color(curve index + 1); the actual takes the text colour
};

struct TrackingChart {
    std::vector<double> x;  // period ends, days since 1970-01-01, ascending
    TrackingCurve actual;   // the data
    std::vector<TrackingCurve> models;
    double split = NAN;     // calibration end (days); NaN = no split drawn
    std::string cumulative_title, incremental_title;  // pane titles
    std::string calibration_label, holdout_label;     // written either side of the split
};

// height_lines in `options` is the height of each pane. Returns true while either pane is hovered.
bool tracking_chart(const char* id, const TrackingChart& chart, const Axis& y_axis, const Options& options = {});

}  // namespace lcs::charts
