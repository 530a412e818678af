// Tornado chart (scenario sensitivity): one horizontal bar pair per input around a base result.
#include <algorithm>
#include <cmath>

#include "app/charts/chart_common.h"

namespace lcs::charts {

using namespace detail;

namespace {

// The x range covers the base and every finite result.
void set_tornado_range(Frame& f, const std::vector<TornadoRow>& rows, double base) {
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
}

// Value ticks with grid lines over the plot (the x range widens to the outer ticks); when results close together (1.25M, 1.30M) shorten to
// equal labels, the ticks show whole numbers instead.
void draw_tornado_ticks(Frame& f, ValueFormat format) {
    int target = std::max(2, static_cast<int>(f.plot.GetWidth() / (ImGui::GetFontSize() * 6)));
    std::vector<Tick> ticks = value_ticks(f.x0, f.x1, format, target);  // widens [x0, x1] to the outer ticks
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        if (ticks[i].label != ticks[i - 1].label) continue;
        for (Tick& t : ticks) t.label = group_thousands(fixed(std::round(t.value), 0));
        break;
    }
    for (const Tick& t : ticks)
        f.draw->AddLine(ImVec2(f.px(t.value), f.plot.Min.y), ImVec2(f.px(t.value), f.plot.Max.y), grid_color());
    draw_x_ticks(f, ticks);
}

// One row per input: its label (shortened to label_width) and the low / high bars from the base.
void draw_tornado_rows(const Frame& f, const std::vector<TornadoRow>& rows, double base, float left, float label_width,
                       float row_height, int hovered, ImU32 low_color, ImU32 high_color) {
    const float base_x = f.px(base);
    const float half = ImGui::GetTextLineHeight() * 0.5f;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TornadoRow& r = rows[i];
        float y0 = f.plot.Min.y + row_height * static_cast<float>(i);
        float y1 = y0 + row_height;
        if (static_cast<int>(i) == hovered)
            f.draw->AddRectFilled(ImVec2(left, y0), ImVec2(f.plot.Max.x, y1), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        std::string label = fit_text(r.label, label_width - 10);
        ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        f.draw->AddText(ImVec2(left + label_width - 8 - ts.x, (y0 + y1) * 0.5f - half), text_color(), label.c_str());
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
}

void tornado_tooltip(const TornadoRow& r, double base, ValueFormat format, const std::string& base_name,
                     const std::string& low_name, const std::string& high_name, ImU32 low_color, ImU32 high_color) {
    auto signed_diff = [&](double v) {
        double d = v - base;
        return (d >= 0 ? "+" : "") + format_value(d, format);
    };
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(r.label.c_str());
    ImGui::Separator();
    ImGui::Text("%s: %s", base_name.c_str(), format_value(base, format).c_str());
    tooltip_swatch(low_color);
    ImGui::Text("%s: %s (%s)", low_name.c_str(), format_value(r.low_result, format).c_str(),
                signed_diff(r.low_result).c_str());
    tooltip_swatch(high_color);
    ImGui::Text("%s: %s (%s)", high_name.c_str(), format_value(r.high_result, format).c_str(),
                signed_diff(r.high_result).c_str());
    if (!r.detail.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(r.detail.c_str());
    }
    ImGui::EndTooltip();
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

    set_tornado_range(f, rows, base);
    f.plot = ImRect(ImVec2(origin.x + label_width, top + line * 0.25f),
                    ImVec2(origin.x + size.x - line * 1.5f, top + line * 0.25f + rows_height));
    draw_tornado_ticks(f, value_axis.format);
    if (!value_axis.label.empty()) {
        ImVec2 ts = ImGui::CalcTextSize(value_axis.label.c_str());
        f.draw->AddText(ImVec2(f.plot.GetCenter().x - ts.x * 0.5f, f.plot.Max.y + line), weak_text_color(),
                        value_axis.label.c_str());
    }

    int hovered = -1;
    if (f.hovered && f.mouse.y >= f.plot.Min.y && f.mouse.y < f.plot.Max.y)
        hovered = static_cast<int>((f.mouse.y - f.plot.Min.y) / row_height);
    draw_tornado_rows(f, rows, base, origin.x, label_width, row_height, hovered, low_color, high_color);
    f.draw->AddLine(ImVec2(f.plot.Min.x, f.plot.Max.y), ImVec2(f.plot.Max.x, f.plot.Max.y), axis_color());

    if (hovered >= 0 && hovered < static_cast<int>(rows.size()))
        tornado_tooltip(rows[static_cast<std::size_t>(hovered)], base, value_axis.format, base_name, low_name, high_name,
                        low_color, high_color);
    ImGui::PopID();
    return f.hovered;
}

}  // namespace lcs::charts
