#include "app/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/date.h"
#include "imgui_internal.h"

namespace lcs::charts {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string group_thousands(const std::string& digits) {
    // digits: optional '-', integer part, optional fraction
    std::size_t start = digits[0] == '-' ? 1 : 0;
    std::size_t dot = digits.find('.');
    std::size_t int_end = dot == std::string::npos ? digits.size() : dot;
    std::string out = digits.substr(0, start);
    for (std::size_t i = start; i < int_end; ++i) {
        out += digits[i];
        std::size_t remaining = int_end - i - 1;
        if (remaining > 0 && remaining % 3 == 0) out += ',';
    }
    out += digits.substr(int_end);
    return out;
}

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string trim_zeros(std::string text) {
    if (text.find('.') == std::string::npos) return text;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

std::string shorten(double value) {
    double a = std::fabs(value);
    if (a >= 1e9) return trim_zeros(fixed(value / 1e9, 1)) + "B";
    if (a >= 1e6) return trim_zeros(fixed(value / 1e6, 1)) + "M";
    if (a >= 1e4) return trim_zeros(fixed(value / 1e3, 1)) + "k";
    return group_thousands(trim_zeros(fixed(value, 2)));
}

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

ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 weak_text_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_color() { return ImGui::GetColorU32(ImGuiCol_Border, 0.45f); }
ImU32 axis_color() { return ImGui::GetColorU32(ImGuiCol_Text, 0.55f); }

ImU32 with_alpha(ImU32 color, float alpha) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 series_color(const Series& s, int index) { return s.color ? s.color : palette_color(index); }

struct Tick {
    double value;
    std::string label;
};

std::vector<Tick> value_ticks(double& lo, double& hi, ValueFormat format, int target) {
    std::vector<Tick> ticks;
    for (double v : nice_ticks(lo, hi, target)) ticks.push_back({v, format_value(v, format, true)});
    if (!ticks.empty()) {
        lo = std::min(lo, ticks.front().value);
        hi = std::max(hi, ticks.back().value);
    }
    return ticks;
}

// Date axes tick on calendar boundaries: years, months, or round day counts.
std::vector<Tick> date_ticks(double lo, double hi, ValueFormat format, int target) {
    std::vector<Tick> ticks;
    double span = hi - lo;
    Date first{static_cast<int32_t>(std::floor(lo))};
    if (span > 3 * 366) {
        int y0 = ymd_from_date(first).year;
        int y1 = ymd_from_date(Date{static_cast<int32_t>(std::ceil(hi))}).year + 1;
        int step = 1;
        for (int s : {1, 2, 5, 10, 20, 50}) {
            step = s;
            if ((y1 - y0) / s <= target) break;
        }
        for (int y = (y0 / step) * step; y <= y1; y += step) {
            double d = date_from_ymd({y, 1, 1}).days;
            if (d >= lo && d <= hi) ticks.push_back({d, std::to_string(y)});
        }
    } else if (span > 45) {
        int months = static_cast<int>(span / 30.4) + 1;
        int step = 1;
        for (int s : {1, 2, 3, 6, 12}) {
            step = s;
            if (months / s <= target) break;
        }
        Date m = month_start(first);
        for (int i = 0; i < months + 2; ++i) {
            Date d = add_months(m, i);
            YearMonthDay ymd = ymd_from_date(d);
            if ((ymd.month - 1) % step != 0) continue;
            if (d.days >= lo && d.days <= hi) ticks.push_back({static_cast<double>(d.days), to_iso(d).substr(0, 7)});
        }
    } else {
        for (double v : nice_ticks(lo, hi, target)) {
            if (v >= lo && v <= hi) ticks.push_back({v, format_value(v, ValueFormat::date)});
        }
    }
    (void)format;
    return ticks;
}

bool is_date(ValueFormat f) { return f == ValueFormat::date || f == ValueFormat::month; }

void draw_legend(const std::vector<Series>& series, ImVec2 pos, float max_x) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float line = ImGui::GetTextLineHeight();
    float x = pos.x;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const std::string& name = series[i].name;
        float w = line + 4 + ImGui::CalcTextSize(name.c_str()).x + line;
        if (x + w > max_x && x > pos.x) break;
        draw->AddRectFilled(ImVec2(x, pos.y + line * 0.2f), ImVec2(x + line * 0.8f, pos.y + line),
                            series_color(series[i], static_cast<int>(i)), 2.0f);
        draw->AddText(ImVec2(x + line + 2, pos.y), text_color(), name.c_str());
        x += w;
    }
}

