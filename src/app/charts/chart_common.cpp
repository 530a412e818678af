#include "app/charts/chart_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/date.h"

namespace lcs::charts {
namespace detail {
namespace {

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

bool is_date(ValueFormat f) { return f == ValueFormat::date || f == ValueFormat::month; }

// Date axes tick on calendar boundaries: years, months, or round day counts.
std::vector<Tick> date_ticks(double lo, double hi, int target) {
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
    return ticks;
}

}  // namespace

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

ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 weak_text_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_color() { return ImGui::GetColorU32(ImGuiCol_Border, 0.45f); }
ImU32 axis_color() { return ImGui::GetColorU32(ImGuiCol_Text, 0.55f); }

ImU32 with_alpha(ImU32 color, float alpha) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 color_or_palette(ImU32 color, int index) { return color ? color : palette_color(index); }

std::vector<Tick> value_ticks(double& lo, double& hi, ValueFormat format, int target) {
    std::vector<Tick> ticks;
    for (double v : nice_ticks(lo, hi, target)) ticks.push_back({v, format_value(v, format, true)});
    if (!ticks.empty()) {
        lo = std::min(lo, ticks.front().value);
        hi = std::max(hi, ticks.back().value);
    }
    return ticks;
}

std::vector<Tick> x_axis_ticks(const Frame& f, ValueFormat format) {
    int target = std::max(2, static_cast<int>(f.plot.GetWidth() / (ImGui::GetFontSize() * 6)));
    if (is_date(format)) return date_ticks(f.x0, f.x1, target);
    std::vector<Tick> ticks;
    double lo = f.x0, hi = f.x1;
    for (const Tick& t : value_ticks(lo, hi, format, target))
        if (t.value >= f.x0 - 1e-9 && t.value <= f.x1 + 1e-9) ticks.push_back(t);
    return ticks;
}

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

}  // namespace detail

using namespace detail;

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

}  // namespace lcs::charts
