// Playbooks panel: each stage's goal, strategies and result metrics; the care-plan table; the
// editable churn-reason catalog (win-back measure and expected share won back, undoable edits to
// Workspace::churn_reasons); and the churn analysis (why, who, from which stage, when).
#include <algorithm>
#include <cmath>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_fit.h"
#include "app/text_field.h"
#include "app/ui_lang.h"
#include "core/lifecycle/care_plans.h"
#include "core/lifecycle/playbook.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

struct PlaybooksPanelState {
    Cached<std::uint64_t> draft_key;  // settings_revision: the draft copies the churn reasons
    std::vector<ChurnReason> draft;
    std::string new_id;
};

void draw_stage_playbooks(AppState& state) {
    const LifecycleModel& model = lifecycle_model(state);
    ImGui::TextDisabled("%s", tr("playbooks.edit_these_texts_in_lifecycle_model"));
    for (std::size_t i = 0; i < model.stages.size(); ++i) {
        const Stage& s = model.stages[i];
        ImGui::PushID(static_cast<int>(i));
        color_swatch(stage_color(s));
        bool open = ImGui::CollapsingHeader(stage_name(s).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
        ImGui::PopID();
        automation::record("playbooks.stage." + s.id);
        if (!open) continue;
        ImGui::Indent();
        const std::string& goal = s.goal.in(ui_lang());
        ImGui::TextDisabled("%s", tr("common.goal"));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", goal.empty() ? "-" : goal.c_str());
        for (std::size_t k = 0; k < s.playbook.size(); ++k)
            ImGui::BulletText("%s", playbook_text(s.playbook[k]).c_str());
        std::string metrics;
        for (const std::string& m : s.result_metrics) metrics += (metrics.empty() ? "" : ", ") + std::string(tr(result_metric_label(m)));
        ImGui::TextDisabled("%s: %s", tr("common.result_metrics"), metrics.empty() ? "-" : metrics.c_str());
        ImGui::Unindent();
    }
}

void draw_care_plans() {
    ImGui::TextWrapped("%s", tr("playbooks.care_plans_keep_retained_and_loyal"));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV;
    if (!begin_fitting_table("care_plans", 2, flags)) return;
    ImGui::TableSetupColumn(tr("common.care_plan"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("playbooks.measure"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const CarePlan& c : care_plans()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.name.in(ui_lang()).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", c.measure.in(ui_lang()).c_str());
    }
    ImGui::EndTable();
}

void commit_reasons(AppState& state, const std::vector<ChurnReason>& reasons, const char* label) {
    state.edit_header(label, [&](Workspace& w) { w.churn_reasons = reasons; });
}

void draw_reason_catalog(AppState& state, PlaybooksPanelState& p) {
    const Workspace& ws = state.workspace();
    if (p.draft_key.stale(state.settings_revision())) {
        p.draft = ws.churn_reasons;
    }
    ImGui::TextWrapped("%s", tr("playbooks.why_customers_leave_what_to_do"));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    int remove = -1;
    if (begin_fitting_table("reasons", 7, flags)) {
        ImGui::TableSetupColumn(tr("common.id"), 0, 0.7f);
        ImGui::TableSetupColumn(tr("common.name_english"), 0, 1.3f);
        ImGui::TableSetupColumn(tr("common.name_chinese"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("playbooks.win_back_measure_english"), 0, 1.6f);
        ImGui::TableSetupColumn(tr("playbooks.win_back_measure_chinese"), 0, 1.2f);
        ImGui::TableSetupColumn(tr("playbooks.expected_won_back"), 0, 0.9f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < p.draft.size(); ++i) {
            ChurnReason& r = p.draft[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.id.c_str());
            bool done = false;
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            input_text("##name", r.name.en);
            done |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            input_text("##name_zh", r.name.zh);
            done |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            input_text("##measure", r.winback_measure.en);
            automation::record("playbooks.reason.measure." + r.id);
            done |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            input_text("##measure_zh", r.winback_measure.zh);
            done |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            double percent = r.winback_share * 100;
            if (ImGui::InputDouble("##share", &percent, 0, 0, "%.1f %%")) r.winback_share = std::clamp(percent, 0.0, 100.0) / 100;
            automation::record("playbooks.reason.share." + r.id);
            done |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(tr("common.remove"))) remove = static_cast<int>(i);
            automation::record("playbooks.reason.remove." + r.id);
            if (done) commit_reasons(state, p.draft, "edit.edit_churn_reason");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        p.draft.erase(p.draft.begin() + remove);
        commit_reasons(state, p.draft, "edit.remove_churn_reason");
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    input_text("##new_id", p.new_id, ImGuiInputTextFlags_CharsNoBlank, tr("playbooks.new_reason_id"));
    automation::record("playbooks.reason.new_id");
    ImGui::SameLine();
    bool duplicate = std::any_of(p.draft.begin(), p.draft.end(), [&](const ChurnReason& r) { return r.id == p.new_id; });
    ImGui::BeginDisabled(p.new_id.empty() || duplicate);
    if (ImGui::Button(tr("playbooks.add_reason"))) {
        ChurnReason r;
        r.id = p.new_id;
        r.name.en = p.new_id;
        p.draft.push_back(r);
        p.new_id.clear();
        commit_reasons(state, p.draft, "edit.add_churn_reason");
    }
    ImGui::EndDisabled();
    automation::record("playbooks.reason.add");
    if (duplicate) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("playbooks.this_id_is_already_used"));
    }
}

// core/lifecycle/playbook.cpp names the tenure buckets in English; shown through these keys.
std::string tenure_bucket_label(const std::string& bucket) {
    static const std::pair<const char*, const char*> kBuckets[] = {
        {"0-89 days", "playbooks.tenure_0_89_days"},   {"90-179 days", "playbooks.tenure_90_179_days"},
        {"180-364 days", "playbooks.tenure_180_364_days"}, {"1-2 years", "playbooks.tenure_1_2_years"},
        {"2+ years", "playbooks.tenure_2_years_plus"}, {"(unknown)", "playbooks.unknown"},
    };
    for (const auto& [english, key] : kBuckets)
        if (bucket == english) return tr(key);
    return bucket;
}

void group_table(const char* id, const char* group_title, const std::vector<ChurnByGroup>& groups,
                 const std::vector<std::string>& labels) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table(id, 3, flags)) return;
    ImGui::TableSetupColumn(group_title, 0, 2.0f);
    ImGui::TableSetupColumn(tr("playbooks.churn_events"));
    ImGui::TableSetupColumn(tr("common.share"));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < groups.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(labels[i].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(groups[i].count, ValueFormat::integer).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(groups[i].share, ValueFormat::percent).c_str());
    }
    ImGui::EndTable();
}