// Reserves the chart region and lays out the plot rectangle, axes and labels.
// Returns false when the region is too small to draw.
bool begin_frame(const char* id, Frame& f, const Options& options, bool legend, const std::vector<Series>& series,
                 float left_margin, const Axis& x_axis, const Axis& y_axis) {
    float line = ImGui::GetTextLineHeightWithSpacing();
    ImVec2 size(ImGui::GetContentRegionAvail().x, options.height_lines * line);
    if (size.x < 40 || size.y < 3 * line) {
        ImGui::Dummy(size);
        return false;
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    f.hovered = ImGui::IsItemHovered();
    f.mouse = ImGui::GetIO().MousePos;
    f.draw = ImGui::GetWindowDrawList();
    ImRect outer(origin, ImVec2(origin.x + size.x, origin.y + size.y));
    float top = outer.Min.y;
    if (!options.title.empty()) {
        f.draw->AddText(ImVec2(outer.Min.x, top), text_color(), options.title.c_str());
        top += line;
    }
    if (legend && options.legend && !series.empty()) {
        draw_legend(series, ImVec2(outer.Min.x + left_margin, top), outer.Max.x);
        top += line;
    }
    if (!y_axis.label.empty()) {
        f.draw->AddText(ImVec2(outer.Min.x, top), weak_text_color(), y_axis.label.c_str());
        top += line;
    }
    float bottom = outer.Max.y - line;  // tick labels
    if (!x_axis.label.empty()) bottom -= line;
    f.plot = ImRect(ImVec2(outer.Min.x + left_margin, top + line * 0.5f), ImVec2(outer.Max.x - line * 0.8f, bottom));
    if (!x_axis.label.empty()) {
        ImVec2 ts = ImGui::CalcTextSize(x_axis.label.c_str());
        f.draw->AddText(ImVec2(f.plot.GetCenter().x - ts.x * 0.5f, outer.Max.y - line + 2), weak_text_color(),
                        x_axis.label.c_str());
    }
    return f.plot.GetWidth() > 10 && f.plot.GetHeight() > 10;
}

void draw_y_axis(const Frame& f, const std::vector<Tick>& ticks) {
    float half = ImGui::GetTextLineHeight() * 0.5f;
    for (const Tick& t : ticks) {
        float y = f.py(t.value);
        f.draw->AddLine(ImVec2(f.plot.Min.x, y), ImVec2(f.plot.Max.x, y), grid_color());
        ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
        f.draw->AddText(ImVec2(f.plot.Min.x - ts.x - 6, y - half), text_color(), t.label.c_str());
    }
    f.draw->AddLine(f.plot.Min, ImVec2(f.plot.Min.x, f.plot.Max.y), axis_color());
    f.draw->AddLine(ImVec2(f.plot.Min.x, f.plot.Max.y), f.plot.Max, axis_color());
}

void draw_x_ticks(const Frame& f, const std::vector<Tick>& ticks) {
    float last_right = -1e9f;
    for (const Tick& t : ticks) {
        float x = f.px(t.value);
        f.draw->AddLine(ImVec2(x, f.plot.Max.y), ImVec2(x, f.plot.Max.y + 4), axis_color());
        ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
        float left = x - ts.x * 0.5f;
        if (left < last_right + 6) continue;  // would overlap the previous label
        f.draw->AddText(ImVec2(left, f.plot.Max.y + 3), text_color(), t.label.c_str());
        last_right = left + ts.x;
    }
}

float y_label_width(const std::vector<Tick>& ticks) {
    float w = 0;
    for (const Tick& t : ticks) w = std::max(w, ImGui::CalcTextSize(t.label.c_str()).x);
    return w + 10;
}

void tooltip_swatch(ImU32 color) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float line = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + line * 0.2f), ImVec2(p.x + line * 0.8f, p.y + line),
                                              color, 2.0f);
    ImGui::Dummy(ImVec2(line, line));
    ImGui::SameLine();
}

void data_range(const std::vector<Series>& series, double& x0, double& x1, double& y0, double& y1) {
    x0 = y0 = std::numeric_limits<double>::infinity();
    x1 = y1 = -std::numeric_limits<double>::infinity();
    for (const Series& s : series) {
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
            x0 = std::min(x0, s.x[i]);
            x1 = std::max(x1, s.x[i]);
            y0 = std::min(y0, s.y[i]);
            y1 = std::max(y1, s.y[i]);
        }
    }
}

void fix_range(double& lo, double& hi) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    } else if (hi - lo < 1e-12) {
        double pad = std::max(1.0, std::fabs(lo) * 0.1);
        lo -= pad;
        hi += pad;
    }
}

}  // namespace

std::string format_value(double value, ValueFormat format, bool short_form) {
    if (!std::isfinite(value)) return "-";
    switch (format) {
        case ValueFormat::integer: return group_thousands(fixed(std::round(value), 0));
        case ValueFormat::money:
            return short_form ? shorten(value) : group_thousands(fixed(value, 2));
        case ValueFormat::percent: return trim_zeros(fixed(value * 100.0, short_form ? 0 : 1)) + "%";
        case ValueFormat::date: return to_iso(Date{static_cast<int32_t>(std::lround(value))});
        case ValueFormat::month: return to_iso(Date{static_cast<int32_t>(std::lround(value))}).substr(0, 7);
        case ValueFormat::number:
        default: return short_form ? shorten(value) : group_thousands(trim_zeros(fixed(value, 2)));
    }
}

