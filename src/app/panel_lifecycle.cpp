// Lifecycle panel: the model picker and analysis date, the stages as a chain of boxes (count and
// revenue share each, a loop arrow for cyclic models), and the chosen stage's customers, metrics and
// playbook. Sub-tabs: Stages · Model (panel_lifecycle_model.cpp) · Metrics (panel_lifecycle_metrics.cpp).
#include <algorithm>
#include <cmath>
#include <tuple>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "app/ui_lang.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "core/text_match.h"

namespace lcs {

void draw_lifecycle_model_editor(AppState& state);    // panel_lifecycle_model.cpp
void draw_lifecycle_metrics_table(AppState& state);   // panel_lifecycle_metrics.cpp

namespace {

struct LifecyclePanelState {
    std::string filter;
    // Customers of the selected stage, rebuilt when the analysis or the stage changes.
    Cached<std::tuple<std::uint64_t, int, Date>> members_key;  // revision, stage, as-of
    std::vector<std::size_t> members;
};

using charts::ValueFormat;
using charts::format_value;

void arrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float size) {
    draw->AddLine(from, to, color, 2.0f);
    ImVec2 d(to.x - from.x, to.y - from.y);
    float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1) return;
    d = ImVec2(d.x / len, d.y / len);
    ImVec2 n(-d.y, d.x);
    draw->AddTriangleFilled(to, ImVec2(to.x - d.x * size + n.x * size * 0.6f, to.y - d.y * size + n.y * size * 0.6f),
                            ImVec2(to.x - d.x * size - n.x * size * 0.6f, to.y - d.y * size - n.y * size * 0.6f), color);
}

