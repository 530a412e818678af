#include "app/clv_intervals_view.h"

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "app/automation.h"
#include "app/cached.h"
#include "app/clv_intervals_session.h"
#include "app/i18n.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "imgui.h"

namespace lcs {

using charts::ValueFormat;
using charts::format_value;

namespace {

// The stage intervals of the finished bootstrap, per (fit generation, level).
struct StageIntervalCache {
    Cached<std::pair<std::uint64_t, double>, std::vector<clv::Interval>> cache;
};

std::string fixed4(double v) {
    char text[48];
    std::snprintf(text, sizeof text, "%.4f", v);
    return text;
}

// One fit's parameters: estimate and the interval at the level.
void interval_table(const char* id, const clv::ParameterIntervals& p) {
    if (!p.ok() || !begin_fitting_table(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchSame))
        return;
    ImGui::TableSetupColumn(tr("clv.parameter"));
    ImGui::TableSetupColumn(tr("clv.estimate"));
    ImGui::TableSetupColumn(tr("clv.interval_low_high"));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < p.names.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.names[i].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fixed4(p.estimate[i]).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s – %s", fixed4(p.lower[i]).c_str(), fixed4(p.upper[i]).c_str());
        automation::record("clv.interval." + p.names[i]);
    }
    ImGui::EndTable();
}

// The level as a choice of the usual three (a free number invites false precision).
void draw_level_choice(ClvIntervalsSession& session) {
    static const double kLevels[] = {0.8, 0.9, 0.95};
    static const char* kNames[] = {"80%", "90%", "95%"};
    int current = 1;
    for (int i = 0; i < 3; ++i)
        if (std::fabs(session.level - kLevels[i]) < 1e-9) current = i;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::Combo(tr("clv.interval_level"), &current, kNames, 3)) session.level = kLevels[current];
    automation::record("clv.interval_level");
}

}  // namespace

std::string interval_text(const clv::Interval& interval, ValueFormat format) {
    if (!std::isfinite(interval.lo) || !std::isfinite(interval.hi)) return "-";
    return format_value(interval.lo, format) + " – " + format_value(interval.hi, format);
}

void draw_clv_parameter_intervals(AppState& state, const ClvResult& result) {
    ClvIntervalsSession& session = clv_intervals_session(state);
    if (!result.ok() || !clv::is_count_model(result.settings.model)) return;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("clv.uncertainty"));
    draw_level_choice(session);
    if (const char* why = session.withheld(result.generation)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.1f, 1));
        ImGui::TextWrapped("%s", tr(why));
        ImGui::PopStyleColor();
        if (!session.withheld_detail().empty()) text_disabled_wrapped(session.withheld_detail().c_str());
        automation::record("clv.intervals.withheld");
        return;
    }
    const clv::ValuationIntervals* p = session.parameters(result.generation);
    if (!p) {
        text_disabled_wrapped(tr("clv.intervals_computing"));
        return;
    }
    interval_table("count_intervals", p->counts);
    ImGui::TextUnformatted(tr("clv.spend_per_purchase_gamma_gamma"));
    interval_table("spend_intervals", p->spend);
    if (!session.bootstrap(result.generation)) {
        ImGui::ProgressBar(session.progress(), ImVec2(-FLT_MIN, 0), tr("clv.intervals_bootstrap_running"));
        return;
    }
    text_disabled_wrapped(trf("clv.intervals_method", {std::to_string(p->draws.counts.size())}).c_str());
}

void draw_clv_equity_interval(AppState& state, const ClvResult& result) {
    const clv::ClvBootstrap* b = clv_intervals_session(state).bootstrap(result.generation);
    if (!b) return;
    const std::string level = format_value(clv_intervals_session(state).level, ValueFormat::percent);
    ImGui::TextWrapped("%s", trf("clv.equity_interval", {level, interval_text(b->total_clv(), ValueFormat::money),
                                                         interval_text(b->total_purchases(), ValueFormat::number)}).c_str());
    automation::record("clv.intervals.equity");
}

void draw_fit_equity_interval(AppState& state) {
    const ClvSession& session = clv_session(state);
    if (session.result() && !session.result_outdated(state)) draw_clv_equity_interval(state, *session.result());
}

const clv::CustomerIntervals* clv_row_interval(AppState& state, const ClvResult& result, std::size_t row) {
    const clv::ClvBootstrap* b = clv_intervals_session(state).bootstrap(result.generation);
    return b && row < b->customers().size() ? &b->customers()[row] : nullptr;
}

clv::Interval clv_stage_interval(AppState& state, const ClvResult& result, std::size_t stage) {
    ClvIntervalsSession& session = clv_intervals_session(state);
    const clv::ClvBootstrap* b = session.bootstrap(result.generation);
    if (!b) return {};
    // group_clv sorts the draws of every group: computed once per finished bootstrap.
    auto& cache = state.panel_data<StageIntervalCache>().cache;
    const std::vector<clv::Interval>& groups =
        cache.get(std::make_pair(result.generation, session.level), [b] { return b->group_clv(); });
    return stage < groups.size() ? groups[stage] : clv::Interval{};
}

}  // namespace lcs
