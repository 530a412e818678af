// Value segmentation panel: RFM scores with editable cut points, the Pareto/Lorenz curve with the
// top-20% share called out, the 20/60/20 tiers with strategies, the value × loyalty matrix, and
// "Save segments as tags" (one undoable edit). Numbers from core/value/value_segmentation.h.
#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/clv_session.h"
#include "core/customer_facts.h"
#include "app/i18n.h"
#include "app/panels.h"
#include "app/table_actions.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "app/ui_lang.h"
#include "core/value/value_segmentation.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

enum class ValueMeasure { revenue = 0, clv = 1 };
enum class LoyaltyMeasure { purchases = 0, tenure = 1, p_alive = 2 };

struct ValuePanelState {
    ValueMeasure measure = ValueMeasure::revenue;
    LoyaltyMeasure loyalty = LoyaltyMeasure::purchases;
    // Inputs, per included customer (index into workspace customers).
    Cached<std::tuple<std::uint64_t, std::uint64_t, ValueMeasure, LoyaltyMeasure>> inputs;  // revision, CLV generation, measures
    std::vector<size_t> customers;
    std::vector<RfmInput> rfm;
    std::vector<double> values, loyalty_values;
    bool cuts_valid = false;  // true once the user edited the cut points
    RfmCuts cuts;
    // Results.
    std::vector<RfmScore> scores;
    ValueConcentration concentration;
    std::vector<ValueTier> tiers;
    std::array<TierSummary, 3> tier_summary{};
    QuadrantThresholds thresholds;
    std::vector<ValueLoyaltyQuadrant> quadrants;
    std::array<QuadrantSummary, 4> quadrant_summary{};
};

void recompute_results(ValuePanelState& s) {
    s.scores = rfm_scores(s.rfm, s.cuts);
    s.concentration = value_concentration(s.values);
    s.tiers = value_tiers(s.values);
    s.tier_summary = summarize_tiers(s.values, s.tiers);
    s.thresholds = median_thresholds(s.values, s.loyalty_values);
    s.quadrants = value_loyalty_quadrants(s.values, s.loyalty_values, s.thresholds);
    s.quadrant_summary = summarize_quadrants(s.values, s.quadrants);
}

void refresh(AppState& state, ValuePanelState& s, const std::optional<ClvResult>& clv) {
    const std::uint64_t generation = clv && clv->ok() ? clv->generation : 0;
    if (s.measure == ValueMeasure::clv && generation == 0) s.measure = ValueMeasure::revenue;
    if (s.loyalty == LoyaltyMeasure::p_alive && generation == 0) s.loyalty = LoyaltyMeasure::purchases;
    if (!s.inputs.stale({state.revision(), generation, s.measure, s.loyalty})) return;
    const Workspace& ws = state.workspace();
    const Date as_of = analysis_date(ws);
    std::vector<double> clv_of(ws.customers.size(), NAN), alive_of(ws.customers.size(), NAN);
    if (generation)
        for (const ClvRow& row : clv->rows)
            if (row.customer >= 0 && static_cast<size_t>(row.customer) < ws.customers.size()) {
                clv_of[static_cast<size_t>(row.customer)] = row.value.clv;
                alive_of[static_cast<size_t>(row.customer)] = row.value.p_alive;
            }
    s.customers.clear();
    s.rfm.clear();
    s.values.clear();
    s.loyalty_values.clear();
    for (size_t i = 0; i < ws.customers.size(); ++i) {
        const Customer& c = ws.customers[i];
        RfmInput in;
        std::set<int32_t> days;
        Date first{0}, last{0};
        for (const Transaction& t : c.transactions) {
            if (t.date > as_of) continue;
            if (days.empty()) first = t.date;
            days.insert(t.date.days);
            last = std::max(last, t.date);
            in.monetary += t.amount;
        }
        if (days.empty()) continue;
        in.recency_days = as_of.days - last.days;
        in.frequency = static_cast<double>(days.size());
        double value = s.measure == ValueMeasure::clv ? clv_of[i] : in.monetary;
        double loyalty = s.loyalty == LoyaltyMeasure::purchases ? in.frequency
                         : s.loyalty == LoyaltyMeasure::tenure  ? static_cast<double>(as_of.days - first.days)
                                                                : alive_of[i];
        if (!std::isfinite(value) || !std::isfinite(loyalty)) continue;
        s.customers.push_back(i);
        s.rfm.push_back(in);
        s.values.push_back(value);
        s.loyalty_values.push_back(loyalty);
    }
    if (!s.cuts_valid) s.cuts = rfm_quantile_cuts(s.rfm, 5);  // keep the user's own cut points
    recompute_results(s);
}