void group_chart_and_table(const char* id, const char* title, const char* group_title, const std::vector<ChurnByGroup>& groups,
                           const std::vector<std::string>& labels, ImU32 color) {
    ImGui::PushID(id);
    if (ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) {
        charts::Series counts{tr("playbooks.churn_events"), {}, {}, color};
        for (const ChurnByGroup& g : groups) counts.y.push_back(g.count);
        charts::Options options;
        options.height_lines = 8;
        charts::bar_chart("chart", labels, {counts}, {tr("playbooks.churn_events"), ValueFormat::integer}, charts::BarMode::grouped, options);
        automation::record(std::string("playbooks.churn.") + id);
        group_table("table", group_title, groups, labels);
    }
    ImGui::PopID();
}

void draw_churn_analysis(AppState& state) {
    const LifecycleModel& model = lifecycle_model(state);
    const LifecycleOverTime* over_time = lifecycle_over_time_if_ready(state);
    if (!over_time) return draw_history_pending(state);
    const ChurnAnalysis& c = over_time->churn;
    ImGui::Text("%s: %s   %s: %s", tr("playbooks.churn_events_to_date"), format_value(c.events, ValueFormat::integer).c_str(),
                tr("playbooks.expected_won_back_with_the_catalogs"), format_value(c.expected_won_back, ValueFormat::number).c_str());
    automation::record("playbooks.churn.summary");
    if (c.events == 0) {
        ImGui::TextDisabled("%s", tr("playbooks.no_churn_events_recorded_up_to"));
        return;
    }
    if (ImGui::CollapsingHeader(tr("playbooks.why_by_reason"), ImGuiTreeNodeFlags_DefaultOpen)) {
        std::vector<std::string> labels;
        charts::Series counts{tr("playbooks.churn_events"), {}, {}, charts::palette_color(3)};
        charts::Series won{tr("playbooks.expected_won_back"), {}, {}, charts::palette_color(2)};
        for (const ChurnByReason& r : c.by_reason) {
            labels.push_back(r.name.in(ui_lang()));
            counts.y.push_back(r.count);
            won.y.push_back(r.expected_won_back);
        }
        charts::Options options;
        options.height_lines = 9;
        charts::bar_chart("by_reason", labels, {counts, won}, {tr("common.customers"), ValueFormat::number}, charts::BarMode::grouped, options);
        automation::record("playbooks.churn.by_reason");
        ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
        if (begin_fitting_table("by_reason_table", 6, flags)) {
            ImGui::TableSetupColumn(tr("common.reason"), 0, 1.3f);
            ImGui::TableSetupColumn(tr("playbooks.churn_events"));
            ImGui::TableSetupColumn(tr("common.share"));
            ImGui::TableSetupColumn(tr("playbooks.win_back_measure"), 0, 1.8f);
            ImGui::TableSetupColumn(tr("common.win_back_share"));
            ImGui::TableSetupColumn(tr("playbooks.expected_won_back"));
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < c.by_reason.size(); ++i) {
                const ChurnByReason& r = c.by_reason[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(labels[i].c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(r.count, ValueFormat::integer).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(r.share, ValueFormat::percent).c_str());
                ImGui::TableNextColumn();
                const std::string& measure = r.winback_measure.in(ui_lang());
                ImGui::TextUnformatted(measure.empty() ? "-" : measure.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(r.winback_share, ValueFormat::percent).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(r.expected_won_back, ValueFormat::number).c_str());
            }
            ImGui::EndTable();
        }
    }
    std::vector<std::string> segment_labels;
    for (const ChurnByGroup& g : c.by_segment) segment_labels.push_back(g.group == "(none)" ? tr("common.none") : g.group);
    group_chart_and_table("by_segment", tr("playbooks.who_by_segment"), tr("common.segment"), c.by_segment, segment_labels, charts::palette_color(0));
    std::vector<std::string> stage_labels;
    for (const ChurnByGroup& g : c.by_stage) {
        int i = stage_index(model, g.group);
        stage_labels.push_back(i >= 0 ? stage_name(model.stages[static_cast<std::size_t>(i)]) : std::string(tr("playbooks.unknown")));
    }
    group_chart_and_table("by_stage", tr("playbooks.from_where_stage_before_churn"), tr("common.stage"), c.by_stage, stage_labels, charts::palette_color(4));
    std::vector<std::string> tenure_labels;
    for (const ChurnByGroup& g : c.by_tenure) tenure_labels.push_back(tenure_bucket_label(g.group));
    group_chart_and_table("by_tenure", tr("playbooks.when_tenure_at_churn"), tr("common.tenure"), c.by_tenure, tenure_labels, charts::palette_color(1));
}

}  // namespace

void draw_panel_playbooks(AppState& state) {
    auto& p = state.panel_data<PlaybooksPanelState>();
    draw_lifecycle_header(state, false);
    if (!ImGui::BeginTabBar("playbook_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    if (begin_tab_item("playbooks.stage_playbooks", "stages", "playbooks.tab.stages")) {
        ImGui::BeginChild("stages");
        draw_stage_playbooks(state);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (begin_tab_item("playbooks.care_plans", "care", "playbooks.tab.care")) {
        draw_care_plans();
        ImGui::EndTabItem();
    }
    if (begin_tab_item("playbooks.churn_reasons", "reasons", "playbooks.tab.reasons")) {
        draw_reason_catalog(state, p);
        ImGui::EndTabItem();
    }
    if (begin_tab_item("playbooks.churn_analysis", "churn", "playbooks.tab.churn")) {
        ImGui::BeginChild("churn");
        draw_churn_analysis(state);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace lcs
