// Shared by the chart files (not part of the public charts API): number formatting pieces, theme
// colours, the plot frame (data range -> pixel rectangle), axis ticks, legend and tooltip swatches.
#pragma once
#include <limits>
#include <string>
#include <vector>

#include "app/charts/charts.h"
#include "imgui_internal.h"

namespace lcs::charts::detail {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// "1234567.5" -> "1,234,567.5" (digits: optional '-', integer part, optional fraction).
std::string group_thousands(const std::string& digits);
// value printed with exactly `decimals` decimals.
std::string fixed(double value, int decimals);

// Plot geometry shared by the axis charts: data range -> pixel rectangle.
struct Frame {
    ImDrawList* draw = nullptr;
    ImRect plot;
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    bool hovered = false;
    ImVec2 mouse;

    float px(double x) const { return plot.Min.x + static_cast<float>((x - x0) / (x1 - x0)) * plot.GetWidth(); }
    float py(double y) const { return plot.Max.y - static_cast<float>((y - y0) / (y1 - y0)) * plot.GetHeight(); }
    double data_x(float pixel) const { return x0 + (pixel - plot.Min.x) / plot.GetWidth() * (x1 - x0); }
};

// Theme colours, read from the current ImGui style.
ImU32 text_color();
ImU32 weak_text_color();
ImU32 grid_color();
ImU32 axis_color();
// `color` with its alpha replaced by `alpha` in [0, 1].
ImU32 with_alpha(ImU32 color, float alpha);
// `color`, or palette_color(index) when `color` is 0 (the "0 = palette" convention of the public API).
ImU32 color_or_palette(ImU32 color, int index);
inline ImU32 series_color(const Series& s, int index) { return color_or_palette(s.color, index); }

struct Tick {
    double value;
    std::string label;
};

// Nice ticks over [lo, hi], labelled in `format` (short form); widens lo / hi to the outer ticks.
std::vector<Tick> value_ticks(double& lo, double& hi, ValueFormat format, int target);
// Ticks for the frame's x axis: calendar ticks for date formats, nice ticks inside [x0, x1] otherwise;
// about one tick per six font sizes of plot width.
std::vector<Tick> x_axis_ticks(const Frame& f, ValueFormat format);

// Reserves the chart region and lays out the plot rectangle, title, legend and axis labels.
// Returns false when the region is too small to draw.
bool begin_frame(const char* id, Frame& f, const Options& options, bool legend, const std::vector<Series>& series,
                 float left_margin, const Axis& x_axis, const Axis& y_axis);
// One swatch + name per series from `pos`, stopping before `max_x`.
void draw_legend(const std::vector<Series>& series, ImVec2 pos, float max_x);
// Horizontal grid lines with labels left of the plot, and the left and bottom axis lines.
void draw_y_axis(const Frame& f, const std::vector<Tick>& ticks);
// Tick marks and labels under the plot; labels that would overlap the previous one are skipped.
void draw_x_ticks(const Frame& f, const std::vector<Tick>& ticks);
// Pixel width of the widest tick label plus a margin.
float y_label_width(const std::vector<Tick>& ticks);
// A colour swatch on the current tooltip line, followed by SameLine.
void tooltip_swatch(ImU32 color);
// Finite x / y extent of all series (infinite when there is none).
void data_range(const std::vector<Series>& series, double& x0, double& x1, double& y0, double& y1);
// Makes [lo, hi] drawable: [0, 1] when not finite, padded when empty.
void fix_range(double& lo, double& hi);
// `text` shortened with "..." (whole UTF-8 characters) so it fits `width` pixels.
std::string fit_text(const std::string& text, float width);

}  // namespace lcs::charts::detail