// The measure choices flow onto more lines when the window is narrow (larger UI scale, Chinese).
void draw_controls(ValuePanelState& s, bool have_clv) {
    ImGui::TextUnformatted(tr("value.value_measure"));
    same_line_if_fits(radio_width(tr("common.revenue_to_date")));
    int measure = static_cast<int>(s.measure);
    ImGui::RadioButton(tr("common.revenue_to_date"), &measure, 0);
    automation::record("value.measure.revenue");
    same_line_if_fits(radio_width(tr("value.clv_last_fit")));
    if (!have_clv) ImGui::BeginDisabled();
    ImGui::RadioButton(tr("value.clv_last_fit"), &measure, 1);
    automation::record("value.measure.clv");
    if (!have_clv) ImGui::EndDisabled();
    s.measure = static_cast<ValueMeasure>(measure);
    same_line_if_fits(ImGui::CalcTextSize(tr("value.loyalty_measure")).x, ImGui::GetFontSize() * 2);
    ImGui::TextUnformatted(tr("value.loyalty_measure"));
    int loyalty = static_cast<int>(s.loyalty);
    same_line_if_fits(radio_width(tr("value.purchase_days")));
    ImGui::RadioButton(tr("value.purchase_days"), &loyalty, 0);
    same_line_if_fits(radio_width(tr("common.tenure")));
    ImGui::RadioButton(tr("common.tenure"), &loyalty, 1);
    same_line_if_fits(radio_width(tr("clv.p_alive")));
    if (!have_clv) ImGui::BeginDisabled();
    ImGui::RadioButton(tr("clv.p_alive"), &loyalty, 2);
    if (!have_clv) ImGui::EndDisabled();
    s.loyalty = static_cast<LoyaltyMeasure>(loyalty);
}

