// Lifecycle panel, "Metrics" sub-tab: the period metrics of core/lifecycle/metrics.h for the whole
// base and per stage (stage at the period start) or per segment, for a chosen calendar period.
#include <algorithm>
#include <functional>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

struct MetricsTabState {
    int periods_back = 0;  // 0 = the last complete period before the analysis date
    bool by_segment = false;
    Cached<std::tuple<std::uint64_t, Date, PeriodKind, int>> key;  // revision, period start and kind, active days
    PeriodMetrics metrics;
};

struct MetricRow {
    const char* name;
    const char* definition;
    std::function<std::string(const GroupMetrics&)> value;
};

std::string rate(const std::optional<double>& v) { return v ? format_value(*v, ValueFormat::percent) : "-"; }
std::string integer(int v) { return format_value(v, ValueFormat::integer); }
std::string money(double v) { return format_value(v, ValueFormat::money); }

const std::vector<MetricRow>& metric_rows() {
    static const std::vector<MetricRow> rows = {
        {"lifecycle.active_at_start", "lifecycle_metrics.s_customers_active_at_the_period", [](const GroupMetrics& g) { return integer(g.customers_start); }},
        {"lifecycle_metrics.active_at_end", "lifecycle_metrics.e_customers_active_at_the_period", [](const GroupMetrics& g) { return integer(g.customers_end); }},
        {"lifecycle_metrics.new_or_returning", "lifecycle_metrics.n_active_at_the_end_but", [](const GroupMetrics& g) { return integer(g.new_or_returning); }},
        {"lifecycle.retention_rate", "lifecycle_metrics.retention_rate_definition", [](const GroupMetrics& g) { return rate(g.retention_rate); }},
        {"lifecycle.churn_rate", "lifecycle_metrics.churn_rate_definition", [](const GroupMetrics& g) { return rate(g.churn_rate); }},
        {"lifecycle.revenue_in_period", "lifecycle_metrics.all_members_spend_in_the_period", [](const GroupMetrics& g) { return money(g.revenue); }},
        {"common.revenue_retained", "lifecycle_metrics.spend_in_the_period_of_customers", [](const GroupMetrics& g) { return money(g.revenue_retained); }},
        {"lifecycle_metrics.payers_in_previous_period", "lifecycle_metrics.p_members_who_paid_in_the", [](const GroupMetrics& g) { return integer(g.payers_previous); }},
        {"common.renewal_rate", "lifecycle_metrics.share_of_p_who_paid_again", [](const GroupMetrics& g) { return rate(g.renewal_rate); }},
        {"lifecycle.net_revenue_retention", "lifecycle_metrics.ps_spend_now_ps_spend_in", [](const GroupMetrics& g) { return rate(g.net_revenue_retention); }},
        {"lifecycle_metrics.buyers", "lifecycle_metrics.members_who_bought_in_the_period", [](const GroupMetrics& g) { return integer(g.buyers); }},
        {"lifecycle.repeat_purchase_rate", "lifecycle_metrics.buyers_with_2_purchases_by_the", [](const GroupMetrics& g) { return rate(g.repeat_purchase_rate); }},
        {"common.complaint_rate", "lifecycle_metrics.members_with_a_complaint_in_the", [](const GroupMetrics& g) { return rate(g.complaint_rate); }},
        {"health.engagement", "lifecycle_metrics.interactions_in_the_period_per_active", [](const GroupMetrics& g) { return g.engagement ? format_value(*g.engagement, ValueFormat::number) : "-"; }},
        {"common.referrals", "lifecycle_metrics.referral_interactions_in_the_period", [](const GroupMetrics& g) { return integer(g.referrals); }},
        {"lifecycle_metrics.nps_responses", "lifecycle_metrics.customers_with_an_nps_answer_in", [](const GroupMetrics& g) { return integer(g.nps_responses); }},
        {"common.nps", "lifecycle_metrics.nps_definition", [](const GroupMetrics& g) { return g.nps ? format_value(*g.nps, ValueFormat::number) : "-"; }},
        {"lifecycle_metrics.leads_at_start", "lifecycle_metrics.present_at_the_start_with_no", [](const GroupMetrics& g) { return integer(g.leads_start); }},
        {"common.lead_conversion_rate", "lifecycle_metrics.leads_who_bought_in_the_period", [](const GroupMetrics& g) { return rate(g.lead_conversion_rate); }},
        {"lifecycle_metrics.first_purchases", "lifecycle_metrics.members_whose_first_purchase_is_in", [](const GroupMetrics& g) { return integer(g.first_purchases); }},
        {"common.days_to_convert", "lifecycle_metrics.mean_days_from_first_contact_acquisition", [](const GroupMetrics& g) { return g.days_to_convert ? format_value(*g.days_to_convert, ValueFormat::number) : "-"; }},
        {"lifecycle_metrics.conversions_timed", "lifecycle_metrics.first_purchases_with_a_first_contact", [](const GroupMetrics& g) { return integer(g.converted_with_contact); }},
    };
    return rows;
}

