// Lifecycle panel, "Model editor" sub-tab: the model's name and description, its stages (add,
// remove, rename in both languages, reorder, colour, at-risk flag) and the selected stage's texts
// (description, goal, playbook strategies, result metrics). Every change is one undoable edit through
// commit_lifecycle_model; editing a built-in template turns it into the workspace's custom model.
#include <algorithm>

#include "app/automation.h"
#include "app/charts/charts.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "app/text_field.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace {

struct ModelEditorState {
    Cached<std::uint64_t> draft_key;  // settings_revision
    LifecycleModel draft;  // edit buffers; reloaded whenever the model changes
    std::string metrics_text;
    int metrics_stage = -1;
};

// A text field bound to a draft string; true when the user finished an edit that changed it.
bool text_field(const char* label, const char* automation_name, std::string& value, bool multiline = false) {
    ImGui::PushID(automation_name);
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (multiline) input_text_multiline("##v", value, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.2f));
    else input_text("##v", value);
    ImGui::PopID();
    automation::record(automation_name);
    return ImGui::IsItemDeactivatedAfterEdit();
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = std::min(text.find(',', start), text.size());
        std::string item = text.substr(start, comma - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) out.push_back(item);
        start = comma + 1;
    }
    return out;
}

std::string unused_stage_id(const LifecycleModel& model) {
    for (int k = static_cast<int>(model.stages.size()) + 1;; ++k) {
        std::string id = "stage_" + std::to_string(k);
        if (stage_index(model, id) < 0) return id;
    }
}

// Colour choice from the chart palette (one click = one edit; no drag spamming the undo list).
bool color_picker(const char* id, uint32_t& rgba) {
    ImGui::PushID(id);
    ImVec4 current = ImGui::ColorConvertU32ToFloat4(rgba_to_abgr(rgba));
    bool changed = false;
    if (ImGui::ColorButton("##color", current, ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight())))
        ImGui::OpenPopup("palette");
    if (ImGui::BeginPopup("palette")) {
        static const uint32_t kChoices[] = {0x9AA5B1FF, 0x5DADE2FF, 0x48C9B0FF, 0x58D68DFF, 0x1E8449FF, 0x2E86C1FF,
                                            0x8E44ADFF, 0xF5B041FF, 0xE67E22FF, 0xE74C3CFF, 0x7F8C8DFF, 0x34495EFF};
        int k = 0;
        for (uint32_t choice : kChoices) {
            if (k++ % 6) ImGui::SameLine();
            ImGui::PushID(k);
            if (ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(rgba_to_abgr(choice)))) {
                rgba = choice;
                changed = true;
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

// Stage i's English and Chinese name cells; leaving either after an edit renames the stage in the
// committed model (or reports why not).
void stage_name_cells(AppState& state, Stage& s, int i, const LifecycleView& v) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text("##name", s.name.en);
    automation::record("lifecycle.model.stage_name." + std::to_string(i));
    bool renamed = ImGui::IsItemDeactivatedAfterEdit();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text("##name_zh", s.name.zh);
    automation::record("lifecycle.model.stage_name_zh." + std::to_string(i));
    renamed |= ImGui::IsItemDeactivatedAfterEdit();
    if (renamed) {
        LifecycleModel m = v.model;
        Problems problems;
        if (rename_stage(m, i, s.name, problems)) commit_lifecycle_model(state, m, "edit.rename_stage");
        else state.report({tr("common.the_lifecycle_model_was_not_changed"), "", problems});
    }
}

// Stage i of n's order cell: move left, move right and remove, each one edit of the committed model
// that keeps the same stage selected.
void stage_order_cell(AppState& state, int i, int n, LifecycleView& v) {
    LifecycleModel m = v.model;
    Problems problems;
    ImGui::BeginDisabled(i == 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Left) && move_stage(m, i, i - 1, problems)) {
        commit_lifecycle_model(state, m, "edit.move_stage");
        v.selected_stage = i - 1;
    }
    ImGui::EndDisabled();
    automation::record("lifecycle.model.stage_left." + std::to_string(i));
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 >= n);
    if (ImGui::ArrowButton("down", ImGuiDir_Right) && move_stage(m, i, i + 1, problems)) {
        commit_lifecycle_model(state, m, "edit.move_stage");
        v.selected_stage = i + 1;
    }
    ImGui::EndDisabled();
    automation::record("lifecycle.model.stage_right." + std::to_string(i));
    ImGui::SameLine();
    ImGui::BeginDisabled(n <= 1);
    if (ImGui::SmallButton(tr("common.remove")) && remove_stage(m, i, problems)) {
        commit_lifecycle_model(state, m, "edit.remove_stage");
        v.selected_stage = std::max(0, std::min(v.selected_stage, n - 2));
    }
    ImGui::EndDisabled();
    automation::record("lifecycle.model.stage_remove." + std::to_string(i));
    if (!problems.empty()) state.report({tr("common.the_lifecycle_model_was_not_changed"), "", problems});
}