void draw_rfm(ValuePanelState& s) {
    if (!ImGui::CollapsingHeader(tr("value.rfm_scores"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("value.score_1_number_of_cut_points"));
    ImGui::PopStyleColor();
    bool changed = false;
    if (begin_fitting_table("rfm_cuts", 5, ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("value.cut_points"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        for (int k = 1; k <= 4; ++k) ImGui::TableSetupColumn(("#" + std::to_string(k)).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        struct Dim {
            const char* label;
            std::vector<double>* cuts;
            bool negate;
            const char* format;
        };
        Dim dims[] = {{"value.recency_days_ago", &s.cuts.recency, true, "%.0f"},
                      {"value.frequency_purchase_days", &s.cuts.frequency, false, "%.1f"},
                      {"value.monetary_spend", &s.cuts.monetary, false, "%.2f"}};
        for (int d = 0; d < 3; ++d) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(dims[d].label));
            for (size_t k = 0; k < 4; ++k) {
                ImGui::TableNextColumn();
                if (k >= dims[d].cuts->size()) {
                    ImGui::TextDisabled("-");
                    continue;
                }
                double shown = dims[d].negate ? -(*dims[d].cuts)[k] : (*dims[d].cuts)[k];
                ImGui::SetNextItemWidth(-FLT_MIN);
                ImGui::PushID(d * 10 + static_cast<int>(k));
                if (ImGui::InputDouble("##cut", &shown, 0, 0, dims[d].format, ImGuiInputTextFlags_EnterReturnsTrue)) {
                    (*dims[d].cuts)[k] = dims[d].negate ? -shown : shown;
                    std::sort(dims[d].cuts->begin(), dims[d].cuts->end());
                    s.cuts_valid = true;
                    changed = true;
                }
                ImGui::PopID();
                automation::record("value.cut." + std::to_string(d) + "." + std::to_string(k));
            }
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(tr("value.reset_to_quintiles"))) {
        s.cuts = rfm_quantile_cuts(s.rfm, 5);
        s.cuts_valid = false;
        changed = true;
    }
    automation::record("value.cuts.reset");
    if (changed) recompute_results(s);
    // Customers per recency × frequency score, the usual RFM grid.
    const int bins_r = static_cast<int>(s.cuts.recency.size()) + 1, bins_f = static_cast<int>(s.cuts.frequency.size()) + 1;
    std::vector<std::vector<double>> grid(static_cast<size_t>(bins_r), std::vector<double>(static_cast<size_t>(bins_f), 0));
    for (const RfmScore& sc : s.scores) grid[static_cast<size_t>(bins_r - sc.recency)][static_cast<size_t>(sc.frequency - 1)] += 1;
    std::vector<std::string> rows, columns;
    for (int r = bins_r; r >= 1; --r) rows.push_back("R" + std::to_string(r));
    for (int f = 1; f <= bins_f; ++f) columns.push_back("F" + std::to_string(f));
    charts::Options o;
    o.height_lines = 10;
    o.legend = false;
    o.title = tr("value.customers_by_recency_and_frequency_score");
    charts::heatmap("rfm_grid", rows, columns, grid, ValueFormat::integer, IM_COL32(120, 80, 180, 255), o);
    automation::record("value.rfm.grid");
}

void draw_lorenz(const ValuePanelState& s) {
    const ValueConcentration& c = s.concentration;
    charts::Series curve{tr("value.share_of_value"), {}, {}};
    for (const LorenzPoint& p : c.curve) {
        curve.x.push_back(p.customer_share);
        curve.y.push_back(p.value_share);
    }
    charts::Series equal{tr("value.equal_shares"), {0, 1}, {0, 1}, IM_COL32(150, 150, 150, 255)};
    charts::Series top{tr("value.top_20"), {0.2}, {c.top20_share}, IM_COL32(220, 60, 60, 255), charts::SeriesKind::stems};
    charts::Options o;
    o.height_lines = 13;
    o.title = tr("value.pareto_lorenz_curve");
    charts::line_chart("lorenz", {curve, equal, top}, {tr("value.share_of_customers_most_valuable_first"), ValueFormat::percent},
                       {tr("value.share_of_value"), ValueFormat::percent}, o);
    automation::record("value.lorenz");
    ImGui::TextWrapped("%s", trf("value.top_20_hold_share", {format_value(c.top20_share, ValueFormat::percent)}).c_str());
    automation::record("value.top20");
    char gini[32];
    std::snprintf(gini, sizeof gini, "%.3f", c.gini);
    text_disabled_wrapped(trf("value.gini_total", {gini, format_value(c.total_value, ValueFormat::money)}).c_str());
}

// One tier's cells as the table shows them (drawn and exported alike).
std::vector<std::string> tier_cells(const TierSummary& t, Lang lang) {
    return {tier_name(t.tier).in(lang), format_value(t.customers, ValueFormat::integer), format_value(t.value, ValueFormat::money),
            format_value(t.value_share, ValueFormat::percent), tier_strategy(t.tier).in(lang)};
}

void draw_tiers(const ValuePanelState& s) {
    ImGui::TextWrapped("%s", tr("value.20_60_20_tiers"));
    const Lang lang = ui_lang();
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table("tiers", 5, flags)) return;
    ImGui::TableSetupColumn(tr("value.tier"), 0, 1.2f);
    ImGui::TableSetupColumn(tr("common.customers"), 0, 0.8f);
    ImGui::TableSetupColumn(tr("common.value"), 0, 0.9f);
    ImGui::TableSetupColumn(tr("common.share"), 0, 0.7f);
    ImGui::TableSetupColumn(tr("value.strategy"), 0, 3.5f);
    ImGui::TableHeadersRow();
    for (const TierSummary& t : s.tier_summary) {
        ImGui::TableNextRow();
        const std::vector<std::string> cells = tier_cells(t, lang);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            ImGui::TableNextColumn();
            if (c + 1 == cells.size()) ImGui::TextWrapped("%s", cells[c].c_str());
            else ImGui::TextUnformatted(cells[c].c_str());
        }
    }
    ImGui::EndTable();
    table_export_button("value.tiers", "value-tiers", [&] {
        ExportTable t{{tr("value.tier"), tr("common.customers"), tr("common.value"), tr("common.share"), tr("value.strategy")}, {}};
        for (const TierSummary& tier : s.tier_summary) t.rows.push_back(tier_cells(tier, lang));
        return t;
    });
}

void draw_quadrants(const ValuePanelState& s) {
    ImGui::TextWrapped("%s", tr("value.value_loyalty_matrix"));
    text_disabled_wrapped(trf("value.thresholds", {format_value(s.thresholds.value, ValueFormat::money),
                                                      format_value(s.thresholds.loyalty, ValueFormat::number)}).c_str());
    const Lang lang = ui_lang();
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table("quadrants", 3, flags)) return;
    ImGui::TableSetupColumn("", 0, 0.5f);
    ImGui::TableSetupColumn(tr("value.low_loyalty"), 0, 2);
    ImGui::TableSetupColumn(tr("value.high_loyalty"), 0, 2);
    ImGui::TableHeadersRow();
    const ValueLoyaltyQuadrant layout[2][2] = {{ValueLoyaltyQuadrant::butterflies, ValueLoyaltyQuadrant::champions},
                                               {ValueLoyaltyQuadrant::strangers, ValueLoyaltyQuadrant::barnacles}};
    const char* row_names[2] = {"value.high_value", "value.low_value"};
    const ImU32 tints[4] = {IM_COL32(60, 170, 90, 60), IM_COL32(230, 170, 40, 60), IM_COL32(70, 130, 210, 60),
                            IM_COL32(160, 160, 160, 60)};
    for (int r = 0; r < 2; ++r) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr(row_names[r]));
        for (int c = 0; c < 2; ++c) {
            ImGui::TableNextColumn();
            const ValueLoyaltyQuadrant q = layout[r][c];
            const size_t qi = static_cast<size_t>(q);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, tints[qi]);
            ImGui::Text("%s", quadrant_name(q).in(lang).c_str());
            automation::record("value.quadrant." + quadrant_name(q).en);
            ImGui::TextUnformatted(trf("value.quadrant_customers_value", {format_value(s.quadrant_summary[qi].customers, ValueFormat::integer),
                                                                          format_value(s.quadrant_summary[qi].value, ValueFormat::money)}).c_str());
            ImGui::TextWrapped("%s", quadrant_strategy(q).in(lang).c_str());
        }
    }
    ImGui::EndTable();
}

