// Simple-CLV calculator for demos and training: sliders for margin, retention, discount, acquisition
// cost, horizon and margin timing; the formula written out with today's numbers; value by horizon.
// The inputs start from the open workspace's own yearly averages (core/clv/workspace_averages.h), with
// a reset to the textbook example. The numbers come from core/clv; this file only formats them.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/automation.h"
#include "app/cached.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/new_customer_view.h"
#include "app/panels.h"
#include "core/clv/simple_clv.h"
#include "core/clv/workspace_averages.h"
#include "core/customer_facts.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

// Where the inputs shown came from: the workspace's averages, the textbook example, or the user.
enum class InputsSource { workspace, textbook, edited };

struct SimpleClvState {
    // The textbook example (Gupta & Lehmann): m = 100, r = 0.8, d = 0.1, 1,000 customers.
    float margin = 100;
    float retention = 0.80f;
    float discount = 0.10f;
    float acquisition = 50;
    bool infinite = true;
    int horizon = 10;
    bool start_of_period = false;
    int customers = 1000;
    float margin_max = 1000, acquisition_max = 2000;  // slider ranges, widened for a workspace's numbers
    InputsSource source = InputsSource::textbook;
    bool started = false;
    std::uint64_t loaded_revision = 0;  // analysis revision the workspace inputs were taken from
    Cached<std::uint64_t, clv::WorkspaceClvAverages> averages;  // on analysis_revision
};

// A slider maximum that leaves room above `value`: 2 × value rounded up to a power of ten's step.
float slider_max(double value, float at_least) {
    double top = std::max<double>(at_least, 2 * value);
    const double step = std::pow(10.0, std::floor(std::log10(std::max(top, 1.0))));
    return static_cast<float>(std::ceil(top / step) * step);
}

void use_textbook_example(SimpleClvState& s) {
    const SimpleClvState textbook;
    s.margin = textbook.margin;
    s.retention = textbook.retention;
    s.discount = textbook.discount;
    s.acquisition = textbook.acquisition;
    s.infinite = textbook.infinite;
    s.start_of_period = textbook.start_of_period;
    s.customers = textbook.customers;
    s.margin_max = textbook.margin_max;
    s.acquisition_max = textbook.acquisition_max;
    s.source = InputsSource::textbook;
}

void use_workspace_averages(SimpleClvState& s, const clv::WorkspaceClvAverages& a, std::uint64_t revision) {
    const clv::SimpleClvInput in = clv::simple_clv_input(a);
    s.margin = static_cast<float>(in.margin);
    s.retention = static_cast<float>(std::min(in.retention, 0.99));
    s.discount = static_cast<float>(in.discount);
    s.acquisition = static_cast<float>(in.acquisition_cost);
    s.infinite = true;
    s.start_of_period = false;
    s.customers = static_cast<int>(std::min<std::size_t>(a.active_customers, 10000000));
    s.margin_max = slider_max(in.margin, 1000);
    s.acquisition_max = slider_max(in.acquisition_cost, 2000);
    s.source = InputsSource::workspace;
    s.loaded_revision = revision;
}

// Starts from the workspace's averages, and follows them while the user has not changed an input.
void sync_inputs(SimpleClvState& s, AppState& state) {
    const Workspace& ws = state.workspace();
    const std::uint64_t revision = state.analysis_revision();
    const clv::WorkspaceClvAverages& a = s.averages.get(revision, [&] { return clv::workspace_clv_averages(ws, analysis_date(ws)); });
    const bool follow = !s.started || (s.source == InputsSource::workspace && s.loaded_revision != revision);
    s.started = true;
    if (follow && a.active_customers > 0) use_workspace_averages(s, a, revision);
}

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