// "Add stage": a new stage after the selected one (of n), selected once committed.
void add_stage_button(AppState& state, int n, LifecycleView& v) {
    if (ImGui::Button(tr("lifecycle_model.add_stage"))) {
        LifecycleModel m = v.model;
        Stage s;
        s.id = unused_stage_id(m);
        s.name = {"New stage", "新阶段"};
        s.color = 0x7F8C8DFF;
        Problems problems;
        int position = std::clamp(v.selected_stage + 1, 0, n);
        if (add_stage(m, s, position, problems) && commit_lifecycle_model(state, m, "lifecycle_model.add_stage"))
            v.selected_stage = position;
    }
    automation::record("lifecycle.model.add_stage");
    same_line_if_fits(ImGui::CalcTextSize(tr("lifecycle_model.a_new_stage_catches_nobody_until")).x);
    text_disabled_wrapped(tr("lifecycle_model.a_new_stage_catches_nobody_until"));
}

void draw_stage_list(AppState& state, ModelEditorState& e, LifecycleView& v) {
    LifecycleModel& d = e.draft;
    int n = static_cast<int>(d.stages.size());
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table("stages", 6, flags)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.5f);
    ImGui::TableSetupColumn(tr("lifecycle_model.colour"), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(tr("lifecycle_model.colour")).x + 8);
    ImGui::TableSetupColumn(tr("common.name_english"), 0, 1.5f);
    ImGui::TableSetupColumn(tr("common.name_chinese"), 0, 1.2f);
    ImGui::TableSetupColumn(tr("lifecycle_model.at_risk"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.5f);
    ImGui::TableSetupColumn(tr("lifecycle_model.order"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.5f);
    ImGui::TableHeadersRow();
    for (int i = 0; i < n; ++i) {
        Stage& s = d.stages[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(std::to_string(i + 1).c_str(), v.selected_stage == i)) v.selected_stage = i;
        ImGui::TableNextColumn();
        if (color_picker("color", s.color)) commit_lifecycle_model(state, d, "edit.change_stage_colour");
        ImGui::TableNextColumn();
        stage_name_cells(state, s, i, v);
        ImGui::TableNextColumn();
        if (ImGui::Checkbox("##risk", &s.at_risk)) commit_lifecycle_model(state, d, "edit.change_at_risk_flag");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("lifecycle_model.moving_into_an_at_risk_stage"));
        ImGui::TableNextColumn();
        stage_order_cell(state, i, n, v);
        ImGui::PopID();
    }
    ImGui::EndTable();
    add_stage_button(state, n, v);
}