const char* tier_tag(ValueTier t) {
    switch (t) {
        case ValueTier::top: return "value:top20";
        case ValueTier::middle: return "value:middle60";
        case ValueTier::bottom: return "value:bottom20";
    }
    return "";
}

const char* quadrant_tag(ValueLoyaltyQuadrant q) {
    switch (q) {
        case ValueLoyaltyQuadrant::champions: return "quadrant:champions";
        case ValueLoyaltyQuadrant::butterflies: return "quadrant:butterflies";
        case ValueLoyaltyQuadrant::barnacles: return "quadrant:barnacles";
        case ValueLoyaltyQuadrant::strangers: return "quadrant:strangers";
    }
    return "";
}

bool is_segment_tag(const std::string& tag) {
    return tag.rfind("value:", 0) == 0 || tag.rfind("rfm:", 0) == 0 || tag.rfind("quadrant:", 0) == 0;
}

// One undoable edit: old value/rfm/quadrant tags are replaced by the current segments.
void save_tags(AppState& state, const ValuePanelState& s) {
    Workspace next = state.workspace();
    for (Customer& c : next.customers) c.tags.erase(std::remove_if(c.tags.begin(), c.tags.end(), is_segment_tag), c.tags.end());
    for (size_t k = 0; k < s.customers.size(); ++k) {
        std::vector<std::string>& tags = next.customers[s.customers[k]].tags;
        tags.push_back(tier_tag(s.tiers[k]));
        tags.push_back("rfm:" + s.scores[k].code());
        tags.push_back(quadrant_tag(s.quadrants[k]));
    }
    state.replace_workspace("value.save_segments_as_tags", std::move(next));
    state.notify("value.tagged_customers", {std::to_string(s.customers.size())});
}

}  // namespace

void draw_panel_value(AppState& state) {
    ClvSession& session = clv_session(state);
    auto& s = state.panel_data<ValuePanelState>();
    const auto& clv = session.result();
    const bool have_clv = clv && clv->ok();
    refresh(state, s, clv);
    draw_controls(s, have_clv);
    if (s.customers.empty()) {
        ImGui::TextDisabled("%s", tr("value.no_customers_with_purchases_and_a"));
        return;
    }
    same_line_if_fits(button_width(tr("value.save_segments_as_tags")), ImGui::GetFontSize() * 2);
    if (ImGui::Button(tr("value.save_segments_as_tags"))) save_tags(state, s);
    automation::record("value.save_tags");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("value.adds_value_top20_middle60_bottom20_rfm"));
    ImGui::BeginChild("value_body", ImVec2(0, 0));
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginChild("value_left", ImVec2(half, 0));
    draw_lorenz(s);
    ImGui::Separator();
    draw_tiers(s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("value_right", ImVec2(0, 0));
    draw_quadrants(s);
    ImGui::Spacing();
    draw_rfm(s);
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace lcs