ImU32 palette_color(int index) {
    static const ImU32 kColors[] = {
        IM_COL32(0, 114, 178, 255),   IM_COL32(230, 159, 0, 255),   IM_COL32(0, 158, 115, 255),
        IM_COL32(213, 94, 0, 255),    IM_COL32(204, 121, 167, 255), IM_COL32(86, 180, 233, 255),
        IM_COL32(120, 120, 120, 255), IM_COL32(180, 160, 20, 255),  IM_COL32(90, 60, 160, 255),
        IM_COL32(150, 80, 40, 255),
    };
    constexpr int n = static_cast<int>(sizeof kColors / sizeof kColors[0]);
    return kColors[((index % n) + n) % n];
}

std::vector<double> nice_ticks(double min, double max, int target) {
    std::vector<double> ticks;
    if (!std::isfinite(min) || !std::isfinite(max) || target < 1) return ticks;
    if (max < min) std::swap(min, max);
    double range = max - min;
    if (range <= 0) range = std::max(1.0, std::fabs(min));
    double raw = range / target;
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / magnitude;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
    double start = std::floor(min / step) * step;
    for (int i = 0; i < 1000; ++i) {
        double v = start + i * step;
        if (std::fabs(v) < step * 1e-9) v = 0;  // avoid "-0" and 1e-17 labels
        ticks.push_back(v);
        if (v >= max - step * 1e-9) break;
    }
    return ticks;
}

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
    int x_target = std::max(2, static_cast<int>(f.plot.GetWidth() / (ImGui::GetFontSize() * 6)));
    std::vector<Tick> x_ticks;
    if (is_date(x_axis.format)) {
        x_ticks = date_ticks(f.x0, f.x1, x_axis.format, x_target);
    } else {
        double lo = f.x0, hi = f.x1;
        for (const Tick& t : value_ticks(lo, hi, x_axis.format, x_target))
            if (t.value >= f.x0 - 1e-9 && t.value <= f.x1 + 1e-9) x_ticks.push_back(t);
    }
    draw_y_axis(f, y_ticks);
    draw_x_ticks(f, x_ticks);

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

    if (f.hovered && f.plot.Contains(f.mouse)) {
        // Snap to the data x nearest the mouse, then list each series' value there.
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
    if (hovered >= 0 && hovered < static_cast<int>(n)) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(categories[static_cast<std::size_t>(hovered)].c_str());
        double total = 0;
        for (std::size_t si = 0; si < series.size(); ++si) {
            const Series& s = series[si];
            double v = static_cast<std::size_t>(hovered) < s.y.size() ? s.y[static_cast<std::size_t>(hovered)] : kNaN;
            if (std::isfinite(v)) total += v;
            tooltip_swatch(series_color(s, static_cast<int>(si)));
            ImGui::Text("%s: %s", s.name.empty() ? "-" : s.name.c_str(), format_value(v, y_axis.format).c_str());
        }
        if (mode == BarMode::stacked && series.size() > 1) ImGui::Text("= %s", format_value(total, y_axis.format).c_str());
        ImGui::EndTooltip();
    }
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
    int x_target = std::max(2, static_cast<int>(f.plot.GetWidth() / (ImGui::GetFontSize() * 6)));
    std::vector<Tick> x_ticks;
    if (is_date(x_axis.format)) x_ticks = date_ticks(f.x0, f.x1, x_axis.format, x_target);
    else {
        double lo = f.x0, hi = f.x1;
        for (const Tick& t : value_ticks(lo, hi, x_axis.format, x_target))
            if (t.value >= f.x0 - 1e-9 && t.value <= f.x1 + 1e-9) x_ticks.push_back(t);
    }
    draw_y_axis(f, y_ticks);
    draw_x_ticks(f, x_ticks);
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

