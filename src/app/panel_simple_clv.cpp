// Simple-CLV calculator for demos and training: sliders for margin, retention, discount, acquisition
// cost, horizon and margin timing; the formula written out with today's numbers; value by horizon.
// The numbers come from core/clv/simple_clv.h; this file only formats them.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/panels.h"
#include "core/clv/simple_clv.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

struct SimpleClvState {
    float margin = 100;
    float retention = 0.80f;
    float discount = 0.10f;
    float acquisition = 50;
    bool infinite = true;
    int horizon = 10;
    bool start_of_period = false;
    int customers = 1000;
};

std::string num(double v) {
    char text[48];
    std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

// Inputs as the user set them: "100", "0.8", "0.125" (no trailing zeros).
std::string input_num(double v) {
    char text[48];
    std::snprintf(text, sizeof text, "%.3f", v);
    std::string out = text;
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

// The formula in symbols and with the current numbers substituted, e.g.
// "CLV = m·r/(1+d−r) = 100.00·0.80/(1+0.10−0.80) = 266.67".
std::string formula_text(const SimpleClvState& s, const clv::SimpleClvResult& r) {
    const std::string m = input_num(s.margin), rr = input_num(s.retention), d = input_num(s.discount);
    std::string symbols, numbers;
    if (s.infinite && !s.start_of_period) {
        symbols = "m·r/(1+d−r)";
        numbers = m + "·" + rr + "/(1+" + d + "−" + rr + ")";
    } else if (s.infinite) {
        symbols = "m·(1+d)/(1+d−r)";
        numbers = m + "·(1+" + d + ")/(1+" + d + "−" + rr + ")";
    } else if (!s.start_of_period) {
        symbols = "Σ_{t=1.." + std::to_string(s.horizon) + "} m·r^t/(1+d)^t";
        numbers = "Σ_{t=1.." + std::to_string(s.horizon) + "} " + m + "·" + rr + "^t/" + input_num(1 + s.discount) + "^t";
    } else {
        symbols = "Σ_{t=0.." + std::to_string(s.horizon - 1) + "} m·r^t/(1+d)^t";
        numbers = "Σ_{t=0.." + std::to_string(s.horizon - 1) + "} " + m + "·" + rr + "^t/" + input_num(1 + s.discount) + "^t";
    }
    return "CLV = " + symbols + " = " + numbers + " = " + (r.problem ? std::string("∞") : num(r.clv));
}

void slider_row(const char* label, const char* name, float* value, float min, float max, const char* format) {
    ImGui::TextUnformatted(tr(label));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushID(name);
    ImGui::SliderFloat("##v", value, min, max, format, ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopID();
    automation::record(name);
}

void draw_inputs(SimpleClvState& s) {
    slider_row("simple_clv.margin_per_period_m", "simple.margin", &s.margin, 0, 1000, "%.0f");
    slider_row("simple_clv.retention_per_period_r", "simple.retention", &s.retention, 0, 0.99f, "%.2f");
    slider_row("simple_clv.discount_rate_per_period_d", "simple.discount", &s.discount, 0, 0.5f, "%.3f");
    slider_row("customers.acquisition_cost", "simple.acquisition", &s.acquisition, 0, 2000, "%.0f");
    ImGui::Checkbox(tr("simple_clv.infinite_horizon"), &s.infinite);
    automation::record("simple.infinite");
    if (!s.infinite) {
        ImGui::TextUnformatted(tr("simple_clv.horizon_n_periods"));
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::SliderInt("##horizon", &s.horizon, 1, 50, "%d", ImGuiSliderFlags_AlwaysClamp);
        automation::record("simple.horizon");
    }
    ImGui::TextUnformatted(tr("simple_clv.margin_received"));
    if (ImGui::RadioButton(tr("simple_clv.at_the_end_of_each_period"), !s.start_of_period)) s.start_of_period = false;
    automation::record("simple.timing.end");
    if (ImGui::RadioButton(tr("simple_clv.at_the_start_of_each_period"), s.start_of_period)) s.start_of_period = true;
    automation::record("simple.timing.start");
    ImGui::TextUnformatted(tr("simple_clv.customers_for_customer_equity"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::DragInt("##customers", &s.customers, 10, 0, 10000000, "%d", ImGuiSliderFlags_AlwaysClamp);
    automation::record("simple.customers");
}

}  // namespace

void draw_panel_simple_clv(AppState& state) {
    auto& s = state.panel_data<SimpleClvState>();
    clv::SimpleClvInput in;
    in.margin = s.margin;
    in.retention = s.retention;
    in.discount = s.discount;
    in.acquisition_cost = s.acquisition;
    if (!s.infinite) in.horizon = s.horizon;
    in.timing = s.start_of_period ? clv::MarginTiming::start_of_period : clv::MarginTiming::end_of_period;
    const clv::SimpleClvResult r = clv::simple_clv(in);

    const float inputs_w = ImGui::GetFontSize() * 16;
    ImGui::BeginChild("simple_inputs", ImVec2(inputs_w, 0), true);
    draw_inputs(s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("simple_result", ImVec2(0, 0));
    ImGui::TextDisabled("%s", tr("simple_clv.m_margin_per_customer_per_period"));
    const std::string formula = formula_text(s, r);
    ImGui::TextWrapped("%s", formula.c_str());
    automation::record("simple.formula");
    if (r.problem) {
        ImGui::TextColored(ImVec4(0.85f, 0.15f, 0.15f, 1), "%s", r.problem->message.c_str());
    } else {
        ImGui::TextUnformatted(trf("simple_clv.net_clv_formula", {num(r.clv), num(s.acquisition), num(r.net_clv)}).c_str());
        ImGui::TextUnformatted(trf("simple_clv.equity_formula", {num(r.clv), std::to_string(s.customers),
                                                                 format_value(clv::customer_equity(r.clv, s.customers), ValueFormat::money)}).c_str());
        // The current value, readable by tests: "simple.value.<CLV>".
        const ImVec2 min = ImGui::GetItemRectMin();
        automation::record_rect("simple.value." + num(r.clv), min.x, min.y, 1, 1);
        if (r.net_clv < 0)
            ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("simple_clv.the_customer_does_not_pay_back"));
    }
    ImGui::Spacing();
    // Value by horizon, out to the chosen horizon (or 40 periods for the infinite case, with its limit).
    const int max_h = s.infinite ? 40 : std::max(10, s.horizon);
    clv::SimpleClvInput finite = in;
    const std::vector<double> by_h = clv::simple_clv_by_horizon(finite, max_h);
    if (!by_h.empty()) {
        charts::Series value{tr("simple_clv.clv_with_horizon_n"), {}, by_h};
        charts::Series net{tr("simple_clv.net_of_acquisition_cost"), {}, {}};
        for (int k = 0; k <= max_h; ++k) {
            value.x.push_back(k);
            net.x.push_back(k);
            net.y.push_back(by_h[static_cast<size_t>(k)] - s.acquisition);
        }
        std::vector<charts::Series> series{value, net};
        if (s.infinite && !r.problem)
            series.push_back(charts::Series{tr("simple_clv.infinite_horizon_clv"), {0, static_cast<double>(max_h)}, {r.clv, r.clv},
                                            IM_COL32(150, 150, 150, 255)});
        if (!s.infinite)
            series.push_back(charts::Series{tr("simple_clv.chosen_horizon"), {static_cast<double>(s.horizon)},
                                            {by_h[static_cast<size_t>(std::min(s.horizon, max_h))]}, IM_COL32(220, 60, 60, 255),
                                            charts::SeriesKind::stems});
        charts::Options o;
        o.height_lines = 22;
        o.title = tr("simple_clv.value_by_horizon");
        charts::line_chart("simple_by_h", series, {tr("simple_clv.horizon_n_periods"), ValueFormat::integer},
                           {tr("simple_clv.value_per_customer"), ValueFormat::money}, o);
        automation::record("simple.chart");
    }
    ImGui::EndChild();
}

}  // namespace lcs
