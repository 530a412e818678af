// Lifecycle panel, "Metrics" sub-tab: the period metrics of core/lifecycle/metrics.h for the whole
// base and per stage (stage at the period start) or per segment, for a chosen calendar period.
#include <algorithm>
#include <functional>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
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
        {"Active at start", "S: customers active at the period start", [](const GroupMetrics& g) { return integer(g.customers_start); }},
        {"Active at end", "E: customers active at the period end", [](const GroupMetrics& g) { return integer(g.customers_end); }},
        {"New or returning", "N: active at the end but not at the start", [](const GroupMetrics& g) { return integer(g.new_or_returning); }},
        {"Retention rate", "(E - N) / S", [](const GroupMetrics& g) { return rate(g.retention_rate); }},
        {"Churn rate", "1 - retention rate", [](const GroupMetrics& g) { return rate(g.churn_rate); }},
        {"Revenue in period", "all members' spend in the period", [](const GroupMetrics& g) { return money(g.revenue); }},
        {"Revenue retained", "spend in the period of customers active at the start", [](const GroupMetrics& g) { return money(g.revenue_retained); }},
        {"Payers in previous period", "P: members who paid in the previous period", [](const GroupMetrics& g) { return integer(g.payers_previous); }},
        {"Renewal rate", "share of P who paid again in this period", [](const GroupMetrics& g) { return rate(g.renewal_rate); }},
        {"Net revenue retention", "P's spend now / P's spend in the previous period", [](const GroupMetrics& g) { return rate(g.net_revenue_retention); }},
        {"Buyers", "members who bought in the period", [](const GroupMetrics& g) { return integer(g.buyers); }},
        {"Repeat-purchase rate", "buyers with 2+ purchases by the end / buyers", [](const GroupMetrics& g) { return rate(g.repeat_purchase_rate); }},
        {"Complaint rate", "members with a complaint in the period / active at start or end", [](const GroupMetrics& g) { return rate(g.complaint_rate); }},
        {"Engagement", "interactions in the period per active member", [](const GroupMetrics& g) { return g.engagement ? format_value(*g.engagement, ValueFormat::number) : "-"; }},
        {"Referrals", "\"referral\" interactions in the period", [](const GroupMetrics& g) { return integer(g.referrals); }},
        {"NPS responses", "customers with an NPS answer in the period (last answer counts)", [](const GroupMetrics& g) { return integer(g.nps_responses); }},
        {"NPS", "100 x (promoters - detractors) / responses", [](const GroupMetrics& g) { return g.nps ? format_value(*g.nps, ValueFormat::number) : "-"; }},
        {"Leads at start", "present at the start with no purchase", [](const GroupMetrics& g) { return integer(g.leads_start); }},
        {"Lead conversion rate", "leads who bought in the period / leads", [](const GroupMetrics& g) { return rate(g.lead_conversion_rate); }},
        {"First purchases", "members whose first purchase is in the period", [](const GroupMetrics& g) { return integer(g.first_purchases); }},
        {"Days to convert", "mean days from first contact (acquisition date, else first interaction) to first purchase", [](const GroupMetrics& g) { return g.days_to_convert ? format_value(*g.days_to_convert, ValueFormat::number) : "-"; }},
        {"Conversions timed", "first purchases with a first contact on record (the customers behind Days to convert)", [](const GroupMetrics& g) { return integer(g.converted_with_contact); }},
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

    const char* kinds[] = {tr("Month"), tr("Quarter"), tr("Year")};
    int kind = static_cast<int>(v.period);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::Combo(tr("Period"), &kind, kinds, 3)) {
        v.period = static_cast<PeriodKind>(kind);
        m.periods_back = 0;
    }
    automation::record("lifecycle.metrics.period");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt(tr("periods back"), &m.periods_back);
    m.periods_back = std::clamp(m.periods_back, 0, 120);
    automation::record("lifecycle.metrics.back");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    int active = v.active_days;
    if (ImGui::InputInt(tr("active window (days)"), &active, 30) && active > 0) v.active_days = std::min(active, 3650);
    automation::record("lifecycle.metrics.active_days");
    ImGui::SameLine();
    ImGui::Checkbox(tr("By segment"), &m.by_segment);
    automation::record("lifecycle.metrics.by_segment");

    Period period = chosen_period(as_of, v.period, m.periods_back);
    if (m.key.stale({state.revision(), period.start, v.period, v.active_days})) {
        MetricsOptions options;
        options.active_days = v.active_days;
        m.metrics = compute_period_metrics(state.workspace(), lifecycle_index(state), model, period, options);
    }
    const PeriodMetrics& pm = m.metrics;
    ImGui::TextDisabled("%s %s .. %s; %s %d %s", tr("Period"), to_iso(pm.period.start).c_str(), to_iso(Date{pm.period.end.days - 1}).c_str(),
                        tr("a customer is active when they bought in the last"), pm.options.active_days, tr("days"));

    std::vector<std::pair<std::string, const GroupMetrics*>> columns;
    columns.push_back({tr("All customers"), &pm.overall});
    if (m.by_segment) {
        for (const GroupMetrics& g : pm.by_segment) columns.push_back({g.group.empty() ? tr("(none)") : g.group, &g});
    } else {
        for (std::size_t i = 0; i < pm.by_stage.size() && i < model.stages.size(); ++i)
            columns.push_back({stage_name(model.stages[i]), &pm.by_stage[i]});
    }
    int ncol = 1 + static_cast<int>(columns.size());
    if (ncol > 63) ncol = 63;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                            ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("metrics", ncol, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("Metric"));
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