// The stage chain. Returns the stage the user clicked, or -1.
int draw_chain(const LifecycleModel& model, const LifecycleAtDate& a, int selected) {
    int n = static_cast<int>(model.stages.size());
    if (n == 0) return -1;
    float line = ImGui::GetTextLineHeightWithSpacing();
    float width = ImGui::GetContentRegionAvail().x - 8;  // room for the selection outline
    float gap = std::max(ImGui::GetFontSize() * 1.8f, width * 0.025f);
    float box_w = std::max(ImGui::GetFontSize() * 5, (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n));
    float box_h = line * 4.2f;
    float loop_h = model.cyclic ? line * 1.4f : 0;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin.x += 4;
    origin.y += 4;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    double total_revenue = 0;
    for (double r : a.stages.revenue) total_revenue += r;
    int clicked = -1;
    ImU32 arrow_color = ImGui::GetColorU32(ImGuiCol_Text, 0.6f);
    for (int i = 0; i < n; ++i) {
        const Stage& s = model.stages[static_cast<std::size_t>(i)];
        ImVec2 a0(origin.x + static_cast<float>(i) * (box_w + gap), origin.y);
        ImVec2 a1(a0.x + box_w, a0.y + box_h);
        ImGui::SetCursorScreenPos(a0);
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("stage", ImVec2(box_w, box_h))) clicked = i;
        bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        automation::record("lifecycle.stage." + s.id);
        draw->AddRectFilled(a0, a1, stage_color(s, hovered ? 1.0f : 0.88f), 6.0f);
        if (i == selected) draw->AddRect(ImVec2(a0.x - 3, a0.y - 3), ImVec2(a1.x + 3, a1.y + 3), ImGui::GetColorU32(ImGuiCol_Text), 8.0f, 0, 2.5f);
        if (s.at_risk) draw->AddRect(a0, a1, IM_COL32(200, 30, 30, 255), 6.0f, 0, 2.0f);
        ImU32 text = stage_text_color(s);
        int count = i < static_cast<int>(a.stages.counts.size()) ? a.stages.counts[static_cast<std::size_t>(i)] : 0;
        double revenue = i < static_cast<int>(a.stages.revenue.size()) ? a.stages.revenue[static_cast<std::size_t>(i)] : 0;
        double customer_share = a.stages.present > 0 ? static_cast<double>(count) / a.stages.present : 0;
        double revenue_share = total_revenue > 0 ? revenue / total_revenue : 0;
        std::string lines[3] = {stage_name(s), format_value(count, ValueFormat::integer) + " (" + format_value(customer_share, ValueFormat::percent) + ")",
                                trf("lifecycle.revenue_share", {format_value(revenue_share, ValueFormat::percent)})};
        draw->PushClipRect(a0, a1, true);
        for (int k = 0; k < 3; ++k) {
            ImVec2 ts = ImGui::CalcTextSize(lines[k].c_str());
            float x = a0.x + std::max(4.0f, (box_w - ts.x) * 0.5f);
            draw->AddText(ImVec2(x, a0.y + line * (0.35f + 1.2f * static_cast<float>(k))), text, lines[k].c_str());
        }
        draw->PopClipRect();
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(stage_name(s).c_str());
            ImGui::Text("%s: %s", tr("common.customers"), format_value(count, ValueFormat::integer).c_str());
            ImGui::Text("%s: %s", tr("common.share_of_customers"), format_value(customer_share, ValueFormat::percent).c_str());
            ImGui::Text("%s: %s (%s)", tr("common.revenue_to_date"), format_value(revenue, ValueFormat::money).c_str(),
                        format_value(revenue_share, ValueFormat::percent).c_str());
            if (s.at_risk) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", tr("lifecycle.at_risk_stage_moving_here_raises"));
            ImGui::EndTooltip();
        }
        if (i + 1 < n) {
            float y = a0.y + box_h * 0.5f;
            arrow(draw, ImVec2(a1.x + 3, y), ImVec2(a1.x + gap - 3, y), arrow_color, ImGui::GetFontSize() * 0.5f);
        }
    }
    if (model.cyclic && n > 1) {
        // Loop back from the last stage to the first, under the chain.
        float x_last = origin.x + static_cast<float>(n - 1) * (box_w + gap) + box_w * 0.5f;
        float x_first = origin.x + box_w * 0.5f;
        float y0 = origin.y + box_h + 2, y1 = origin.y + box_h + loop_h * 0.75f;
        draw->AddLine(ImVec2(x_last, y0), ImVec2(x_last, y1), arrow_color, 2.0f);
        draw->AddLine(ImVec2(x_last, y1), ImVec2(x_first, y1), arrow_color, 2.0f);
        arrow(draw, ImVec2(x_first, y1), ImVec2(x_first, y0 + 2), arrow_color, ImGui::GetFontSize() * 0.5f);
        const char* label = tr("lifecycle.the_cycle_repeats");
        ImVec2 ts = ImGui::CalcTextSize(label);
        float mid = (x_first + x_last) * 0.5f - ts.x * 0.5f;
        draw->AddRectFilled(ImVec2(mid - 4, y1 - ts.y * 0.5f), ImVec2(mid + ts.x + 4, y1 + ts.y * 0.5f), ImGui::GetColorU32(ImGuiCol_WindowBg));
        draw->AddText(ImVec2(mid, y1 - ts.y * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled), label);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x - 4, origin.y + box_h + loop_h + 4 + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(1, 1));
    return clicked;
}

void refresh_members(LifecyclePanelState& p, AppState& state, const LifecycleAtDate& a, int stage) {
    if (!p.members_key.stale({state.revision(), stage, a.as_of})) return;
    p.members.clear();
    for (std::size_t c = 0; c < a.stages.stage.size(); ++c)
        if (a.stages.stage[c] == stage) p.members.push_back(c);
}

