// Stage flow panel: how customers move through the lifecycle model. Sub-tabs: Funnel & history
// (stage funnel at the analysis date, monthly stage history with a date slider), Cohorts (retention
// heatmap by acquisition month) and Transitions (stage-to-stage matrix between two dates, as a
// table and as a flow chart).
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "core/lifecycle/cohort_recurring.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

struct FlowPanelState {
    bool history_shares = false;
    bool cohort_counts = false;
    bool recurring = false;  // recurring (activity) cohorts instead of birth/acquisition cohorts
    Cached<std::tuple<std::uint64_t, Date, CohortPeriod>, CohortTable> recurring_table;  // data_revision, as-of, period
    int from_index = -1, to_index = -1;  // into the full history's dates; -1 = default
    Cached<std::tuple<std::uint64_t, Date, Date>, TransitionMatrix> matrix;  // revision, from, to
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Index of the last snapshot dated on or before `date` (0 when none).
int snapshot_at(const SnapshotSeries& h, Date date) {
    auto it = std::upper_bound(h.dates.begin(), h.dates.end(), date);
    return it == h.dates.begin() ? 0 : static_cast<int>(it - h.dates.begin()) - 1;
}

void draw_funnel_history(AppState& state, FlowPanelState& p) {
    LifecycleView& v = lifecycle_view(state);
    const LifecycleModel& model = v.model;
    const LifecycleAtDate& a = lifecycle_analysis(state);

    ImGui::TextUnformatted(trf("lifecycle_flow.customers_per_stage_as_of", {to_iso(a.as_of)}).c_str());
    std::vector<charts::FunnelStep> steps;
    for (std::size_t i = 0; i < model.stages.size(); ++i)
        steps.push_back({stage_name(model.stages[i]), static_cast<double>(a.stages.counts[i]), stage_color(model.stages[i])});
    charts::Options funnel;
    funnel.height_lines = 0;
    int hovered = charts::funnel_chart("funnel", steps, ValueFormat::integer, funnel, charts::FunnelShare::of_total);
    automation::record("flow.funnel");
    if (hovered >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) v.selected_stage = hovered;
    text_disabled_wrapped(tr("lifecycle_flow.stages_in_model_order_percentages_are"));

    ImGui::Spacing();
    ImGui::Separator();
    const SnapshotSeries* history = lifecycle_full_history_if_ready(state);
    if (!history) return draw_history_pending(state);
    const SnapshotSeries& h = *history;
    if (h.dates.empty()) {
        text_disabled_wrapped(tr("lifecycle_flow.no_dated_data_to_build_a"));
        return;
    }
    ImGui::TextUnformatted(tr("lifecycle_flow.stages_over_time_month_end_snapshots"));
    same_line_if_fits(radio_width(tr("lifecycle_flow.shares")));
    ImGui::Checkbox(tr("lifecycle_flow.shares"), &p.history_shares);
    automation::record("flow.history_shares");
    std::vector<double> x;
    for (Date d : h.dates) x.push_back(d.days);
    std::vector<charts::Series> layers;
    for (std::size_t s = 0; s < model.stages.size(); ++s) {
        charts::Series layer{stage_name(model.stages[s]), x, {}, stage_color(model.stages[s])};
        for (std::size_t k = 0; k < h.dates.size(); ++k) {
            double count = h.counts[k][s];
            if (p.history_shares) {
                double present = 0;
                for (int c : h.counts[k]) present += c;
                count = present > 0 ? count / present : 0;
            }
            layer.y.push_back(count);
        }
        layers.push_back(std::move(layer));
    }
    charts::Options area;
    area.height_lines = 13;
    charts::stacked_area_chart("history", x, layers, {"", ValueFormat::month},
                               {p.history_shares ? tr("common.share_of_customers") : tr("common.customers"),
                                p.history_shares ? ValueFormat::percent : ValueFormat::integer},
                               area);
    automation::record("flow.history");

    // The slider moves the analysis date of every lifecycle view to a month end.
    int k = snapshot_at(h, a.as_of);
    int last = static_cast<int>(h.dates.size()) - 1;
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
    std::string label = to_iso(h.dates[static_cast<std::size_t>(k)]);
    if (ImGui::SliderInt("##as_of", &k, 0, last, label.c_str())) v.as_of = h.dates[static_cast<std::size_t>(k)];
    automation::record("flow.as_of_slider");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("common.as_of"));
    std::vector<charts::FunnelStep> parts;
    for (std::size_t s = 0; s < model.stages.size(); ++s)
        parts.push_back({stage_name(model.stages[s]), static_cast<double>(a.stages.counts[s]), stage_color(model.stages[s])});
    charts::share_bar("as_of_bar", parts, ValueFormat::integer);
    automation::record("flow.as_of_bar");
}

