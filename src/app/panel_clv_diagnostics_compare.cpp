// CLV diagnostics, model comparison: every repeat-purchase model that applies, fitted side by side on
// the CLV panel's calibration period (core/clv/model_compare.h through CompareSession, a job of the
// app's runner), with the guard rails before and after the fits, the best value per column marked,
// the verdict in the UI language and the tracking chart. All numbers and texts from core.
#include <cmath>
#include <string>
#include <tuple>

#include "app/automation.h"
#include "app/cached.h"
#include "app/charts/chart_tracking.h"
#include "app/clv_session.h"
#include "app/compare_session.h"
#include "app/i18n.h"
#include "app/panel_clv_diagnostics_internal.h"
#include "app/ui_lang.h"
#include "core/clv/period.h"
#include "core/clv/plain_text.h"
#include "core/customer_facts.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;

// What the comparison would run on now: the CLV panel's unit and calibration end, up to the analysis date.
struct CompareInputs {
    clv::PeriodUnit unit = clv::PeriodUnit::week;
    Date calibration_end;
    Date holdout_end;
    double holdout_length = 0;  // periods of unit
};

CompareInputs compare_inputs(AppState& state) {
    const ClvSettingsInput& s = clv_session(state).settings;
    CompareInputs in;
    in.unit = s.fit_unit.value_or(s.unit);
    in.calibration_end = clv::calibration_end_for(state.workspace(), s);
    in.holdout_end = analysis_date(state.workspace());
    in.holdout_length = (in.holdout_end.days - in.calibration_end.days) / clv::period_length_days(in.unit);
    return in;
}

// The checks before fitting, on the summaries the comparison would fit (rebuilt when the customers,
// the unit or the calibration end change).
using PreFitKey = std::tuple<std::uint64_t, int, int32_t, int32_t>;
const std::vector<clv::GuardRail>& pre_fit_rails(AppState& state, const CompareInputs& in) {
    auto& cache = state.panel_data<Cached<PreFitKey, std::vector<clv::GuardRail>>>();
    const PreFitKey key{state.data_revision(), static_cast<int>(in.unit), in.calibration_end.days, in.holdout_end.days};
    return cache.get(key, [&] {
        clv::RfmBuildOptions options;
        options.calibration_end = in.calibration_end;
        options.unit = in.unit;
        options.holdout_end = in.holdout_end;
        const auto rfm = clv::build_rfm_summary(clv::events_from_workspace(state.workspace()), options);
        return clv::pre_fit_guard_rails(rfm, in.unit, in.holdout_length);
    });
}

// Wrapped text in the weak (disabled) colour: notes that may run longer than the panel is wide.
void weak_wrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

std::string cell_text(double value, int decimals) { return clv::number_text(value, decimals); }

// One table cell; the best usable value of its column is marked with a tint and a star.
void value_cell(const CompareResult& r, size_t row, clv::CompareColumn column, double value, int decimals) {
    ImGui::TableNextColumn();
    const bool best = r.best[static_cast<size_t>(column)] == static_cast<int>(row);
    if (best) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(60, 170, 90, 70));
    const std::string text = cell_text(value, decimals) + (best ? " *" : "");
    ImGui::TextUnformatted(text.c_str());
    if (best) automation::record(std::string("clv.compare.best.") + clv::compare_column_id(column) + "." + r.models[row].model);
}

void draw_table(const CompareResult& r) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("compare_table", 8, flags)) return;
    ImGui::TableSetupColumn(tr("common.model"), 0, 1.6f);
    ImGui::TableSetupColumn(tr("clv_diagnostics.cmp_log_likelihood"));
    ImGui::TableSetupColumn(tr("clv_diagnostics.cmp_parameters"), 0, 0.7f);
    ImGui::TableSetupColumn("AIC");
    ImGui::TableSetupColumn("BIC");
    ImGui::TableSetupColumn(tr("clv_diagnostics.cmp_holdout_mae"));
    ImGui::TableSetupColumn(tr("clv_diagnostics.cmp_holdout_rmse"));
    ImGui::TableSetupColumn(tr("clv_diagnostics.cmp_curve_error"));
    ImGui::TableHeadersRow();
    const Lang lang = ui_lang();
    for (size_t i = 0; i < r.models.size(); ++i) {
        const clv::ModelScore& m = r.models[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.label.c_str());
        automation::record("clv.compare.row." + m.model);
        if (!m.usable) {
            // Values of a fit that did not converge are not estimates: none is shown.
            ImGui::TableNextColumn();
            ImGui::TextColored(ImVec4(0.85f, 0.35f, 0.1f, 1), "%s", trf("clv_diagnostics.cmp_not_usable", {m.not_usable.in(lang)}).c_str());
            continue;
        }
        if (m.opportunities && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("clv_diagnostics.cmp_opportunities_ll"));
        value_cell(r, i, clv::CompareColumn::log_likelihood, m.log_likelihood, 1);
        ImGui::TableNextColumn();
        ImGui::Text("%d", m.params_count);
        value_cell(r, i, clv::CompareColumn::aic, m.aic, 1);
        value_cell(r, i, clv::CompareColumn::bic, m.bic, 1);
        value_cell(r, i, clv::CompareColumn::holdout_mae, m.holdout_mae, 3);
        value_cell(r, i, clv::CompareColumn::holdout_rmse, m.holdout_rmse, 3);
        value_cell(r, i, clv::CompareColumn::curve_error, 100 * m.curve_error, 1);
    }
    ImGui::EndTable();
    // Models that do not apply, under the table (their reasons are sentences, too long for a cell).
    for (const clv::ExcludedModel& e : r.excluded)
        weak_wrapped(trf("clv_diagnostics.cmp_not_compared", {e.label, e.reason.in(lang)}));
    weak_wrapped(tr("clv_diagnostics.cmp_best_note"));
}

