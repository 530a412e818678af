#include "app/charts/chart_tracking.h"

#include <algorithm>

#include "app/charts/chart_common.h"

namespace lcs::charts {

using namespace detail;

namespace {

// The pane's series: the actual first (text colour, drawn thicker), then the models.
std::vector<Series> pane_series(const TrackingChart& c, bool cumulative) {
    std::vector<Series> out;
    auto add = [&](const TrackingCurve& curve, ImU32 color) {
        out.push_back(Series{curve.name, c.x, cumulative ? curve.cumulative : curve.incremental, color});
    };
    add(c.actual, text_color());
    for (size_t i = 0; i < c.models.size(); ++i) add(c.models[i], color_or_palette(c.models[i].color, static_cast<int>(i) + 1));
    return out;
}

// Holdout shading, the split line and its two labels.
void draw_split(const Frame& f, const TrackingChart& c) {
    if (!std::isfinite(c.split) || c.split < f.x0 || c.split > f.x1) return;
    const float x = f.px(c.split);
    f.draw->AddRectFilled(ImVec2(x, f.plot.Min.y), f.plot.Max, with_alpha(palette_color(3), 0.08f));
    f.draw->AddLine(ImVec2(x, f.plot.Min.y), ImVec2(x, f.plot.Max.y), IM_COL32(200, 60, 60, 255), 1.5f);
    const ImVec2 left = ImGui::CalcTextSize(c.calibration_label.c_str());
    f.draw->AddText(ImVec2(x - left.x - 4, f.plot.Min.y + 2), weak_text_color(), c.calibration_label.c_str());
    f.draw->AddText(ImVec2(x + 4, f.plot.Min.y + 2), weak_text_color(), c.holdout_label.c_str());
}

void draw_lines(const Frame& f, const std::vector<Series>& series) {
    const float thickness = std::max(1.5f, ImGui::GetFontSize() * 0.12f);
    f.draw->PushClipRect(ImVec2(f.plot.Min.x - 2, f.plot.Min.y - 2), ImVec2(f.plot.Max.x + 2, f.plot.Max.y + 2), true);
    // Models first, the actual (series 0) on top of them.
    for (size_t k = 1; k <= series.size(); ++k) {
        const size_t si = k % series.size();
        const Series& s = series[si];
        std::vector<ImVec2> run;
        const size_t n = std::min(s.x.size(), s.y.size());
        for (size_t i = 0; i <= n; ++i) {
            const bool ok = i < n && std::isfinite(s.y[i]);
            if (ok) run.emplace_back(f.px(s.x[i]), f.py(s.y[i]));
            if ((!ok || i == n) && run.size() > 1)
                f.draw->AddPolyline(run.data(), static_cast<int>(run.size()), s.color, 0, si == 0 ? thickness * 1.6f : thickness);
            if (!ok) run.clear();
        }
    }
    f.draw->PopClipRect();
}

void tooltip(const Frame& f, const std::vector<Series>& series, const Axis& y_axis) {
    const std::vector<double>& xs = series.front().x;
    if (xs.empty()) return;
    const double mx = f.data_x(f.mouse.x);
    auto it = std::lower_bound(xs.begin(), xs.end(), mx);
    if (it == xs.end() || (it != xs.begin() && mx - *(it - 1) < *it - mx)) --it;
    const size_t k = static_cast<size_t>(it - xs.begin());
    const float x = f.px(*it);
    f.draw->AddLine(ImVec2(x, f.plot.Min.y), ImVec2(x, f.plot.Max.y), axis_color());
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(format_value(*it, ValueFormat::date).c_str());
    for (const Series& s : series) {
        if (k >= s.y.size()) continue;
        tooltip_swatch(s.color);
        ImGui::Text("%s: %s", s.name.c_str(), format_value(s.y[k], y_axis.format).c_str());
    }
    ImGui::EndTooltip();
}

bool pane(const char* id, const TrackingChart& c, bool cumulative, const Axis& y_axis, Options options) {
    const std::vector<Series> series = pane_series(c, cumulative);
    Frame f;
    data_range(series, f.x0, f.x1, f.y0, f.y1);
    f.y0 = std::min(f.y0, 0.0);
    fix_range(f.x0, f.x1);
    fix_range(f.y0, f.y1);
    const std::vector<Tick> y_ticks = value_ticks(f.y0, f.y1, y_axis.format, 5);
    options.title = cumulative ? c.cumulative_title : c.incremental_title;
    if (!begin_frame(id, f, options, cumulative, series, y_label_width(y_ticks), Axis{"", ValueFormat::date}, y_axis))
        return false;
    draw_split(f, c);
    draw_y_axis(f, y_ticks);
    draw_x_ticks(f, x_axis_ticks(f, ValueFormat::date));
    draw_lines(f, series);
    const bool hovered = f.hovered && f.plot.Contains(f.mouse);
    if (hovered) tooltip(f, series, y_axis);
    return hovered;
}

}  // namespace

bool tracking_chart(const char* id, const TrackingChart& chart, const Axis& y_axis, const Options& options) {
    ImGui::PushID(id);
    const bool top = pane("cumulative", chart, true, y_axis, options);
    const bool bottom = pane("incremental", chart, false, y_axis, options);
    ImGui::PopID();
    return top || bottom;
}

}  // namespace lcs::charts