void draw_cohorts(AppState& state, FlowPanelState& p) {
    LifecycleView& v = lifecycle_view(state);
    int basis = p.recurring ? 2 : v.cohort_basis == CohortBasis::first_purchase ? 0 : 1;
    ImGui::TextUnformatted(tr("lifecycle_flow.cohort_by"));
    same_line_if_fits(radio_width(tr("lifecycle_flow.first_purchase_birth_cohort")));  // the choices flow onto more lines when narrow
    if (ImGui::RadioButton(tr("lifecycle_flow.first_purchase_birth_cohort"), &basis, 0)) {
        v.cohort_basis = CohortBasis::first_purchase;
        p.recurring = false;
    }
    automation::record("flow.cohort.birth");
    same_line_if_fits(radio_width(tr("lifecycle_flow.acquisition_date")));
    if (ImGui::RadioButton(tr("lifecycle_flow.acquisition_date"), &basis, 1)) {
        v.cohort_basis = CohortBasis::acquired;
        p.recurring = false;
    }
    automation::record("flow.cohort.acquired");
    same_line_if_fits(radio_width(tr("lifecycle_flow.any_purchase_in_the_month_recurring")));
    if (ImGui::RadioButton(tr("lifecycle_flow.any_purchase_in_the_month_recurring"), &basis, 2)) p.recurring = true;
    automation::record("flow.cohort.recurring");
    int period = v.cohort_period == CohortPeriod::calendar_month ? 0 : 1;
    ImGui::TextUnformatted(tr("lifecycle_flow.columns"));
    same_line_if_fits(radio_width(tr("lifecycle_flow.calendar_months_after_the_cohort_month")));
    if (ImGui::RadioButton(tr("lifecycle_flow.calendar_months_after_the_cohort_month"), &period, 0)) v.cohort_period = CohortPeriod::calendar_month;
    automation::record("flow.cohort.calendar");
    same_line_if_fits(radio_width(tr("lifecycle_flow.rolling_30_day_periods_after_each")));
    if (ImGui::RadioButton(tr("lifecycle_flow.rolling_30_day_periods_after_each"), &period, 1))
        v.cohort_period = CohortPeriod::rolling_30_days;
    automation::record("flow.cohort.rolling");
    ImGui::Checkbox(tr("lifecycle_flow.show_counts_instead_of_shares"), &p.cohort_counts);
    automation::record("flow.cohort.counts");

    const LifecycleAtDate& a = lifecycle_analysis(state);
    const CohortTable* recurring =
        !p.recurring ? nullptr : &p.recurring_table.get({state.data_revision(), a.as_of, v.cohort_period}, [&] {
            return recurring_cohort_retention(state.workspace(), a.as_of, v.cohort_period);
        });
    const LifecycleOverTime* over_time = p.recurring ? nullptr : lifecycle_over_time_if_ready(state);
    if (!p.recurring && !over_time) return draw_history_pending(state);
    const CohortTable& t = recurring ? *recurring : over_time->cohorts;
    if (t.rows.empty()) {
        text_disabled_wrapped(tr("lifecycle_flow.no_purchases_yet_no_cohorts"));
        return;
    }
    std::size_t columns = 0;
    for (const CohortRow& r : t.rows) columns = std::max(columns, r.share.size());
    std::vector<std::string> row_labels, column_labels;
    std::vector<std::vector<double>> values;
    for (const CohortRow& r : t.rows) {
        row_labels.push_back(to_iso(r.month).substr(0, 7) + "  n=" + format_value(r.size, ValueFormat::integer));
        std::vector<double> row(columns, kNaN);
        for (std::size_t k = 0; k < r.share.size(); ++k) {
            if (r.eligible[k] == 0) continue;  // period not reached yet: leave the cell empty
            row[k] = p.cohort_counts ? static_cast<double>(r.active[k]) : r.share[k];
        }
        values.push_back(std::move(row));
    }
    const char* prefix = t.period == CohortPeriod::calendar_month ? "M" : "P";
    for (std::size_t k = 0; k < columns; ++k) column_labels.push_back(prefix + std::to_string(k));
    charts::Options options;
    options.height_lines = std::clamp(static_cast<float>(t.rows.size()) * 1.1f + 2, 6.0f, 40.0f);
    if (p.recurring) text_disabled_wrapped(tr("lifecycle_flow.recurring_cohort_everyone_who_bought_in"));
    text_disabled_wrapped(t.period == CohortPeriod::calendar_month ? tr("lifecycle_flow.cell_mk_share_of_the_cohort")
                                                                 : tr("lifecycle_flow.cell_pk_share_who_bought_in"));
    charts::heatmap("cohorts", row_labels, column_labels, values, p.cohort_counts ? ValueFormat::integer : ValueFormat::percent,
                    charts::palette_color(0), options);
    automation::record("flow.cohort.heatmap");
}