bool heatmap(const char* id, const std::vector<std::string>& row_labels, const std::vector<std::string>& column_labels,
             const std::vector<std::vector<double>>& values, ValueFormat format, ImU32 color, const Options& options) {
    ImGui::PushID(id);
    if (!color) color = palette_color(0);
    float line = ImGui::GetTextLineHeightWithSpacing();
    float left = 0;
    for (const std::string& r : row_labels) left = std::max(left, ImGui::CalcTextSize(r.c_str()).x);
    left += 8;
    std::size_t rows = row_labels.size(), cols = column_labels.size();
    float title_h = options.title.empty() ? 0 : line;
    ImVec2 size(ImGui::GetContentRegionAvail().x, options.height_lines * line);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    bool hovered_item = ImGui::IsItemHovered();
    if (rows == 0 || cols == 0 || size.x < left + 20) {
        ImGui::PopID();
        return hovered_item;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (title_h > 0) draw->AddText(origin, text_color(), options.title.c_str());
    ImRect grid(ImVec2(origin.x + left, origin.y + title_h + line), ImVec2(origin.x + size.x, origin.y + size.y));
    float cw = grid.GetWidth() / static_cast<float>(cols);
    float ch = grid.GetHeight() / static_cast<float>(rows);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& row : values)
        for (double v : row)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    ImVec4 target = ImGui::ColorConvertU32ToFloat4(color);
    float last_right = -1e9f;
    for (std::size_t c = 0; c < cols; ++c) {
        ImVec2 ts = ImGui::CalcTextSize(column_labels[c].c_str());
        float x = grid.Min.x + cw * (static_cast<float>(c) + 0.5f) - ts.x * 0.5f;
        if (x < last_right + 4) continue;
        draw->AddText(ImVec2(x, grid.Min.y - line), text_color(), column_labels[c].c_str());
        last_right = x + ts.x;
    }
    for (std::size_t r = 0; r < rows; ++r) {
        float y = grid.Min.y + ch * static_cast<float>(r);
        if (ch >= ImGui::GetTextLineHeight() * 0.9f)
            draw->AddText(ImVec2(origin.x, y + ch * 0.5f - ImGui::GetTextLineHeight() * 0.5f), text_color(), row_labels[r].c_str());
        for (std::size_t c = 0; c < cols; ++c) {
            double v = r < values.size() && c < values[r].size() ? values[r][c] : kNaN;
            ImVec2 a(grid.Min.x + cw * static_cast<float>(c), y), b(a.x + cw, y + ch);
            if (!std::isfinite(v)) {
                draw->AddRect(a, b, grid_color());
                continue;
            }
            float t = hi > lo ? static_cast<float>((v - lo) / (hi - lo)) : 1.0f;
            ImVec4 fill(1 + (target.x - 1) * t, 1 + (target.y - 1) * t, 1 + (target.z - 1) * t, 1);
            draw->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(fill));
            draw->AddRect(a, b, IM_COL32(255, 255, 255, 255));
            std::string text = format_value(v, format, true);
            ImVec2 ts = ImGui::CalcTextSize(text.c_str());
            if (ts.x + 4 < cw && ts.y < ch) {
                float luminance = 0.299f * fill.x + 0.587f * fill.y + 0.114f * fill.z;
                draw->AddText(ImVec2(a.x + (cw - ts.x) * 0.5f, a.y + (ch - ts.y) * 0.5f),
                              luminance < 0.55f ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 20, 255), text.c_str());
            }
        }
    }
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered_item && grid.Contains(mouse)) {
        std::size_t c = std::min(cols - 1, static_cast<std::size_t>((mouse.x - grid.Min.x) / cw));
        std::size_t r = std::min(rows - 1, static_cast<std::size_t>((mouse.y - grid.Min.y) / ch));
        double v = r < values.size() && c < values[r].size() ? values[r][c] : kNaN;
        ImVec2 a(grid.Min.x + cw * static_cast<float>(c), grid.Min.y + ch * static_cast<float>(r));
        draw->AddRect(a, ImVec2(a.x + cw, a.y + ch), text_color(), 0, 0, 2.0f);
        ImGui::BeginTooltip();
        ImGui::Text("%s / %s", row_labels[r].c_str(), column_labels[c].c_str());
        ImGui::TextUnformatted(format_value(v, format).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hovered_item;
}

}  // namespace lcs::charts

// ==== Tornado chart (scenario sensitivity; owner: ui-scenario) ====
namespace lcs::charts {

namespace {

// Shortens `text` with "..." so it fits `width` pixels.
std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string out = text;
    while (!out.empty()) {
        do out.pop_back();  // drop whole UTF-8 characters
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80);
        if (!out.empty()) out.pop_back();
        if (ImGui::CalcTextSize((out + "...").c_str()).x <= width) return out + "...";
    }
    return "...";
}

}  // namespace