Period chosen_period(Date as_of, PeriodKind kind, int back) {
    Period p = last_complete_period(as_of, kind);
    for (int k = 0; k < back; ++k) p = calendar_period(Date{p.start.days - 1}, kind);
    return p;
}

}  // namespace

void draw_lifecycle_metrics_table(AppState& state) {
    auto& m = state.panel_data<MetricsTabState>();
    LifecycleView& v = lifecycle_view(state);
    const LifecycleModel& model = v.model;
    Date as_of = lifecycle_as_of(state);

    const char* kinds[] = {tr("common.month"), tr("lifecycle_metrics.quarter"), tr("lifecycle_metrics.year")};
    int kind = static_cast<int>(v.period);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::Combo(tr("common.period"), &kind, kinds, 3)) {
        v.period = static_cast<PeriodKind>(kind);
        m.periods_back = 0;
    }
    automation::record("lifecycle.metrics.period");
    same_line_if_fits(labelled_width(ImGui::GetFontSize() * 6, tr("lifecycle_metrics.periods_back")));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt(tr("lifecycle_metrics.periods_back"), &m.periods_back);
    m.periods_back = std::clamp(m.periods_back, 0, 120);
    automation::record("lifecycle.metrics.back");
    same_line_if_fits(labelled_width(ImGui::GetFontSize() * 6, tr("lifecycle_metrics.active_window_days")));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    int active = v.active_days;
    if (ImGui::InputInt(tr("lifecycle_metrics.active_window_days"), &active, 30) && active > 0) v.active_days = std::min(active, 3650);
    automation::record("lifecycle.metrics.active_days");
    same_line_if_fits(radio_width(tr("lifecycle_metrics.by_segment")));
    ImGui::Checkbox(tr("lifecycle_metrics.by_segment"), &m.by_segment);
    automation::record("lifecycle.metrics.by_segment");

    Period period = chosen_period(as_of, v.period, m.periods_back);
    if (m.key.stale({state.revision(), period.start, v.period, v.active_days})) {
        MetricsOptions options;
        options.active_days = v.active_days;
        m.metrics = compute_period_metrics(state.workspace(), lifecycle_index(state), model, period, options);
    }
    const PeriodMetrics& pm = m.metrics;
    text_disabled_wrapped(trf("lifecycle_metrics.period_active_days", {to_iso(pm.period.start), to_iso(Date{pm.period.end.days - 1}),
                                                                         std::to_string(pm.options.active_days)}).c_str());

    std::vector<std::pair<std::string, const GroupMetrics*>> columns;
    columns.push_back({tr("lifecycle_metrics.all_customers"), &pm.overall});
    if (m.by_segment) {
        for (const GroupMetrics& g : pm.by_segment) columns.push_back({g.group.empty() ? tr("common.none") : g.group, &g});
    } else {
        for (std::size_t i = 0; i < pm.by_stage.size() && i < model.stages.size(); ++i)
            columns.push_back({stage_name(model.stages[i]), &pm.by_stage[i]});
    }
    int ncol = 1 + static_cast<int>(columns.size());
    if (ncol > 63) ncol = 63;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                            ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!begin_fitting_table("metrics", ncol, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("common.metric"));
    for (int c = 1; c < ncol; ++c) ImGui::TableSetupColumn(columns[static_cast<std::size_t>(c - 1)].first.c_str());
    ImGui::TableHeadersRow();
    for (const MetricRow& row : metric_rows()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(row.name));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(row.definition));
        for (int c = 1; c < ncol; ++c) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.value(*columns[static_cast<std::size_t>(c - 1)].second).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace lcs
