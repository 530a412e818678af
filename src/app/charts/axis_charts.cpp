// Value-axis charts: lines / points / stems, grouped or stacked bars, stacked areas.
#include <algorithm>
#include <cmath>

#include "app/charts/chart_common.h"

namespace lcs::charts {

using namespace detail;

namespace {

// Marks the data x nearest the mouse and lists each series' value there.
void line_tooltip(const Frame& f, const std::vector<Series>& series, const Axis& x_axis, const Axis& y_axis,
                  float thickness) {
    double mx = f.data_x(f.mouse.x);
    double best_x = kNaN, best_d = std::numeric_limits<double>::infinity();
    for (const Series& s : series) {
        auto it = std::lower_bound(s.x.begin(), s.x.end(), mx);
        for (auto c : {it, it == s.x.begin() ? it : it - 1}) {
            if (c == s.x.end()) continue;
            double d = std::fabs(*c - mx);
            if (d < best_d) {
                best_d = d;
                best_x = *c;
            }
        }
    }
    if (std::isfinite(best_x)) {
        float x = f.px(best_x);
        f.draw->AddLine(ImVec2(x, f.plot.Min.y), ImVec2(x, f.plot.Max.y), axis_color());
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(format_value(best_x, x_axis.format).c_str());
        for (std::size_t si = 0; si < series.size(); ++si) {
            const Series& s = series[si];
            for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
                if (s.x[i] != best_x) continue;
                tooltip_swatch(series_color(s, static_cast<int>(si)));
                ImGui::Text("%s: %s", s.name.c_str(), format_value(s.y[i], y_axis.format).c_str());
                f.draw->AddCircle(ImVec2(x, f.py(s.y[i])), thickness * 3, series_color(s, static_cast<int>(si)), 0, 1.5f);
            }
        }
        ImGui::EndTooltip();
    }
}

// Category c's name, each series' value and, for stacks of several series, their sum.
void bar_tooltip(const std::string& category, std::size_t c, const std::vector<Series>& series, const Axis& y_axis,
                 BarMode mode) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(category.c_str());
    double total = 0;
    for (std::size_t si = 0; si < series.size(); ++si) {
        const Series& s = series[si];
        double v = c < s.y.size() ? s.y[c] : kNaN;
        if (std::isfinite(v)) total += v;
        tooltip_swatch(series_color(s, static_cast<int>(si)));
        ImGui::Text("%s: %s", s.name.empty() ? "-" : s.name.c_str(), format_value(v, y_axis.format).c_str());
    }
    if (mode == BarMode::stacked && series.size() > 1) ImGui::Text("= %s", format_value(total, y_axis.format).c_str());
    ImGui::EndTooltip();
}

}  // namespace

bool line_chart(const char* id, const std::vector<Series>& series, const Axis& x_axis, const Axis& y_axis,
                const Options& options) {
    ImGui::PushID(id);
    Frame f;
    data_range(series, f.x0, f.x1, f.y0, f.y1);
    if (y_axis.include_zero) {
        f.y0 = std::min(f.y0, 0.0);
        f.y1 = std::max(f.y1, 0.0);
    }
    fix_range(f.x0, f.x1);
    fix_range(f.y0, f.y1);
    std::vector<Tick> y_ticks = value_ticks(f.y0, f.y1, y_axis.format, 5);
    if (!begin_frame("chart", f, options, series.size() > 1, series, y_label_width(y_ticks), x_axis, y_axis)) {
        ImGui::PopID();
        return false;
    }
    draw_y_axis(f, y_ticks);
    draw_x_ticks(f, x_axis_ticks(f, x_axis.format));

    f.draw->PushClipRect(ImVec2(f.plot.Min.x - 4, f.plot.Min.y - 4), ImVec2(f.plot.Max.x + 4, f.plot.Max.y + 4), true);
    float thickness = std::max(1.5f, ImGui::GetFontSize() * 0.12f);
    for (std::size_t si = 0; si < series.size(); ++si) {
        const Series& s = series[si];
        ImU32 color = series_color(s, static_cast<int>(si));
        std::size_t n = std::min(s.x.size(), s.y.size());
        if (s.kind == SeriesKind::line) {
            std::vector<ImVec2> run;
            for (std::size_t i = 0; i <= n; ++i) {
                bool ok = i < n && std::isfinite(s.x[i]) && std::isfinite(s.y[i]);
                if (ok) run.emplace_back(f.px(s.x[i]), f.py(s.y[i]));
                if (!ok || i == n) {
                    if (run.size() == 1) f.draw->AddCircleFilled(run[0], thickness * 1.5f, color);
                    if (run.size() > 1) f.draw->AddPolyline(run.data(), static_cast<int>(run.size()), color, 0, thickness);
                    run.clear();
                }
            }
        } else {
            float base = f.py(std::clamp(0.0, f.y0, f.y1));
            for (std::size_t i = 0; i < n; ++i) {
                if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
                ImVec2 p(f.px(s.x[i]), f.py(s.y[i]));
                if (s.kind == SeriesKind::stems) f.draw->AddLine(ImVec2(p.x, base), p, with_alpha(color, 0.6f), thickness);
                f.draw->AddCircleFilled(p, thickness * 1.6f, color);
            }
        }
    }
    f.draw->PopClipRect();

    if (f.hovered && f.plot.Contains(f.mouse)) line_tooltip(f, series, x_axis, y_axis, thickness);
    ImGui::PopID();
    return f.hovered;
}