// Average time to convert from one stage to another, over the monthly history up to the analysis date.
void draw_stage_move_times(AppState& state) {
    const LifecycleModel& model = lifecycle_model(state);
    const LifecycleOverTime* over_time = lifecycle_over_time_if_ready(state);
    if (!over_time) return draw_history_pending(state);
    const LifecycleOverTime& a = *over_time;
    const std::size_t n = model.stages.size();
    if (a.move_times.size() != n) return;
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("lifecycle_flow.average_time_to_convert_between_stages"));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_SizingStretchSame;
    if (begin_fitting_table("move_times", static_cast<int>(n) + 1, flags)) {
        ImGui::TableSetupColumn(tr("common.from_to"));
        for (const Stage& s : model.stages) ImGui::TableSetupColumn(stage_name(s).c_str());
        ImGui::TableHeadersRow();
        for (std::size_t r = 0; r < n; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            color_swatch(stage_color(model.stages[r]));
            ImGui::TextUnformatted(stage_name(model.stages[r]).c_str());
            for (std::size_t c = 0; c < n; ++c) {
                ImGui::TableNextColumn();
                const StageMoveTime& t = a.move_times[r][c];
                if (t.moves == 0) {
                    ImGui::TextDisabled("-");
                    continue;
                }
                ImGui::TextUnformatted(trf("lifecycle_flow.mean_days_moves", {format_value(t.mean_days, ValueFormat::integer),
                                                                              format_value(t.moves, ValueFormat::integer)}).c_str());
            }
        }
        ImGui::EndTable();
    }
    automation::record("flow.transition.times");
    text_disabled_wrapped(tr("lifecycle_flow.mean_days_from_entering_the_rows"));
}

