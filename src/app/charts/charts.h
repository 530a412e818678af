// Charts drawn with ImDrawList (no plotting library exists for ImGui 1.86 in our registries).
// Every chart reserves a region of the current window (full width, `height_lines` text lines high),
// draws axes with ticks and labels, a legend, and a hover tooltip with the exact values.
//
//   charts::Series revenue{"Revenue", months, totals};
//   charts::line_chart("rev", {revenue}, {"Month", charts::ValueFormat::month}, {"USD", charts::ValueFormat::money});
//
// Index: formatting · Series/Axis/Options · line_chart · bar_chart · stacked_area_chart · heatmap
// Implemented per family in this folder: chart_common.cpp (formatting, palette, ticks, the shared plot
// frame), axis_charts.cpp (line, bar, stacked area), heatmap.cpp, tornado_chart.cpp, flow_charts.cpp
// (funnel, flow, share bar).
#pragma once
#include <string>
#include <vector>

#include "imgui.h"

namespace lcs::charts {

enum class ValueFormat {
    number,   // 1,234.5 (up to 2 decimals, thousands grouped)
    integer,  // 1,234
    money,    // 1,234.50 (2 decimals); large axis values shortened: 12.3k, 4.5M
    percent,  // fraction 0.253 -> "25.3%"
    date,     // x = days since 1970-01-01 -> "2024-05-01"
    month,    // x = days since 1970-01-01 -> "2024-05"
};

// Exact text for tooltips; short=true gives compact axis labels (12.3k).
std::string format_value(double value, ValueFormat format, bool short_form = false);

// Distinct colours for series i = 0, 1, 2, ... (colour-blind friendly first eight).
ImU32 palette_color(int index);

enum class SeriesKind { line, points, stems };  // stems: vertical bars from 0 at each x (event amounts)

struct Series {
    std::string name;
    std::vector<double> x;  // ascending for line/area; same length as y
    std::vector<double> y;  // NaN = gap
    ImU32 color = 0;        // 0 = palette_color(series index)
    SeriesKind kind = SeriesKind::line;
};

struct Axis {
    std::string label;
    ValueFormat format = ValueFormat::number;
    bool include_zero = true;  // y axes: start at 0 unless data is negative
};

struct Options {
    float height_lines = 14;  // chart height in text lines
    bool legend = true;
    std::string title;        // drawn above the plot when not empty
};

// Lines (or points / stems) over a numeric or date x axis. Returns true while hovered.
bool line_chart(const char* id, const std::vector<Series>& series, const Axis& x_axis, const Axis& y_axis,
                const Options& options = {});

enum class BarMode { grouped, stacked };
// One bar (or stack) per category; series[i].y[c] is the value of series i in category c
// (series[i].x is ignored).
bool bar_chart(const char* id, const std::vector<std::string>& categories, const std::vector<Series>& series,
               const Axis& y_axis, BarMode mode = BarMode::grouped, const Options& options = {});

// Layers stacked bottom-up over a shared x (layers[i].y[k] >= 0 at x[k]).
bool stacked_area_chart(const char* id, const std::vector<double>& x, const std::vector<Series>& layers,
                        const Axis& x_axis, const Axis& y_axis, const Options& options = {});

// values[r][c] for row r, column c; NaN = empty cell. Colour runs from white to `color` over
// [min, max] of the finite values; each cell shows its value when it is wide enough.
bool heatmap(const char* id, const std::vector<std::string>& row_labels, const std::vector<std::string>& column_labels,
             const std::vector<std::vector<double>>& values, ValueFormat format, ImU32 color = 0,
             const Options& options = {});

// Nice, round tick positions covering [min, max] (about `target` ticks). Exposed for tests.
std::vector<double> nice_ticks(double min, double max, int target);

// ==== Tornado chart (scenario sensitivity; owner: ui-scenario) ====
// One horizontal bar per input, drawn from `base` to the result at the input's low and high value,
// in the order given (sort by swing first). Hover shows the exact values and `detail`.
struct TornadoRow {
    std::string label;       // the input, e.g. "Margin · Active"
    double low_result = 0;   // result with the input at its low value
    double high_result = 0;  // result with the input at its high value
    std::string detail;      // extra tooltip lines (e.g. the input's low / base / high values); may be empty
};

// value_axis formats the results (x axis); base_name names `base` in the tooltip ("Base"); low_name /
// high_name label the two bar colours in the legend ("Input -10%", "Input +10%"). options.height_lines <= 0 sizes the chart to its rows.
// Returns true while hovered.
bool tornado_chart(const char* id, const std::vector<TornadoRow>& rows, double base, const Axis& value_axis,
                   const std::string& base_name, const std::string& low_name, const std::string& high_name,
                   const Options& options = {});

// ==== Lifecycle charts (funnel, flow/Sankey, share bar; owner: ui-lifecycle) ====
struct FunnelStep {
    std::string label;
    double value = 0;  // >= 0
    ImU32 color = 0;   // 0 = palette_color(step index)
};
enum class FunnelShare { of_first, of_total };  // the percentage printed beside each bar
// One centred bar per step, top to bottom, width proportional to value / largest value; each row
// shows the value and its share (of the first step, or of the sum of all steps). Hover: the value,
// share of the total, of the first and of the previous step.
// options.height_lines <= 0 sizes the chart to its rows. Returns the hovered step, or -1.
int funnel_chart(const char* id, const std::vector<FunnelStep>& steps, ValueFormat format, const Options& options = {},
                 FunnelShare share = FunnelShare::of_first);

struct FlowNode {
    std::string label;
    ImU32 color = 0;  // 0 = palette_color(node index)
};
// Two columns of stacked node bars (left: `from` nodes, right: `to` nodes) joined by bands whose
// thickness is counts[from][to] (>= 0). Node heights are the row / column totals on one shared scale.
// Hover a band: "from -> to: count (share of from)"; hover a node: its total.
// Returns true while hovered.
bool flow_chart(const char* id, const std::vector<FlowNode>& from, const std::vector<FlowNode>& to,
                const std::vector<std::vector<double>>& counts, const std::string& from_title,
                const std::string& to_title, ValueFormat format = ValueFormat::integer, const Options& options = {});

// One full-width horizontal bar split into segments by value (>= 0), each labelled with its share
// when wide enough. Hover: label, exact value and share. Returns hovered index or -1.
int share_bar(const char* id, const std::vector<FunnelStep>& parts, ValueFormat format, float height_lines = 1.6f);

}  // namespace lcs::charts