bool tornado_chart(const char* id, const std::vector<TornadoRow>& rows, double base, const Axis& value_axis,
                   const std::string& base_name, const std::string& low_name, const std::string& high_name,
                   const Options& options) {
    ImGui::PushID(id);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float row_height = line * 1.3f;
    const ImU32 low_color = palette_color(3);
    const ImU32 high_color = palette_color(0);
    float header = line;  // legend
    if (!options.title.empty()) header += line;
    float footer = line + (value_axis.label.empty() ? 0 : line);
    float rows_height = row_height * static_cast<float>(std::max<std::size_t>(1, rows.size()));
    float height = options.height_lines > 0 ? options.height_lines * line : header + rows_height + footer + line * 0.5f;
    ImVec2 size(ImGui::GetContentRegionAvail().x, height);
    if (size.x < 80) {
        ImGui::Dummy(size);
        ImGui::PopID();
        return false;
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    Frame f;
    f.hovered = ImGui::IsItemHovered();
    f.mouse = ImGui::GetIO().MousePos;
    f.draw = ImGui::GetWindowDrawList();

    float top = origin.y;
    if (!options.title.empty()) {
        f.draw->AddText(ImVec2(origin.x, top), text_color(), options.title.c_str());
        top += line;
    }
    float label_width = 0;
    for (const TornadoRow& r : rows) label_width = std::max(label_width, ImGui::CalcTextSize(r.label.c_str()).x);
    label_width = std::min(label_width, size.x * 0.38f) + 10;
    if (options.legend) {
        std::vector<Series> legend(2);
        legend[0].name = low_name;
        legend[0].color = low_color;
        legend[1].name = high_name;
        legend[1].color = high_color;
        draw_legend(legend, ImVec2(origin.x + label_width, top), origin.x + size.x);
    }
    top += line;

    f.y0 = 0;
    f.y1 = 1;
    f.x0 = f.x1 = base;
    for (const TornadoRow& r : rows) {
        for (double v : {r.low_result, r.high_result}) {
            if (!std::isfinite(v)) continue;
            f.x0 = std::min(f.x0, v);
            f.x1 = std::max(f.x1, v);
        }
    }
    fix_range(f.x0, f.x1);
    f.plot = ImRect(ImVec2(origin.x + label_width, top + line * 0.25f),
                    ImVec2(origin.x + size.x - line * 1.5f, top + line * 0.25f + rows_height));
    int target = std::max(2, static_cast<int>(f.plot.GetWidth() / (ImGui::GetFontSize() * 6)));
    std::vector<Tick> ticks = value_ticks(f.x0, f.x1, value_axis.format, target);
    // Results close together (1.25M, 1.30M) shorten to equal labels: then show whole numbers.
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        if (ticks[i].label != ticks[i - 1].label) continue;
        for (Tick& t : ticks) t.label = group_thousands(fixed(std::round(t.value), 0));
        break;
    }
    for (const Tick& t : ticks)
        f.draw->AddLine(ImVec2(f.px(t.value), f.plot.Min.y), ImVec2(f.px(t.value), f.plot.Max.y), grid_color());
    draw_x_ticks(f, ticks);
    if (!value_axis.label.empty()) {
        ImVec2 ts = ImGui::CalcTextSize(value_axis.label.c_str());
        f.draw->AddText(ImVec2(f.plot.GetCenter().x - ts.x * 0.5f, f.plot.Max.y + line), weak_text_color(),
                        value_axis.label.c_str());
    }

    int hovered = -1;
    if (f.hovered && f.mouse.y >= f.plot.Min.y && f.mouse.y < f.plot.Max.y)
        hovered = static_cast<int>((f.mouse.y - f.plot.Min.y) / row_height);
    const float base_x = f.px(base);
    const float half = ImGui::GetTextLineHeight() * 0.5f;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TornadoRow& r = rows[i];
        float y0 = f.plot.Min.y + row_height * static_cast<float>(i);
        float y1 = y0 + row_height;
        if (static_cast<int>(i) == hovered)
            f.draw->AddRectFilled(ImVec2(origin.x, y0), ImVec2(f.plot.Max.x, y1), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        std::string label = fit_text(r.label, label_width - 10);
        ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        f.draw->AddText(ImVec2(origin.x + label_width - 8 - ts.x, (y0 + y1) * 0.5f - half), text_color(), label.c_str());
        float pad = row_height * 0.15f;
        // Opposite sides share the full row height; bars on the same side of the base split it so both stay visible.
        bool same_side = (r.low_result - base) * (r.high_result - base) > 0;
        float mid = (y0 + y1) * 0.5f;
        auto bar = [&](double v, ImU32 color, float a, float b) {
            if (!std::isfinite(v)) return;
            float x = f.px(v);
            f.draw->AddRectFilled(ImVec2(std::min(x, base_x), a), ImVec2(std::max(x, base_x) + 1, b), color);
        };
        if (same_side) {
            bar(r.low_result, low_color, y0 + pad, mid);
            bar(r.high_result, high_color, mid, y1 - pad);
        } else {
            bar(r.low_result, low_color, y0 + pad, y1 - pad);
            bar(r.high_result, high_color, y0 + pad, y1 - pad);
        }
    }
    f.draw->AddLine(ImVec2(base_x, f.plot.Min.y - 2), ImVec2(base_x, f.plot.Max.y + 2), axis_color(), 1.5f);
    f.draw->AddLine(ImVec2(f.plot.Min.x, f.plot.Max.y), ImVec2(f.plot.Max.x, f.plot.Max.y), axis_color());

    if (hovered >= 0 && hovered < static_cast<int>(rows.size())) {
        const TornadoRow& r = rows[static_cast<std::size_t>(hovered)];
        auto signed_diff = [&](double v) {
            double d = v - base;
            return (d >= 0 ? "+" : "") + format_value(d, value_axis.format);
        };
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(r.label.c_str());
        ImGui::Separator();
        ImGui::Text("%s: %s", base_name.c_str(), format_value(base, value_axis.format).c_str());
        tooltip_swatch(low_color);
        ImGui::Text("%s: %s (%s)", low_name.c_str(), format_value(r.low_result, value_axis.format).c_str(),
                    signed_diff(r.low_result).c_str());
        tooltip_swatch(high_color);
        ImGui::Text("%s: %s (%s)", high_name.c_str(), format_value(r.high_result, value_axis.format).c_str(),
                    signed_diff(r.high_result).c_str());
        if (!r.detail.empty()) {
            ImGui::Separator();
            ImGui::TextUnformatted(r.detail.c_str());
        }
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return f.hovered;
}

// ==== Lifecycle charts (funnel, flow/Sankey, share bar; owner: ui-lifecycle) ====
namespace {

ImU32 lc_color(ImU32 color, int index) { return color ? color : palette_color(index); }

ImU32 lc_text_on(ImU32 fill) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(fill);
    return 0.299f * c.x + 0.587f * c.y + 0.114f * c.z < 0.6f ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 20, 255);
}

float lc_smooth(float t) { return t * t * (3 - 2 * t); }

}  // namespace

