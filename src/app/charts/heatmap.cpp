// Matrix chart: the heatmap (cohort retention, transition shares).
#include <algorithm>
#include <cmath>

#include "app/charts/chart_common.h"
#include "app/ui_style.h"

namespace lcs::charts {

using namespace detail;

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
                draw->AddText(ImVec2(a.x + (cw - ts.x) * 0.5f, a.y + (ch - ts.y) * 0.5f), readable_text_color(fill),
                              text.c_str());
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
