// Health panel: the health scorecard (measure weights, overall or per stage; red/yellow/green bands;
// measure parameters), the distribution of scores, and the early-warning list (who, why, what to do;
// click a row to select the customer). Settings live in the lifecycle model (undoable edits).
#include <algorithm>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "app/ui_lang.h"
#include "imgui.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

struct HealthPanelState {
    Cached<std::uint64_t> draft_key;  // settings_revision: the draft copies the model
    LifecycleModel draft;
    int scorecard = -1;  // -1: the default weights; else a stage index
};

const char* measure_label(int m) {
    switch (static_cast<HealthMeasure>(m)) {
        case HealthMeasure::recency: return tr("common.recency");
        case HealthMeasure::frequency_trend: return tr("health.purchase_frequency_trend");
        case HealthMeasure::spend_trend: return tr("health.spend_trend");
        case HealthMeasure::nps: return tr("health.nps_answer");
        case HealthMeasure::complaints: return tr("health.complaints");
        case HealthMeasure::engagement: return tr("health.engagement");
        case HealthMeasure::p_alive: return tr("health.p_alive_from_the_clv_fit");
    }
    return "?";
}

const char* measure_help(int m) {
    switch (static_cast<HealthMeasure>(m)) {
        case HealthMeasure::recency: return tr("health.100_when_the_last_purchase_is");
        case HealthMeasure::frequency_trend: return tr("health.purchases_in_the_last_window_vs");
        case HealthMeasure::spend_trend: return tr("health.spend_in_the_last_window_vs");
        case HealthMeasure::nps: return tr("health.the_last_nps_answer_x_10");
        case HealthMeasure::complaints: return tr("health.100_minus_50_per_complaint_in");
        case HealthMeasure::engagement: return tr("health.interactions_not_complaints_in_the_engagement");
        case HealthMeasure::p_alive: return tr("health.100_x_p_alive_from_the_clv_fit");
    }
    return "";
}

ImU32 band_color(HealthBand band) { return health_band_color(band); }

bool int_setting(const char* label, const char* name, int& value) {
    const std::string shown = label_beside_or_above(label, ImGui::GetFontSize() * 6);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt(shown.c_str(), &value, 0, 0);
    automation::record(name);
    return ImGui::IsItemDeactivatedAfterEdit();
}

bool double_setting(const char* label, const char* name, double& value) {
    const std::string shown = label_beside_or_above(label, ImGui::GetFontSize() * 6);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputDouble(shown.c_str(), &value, 0, 0, "%g");
    automation::record(name);
    return ImGui::IsItemDeactivatedAfterEdit();
}

