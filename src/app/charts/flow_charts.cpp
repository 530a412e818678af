// Lifecycle charts: funnel, flow (Sankey) between two stage columns, and the one-line share bar.
#include <algorithm>
#include <cmath>

#include "app/charts/chart_common.h"
#include "app/i18n.h"
#include "app/ui_style.h"

namespace lcs::charts {

using namespace detail;

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
        ImU32 color = color_or_palette(steps[i].color, static_cast<int>(i));
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
        tooltip_swatch(color_or_palette(s.color, hovered));
        ImGui::TextUnformatted(s.label.c_str());
        ImGui::TextUnformatted(format_value(s.value, format).c_str());
        if (total > 0) ImGui::TextUnformatted(trf("charts.share_of_all", {format_value(s.value / total, ValueFormat::percent)}).c_str());
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

namespace {

float smoothstep(float t) { return t * t * (3 - 2 * t); }

double flow_count(const std::vector<std::vector<double>>& counts, std::size_t l, std::size_t r) {
    double v = l < counts.size() && r < counts[l].size() ? counts[l][r] : 0;
    return std::isfinite(v) && v > 0 ? v : 0.0;
}

// Tops of one column's nodes stacked from `top`, `gap` pixels apart; empty nodes take no space.
std::vector<float> stack_nodes(const std::vector<double>& totals, float top, double scale, float gap) {
    std::vector<float> y(totals.size());
    float at = top;
    for (std::size_t k = 0; k < totals.size(); ++k) {
        y[k] = at;
        if (totals[k] > 0) at += static_cast<float>(totals[k] * scale) + gap;
    }
    return y;
}

// Where a flow chart's pieces go: node totals, node tops, the shared scale and the two columns.
struct FlowLayout {
    std::vector<double> left_total, right_total;
    double total = 0;
    std::vector<float> ly, ry;  // node tops, pixels
    double scale = 0;           // pixels per counted unit, the same in both columns
    float node_w = 0, x_l = 0, x_r = 0;
};

struct FlowHover {
    int band_l = -1, band_r = -1;  // the band under the mouse
    int node_l = -1, node_r = -1;  // the node under the mouse
};

// Bands: leave each left node top-down in right-node order; enter right nodes in left-node order.
void draw_flow_bands(ImDrawList* draw, const FlowLayout& f, const std::vector<FlowNode>& from,
                     const std::vector<std::vector<double>>& counts, bool hovered_item, ImVec2 mouse, FlowHover& hover) {
    const std::size_t nl = f.ly.size(), nr = f.ry.size();
    std::vector<float> l_off(f.ly), r_off(f.ry);
    std::vector<std::vector<float>> enter(nl, std::vector<float>(nr, 0));
    for (std::size_t l = 0; l < nl; ++l)
        for (std::size_t r = 0; r < nr; ++r) {
            enter[l][r] = r_off[r];
            r_off[r] += static_cast<float>(flow_count(counts, l, r) * f.scale);
        }
    const int kSteps = 24;
    float x0 = f.x_l + f.node_w, x1 = f.x_r;
    for (std::size_t l = 0; l < nl; ++l) {
        for (std::size_t r = 0; r < nr; ++r) {
            float h = static_cast<float>(flow_count(counts, l, r) * f.scale);
            if (h <= 0) continue;
            float ya = l_off[l], yb = enter[l][r];
            l_off[l] += h;
            bool over = false;
            if (hovered_item && mouse.x >= x0 && mouse.x <= x1) {
                float yt = ya + (yb - ya) * smoothstep((mouse.x - x0) / (x1 - x0));
                over = mouse.y >= yt && mouse.y <= yt + std::max(h, 2.0f);
            }
            if (over) {
                hover.band_l = static_cast<int>(l);
                hover.band_r = static_cast<int>(r);
            }
            ImU32 fill = with_alpha(color_or_palette(from[l].color, static_cast<int>(l)), over ? 0.75f : 0.38f);
            if (h < 2.0f) {
                // A thin band as one stroked curve: a strip of anti-aliased quads that thin shows as dashes.
                ImVec2 points[kSteps + 1];
                for (int k = 0; k <= kSteps; ++k) {
                    float t = static_cast<float>(k) / kSteps;
                    points[k] = ImVec2(x0 + (x1 - x0) * t, ya + (yb - ya) * smoothstep(t) + h * 0.5f);
                }
                draw->AddPolyline(points, kSteps + 1, fill, ImDrawFlags_None, std::max(h, 1.0f));
                continue;
            }
            for (int k = 0; k < kSteps; ++k) {
                float t0 = static_cast<float>(k) / kSteps, t1 = static_cast<float>(k + 1) / kSteps;
                float xa = x0 + (x1 - x0) * t0, xb = x0 + (x1 - x0) * t1;
                float ya0 = ya + (yb - ya) * smoothstep(t0), ya1 = ya + (yb - ya) * smoothstep(t1);
                ImVec2 quad[4] = {ImVec2(xa, ya0), ImVec2(xb, ya1), ImVec2(xb, ya1 + h), ImVec2(xa, ya0 + h)};
                draw->AddConvexPolyFilled(quad, 4, fill);
            }
        }
    }
}

// One column of node bars at x with their labels outside (left of a left column, right of a right one).
// Returns the node under the mouse, or -1.
int draw_flow_column(ImDrawList* draw, const FlowLayout& f, const std::vector<FlowNode>& nodes, bool left,
                     const std::vector<std::string>& texts, bool hovered_item, ImVec2 mouse) {
    const std::vector<double>& totals = left ? f.left_total : f.right_total;
    const std::vector<float>& tops = left ? f.ly : f.ry;
    const float x = left ? f.x_l : f.x_r;
    const float half = ImGui::GetTextLineHeight() * 0.5f;
    int hovered = -1;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        if (totals[k] <= 0) continue;
        float h = static_cast<float>(totals[k] * f.scale);
        ImVec2 a(x, tops[k]), b(x + f.node_w, tops[k] + h);
        draw->AddRectFilled(a, b, color_or_palette(nodes[k].color, static_cast<int>(k)));
        if (hovered_item && ImRect(a, b).Contains(mouse)) hovered = static_cast<int>(k);
        if (h < ImGui::GetTextLineHeight() * 0.8f) continue;
        float tx = left ? x - 6 - ImGui::CalcTextSize(texts[k].c_str()).x : x + f.node_w + 6;
        draw->AddText(ImVec2(tx, tops[k] + h * 0.5f - half), text_color(), texts[k].c_str());
    }
    return hovered;
}

void flow_tooltip(const FlowLayout& f, const FlowHover& hover, const std::vector<FlowNode>& from,
                  const std::vector<FlowNode>& to, const std::vector<std::vector<double>>& counts,
                  const std::string& from_title, const std::string& to_title, ValueFormat format) {
    if (hover.node_l >= 0 || hover.node_r >= 0) {
        bool left = hover.node_l >= 0;
        std::size_t k = static_cast<std::size_t>(left ? hover.node_l : hover.node_r);
        const FlowNode& node = left ? from[k] : to[k];
        double t = left ? f.left_total[k] : f.right_total[k];
        ImGui::BeginTooltip();
        tooltip_swatch(color_or_palette(node.color, static_cast<int>(k)));
        ImGui::Text("%s (%s)", node.label.c_str(), (left ? from_title : to_title).c_str());
        ImGui::Text("%s  %s", format_value(t, format).c_str(), format_value(t / f.total, ValueFormat::percent).c_str());
        ImGui::EndTooltip();
    } else if (hover.band_l >= 0) {
        std::size_t l = static_cast<std::size_t>(hover.band_l), r = static_cast<std::size_t>(hover.band_r);
        double v = flow_count(counts, l, r);
        ImGui::BeginTooltip();
        tooltip_swatch(color_or_palette(from[l].color, hover.band_l));
        ImGui::Text("%s -> %s", from[l].label.c_str(), to[r].label.c_str());
        ImGui::TextUnformatted(trf("charts.flow_share_of_source", {format_value(v, format),
                                                                   format_value(f.left_total[l] > 0 ? v / f.left_total[l] : 0, ValueFormat::percent),
                                                                   from[l].label}).c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace

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
    FlowLayout f;
    f.left_total.assign(nl, 0);
    f.right_total.assign(nr, 0);
    for (std::size_t l = 0; l < nl; ++l)
        for (std::size_t r = 0; r < nr; ++r) {
            f.left_total[l] += flow_count(counts, l, r);
            f.right_total[r] += flow_count(counts, l, r);
            f.total += flow_count(counts, l, r);
        }
    float top = origin.y;
    if (!options.title.empty()) {
        draw->AddText(ImVec2(origin.x, top), text_color(), options.title.c_str());
        top += line;
    }
    float lw = ImGui::CalcTextSize(from_title.c_str()).x, rw = ImGui::CalcTextSize(to_title.c_str()).x;
    std::vector<std::string> left_text(nl), right_text(nr);
    for (std::size_t l = 0; l < nl; ++l) {
        left_text[l] = from[l].label + " " + format_value(f.left_total[l], format);
        lw = std::max(lw, ImGui::CalcTextSize(left_text[l].c_str()).x);
    }
    for (std::size_t r = 0; r < nr; ++r) {
        right_text[r] = format_value(f.right_total[r], format) + " " + to[r].label;
        rw = std::max(rw, ImGui::CalcTextSize(right_text[r].c_str()).x);
    }
    f.node_w = std::max(8.0f, ImGui::GetFontSize() * 0.7f);
    f.x_l = origin.x + lw + 8;
    f.x_r = origin.x + size.x - rw - 8 - f.node_w;
    draw->AddText(ImVec2(f.x_l + f.node_w - ImGui::CalcTextSize(from_title.c_str()).x, top), weak_text_color(), from_title.c_str());
    draw->AddText(ImVec2(f.x_r, top), weak_text_color(), to_title.c_str());
    top += line;
    float bottom = origin.y + size.y;
    if (f.total <= 0 || f.x_r - f.x_l < f.node_w * 4 || bottom - top < line * 2) {
        ImGui::PopID();
        return hovered_item;
    }
    float gap = line * 0.35f;
    std::size_t used_l = 0, used_r = 0;
    for (double t : f.left_total) used_l += t > 0 ? 1 : 0;
    for (double t : f.right_total) used_r += t > 0 ? 1 : 0;
    std::size_t gaps = std::max<std::size_t>(1, std::max(used_l, used_r)) - 1;
    f.scale = std::max(0.0, static_cast<double>(bottom - top - gap * static_cast<float>(gaps))) / f.total;
    f.ly = stack_nodes(f.left_total, top, f.scale, gap);
    f.ry = stack_nodes(f.right_total, top, f.scale, gap);

    ImVec2 mouse = ImGui::GetIO().MousePos;
    FlowHover hover;
    draw_flow_bands(draw, f, from, counts, hovered_item, mouse, hover);
    hover.node_l = draw_flow_column(draw, f, from, true, left_text, hovered_item, mouse);
    hover.node_r = draw_flow_column(draw, f, to, false, right_text, hovered_item, mouse);
    flow_tooltip(f, hover, from, to, counts, from_title, to_title, format);
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
        ImU32 color = color_or_palette(parts[i].color, static_cast<int>(i));
        draw->AddRectFilled(ImVec2(x, origin.y), ImVec2(x + w, origin.y + size.y), color);
        draw->AddLine(ImVec2(x + w, origin.y), ImVec2(x + w, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
        std::string text = format_value(parts[i].value / total, ValueFormat::percent, true);
        ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        if (ts.x + 6 < w)
            draw->AddText(ImVec2(x + (w - ts.x) * 0.5f, origin.y + (size.y - ts.y) * 0.5f), readable_text_color(color), text.c_str());
        if (hovered_item && mouse.x >= x && mouse.x < x + w) hovered = static_cast<int>(i);
        x += w;
    }
    if (hovered >= 0) {
        const FunnelStep& p = parts[static_cast<std::size_t>(hovered)];
        ImGui::BeginTooltip();
        tooltip_swatch(color_or_palette(p.color, hovered));
        ImGui::Text("%s: %s (%s)", p.label.c_str(), format_value(p.value, format).c_str(), format_value(p.value / total, ValueFormat::percent).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return hovered;
}

}  // namespace lcs::charts