bool bar_chart(const char* id, const std::vector<std::string>& categories, const std::vector<Series>& series,
               const Axis& y_axis, BarMode mode, const Options& options) {
    ImGui::PushID(id);
    Frame f;
    std::size_t n = categories.size();
    f.x0 = 0;
    f.x1 = std::max<double>(1, static_cast<double>(n));
    f.y0 = 0;
    f.y1 = 0;
    for (std::size_t c = 0; c < n; ++c) {
        double pos = 0, neg = 0;
        for (const Series& s : series) {
            double v = c < s.y.size() && std::isfinite(s.y[c]) ? s.y[c] : 0;
            if (mode == BarMode::stacked) (v >= 0 ? pos : neg) += v;
            else {
                pos = std::max(pos, v);
                neg = std::min(neg, v);
            }
        }
        f.y0 = std::min(f.y0, neg);
        f.y1 = std::max(f.y1, pos);
    }
    fix_range(f.y0, f.y1);
    std::vector<Tick> y_ticks = value_ticks(f.y0, f.y1, y_axis.format, 5);
    if (!begin_frame("chart", f, options, series.size() > 1, series, y_label_width(y_ticks), Axis{}, y_axis)) {
        ImGui::PopID();
        return false;
    }
    draw_y_axis(f, y_ticks);
    float band = f.plot.GetWidth() / static_cast<float>(std::max<std::size_t>(1, n));
    float widest = 0;
    for (const std::string& c : categories) widest = std::max(widest, ImGui::CalcTextSize(c.c_str()).x);
    int label_every = std::max(1, static_cast<int>(std::ceil((widest + 8) / std::max(1.0f, band))));
    int hovered = -1;
    if (f.hovered && f.plot.Contains(f.mouse)) hovered = static_cast<int>((f.mouse.x - f.plot.Min.x) / band);
    std::size_t ns = std::max<std::size_t>(1, series.size());
    for (std::size_t c = 0; c < n; ++c) {
        float left = f.plot.Min.x + band * static_cast<float>(c);
        if (static_cast<int>(c) == hovered)
            f.draw->AddRectFilled(ImVec2(left, f.plot.Min.y), ImVec2(left + band, f.plot.Max.y), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        double pos = 0, neg = 0;
        for (std::size_t si = 0; si < series.size(); ++si) {
            const Series& s = series[si];
            double v = c < s.y.size() && std::isfinite(s.y[c]) ? s.y[c] : 0;
            ImU32 color = series_color(s, static_cast<int>(si));
            float x_a, x_b;
            double y_a, y_b;
            if (mode == BarMode::stacked) {
                x_a = left + band * 0.15f;
                x_b = left + band * 0.85f;
                double& acc = v >= 0 ? pos : neg;
                y_a = acc;
                y_b = acc + v;
                acc += v;
            } else {
                float w = band * 0.8f / static_cast<float>(ns);
                x_a = left + band * 0.1f + w * static_cast<float>(si);
                x_b = x_a + w * 0.92f;
                y_a = 0;
                y_b = v;
            }
            f.draw->AddRectFilled(ImVec2(x_a, std::min(f.py(y_a), f.py(y_b))), ImVec2(x_b, std::max(f.py(y_a), f.py(y_b))), color);
        }
        if (static_cast<int>(c) % label_every == 0) {
            ImVec2 ts = ImGui::CalcTextSize(categories[c].c_str());
            f.draw->AddText(ImVec2(left + band * 0.5f - ts.x * 0.5f, f.plot.Max.y + 3), text_color(), categories[c].c_str());
        }
    }
    if (hovered >= 0 && hovered < static_cast<int>(n))
        bar_tooltip(categories[static_cast<std::size_t>(hovered)], static_cast<std::size_t>(hovered), series, y_axis, mode);
    ImGui::PopID();
    return f.hovered;
}

bool stacked_area_chart(const char* id, const std::vector<double>& x, const std::vector<Series>& layers,
                        const Axis& x_axis, const Axis& y_axis, const Options& options) {
    ImGui::PushID(id);
    Frame f;
    std::size_t n = x.size();
    std::vector<std::vector<double>> top(layers.size(), std::vector<double>(n, 0.0));
    for (std::size_t k = 0; k < n; ++k) {
        double acc = 0;
        for (std::size_t li = 0; li < layers.size(); ++li) {
            double v = k < layers[li].y.size() && std::isfinite(layers[li].y[k]) ? std::max(0.0, layers[li].y[k]) : 0;
            acc += v;
            top[li][k] = acc;
        }
    }
    f.x0 = n ? x.front() : 0;
    f.x1 = n ? x.back() : 1;
    f.y0 = 0;
    f.y1 = 0;
    if (!top.empty())
        for (double v : top.back()) f.y1 = std::max(f.y1, v);
    fix_range(f.x0, f.x1);
    fix_range(f.y0, f.y1);
    f.y0 = 0;
    std::vector<Tick> y_ticks = value_ticks(f.y0, f.y1, y_axis.format, 5);
    if (!begin_frame("chart", f, options, true, layers, y_label_width(y_ticks), x_axis, y_axis)) {
        ImGui::PopID();
        return false;
    }
    draw_y_axis(f, y_ticks);
    draw_x_ticks(f, x_axis_ticks(f, x_axis.format));
    for (std::size_t li = 0; li < layers.size(); ++li) {
        ImU32 color = series_color(layers[li], static_cast<int>(li));
        ImU32 fill = with_alpha(color, 0.55f);
        for (std::size_t k = 0; k + 1 < n; ++k) {
            double b0 = li ? top[li - 1][k] : 0, b1 = li ? top[li - 1][k + 1] : 0;
            ImVec2 quad[4] = {ImVec2(f.px(x[k]), f.py(b0)), ImVec2(f.px(x[k]), f.py(top[li][k])),
                              ImVec2(f.px(x[k + 1]), f.py(top[li][k + 1])), ImVec2(f.px(x[k + 1]), f.py(b1))};
            f.draw->AddConvexPolyFilled(quad, 4, fill);
            f.draw->AddLine(quad[1], quad[2], color, 1.5f);
        }
    }
    if (f.hovered && f.plot.Contains(f.mouse) && n > 0) {
        double mx = f.data_x(f.mouse.x);
        std::size_t k = static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), mx) - x.begin());
        if (k == n || (k > 0 && std::fabs(x[k - 1] - mx) < std::fabs(x[k] - mx))) --k;
        float px = f.px(x[k]);
        f.draw->AddLine(ImVec2(px, f.plot.Min.y), ImVec2(px, f.plot.Max.y), axis_color());
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(format_value(x[k], x_axis.format).c_str());
        for (std::size_t li = layers.size(); li-- > 0;) {
            double v = k < layers[li].y.size() ? layers[li].y[k] : kNaN;
            tooltip_swatch(series_color(layers[li], static_cast<int>(li)));
            ImGui::Text("%s: %s", layers[li].name.c_str(), format_value(v, y_axis.format).c_str());
        }
        if (!top.empty()) ImGui::Text("= %s", format_value(top.back()[k], y_axis.format).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return f.hovered;
}

}  // namespace lcs::charts