// One slider per measure with its share of the total; true when an edit finished (commit it).
bool draw_weight_sliders(AppState& state, HealthWeights& weights) {
    bool commit = false;
    double total = 0;
    for (double w : weights) total += w;
    for (int m = 0; m < kHealthMeasureCount; ++m) {
        ImGui::PushID(m);
        float w = static_cast<float>(weights[static_cast<std::size_t>(m)]);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        if (ImGui::SliderFloat("##w", &w, 0, 100, "%.0f")) weights[static_cast<std::size_t>(m)] = std::round(w);
        automation::record(std::string("health.weight.") + health_measure_id(static_cast<HealthMeasure>(m)));
        commit |= ImGui::IsItemDeactivatedAfterEdit();
        double share = total > 0 ? weights[static_cast<std::size_t>(m)] / total : 0;
        const std::string measure = std::string(measure_label(m)) + " (" + format_value(share, ValueFormat::percent) + ")";
        same_line_if_fits(ImGui::CalcTextSize(measure.c_str()).x);
        ImGui::TextWrapped("%s", measure.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", measure_help(m));
        ImGui::PopID();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("health.weights_are_relative_missing_measures_e"));
    // The fit's P(alive) is weighted but there is no fit: the measure is missing for everyone.
    if (weights[static_cast<std::size_t>(HealthMeasure::p_alive)] > 0 && !lifecycle_scores(state))
        ImGui::TextWrapped("%s", tr("health.p_alive_needs_a_clv_fit"));
    ImGui::PopStyleColor();
    return commit;
}

void draw_scorecard(AppState& state, HealthPanelState& p) {
    LifecycleModel& d = p.draft;
    HealthConfig& h = d.health;
    bool commit = false;
    std::string label = "edit.edit_health_scorecard";

    ImGui::TextUnformatted(tr("health.scorecard"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string preview = p.scorecard < 0 ? tr("health.default_all_stages") : stage_name_at(d, p.scorecard);
    if (ImGui::BeginCombo("##scorecard", preview.c_str())) {
        if (ImGui::Selectable(tr("health.default_all_stages"), p.scorecard < 0)) p.scorecard = -1;
        for (std::size_t i = 0; i < d.stages.size(); ++i) {
            bool own = std::any_of(h.stage_weights.begin(), h.stage_weights.end(), [&](const StageHealthWeights& w) { return w.stage_id == d.stages[i].id; });
            std::string item = stage_name(d.stages[i]) + (own ? std::string("  *") : std::string());
            if (ImGui::Selectable(item.c_str(), p.scorecard == static_cast<int>(i))) p.scorecard = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    automation::record("health.scorecard");
    if (p.scorecard >= static_cast<int>(d.stages.size())) p.scorecard = -1;

    HealthWeights* weights = &h.weights;
    if (p.scorecard >= 0) {
        const std::string& id = d.stages[static_cast<std::size_t>(p.scorecard)].id;
        auto it = std::find_if(h.stage_weights.begin(), h.stage_weights.end(), [&](const StageHealthWeights& w) { return w.stage_id == id; });
        if (it == h.stage_weights.end()) {
            text_disabled_wrapped(tr("health.this_stage_uses_the_default_weights"));
            if (ImGui::Button(tr("health.give_this_stage_its_own_weights"))) {
                h.stage_weights.push_back({id, h.weights});
                commit_lifecycle_model(state, d, "edit.add_stage_scorecard");
            }
            automation::record("health.stage_weights.add");
            weights = nullptr;
        } else {
            weights = &it->weights;
            if (ImGui::SmallButton(tr("health.use_the_default_weights_again"))) {
                h.stage_weights.erase(it);
                commit_lifecycle_model(state, d, "edit.remove_stage_scorecard");
                return;
            }
            automation::record("health.stage_weights.remove");
        }
    }
    if (weights) commit |= draw_weight_sliders(state, *weights);
    ImGui::Separator();
    ImGui::TextUnformatted(tr("health.bands"));
    commit |= double_setting(tr("health.red_up_to"), "health.red_max", h.red_max);
    same_line_if_fits(labelled_width(ImGui::GetFontSize() * 6, tr("health.yellow_up_to")));
    commit |= double_setting(tr("health.yellow_up_to"), "health.yellow_max", h.yellow_max);
    text_disabled_wrapped(tr("health.scores_above_the_yellow_limit_are"));
    ImGui::Separator();
    ImGui::TextUnformatted(tr("health.measure_settings"));
    commit |= int_setting(tr("health.recency_full_marks_up_to_days"), "health.recency_good", h.recency_good_days);
    commit |= int_setting(tr("health.recency_zero_from_days"), "health.recency_bad", h.recency_bad_days);
    commit |= int_setting(tr("health.trend_window_days"), "health.trend_window", h.trend_window_days);
    commit |= int_setting(tr("health.complaint_window_days"), "health.complaint_window", h.complaint_window_days);
    commit |= int_setting(tr("health.engagement_window_days"), "health.engagement_window", h.engagement_window_days);
    commit |= int_setting(tr("health.engagement_target_interactions"), "health.engagement_full", h.engagement_full_count);
    commit |= double_setting(tr("health.warn_when_the_score_drops_by"), "health.drop_threshold", h.drop_threshold);
    if (commit && !commit_lifecycle_model(state, d, label)) p.draft_key.invalidate();
}

void draw_distribution(AppState& state) {
    const LifecycleModel& model = lifecycle_model(state);
    const LifecycleAtDate& a = lifecycle_analysis(state);
    const auto& b = a.health.band_counts;
    ImGui::TextWrapped("%s", trf("health.distribution_as_of", {to_iso(a.as_of)}).c_str());
    std::vector<charts::FunnelStep> parts = {
        {tr("health.red"), static_cast<double>(b[static_cast<int>(HealthBand::red)]), band_color(HealthBand::red)},
        {tr("health.yellow"), static_cast<double>(b[static_cast<int>(HealthBand::yellow)]), band_color(HealthBand::yellow)},
        {tr("health.green"), static_cast<double>(b[static_cast<int>(HealthBand::green)]), band_color(HealthBand::green)},
        {tr("health.no_score"), static_cast<double>(b[static_cast<int>(HealthBand::none)]), band_color(HealthBand::none)},
    };
    charts::share_bar("bands", parts, ValueFormat::integer);
    automation::record("health.bands");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string part = parts[i].label + " " + format_value(parts[i].value, ValueFormat::integer);
        if (i) same_line_if_fits(ImGui::GetFontSize() * 1.5f + ImGui::CalcTextSize(part.c_str()).x);
        color_swatch(parts[i].color);
        ImGui::TextUnformatted(part.c_str());
    }
    std::vector<std::string> labels;
    charts::Series mean{tr("common.mean_health_score"), {}, {}, charts::palette_color(0)};
    for (std::size_t i = 0; i < model.stages.size(); ++i) {
        labels.push_back(stage_name(model.stages[i]));
        mean.y.push_back(i < a.health.stage_mean.size() ? a.health.stage_mean[i] : 0);
    }
    charts::Options options;
    options.height_lines = 8;
    options.title = tr("health.mean_score_per_stage");
    charts::bar_chart("stage_mean", labels, {mean}, {"", ValueFormat::number}, charts::BarMode::grouped, options);
    automation::record("health.stage_mean");
}

void draw_warnings(AppState& state) {
    const LifecycleModel& model = lifecycle_model(state);
    const LifecycleAtDate& a = lifecycle_analysis(state);
    const LifecycleOverTime* over_time = lifecycle_over_time_if_ready(state);
    if (!over_time) return draw_history_pending(state);
    const LifecycleOverTime& o = *over_time;
    const Workspace& ws = state.workspace();
    std::string since = o.history.dates.size() >= 2 ? to_iso(o.history.dates[o.history.dates.size() - 2]) : to_iso(a.as_of);
    ImGui::TextWrapped("%s", trf("health.warnings_since", {std::to_string(o.warnings.size()), since}).c_str());
    automation::record("health.warnings.count");
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table("warnings", 6, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("health.customer"), 0, 1.2f);
    ImGui::TableSetupColumn(tr("health.score"), 0, 0.8f);
    ImGui::TableSetupColumn(tr("common.stage"), 0, 1.5f);
    ImGui::TableSetupColumn(tr("common.reason"), 0, 2.2f);
    ImGui::TableSetupColumn(tr("health.suggested_action"), 0, 2.5f);
    ImGui::TableSetupColumn(tr("common.segment"), 0, 0.8f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(o.warnings.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const EarlyWarning& w = o.warnings[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(row);
            if (ImGui::Selectable(w.customer_id.c_str(), state.selected_customer == w.customer_id, ImGuiSelectableFlags_SpanAllColumns))
                state.selected_customer = w.customer_id;
            ImGui::PopID();
            automation::record("health.warning." + w.customer_id);
            ImGui::TableNextColumn();
            ImGui::Text("%s -> %s", w.previous_score ? format_value(*w.previous_score, ValueFormat::integer).c_str() : "-",
                        w.score ? format_value(*w.score, ValueFormat::integer).c_str() : "-");
            ImGui::TableNextColumn();
            if (w.previous_stage == w.stage) ImGui::TextUnformatted(stage_name_at(model, w.stage).c_str());
            else ImGui::Text("%s -> %s", stage_name_at(model, w.previous_stage).c_str(), stage_name_at(model, w.stage).c_str());
            ImGui::TableNextColumn();
            std::string reasons;
            const Lang lang = ui_lang();
            for (const Localized& r : w.reasons) reasons += (reasons.empty() ? "" : lang == Lang::zh ? "；" : "; ") + r.in(lang);
            ImGui::TextUnformatted(reasons.c_str());
            if (ImGui::IsItemHovered() && !reasons.empty()) ImGui::SetTooltip("%s", reasons.c_str());
            ImGui::TableNextColumn();
            const std::string& action = w.action.in(lang);
            ImGui::TextUnformatted(action.empty() ? "-" : action.c_str());
            if (ImGui::IsItemHovered() && !action.empty()) ImGui::SetTooltip("%s", action.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(w.customer < ws.customers.size() ? ws.customers[w.customer].segment.c_str() : "");
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_panel_health(AppState& state) {
    auto& p = state.panel_data<HealthPanelState>();
    draw_lifecycle_header(state, false);
    LifecycleView& v = lifecycle_view(state);
    if (p.draft_key.stale(state.settings_revision()) || p.draft.stages.size() != v.model.stages.size()) {
        p.draft = v.model;
    }
    if (p.draft.stages.empty()) return;
    float width = ImGui::GetContentRegionAvail().x;
    float left = std::clamp(width * 0.34f, ImGui::GetFontSize() * 18, ImGui::GetFontSize() * 28);
    ImGui::BeginChild("scorecard", ImVec2(std::min(left, width), 0), true);
    draw_scorecard(state, p);
    ImGui::EndChild();
    if (left < width - ImGui::GetFontSize() * 12) {
        ImGui::SameLine();
        ImGui::BeginChild("health_right", ImVec2(0, 0), true);
        draw_distribution(state);
        ImGui::Separator();
        draw_warnings(state);
        ImGui::EndChild();
    }
}

}  // namespace lcs