void draw_tracking(const CompareResult& r) {
    if (r.tracking.dates.empty()) return;
    charts::TrackingChart c;
    for (const Date& d : r.tracking.dates) c.x.push_back(d.days);
    c.actual = {tr("clv_diagnostics.actual"), r.tracking.actual_cumulative, r.tracking.actual_incremental, 0};
    for (const clv::ModelScore& m : r.models)
        if (m.usable && !m.cumulative.empty()) c.models.push_back({m.label, m.cumulative, m.incremental, 0});
    c.split = r.settings.calibration_end.days;
    c.cumulative_title = tr("clv_diagnostics.cmp_tracking_cumulative");
    c.incremental_title = trf("clv_diagnostics.cmp_tracking_incremental", {tr(period_unit_plural(r.settings.unit))});
    c.calibration_label = tr("clv_diagnostics.cmp_calibration");
    c.holdout_label = tr("clv_diagnostics.cmp_holdout");
    charts::Options o;
    o.height_lines = 11;
    charts::tracking_chart("compare_tracking", c, {tr("common.repeat_purchases"), ValueFormat::number}, o);
    automation::record("clv.compare.tracking");
}

void draw_result(AppState& state, const CompareResult& r, const CompareInputs& in) {
    if (r.problem) {
        ImGui::TextColored(ImVec4(0.85f, 0.15f, 0.15f, 1), "%s", r.problem->message.c_str());
        return;
    }
    if (r.data_revision != state.data_revision())
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("clv_diagnostics.cmp_data_changed"));
    else if (r.settings.unit != in.unit || r.settings.calibration_end != in.calibration_end)
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s",
                           trf("clv_diagnostics.cmp_settings_changed", {tr(period_unit_plural(r.settings.unit)),
                                                                       to_iso(r.settings.calibration_end)}).c_str());
    draw_table(r);
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("clv_diagnostics.cmp_verdict"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.2f, 0.55f, 0.3f, 1));
    ImGui::TextWrapped("%s", r.verdict.text.in(ui_lang()).c_str());
    ImGui::PopStyleColor();
    automation::record("clv.compare.verdict");
    for (const clv::ModelScore& m : r.models) {
        if (m.guard_rails.empty()) continue;
        ImGui::TextUnformatted(trf("clv_diagnostics.cmp_checks_on_fit", {m.label}).c_str());
        draw_guard_rails(m.guard_rails, ("rails." + m.model).c_str());
    }
    ImGui::Spacing();
    draw_tracking(r);
}

}  // namespace

void draw_guard_rails(const std::vector<clv::GuardRail>& rails, const char* id) {
    const Lang lang = ui_lang();
    ImGui::PushID(id);
    for (const clv::GuardRail& g : rails) {
        const ImVec4 colour = g.severity == clv::GuardSeverity::error     ? ImVec4(0.85f, 0.15f, 0.15f, 1)
                              : g.severity == clv::GuardSeverity::warning ? ImVec4(0.85f, 0.45f, 0.1f, 1)
                                                                          : ImVec4(0.3f, 0.5f, 0.8f, 1);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::Bullet();
        ImGui::TextWrapped("%s", g.message.in(lang).c_str());
        ImGui::PopStyleColor();
        automation::record("clv.guard." + g.id);
        ImGui::Indent();
        weak_wrapped(trf("clv_diagnostics.cmp_fix", {g.fix.in(lang)}));
        ImGui::Unindent();
    }
    ImGui::PopID();
}

void draw_model_comparison(AppState& state) {
    if (!ImGui::CollapsingHeader(tr("clv_diagnostics.cmp_title"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!clv::first_purchase_day(state.workspace())) {
        ImGui::TextDisabled("%s", tr("clv_diagnostics.cmp_needs_purchases"));
        return;
    }
    CompareSession& session = compare_session(state);
    const CompareInputs in = compare_inputs(state);
    ImGui::TextWrapped("%s", trf("clv_diagnostics.cmp_settings", {to_iso(in.calibration_end), to_iso(in.holdout_end),
                                                                  clv::number_text(in.holdout_length, 1),
                                                                  tr(period_unit_plural(in.unit))}).c_str());
    const std::vector<clv::GuardRail>& before = pre_fit_rails(state, in);
    ImGui::TextUnformatted(tr("clv_diagnostics.cmp_checks_before"));
    if (before.empty()) weak_wrapped(tr("clv_diagnostics.cmp_checks_passed"));
    draw_guard_rails(before, "rails.before");
    const char* label = session.running() ? "clv_diagnostics.cmp_restart" : session.result() ? "clv_diagnostics.cmp_again"
                                                                                              : "clv_diagnostics.cmp_run";
    if (ImGui::Button(tr(label))) session.start(state, in.unit, in.calibration_end);
    automation::record("clv.compare.run");
    if (session.running()) {
        ImGui::SameLine();
        ImGui::ProgressBar(session.progress(), ImVec2(-FLT_MIN, 0), tr("clv_diagnostics.cmp_running"));
        automation::record_rect("clv.compare.status.running", 0, 0, 0, 0);
    }
    if (session.result()) {
        automation::record_rect("clv.compare.status.done", 0, 0, 0, 0);
        draw_result(state, *session.result(), in);
    }
}

}  // namespace lcs
