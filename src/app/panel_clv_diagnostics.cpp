// CLV diagnostics: which model to believe (the model comparison, panel_clv_diagnostics_compare.cpp),
// then how well the fitted model describes the data: its guard rails, calibration vs holdout purchases
// by calibration frequency (grouped bars), cumulative repeat purchases actual vs model with the
// calibration end marked, frequency-recency heatmaps of P(alive) and expected purchases, and the
// CLV distribution. Reads the CLV panel's last result (clv_session.h); all numbers from core.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/clv_session.h"
#include "app/i18n.h"
#include "app/panel_clv_diagnostics_internal.h"
#include "app/panels.h"
#include "core/clv/clv_diagnostics.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

// Cached per CLV result (keyed on its generation) in the panel data.
struct DiagnosticsState {
    bool count_model = false;
    double holdout_length = 0;
    std::vector<clv::HoldoutGroup> holdout;
    clv::PurchaseTracking tracking;
    clv::FrequencyRecencyGrid grid;
    clv::Histogram clv_histogram;
    int not_shown = 0;
    std::vector<clv::GuardRail> fit_rails;  // the CLV panel's fits: convergence, bounds, BG/NBD P(alive) = 1
};

DiagnosticsState compute_diagnostics(AppState& state, const ClvResult& r) {
    DiagnosticsState d;
    std::vector<double> values;
    values.reserve(r.rows.size());
    for (const ClvRow& row : r.rows) values.push_back(row.value.clv);
    d.clv_histogram = clv::histogram(values, 24, 0.99);
    d.not_shown = d.clv_histogram.above;

    for (const auto* fit : {&r.count_fit, &r.spend_fit})
        if (*fit)
            for (clv::GuardRail& g : clv::post_fit_guard_rails(**fit, r.rfm, {})) d.fit_rails.push_back(std::move(g));
    d.count_model = r.settings.model == ClvModelKind::bgnbd_gg || r.settings.model == ClvModelKind::pareto_gg;
    if (!d.count_model) return d;
    const double unit_days = clv::period_length_days(r.settings.unit);
    d.holdout_length = (r.as_of.days - r.calibration_end.days) / unit_days;
    // The holdout check is the calibration-end fit (the values may come from a refit: valuation.h).
    if (d.holdout_length > 0) d.holdout = clv::calibration_vs_holdout(r.holdout_counts(), r.holdout_rfm(), d.holdout_length, 7);
    d.tracking = clv::purchase_tracking(r.holdout_counts(), clv::events_from_workspace(state.workspace()), r.calibration_end,
                                        r.as_of, r.settings.unit);
    // Grid over the observed range: x up to the 95th percentile (at least 5), the longest T.
    std::vector<int> xs;
    double max_T = 0;
    for (const clv::CustomerRfm& c : r.rfm) {
        xs.push_back(c.x);
        max_T = std::max(max_T, c.T);
    }
    std::sort(xs.begin(), xs.end());
    int max_x = xs.empty() ? 5 : std::max(5, xs[xs.size() * 95 / 100]);
    max_x = std::min(max_x, 30);
    if (max_T > 0) d.grid = clv::frequency_recency_grid(r.counts, max_x, max_T, 13, std::max(1, r.settings.horizon));
    return d;
}

void draw_holdout(const DiagnosticsState& d, const ClvResult& r) {
    if (d.holdout.empty()) {
        ImGui::TextDisabled("%s", tr("clv_diagnostics.no_holdout_period_set_a_holdout"));
        return;
    }
    std::vector<std::string> categories;
    charts::Series actual{tr("clv_diagnostics.actual"), {}, {}};
    charts::Series predicted{tr("common.model"), {}, {}};
    for (const clv::HoldoutGroup& g : d.holdout) {
        categories.push_back(std::to_string(g.x) + (g.open_ended ? "+" : ""));
        actual.y.push_back(g.actual);
        predicted.y.push_back(g.predicted);
    }
    charts::Options o;
    o.height_lines = 12;
    char length[32];
    std::snprintf(length, sizeof length, "%.1f", d.holdout_length);
    o.title = trf("clv_diagnostics.holdout_purchases_by_calibration", {length, tr(period_unit_plural(r.settings.unit))});
    charts::bar_chart("holdout", categories, {actual, predicted}, {tr("clv_diagnostics.mean_holdout_purchases"), ValueFormat::number}, charts::BarMode::grouped, o);
    automation::record("clv.diag.holdout");
    ImGui::TextDisabled("%s", tr("clv_diagnostics.x_axis_repeat_purchases_in_the"));
}

void draw_tracking(const DiagnosticsState& d, const ClvResult& r) {
    if (d.tracking.dates.empty()) return;
    charts::Series actual{tr("clv_diagnostics.actual"), {}, d.tracking.actual};
    charts::Series model{tr("common.model"), {}, d.tracking.predicted};
    double top = 0;
    for (size_t k = 0; k < d.tracking.dates.size(); ++k) {
        actual.x.push_back(d.tracking.dates[k].days);
        model.x.push_back(d.tracking.dates[k].days);
        top = std::max({top, d.tracking.actual[k], std::isfinite(d.tracking.predicted[k]) ? d.tracking.predicted[k] : 0});
    }
    charts::Series split{tr("clv_diagnostics.calibration_end"), {static_cast<double>(r.calibration_end.days)}, {top},
                         IM_COL32(200, 60, 60, 255), charts::SeriesKind::stems};
    charts::Options o;
    o.height_lines = 12;
    o.title = tr("clv_diagnostics.cumulative_repeat_purchases_actual_vs_model");
    charts::line_chart("tracking", {actual, model, split}, {"", ValueFormat::date},
                       {tr("common.repeat_purchases"), ValueFormat::integer}, o);
    automation::record("clv.diag.tracking");
}