void draw_stage_texts(AppState& state, ModelEditorState& e, LifecycleView& v) {
    LifecycleModel& d = e.draft;
    int i = std::clamp(v.selected_stage, 0, static_cast<int>(d.stages.size()) - 1);
    Stage& s = d.stages[static_cast<std::size_t>(i)];
    ImGui::Separator();
    ImGui::TextUnformatted(stage_name(s).c_str());
    ImGui::TextDisabled("%s: %s", tr("lifecycle_model.stage_id"), s.id.c_str());
    if (text_field(tr("lifecycle_model.description"), "lifecycle.model.description", s.description.en, true))
        commit_lifecycle_model(state, d, "edit.edit_stage_description");
    if (text_field(tr("lifecycle_model.description_chinese"), "lifecycle.model.description_zh", s.description.zh, true))
        commit_lifecycle_model(state, d, "edit.edit_stage_description");
    if (text_field(tr("common.goal"), "lifecycle.model.goal", s.goal.en)) commit_lifecycle_model(state, d, "edit.edit_stage_goal");
    if (text_field(tr("lifecycle_model.goal_chinese"), "lifecycle.model.goal_zh", s.goal.zh)) commit_lifecycle_model(state, d, "edit.edit_stage_goal");
    if (e.metrics_stage != i) {
        e.metrics_stage = i;
        e.metrics_text = join(s.result_metrics);
    }
    if (text_field(tr("common.result_metrics"), "lifecycle.model.result_metrics", e.metrics_text)) {
        s.result_metrics = split(e.metrics_text);
        commit_lifecycle_model(state, d, "edit.edit_result_metrics");
    }
    text_disabled_wrapped(tr("lifecycle_model.strategies_the_first_one_is_the"));
    int remove = -1;
    for (std::size_t k = 0; k < s.playbook.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        ImGui::Text("%zu.", k + 1);
        ImGui::SameLine(ImGui::GetFontSize() * 2);
        float w = (ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5) * 0.5f;
        ImGui::SetNextItemWidth(w);
        input_text("##en", s.playbook[k].text.en, 0, "English");
        automation::record("lifecycle.model.playbook." + std::to_string(k));
        bool done = ImGui::IsItemDeactivatedAfterEdit();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        input_text("##zh", s.playbook[k].text.zh, 0, "中文");
        done |= ImGui::IsItemDeactivatedAfterEdit();
        if (done) commit_lifecycle_model(state, d, "edit.edit_strategy");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("common.remove"))) remove = static_cast<int>(k);
        ImGui::PopID();
    }
    if (remove >= 0) {
        s.playbook.erase(s.playbook.begin() + remove);
        commit_lifecycle_model(state, d, "edit.remove_strategy");
    }
    if (ImGui::SmallButton(tr("lifecycle_model.add_strategy"))) {
        s.playbook.push_back({{"New strategy", "新策略"}});
        commit_lifecycle_model(state, d, "lifecycle_model.add_strategy");
    }
    automation::record("lifecycle.model.add_strategy");
}

}  // namespace

void draw_lifecycle_model_editor(AppState& state) {
    auto& e = state.panel_data<ModelEditorState>();
    LifecycleView& v = lifecycle_view(state);
    if (e.draft_key.stale(state.settings_revision()) || e.draft.stages.size() != v.model.stages.size()) {
        e.draft = v.model;
        e.metrics_stage = -1;
    }
    if (e.draft.stages.empty()) return;
    ImGui::BeginChild("model_editor");
    if (v.model_is_builtin) {
        text_disabled_wrapped(tr("lifecycle_model.this_is_a_built_in_template"));
        if (v.stashed_custom)
            ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", tr("lifecycle_model.editing_it_replaces_the_custom_model"));
    }
    else if (!v.model.based_on.empty())
        ImGui::TextDisabled("%s", trf("lifecycle_model.custom_model_based_on", {v.model.based_on}).c_str());
    LifecycleModel& d = e.draft;
    if (text_field(tr("lifecycle_model.model_name"), "lifecycle.model.name", d.name.en)) commit_lifecycle_model(state, d, "edit.rename_lifecycle_model");
    if (text_field(tr("lifecycle_model.model_name_chinese"), "lifecycle.model.name_zh", d.name.zh))
        commit_lifecycle_model(state, d, "edit.rename_lifecycle_model");
    if (text_field(tr("lifecycle_model.model_description"), "lifecycle.model.model_description", d.description.en))
        commit_lifecycle_model(state, d, "edit.edit_model_description");
    if (text_field(tr("lifecycle_model.model_description_chinese"), "lifecycle.model.model_description_zh", d.description.zh))
        commit_lifecycle_model(state, d, "edit.edit_model_description");
    if (ImGui::Checkbox(tr("lifecycle_model.cyclic_the_last_stage_leads_back"), &d.cyclic))
        commit_lifecycle_model(state, d, "edit.change_cyclic_flag");
    automation::record("lifecycle.model.cyclic");
    ImGui::Spacing();
    draw_stage_list(state, e, v);
    ImGui::Spacing();
    draw_stage_texts(state, e, v);
    ImGui::EndChild();
}

}  // namespace lcs