// The from and to sliders over the history's dates (by default the last date and a year before it).
void draw_date_range(const SnapshotSeries& h, FlowPanelState& p) {
    int last = static_cast<int>(h.dates.size()) - 1;
    if (p.to_index < 0 || p.to_index > last) p.to_index = last;
    if (p.from_index < 0 || p.from_index > last) p.from_index = std::max(0, last - 12);
    float w = ImGui::GetFontSize() * 14;
    ImGui::TextUnformatted(tr("lifecycle_flow.from"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt("##from", &p.from_index, 0, last, to_iso(h.dates[static_cast<std::size_t>(p.from_index)]).c_str());
    automation::record("flow.transition.from");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("lifecycle_flow.to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt("##to", &p.to_index, 0, last, to_iso(h.dates[static_cast<std::size_t>(p.to_index)]).c_str());
    automation::record("flow.transition.to");
}

// Table: counts and row shares; the last row is customers who were not present at the first date.
void draw_transition_table(const LifecycleModel& model, const TransitionMatrix& m) {
    const std::size_t n = model.stages.size();
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_SizingStretchSame;
    int ncol = static_cast<int>(n) + 2;
    if (begin_fitting_table("transitions", ncol, flags)) {
        ImGui::TableSetupColumn(tr("common.from_to"));
        for (const Stage& s : model.stages) ImGui::TableSetupColumn(stage_name(s).c_str());
        ImGui::TableSetupColumn(tr("lifecycle_flow.total"));
        ImGui::TableHeadersRow();
        for (std::size_t r = 0; r <= n; ++r) {
            bool entered = r == n;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (entered) text_disabled_wrapped(tr("lifecycle_flow.new_not_present"));
            else {
                color_swatch(stage_color(model.stages[r]));
                ImGui::TextUnformatted(stage_name(model.stages[r]).c_str());
            }
            int total = 0;
            for (std::size_t c = 0; c < n; ++c) total += entered ? m.entered[c] : m.counts[r][c];
            for (std::size_t c = 0; c < n; ++c) {
                ImGui::TableNextColumn();
                int count = entered ? m.entered[c] : m.counts[r][c];
                if (count == 0) {
                    ImGui::TextDisabled("0");
                    continue;
                }
                double share = entered ? (total > 0 ? static_cast<double>(count) / total : 0) : m.probability[r][c];
                if (!entered && r == c) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_Header, 0.5f));
                ImGui::Text("%s (%s)", format_value(count, ValueFormat::integer).c_str(), format_value(share, ValueFormat::percent).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_value(total, ValueFormat::integer).c_str());
        }
        ImGui::EndTable();
    }
    text_disabled_wrapped(tr("lifecycle_flow.rows_stage_at_the_first_date"));
}

// The same moves as a flow chart, new customers as an extra node on the left.
void draw_transition_flow(const LifecycleModel& model, const TransitionMatrix& m, Date from, Date to) {
    const std::size_t n = model.stages.size();
    std::vector<charts::FlowNode> left, right;
    for (const Stage& s : model.stages) {
        left.push_back({stage_name(s), stage_color(s)});
        right.push_back({stage_name(s), stage_color(s)});
    }
    left.push_back({tr("common.new"), IM_COL32(150, 150, 150, 255)});
    std::vector<std::vector<double>> counts(n + 1, std::vector<double>(n, 0));
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c) counts[r][c] = m.counts[r][c];
    for (std::size_t c = 0; c < n; ++c) counts[n][c] = m.entered[c];
    charts::Options options;
    options.height_lines = 16;
    charts::flow_chart("flow", left, right, counts, to_iso(from), to_iso(to), ValueFormat::integer, options);
    automation::record("flow.transition.flow");
}

void draw_transitions(AppState& state, FlowPanelState& p) {
    const LifecycleModel& model = lifecycle_model(state);
    const SnapshotSeries* history = lifecycle_full_history_if_ready(state);
    if (!history) return draw_history_pending(state);
    const SnapshotSeries& h = *history;
    if (h.dates.size() < 2) {
        text_disabled_wrapped(tr("lifecycle_flow.transitions_need_at_least_two_months"));
        return;
    }
    draw_date_range(h, p);
    Date from = h.dates[static_cast<std::size_t>(p.from_index)], to = h.dates[static_cast<std::size_t>(p.to_index)];
    const TransitionMatrix& m = p.matrix.get({state.revision(), from, to}, [&] {
        // Both dates are snapshot dates: the history already holds everyone's stage there.
        return transition_matrix(h.stage[static_cast<std::size_t>(p.from_index)],
                                 h.stage[static_cast<std::size_t>(p.to_index)], static_cast<int>(model.stages.size()));
    });
    if (m.counts.size() != model.stages.size()) return;
    draw_transition_table(model, m);
    draw_transition_flow(model, m, from, to);
    draw_stage_move_times(state);
}

}  // namespace

void draw_panel_lifecycle_flow(AppState& state) {
    auto& p = state.panel_data<FlowPanelState>();
    draw_lifecycle_header(state, false);
    if (lifecycle_model(state).stages.empty()) return;
    if (!ImGui::BeginTabBar("flow_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    if (begin_tab_item("lifecycle_flow.funnel_history", "funnel", "flow.tab.funnel")) {
        ImGui::BeginChild("funnel_history");
        draw_funnel_history(state, p);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (begin_tab_item("lifecycle_flow.cohorts", "cohorts", "flow.tab.cohorts")) {
        ImGui::BeginChild("cohorts");
        draw_cohorts(state, p);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (begin_tab_item("lifecycle_flow.transitions", "transitions", "flow.tab.transitions")) {
        ImGui::BeginChild("transitions");
        draw_transitions(state, p);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace lcs