void draw_grids(const DiagnosticsState& d, const ClvResult& r) {
    if (d.grid.x.empty()) return;
    std::vector<std::string> rows, columns;
    for (auto it = d.grid.x.rbegin(); it != d.grid.x.rend(); ++it) rows.push_back("x=" + std::to_string(*it));
    for (double t : d.grid.t_x) {
        char text[32];
        std::snprintf(text, sizeof text, "%.0f", t);
        columns.push_back(text);
    }
    // Most frequent buyers on top, as in the usual frequency-recency plots.
    std::vector<std::vector<double>> alive(d.grid.p_alive.rbegin(), d.grid.p_alive.rend());
    std::vector<std::vector<double>> expected(d.grid.expected.rbegin(), d.grid.expected.rend());
    const std::string unit = tr(period_unit_plural(r.settings.unit));
    char customer_age[32];
    std::snprintf(customer_age, sizeof customer_age, "%.1f", d.grid.T);
    const std::string recency_note = trf("clv_diagnostics.columns_recency_t", {unit, customer_age});
    charts::Options o;
    o.height_lines = 16;
    o.legend = false;
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginChild("grid_alive", ImVec2(half, ImGui::GetTextLineHeightWithSpacing() * 20));
    o.title = std::string(tr("clv_diagnostics.p_alive_by_frequency_and_recency"));
    charts::heatmap("alive", rows, columns, alive, ValueFormat::percent, IM_COL32(40, 120, 200, 255), o);
    automation::record("clv.diag.alive");
    ImGui::TextDisabled("%s", recency_note.c_str());
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("grid_expected", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 20));
    o.title = trf("clv_diagnostics.expected_purchases_over_horizon", {std::to_string(r.settings.horizon), unit});
    charts::heatmap("expected", rows, columns, expected, ValueFormat::number, IM_COL32(40, 160, 90, 255), o);
    automation::record("clv.diag.expected");
    ImGui::TextDisabled("%s", recency_note.c_str());
    ImGui::EndChild();
}

void draw_histogram(const DiagnosticsState& d) {
    const clv::Histogram& h = d.clv_histogram;
    if (h.edges.size() < 2) return;
    std::vector<std::string> categories;
    charts::Series counts{tr("common.customers"), {}, {}};
    for (size_t i = 0; i + 1 < h.edges.size(); ++i) {
        categories.push_back(format_value(h.edges[i], ValueFormat::money, true) + "-" +
                             format_value(h.edges[i + 1], ValueFormat::money, true));
        counts.y.push_back(h.counts[i]);
    }
    charts::Options o;
    o.height_lines = 11;
    o.legend = false;
    o.title = tr("clv_diagnostics.clv_distribution");
    charts::bar_chart("clv_hist", categories, {counts}, {tr("common.customers"), ValueFormat::integer}, charts::BarMode::grouped, o);
    automation::record("clv.diag.histogram");
    if (d.not_shown > 0)
        ImGui::TextDisabled("%s", trf("clv_diagnostics.customers_above", {std::to_string(d.not_shown), format_value(h.edges.back(), ValueFormat::money)}).c_str());
}

}  // namespace

void draw_panel_clv_diagnostics(AppState& state) {
    if (state.workspace().customers.empty()) {
        ImGui::TextDisabled("%s", tr("common.no_customers_yet_open_a_workspace"));
        return;
    }
    ClvSession& session = clv_session(state);
    ImGui::BeginChild("diagnostics", ImVec2(0, 0));
    draw_model_comparison(state);
    ImGui::Separator();
    if (session.running()) ImGui::ProgressBar(session.progress(), ImVec2(-FLT_MIN, 0), tr(session.phase_label()));
    const auto& result = session.result();
    if (!result || !result->ok()) {
        ImGui::TextWrapped("%s", tr("clv_diagnostics.fit_a_model_in_the_clv"));
        ImGui::EndChild();
        return;
    }
    auto& cache = state.panel_data<Cached<std::uint64_t, DiagnosticsState>>();
    const DiagnosticsState& d = cache.get(result->generation, [&] { return compute_diagnostics(state, *result); });
    ImGui::TextUnformatted(trf("clv_diagnostics.model_calibration_ends", {tr(clv_model_label(result->settings.model)),
                                                                           to_iso(result->calibration_end)}).c_str());
    draw_guard_rails(d.fit_rails, "rails.fit");
    if (d.count_model) {
        draw_holdout(d, *result);
        ImGui::Separator();
        draw_tracking(d, *result);
        ImGui::Separator();
        draw_grids(d, *result);
        ImGui::Separator();
    } else {
        ImGui::TextDisabled("%s", tr("clv_diagnostics.holdout_and_frequency_recency_charts_need"));
    }
    draw_histogram(d);
    ImGui::EndChild();
}

}  // namespace lcs