bool slider_row(const char* label, const char* name, float* value, float min, float max, const char* format) {
    ImGui::TextWrapped("%s", tr(label));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushID(name);
    const bool changed = ImGui::SliderFloat("##v", value, min, max, format, ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopID();
    automation::record(name);
    return changed;
}

// The source buttons: this workspace's averages (when it has recent purchases) or the textbook example.
void draw_source_buttons(SimpleClvState& s, AppState& state) {
    const clv::WorkspaceClvAverages* a = s.averages.find(state.analysis_revision());
    const bool have = a && a->active_customers > 0;
    if (!have) ImGui::BeginDisabled();
    if (ImGui::Button(tr("simple_clv.use_workspace_averages"), ImVec2(-FLT_MIN, 0)) && have)
        use_workspace_averages(s, *a, state.analysis_revision());
    if (!have) ImGui::EndDisabled();
    automation::record("simple.use_workspace");
    if (ImGui::Button(tr("simple_clv.reset_to_textbook_example"), ImVec2(-FLT_MIN, 0))) use_textbook_example(s);
    automation::record("simple.reset_textbook");
    ImGui::Separator();
}

void draw_inputs(SimpleClvState& s) {
    bool edited = slider_row("simple_clv.margin_per_period_m", "simple.margin", &s.margin, 0, s.margin_max, "%.0f");
    edited |= slider_row("simple_clv.retention_per_period_r", "simple.retention", &s.retention, 0, 0.99f, "%.2f");
    edited |= slider_row("simple_clv.discount_rate_per_period_d", "simple.discount", &s.discount, 0, 0.5f, "%.3f");
    edited |= slider_row("customers.acquisition_cost", "simple.acquisition", &s.acquisition, 0, s.acquisition_max, "%.0f");
    edited |= ImGui::Checkbox(tr("simple_clv.infinite_horizon"), &s.infinite);
    automation::record("simple.infinite");
    if (!s.infinite) {
        ImGui::TextWrapped("%s", tr("simple_clv.horizon_n_periods"));
        ImGui::SetNextItemWidth(-FLT_MIN);
        edited |= ImGui::SliderInt("##horizon", &s.horizon, 1, 50, "%d", ImGuiSliderFlags_AlwaysClamp);
        automation::record("simple.horizon");
    }
    ImGui::TextWrapped("%s", tr("simple_clv.margin_received"));
    if (ImGui::RadioButton(tr("simple_clv.at_the_end_of_each_period"), !s.start_of_period)) {
        s.start_of_period = false;
        edited = true;
    }
    automation::record("simple.timing.end");
    if (ImGui::RadioButton(tr("simple_clv.at_the_start_of_each_period"), s.start_of_period)) {
        s.start_of_period = true;
        edited = true;
    }
    automation::record("simple.timing.start");
    ImGui::TextWrapped("%s", tr("simple_clv.customers_for_customer_equity"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    edited |= ImGui::DragInt("##customers", &s.customers, 10, 0, 10000000, "%d", ImGuiSliderFlags_AlwaysClamp);
    automation::record("simple.customers");
    if (edited) s.source = InputsSource::edited;
}

// Where the inputs come from, in words: the workspace's averages with their basis, or the example.
void draw_source(const SimpleClvState& s, const AppState& state) {
    using charts::ValueFormat;
    const clv::WorkspaceClvAverages* a = s.averages.find(state.analysis_revision());
    ImGui::PushTextWrapPos(0);
    if (s.source == InputsSource::textbook) {
        ImGui::TextUnformatted(tr("simple_clv.source_textbook"));
    } else if (s.source == InputsSource::edited) {
        ImGui::TextUnformatted(tr("simple_clv.source_edited"));
    } else if (a) {
        const std::string margin = a->margin_from_costs
                                       ? trf("simple_clv.margin_from_costs", {format_value(a->margin_rate, ValueFormat::percent)})
                                       : trf("simple_clv.margin_default", {format_value(a->margin_rate, ValueFormat::percent)});
        const std::string retention =
            a->retention_from_data
                ? trf("simple_clv.retention_from_data", {format_value(a->retention, ValueFormat::percent),
                                                         format_value(static_cast<double>(a->retention_base), ValueFormat::integer)})
                : trf("simple_clv.retention_default", {format_value(a->retention, ValueFormat::percent)});
        ImGui::TextUnformatted(trf("simple_clv.source_workspace",
                                   {to_iso(a->as_of), format_value(static_cast<double>(a->active_customers), ValueFormat::integer),
                                    format_value(a->average_order_value, ValueFormat::money),
                                    format_value(a->purchases_per_period, ValueFormat::number), margin, retention,
                                    format_value(clv::kDefaultDiscountRate, ValueFormat::percent)})
                                   .c_str());
    }
    ImGui::PopTextWrapPos();
    automation::record(std::string("simple.source.") +
                       (s.source == InputsSource::workspace ? "workspace" : s.source == InputsSource::textbook ? "textbook" : "edited"));
}

}  // namespace

void draw_panel_simple_clv(AppState& state) {
    auto& s = state.panel_data<SimpleClvState>();
    sync_inputs(s, state);
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
    draw_source_buttons(s, state);
    draw_inputs(s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("simple_result", ImVec2(0, 0));
    draw_source(s, state);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("simple_clv.m_margin_per_customer_per_period"));
    ImGui::PopTextWrapPos();
    const std::string formula = formula_text(s, r);
    ImGui::TextWrapped("%s", formula.c_str());
    automation::record("simple.formula");
    if (r.problem) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.15f, 0.15f, 1));
        ImGui::TextWrapped("%s", r.problem->message.c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::TextWrapped("%s", trf("simple_clv.net_clv_formula", {num(r.clv), num(s.acquisition), num(r.net_clv)}).c_str());
        // Equity is labelled with what it is: this workspace's active customers, or an example count.
        const char* equity_key = s.source == InputsSource::workspace ? "simple_clv.equity_workspace" : "simple_clv.equity_example";
        ImGui::TextWrapped("%s", trf(equity_key, {format_value(s.customers, ValueFormat::integer), num(r.clv),
                                                  format_value(clv::customer_equity(r.clv, s.customers), ValueFormat::money)}).c_str());
        // The current value, readable by tests: "simple.value.<CLV>".
        const ImVec2 min = ImGui::GetItemRectMin();
        automation::record_rect("simple.value." + num(r.clv), min.x, min.y, 1, 1);
        if (r.net_clv < 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.1f, 1));
            ImGui::TextWrapped("%s", tr("simple_clv.the_customer_does_not_pay_back"));
            ImGui::PopStyleColor();
        }
    }
    draw_new_customer_value(state, "simple");  // the fitted population's answer beside the formula's
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