int funnel_chart(const char* id, const std::vector<FunnelStep>& steps, ValueFormat format, const Options& options,
                 FunnelShare share) {
    ImGui::PushID(id);
    float line = ImGui::GetTextLineHeightWithSpacing();
    std::size_t n = steps.size();
    float title_h = options.title.empty() ? 0 : line;
    float rows_h = options.height_lines > 0 ? options.height_lines * line - title_h : static_cast<float>(n) * line * 1.6f;
    ImVec2 size(ImGui::GetContentRegionAvail().x, title_h + std::max(rows_h, line));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    bool hovered_item = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (title_h > 0) draw->AddText(origin, text_color(), options.title.c_str());
    int hovered = -1;
    if (n == 0) {
        ImGui::PopID();
        return -1;
    }
    float label_w = 0, value_w = 0;
    std::vector<std::string> right(n);
    double largest = 0, total = 0;
    for (const FunnelStep& s : steps) {
        largest = std::max(largest, s.value);
        total += s.value;
    }
    for (std::size_t i = 0; i < n; ++i) {
        label_w = std::max(label_w, ImGui::CalcTextSize(steps[i].label.c_str()).x);
        std::string text = format_value(steps[i].value, format);
        if (share == FunnelShare::of_total && total > 0) text += "  " + format_value(steps[i].value / total, ValueFormat::percent);
        else if (share == FunnelShare::of_first && i > 0 && steps[0].value > 0)
            text += "  " + format_value(steps[i].value / steps[0].value, ValueFormat::percent);
        right[i] = text;
        value_w = std::max(value_w, ImGui::CalcTextSize(text.c_str()).x);
    }
    label_w += 10;
    value_w += 10;
    float row_h = rows_h / static_cast<float>(n);
    float bar_left = origin.x + label_w, bar_right = origin.x + size.x - value_w;
    float bar_w = std::max(10.0f, bar_right - bar_left);
    float center = bar_left + bar_w * 0.5f;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < n; ++i) {
        float top = origin.y + title_h + row_h * static_cast<float>(i);
        float w = largest > 0 ? static_cast<float>(steps[i].value / largest) * bar_w : 0;
        w = std::max(w, 2.0f);
        ImU32 color = lc_color(steps[i].color, static_cast<int>(i));
        ImVec2 a(center - w * 0.5f, top + row_h * 0.12f), b(center + w * 0.5f, top + row_h * 0.88f);
        bool over = hovered_item && mouse.y >= top && mouse.y < top + row_h;
        if (over) {
            hovered = static_cast<int>(i);
            draw->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + size.x, top + row_h), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        }
        // Trapezoid joint to the next step makes the funnel read as one shape.
        if (i + 1 < n) {
            float nw = largest > 0 ? std::max(2.0f, static_cast<float>(steps[i + 1].value / largest) * bar_w) : 2.0f;
            ImVec2 quad[4] = {ImVec2(a.x, b.y), ImVec2(b.x, b.y), ImVec2(center + nw * 0.5f, top + row_h * 1.12f),
                              ImVec2(center - nw * 0.5f, top + row_h * 1.12f)};
            draw->AddConvexPolyFilled(quad, 4, with_alpha(color, 0.25f));
        }
        draw->AddRectFilled(a, b, color, 3.0f);
        float ty = top + (row_h - ImGui::GetTextLineHeight()) * 0.5f;
        draw->AddText(ImVec2(origin.x, ty), text_color(), steps[i].label.c_str());
        draw->AddText(ImVec2(bar_right + 10, ty), text_color(), right[i].c_str());
    }
    if (hovered >= 0) {
        const FunnelStep& s = steps[static_cast<std::size_t>(hovered)];
        ImGui::BeginTooltip();
        tooltip_swatch(lc_color(s.color, hovered));
        ImGui::TextUnformatted(s.label.c_str());
        ImGui::TextUnformatted(format_value(s.value, format).c_str());
        if (total > 0) ImGui::Text("%s: %s", "% of all", format_value(s.value / total, ValueFormat::percent).c_str());
        if (hovered > 0 && steps[0].value > 0)
            ImGui::Text("%s / %s: %s", s.label.c_str(), steps[0].label.c_str(), format_value(s.value / steps[0].value, ValueFormat::percent).c_str());
        if (hovered > 0 && steps[static_cast<std::size_t>(hovered) - 1].value > 0)
            ImGui::Text("%s / %s: %s", s.label.c_str(), steps[static_cast<std::size_t>(hovered) - 1].label.c_str(),
                        format_value(s.value / steps[static_cast<std::size_t>(hovered) - 1].value, ValueFormat::percent).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hovered;
}

bool flow_chart(const char* id, const std::vector<FlowNode>& from, const std::vector<FlowNode>& to,
                const std::vector<std::vector<double>>& counts, const std::string& from_title, const std::string& to_title,
                ValueFormat format, const Options& options) {
    ImGui::PushID(id);
    float line = ImGui::GetTextLineHeightWithSpacing();
    ImVec2 size(ImGui::GetContentRegionAvail().x, options.height_lines * line);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    bool hovered_item = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::size_t nl = from.size(), nr = to.size();
    auto count = [&](std::size_t l, std::size_t r) {
        double v = l < counts.size() && r < counts[l].size() ? counts[l][r] : 0;
        return std::isfinite(v) && v > 0 ? v : 0.0;
    };
    std::vector<double> left_total(nl, 0), right_total(nr, 0);
    double total = 0;
    for (std::size_t l = 0; l < nl; ++l)
        for (std::size_t r = 0; r < nr; ++r) {
            left_total[l] += count(l, r);
            right_total[r] += count(l, r);
            total += count(l, r);
        }
    float top = origin.y;
    if (!options.title.empty()) {
        draw->AddText(ImVec2(origin.x, top), text_color(), options.title.c_str());
        top += line;
    }
    float lw = ImGui::CalcTextSize(from_title.c_str()).x, rw = ImGui::CalcTextSize(to_title.c_str()).x;
    std::vector<std::string> left_text(nl), right_text(nr);
    for (std::size_t l = 0; l < nl; ++l) {
        left_text[l] = from[l].label + " " + format_value(left_total[l], format);
        lw = std::max(lw, ImGui::CalcTextSize(left_text[l].c_str()).x);
    }
    for (std::size_t r = 0; r < nr; ++r) {
        right_text[r] = format_value(right_total[r], format) + " " + to[r].label;
        rw = std::max(rw, ImGui::CalcTextSize(right_text[r].c_str()).x);
    }
    float node_w = std::max(8.0f, ImGui::GetFontSize() * 0.7f);
    float x_l = origin.x + lw + 8, x_r = origin.x + size.x - rw - 8 - node_w;
    draw->AddText(ImVec2(x_l + node_w - ImGui::CalcTextSize(from_title.c_str()).x, top), weak_text_color(), from_title.c_str());
    draw->AddText(ImVec2(x_r, top), weak_text_color(), to_title.c_str());
    top += line;
    float bottom = origin.y + size.y;
    if (total <= 0 || x_r - x_l < node_w * 4 || bottom - top < line * 2) {
        ImGui::PopID();
        return hovered_item;
    }
    float gap = line * 0.35f;
    std::size_t used_l = 0, used_r = 0;
    for (double t : left_total) used_l += t > 0 ? 1 : 0;
    for (double t : right_total) used_r += t > 0 ? 1 : 0;
    std::size_t gaps = std::max<std::size_t>(1, std::max(used_l, used_r)) - 1;
    double scale = std::max(0.0, static_cast<double>(bottom - top - gap * static_cast<float>(gaps))) / total;
    std::vector<float> ly(nl), ry(nr);
    float y = top;
    for (std::size_t l = 0; l < nl; ++l) {
        ly[l] = y;
        if (left_total[l] > 0) y += static_cast<float>(left_total[l] * scale) + gap;
    }
    y = top;
    for (std::size_t r = 0; r < nr; ++r) {
        ry[r] = y;
        if (right_total[r] > 0) y += static_cast<float>(right_total[r] * scale) + gap;
    }
    ImVec2 mouse = ImGui::GetIO().MousePos;
    int hover_l = -1, hover_r = -1, hover_node_l = -1, hover_node_r = -1;
    // Bands: leave each left node top-down in right-node order; enter right nodes in left-node order.
    std::vector<float> l_off(ly), r_off(ry);
    std::vector<std::vector<float>> enter(nl, std::vector<float>(nr, 0));
    for (std::size_t l = 0; l < nl; ++l)
        for (std::size_t r = 0; r < nr; ++r) {
            enter[l][r] = r_off[r];
            r_off[r] += static_cast<float>(count(l, r) * scale);
        }
    const int kSteps = 24;
    float x0 = x_l + node_w, x1 = x_r;
    for (std::size_t l = 0; l < nl; ++l) {
        for (std::size_t r = 0; r < nr; ++r) {
            float h = static_cast<float>(count(l, r) * scale);
            if (h <= 0) continue;
            float ya = l_off[l], yb = enter[l][r];
            l_off[l] += h;
            bool over = false;
            if (hovered_item && mouse.x >= x0 && mouse.x <= x1) {
                float yt = ya + (yb - ya) * lc_smooth((mouse.x - x0) / (x1 - x0));
                over = mouse.y >= yt && mouse.y <= yt + std::max(h, 2.0f);
            }
            if (over) {
                hover_l = static_cast<int>(l);
                hover_r = static_cast<int>(r);
            }
            ImU32 fill = with_alpha(lc_color(from[l].color, static_cast<int>(l)), over ? 0.75f : 0.38f);
            if (h < 2.0f) {
                // A thin band as one stroked curve: a strip of anti-aliased quads that thin shows as dashes.
                ImVec2 points[kSteps + 1];
                for (int k = 0; k <= kSteps; ++k) {
                    float t = static_cast<float>(k) / kSteps;
                    points[k] = ImVec2(x0 + (x1 - x0) * t, ya + (yb - ya) * lc_smooth(t) + h * 0.5f);
                }
                draw->AddPolyline(points, kSteps + 1, fill, ImDrawFlags_None, std::max(h, 1.0f));
                continue;
            }
            for (int k = 0; k < kSteps; ++k) {
                float t0 = static_cast<float>(k) / kSteps, t1 = static_cast<float>(k + 1) / kSteps;
                float xa = x0 + (x1 - x0) * t0, xb = x0 + (x1 - x0) * t1;
                float ya0 = ya + (yb - ya) * lc_smooth(t0), ya1 = ya + (yb - ya) * lc_smooth(t1);
                ImVec2 quad[4] = {ImVec2(xa, ya0), ImVec2(xb, ya1), ImVec2(xb, ya1 + h), ImVec2(xa, ya0 + h)};
                draw->AddConvexPolyFilled(quad, 4, fill);
            }
        }
    }
    float half = ImGui::GetTextLineHeight() * 0.5f;
    for (std::size_t l = 0; l < nl; ++l) {
        if (left_total[l] <= 0) continue;
        float h = static_cast<float>(left_total[l] * scale);
        ImVec2 a(x_l, ly[l]), b(x_l + node_w, ly[l] + h);
        draw->AddRectFilled(a, b, lc_color(from[l].color, static_cast<int>(l)));
        if (hovered_item && ImRect(a, b).Contains(mouse)) hover_node_l = static_cast<int>(l);
        if (h >= ImGui::GetTextLineHeight() * 0.8f) {
            float tw = ImGui::CalcTextSize(left_text[l].c_str()).x;
            draw->AddText(ImVec2(x_l - 6 - tw, ly[l] + h * 0.5f - half), text_color(), left_text[l].c_str());
        }
    }
    for (std::size_t r = 0; r < nr; ++r) {
        if (right_total[r] <= 0) continue;
        float h = static_cast<float>(right_total[r] * scale);
        ImVec2 a(x_r, ry[r]), b(x_r + node_w, ry[r] + h);
        draw->AddRectFilled(a, b, lc_color(to[r].color, static_cast<int>(r)));
        if (hovered_item && ImRect(a, b).Contains(mouse)) hover_node_r = static_cast<int>(r);
        if (h >= ImGui::GetTextLineHeight() * 0.8f)
            draw->AddText(ImVec2(x_r + node_w + 6, ry[r] + h * 0.5f - half), text_color(), right_text[r].c_str());
    }
    if (hover_node_l >= 0 || hover_node_r >= 0) {
        bool left = hover_node_l >= 0;
        std::size_t k = static_cast<std::size_t>(left ? hover_node_l : hover_node_r);
        const FlowNode& node = left ? from[k] : to[k];
        double t = left ? left_total[k] : right_total[k];
        ImGui::BeginTooltip();
        tooltip_swatch(lc_color(node.color, static_cast<int>(k)));
        ImGui::Text("%s (%s)", node.label.c_str(), (left ? from_title : to_title).c_str());
        ImGui::Text("%s  %s", format_value(t, format).c_str(), format_value(t / total, ValueFormat::percent).c_str());
        ImGui::EndTooltip();
    } else if (hover_l >= 0) {
        std::size_t l = static_cast<std::size_t>(hover_l), r = static_cast<std::size_t>(hover_r);
        double v = count(l, r);
        ImGui::BeginTooltip();
        tooltip_swatch(lc_color(from[l].color, hover_l));
        ImGui::Text("%s -> %s", from[l].label.c_str(), to[r].label.c_str());
        ImGui::Text("%s  (%s of %s)", format_value(v, format).c_str(),
                    format_value(left_total[l] > 0 ? v / left_total[l] : 0, ValueFormat::percent).c_str(), from[l].label.c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hovered_item;
}

int share_bar(const char* id, const std::vector<FunnelStep>& parts, ValueFormat format, float height_lines) {
    ImGui::PushID(id);
    float line = ImGui::GetTextLineHeightWithSpacing();
    ImVec2 size(ImGui::GetContentRegionAvail().x, height_lines * line);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("bar", size);
    bool hovered_item = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    double total = 0;
    for (const FunnelStep& p : parts) total += std::max(0.0, p.value);
    int hovered = -1;
    float x = origin.x;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < parts.size() && total > 0; ++i) {
        float w = static_cast<float>(std::max(0.0, parts[i].value) / total) * size.x;
        if (w <= 0) continue;
        ImU32 color = lc_color(parts[i].color, static_cast<int>(i));
        draw->AddRectFilled(ImVec2(x, origin.y), ImVec2(x + w, origin.y + size.y), color);
        draw->AddLine(ImVec2(x + w, origin.y), ImVec2(x + w, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
        std::string text = format_value(parts[i].value / total, ValueFormat::percent, true);
        ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        if (ts.x + 6 < w)
            draw->AddText(ImVec2(x + (w - ts.x) * 0.5f, origin.y + (size.y - ts.y) * 0.5f), lc_text_on(color), text.c_str());
        if (hovered_item && mouse.x >= x && mouse.x < x + w) hovered = static_cast<int>(i);
        x += w;
    }
    if (hovered >= 0) {
        const FunnelStep& p = parts[static_cast<std::size_t>(hovered)];
        ImGui::BeginTooltip();
        tooltip_swatch(lc_color(p.color, hovered));
        ImGui::Text("%s: %s (%s)", p.label.c_str(), format_value(p.value, format).c_str(), format_value(p.value / total, ValueFormat::percent).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hovered;
}

}  // namespace lcs::charts