void draw_members(AppState& state, LifecyclePanelState& p, const LifecycleAtDate& a, int stage) {
    refresh_members(p, state, a, stage);
    const Workspace& ws = state.workspace();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##filter", tr("common.filter_by_id_name_segment_or_tag"), &p.filter);
    automation::record("lifecycle.members.filter");
    std::vector<std::size_t> shown;
    const TextFilter filter(p.filter);  // the same matching as the customers table
    for (std::size_t c : p.members) {
        const Customer& cu = ws.customers[c];
        if (filter.matches_customer(cu)) shown.push_back(c);
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    float footer = ImGui::GetTextLineHeightWithSpacing();
    if (begin_fitting_table("members", 4, flags, ImVec2(0, -footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("common.id"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("common.name"), 0, 1.6f);
        ImGui::TableSetupColumn(tr("common.segment"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("lifecycle.health"), 0, 0.7f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                std::size_t c = shown[static_cast<std::size_t>(row)];
                const Customer& cu = ws.customers[c];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(c));
                if (ImGui::Selectable(cu.id.c_str(), state.selected_customer == cu.id, ImGuiSelectableFlags_SpanAllColumns))
                    state.selected_customer = cu.id;
                ImGui::PopID();
                automation::record("lifecycle.member." + cu.id);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(cu.name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(cu.segment.c_str());
                ImGui::TableNextColumn();
                const HealthScore& h = a.health.customers[c];
                if (h.score) {
                    ImVec4 color = h.band == HealthBand::red      ? ImVec4(0.85f, 0.25f, 0.2f, 1)
                                   : h.band == HealthBand::yellow ? ImVec4(0.85f, 0.6f, 0.05f, 1)
                                                                  : ImVec4(0.1f, 0.6f, 0.3f, 1);
                    ImGui::TextColored(color, "%.0f", *h.score);
                } else {
                    ImGui::TextDisabled("-");
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("%s", trf("lifecycle.shown_of_members", {std::to_string(shown.size()), std::to_string(p.members.size())}).c_str());
    if (!state.selected_customer.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("  %s", trf("lifecycle.selected_see_customers_tab", {state.selected_customer}).c_str());
    }
}

void metric_row(const char* name, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
}

std::string rate(const std::optional<double>& v) { return v ? format_value(*v, ValueFormat::percent) : "-"; }

void draw_stage_facts(AppState& state, const LifecycleModel& model, const LifecycleAtDate& a, int stage) {
    const Stage& s = model.stages[static_cast<std::size_t>(stage)];
    const Lang lang = ui_lang();
    color_swatch(stage_color(s));
    ImGui::TextUnformatted(stage_name(s).c_str());
    const std::string both_names = "(" + s.name.en + " / " + s.name.zh + ")";
    same_line_if_fits(ImGui::CalcTextSize(both_names.c_str()).x);
    text_disabled_wrapped(both_names.c_str());
    const std::string& description = s.description.in(lang);
    if (!description.empty()) ImGui::TextWrapped("%s", description.c_str());

    if (ImGui::CollapsingHeader(tr("lifecycle.playbook"), ImGuiTreeNodeFlags_DefaultOpen)) {
        const std::string& goal = s.goal.in(lang);
        text_disabled_wrapped(tr("common.goal"));
        ImGui::TextWrapped("%s", goal.empty() ? "-" : goal.c_str());
        text_disabled_wrapped(tr("lifecycle.strategies"));
        for (const PlaybookItem& item : s.playbook) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", playbook_text(item).c_str());
        }
        if (s.playbook.empty()) ImGui::TextDisabled("-");
        text_disabled_wrapped(tr("common.result_metrics"));
        std::string metrics;
        for (const std::string& m : s.result_metrics) metrics += (metrics.empty() ? "" : ", ") + std::string(tr(result_metric_label(m)));
        ImGui::TextWrapped("%s", metrics.empty() ? "-" : metrics.c_str());
    }
    if (ImGui::CollapsingHeader(tr("lifecycle.stage_metrics"), ImGuiTreeNodeFlags_DefaultOpen)) {
        const PeriodMetrics& pm = a.metrics;
        text_disabled_wrapped(trf("lifecycle.period_grouped_by_start_stage",
                                  {to_iso(pm.period.start), to_iso(Date{pm.period.end.days - 1})}).c_str());
        if (begin_fitting_table("stage_metrics", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn(tr("common.metric"), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(tr("common.value"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
            int count = a.stages.counts[static_cast<std::size_t>(stage)];
            metric_row(tr("common.customers_now"), format_value(count, ValueFormat::integer));
            metric_row(tr("common.revenue_to_date"), format_value(a.stages.revenue[static_cast<std::size_t>(stage)], ValueFormat::money));
            if (stage < static_cast<int>(a.health.stage_mean.size()))
                metric_row(tr("common.mean_health_score"), format_value(a.health.stage_mean[static_cast<std::size_t>(stage)], ValueFormat::number));
            const LifecycleOverTime* over_time = lifecycle_over_time_if_ready(state);
            if (!over_time)
                metric_row(tr("lifecycle.mean_months_in_stage"), "...");
            else if (stage < static_cast<int>(over_time->dwell.size()))
                metric_row(tr("lifecycle.mean_months_in_stage"), format_value(over_time->dwell[static_cast<std::size_t>(stage)].mean_snapshots, ValueFormat::number));
            if (stage < static_cast<int>(pm.by_stage.size())) {
                const GroupMetrics& g = pm.by_stage[static_cast<std::size_t>(stage)];
                metric_row(tr("lifecycle.active_at_start"), format_value(g.customers_start, ValueFormat::integer));
                metric_row(tr("lifecycle.retention_rate"), rate(g.retention_rate));
                metric_row(tr("lifecycle.churn_rate"), rate(g.churn_rate));
                metric_row(tr("lifecycle.revenue_in_period"), format_value(g.revenue, ValueFormat::money));
                metric_row(tr("lifecycle.repeat_purchase_rate"), rate(g.repeat_purchase_rate));
                metric_row(tr("lifecycle.net_revenue_retention"), rate(g.net_revenue_retention));
                metric_row(tr("common.nps"), g.nps ? format_value(*g.nps, ValueFormat::number) : "-");
            }
            const auto& columns = stage_value_columns(state);
            const auto& defs = lifecycle_view(state).value_columns;
            for (std::size_t k = 0; k < columns.size() && k < defs.size(); ++k)
                metric_row(tr(defs[k].title.c_str()), format_value(columns[k][static_cast<std::size_t>(stage)], defs[k].format));
            ImGui::EndTable();
        }
    }
}

void draw_stage_table(AppState& state, const LifecycleModel& model, const LifecycleAtDate& a) {
    const auto& columns = stage_value_columns(state);
    const auto& defs = lifecycle_view(state).value_columns;
    int ncol = 5 + static_cast<int>(columns.size());
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table("stage_summary", ncol, flags)) return;
    ImGui::TableSetupColumn(tr("common.stage"), 0, 1.4f);
    ImGui::TableSetupColumn(tr("common.customers"));
    ImGui::TableSetupColumn(tr("common.share"));
    ImGui::TableSetupColumn(tr("common.revenue_to_date"));
    ImGui::TableSetupColumn(tr("common.mean_health_score"));
    for (const StageValueColumn& c : defs) ImGui::TableSetupColumn(tr(c.title.c_str()));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < model.stages.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        color_swatch(stage_color(model.stages[i]));
        ImGui::TextUnformatted(stage_name(model.stages[i]).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(a.stages.counts[i], ValueFormat::integer).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(a.stages.present ? static_cast<double>(a.stages.counts[i]) / a.stages.present : 0, ValueFormat::percent).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(a.stages.revenue[i], ValueFormat::money).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(i < a.health.stage_mean.size() ? format_value(a.health.stage_mean[i], ValueFormat::number).c_str() : "-");
        for (std::size_t k = 0; k < columns.size(); ++k) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_value(columns[k][i], defs[k].format).c_str());
        }
    }
    ImGui::EndTable();
}

void draw_stages_tab(AppState& state, LifecyclePanelState& p) {
    LifecycleView& v = lifecycle_view(state);
    const LifecycleModel& model = v.model;
    const LifecycleAtDate& a = lifecycle_analysis(state);
    if (model.stages.empty()) return;
    const std::string& description = model.description.in(ui_lang());
    if (!description.empty()) ImGui::TextDisabled("%s", description.c_str());
    int clicked = draw_chain(model, a, v.selected_stage);
    if (clicked >= 0) v.selected_stage = clicked;
    int stage = std::clamp(v.selected_stage, 0, static_cast<int>(model.stages.size()) - 1);
    text_disabled_wrapped(trf("lifecycle.staged_as_of", {std::to_string(a.stages.present), to_iso(a.as_of)}).c_str());
    if (ImGui::CollapsingHeader(tr("lifecycle.all_stages"))) draw_stage_table(state, model, a);

    float width = ImGui::GetContentRegionAvail().x;
    float left = std::max(width * 0.5f, ImGui::GetFontSize() * 22);
    ImGui::BeginChild("members", ImVec2(std::min(left, width), 0), true);
    ImGui::Text("%s: %s", tr("lifecycle.customers_in_stage"), stage_name(model.stages[static_cast<std::size_t>(stage)]).c_str());
    draw_members(state, p, a, stage);
    ImGui::EndChild();
    if (left < width - ImGui::GetFontSize() * 10) {
        ImGui::SameLine();
        ImGui::BeginChild("stage_facts", ImVec2(0, 0), true);
        draw_stage_facts(state, model, a, stage);
        ImGui::EndChild();
    }
}

}  // namespace

void draw_lifecycle_header(AppState& state, bool with_picker) {
    LifecycleView& v = lifecycle_view(state);
    automation::publish("lifecycle", lifecycle_automation_state(state).dump());
    const LifecycleModel& model = v.model;
    if (with_picker) {
        ImGui::TextUnformatted(tr("common.model"));
        same_line_if_fits(ImGui::GetFontSize() * 20);  // the header's controls flow onto more lines when narrow
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        std::string preview = model_name(model);
        if (!v.model_is_builtin) preview = std::string(tr("lifecycle.custom")) + ": " + preview;
        // Every template and the custom model fit without scrolling: a hidden "custom" entry looks lost.
        bool open = ImGui::BeginCombo("##model", preview.c_str(), ImGuiComboFlags_HeightLargest);
        automation::record("lifecycle.model");
        if (open) {
            bool builtin = v.model_is_builtin;
            for (const LifecycleModel& t : builtin_templates()) {
                bool selected = builtin && model.id == t.id;
                if (ImGui::Selectable(model_name(t).c_str(), selected) && !selected) switch_lifecycle_model(state, t.id);
                automation::record("lifecycle.model." + t.id);
            }
            const LifecycleModel* custom = !builtin ? &model : v.stashed_custom ? &*v.stashed_custom : nullptr;
            if (custom) {
                ImGui::Separator();
                std::string label = std::string(tr("lifecycle.custom")) + ": " + model_name(*custom);
                if (ImGui::Selectable(label.c_str(), !builtin) && builtin) switch_lifecycle_model(state, "");
                automation::record("lifecycle.model.custom");
            }
            ImGui::EndCombo();
        }
        same_line_if_fits(button_width(tr("lifecycle.duplicate_as_custom")));
        if (ImGui::Button(tr("lifecycle.duplicate_as_custom"))) duplicate_lifecycle_model(state);
        automation::record("lifecycle.duplicate");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("lifecycle.copy_this_model_into_the_workspaces"));
    } else {
        ImGui::Text("%s: %s", tr("common.model"), model_name(model).c_str());
    }
    same_line_if_fits(ImGui::CalcTextSize(tr("common.as_of")).x + ImGui::GetStyle().ItemSpacing.x + ImGui::GetFontSize() * 7);
    ImGui::TextUnformatted(tr("common.as_of"));
    ImGui::SameLine();
    Date as_of = lifecycle_as_of(state);
    if (date_input("as_of", as_of, ImGui::GetFontSize() * 7)) v.as_of = as_of;
    automation::record("lifecycle.as_of");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lifecycle.yyyy_mm_dd_press_enter"));
    if (v.as_of) {
        same_line_if_fits(button_width(tr("lifecycle.reset_date")));
        if (ImGui::SmallButton(tr("lifecycle.reset_date"))) v.as_of.reset();
        automation::record("lifecycle.as_of.reset");
    }
    if (!v.model_problems.empty()) {
        ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr("lifecycle.the_workspaces_lifecycle_model_could_not"));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (const Problem& pr : v.model_problems) ImGui::TextUnformatted(pr.to_string().c_str());
            ImGui::EndTooltip();
        }
    }
}

void draw_panel_lifecycle(AppState& state) {
    auto& p = state.panel_data<LifecyclePanelState>();
    draw_lifecycle_header(state, true);
    if (!ImGui::BeginTabBar("lifecycle_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    if (begin_tab_item("lifecycle.stages", "stages", "lifecycle.tab.stages")) {
        draw_stages_tab(state, p);
        ImGui::EndTabItem();
    }
    if (begin_tab_item("lifecycle.model_editor", "model", "lifecycle.tab.model")) {
        draw_lifecycle_model_editor(state);
        ImGui::EndTabItem();
    }
    if (begin_tab_item("lifecycle.metrics", "metrics", "lifecycle.tab.metrics")) {
        draw_lifecycle_metrics_table(state);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace lcs
