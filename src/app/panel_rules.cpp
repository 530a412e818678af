// Stage rules panel: the placement rules of each stage (conditions that must ALL hold, plus an
// optional ANY group), edited with kind / comparator / value / window widgets, with live counts of
// the customers each condition and each stage's rules catch (core rule_match_counts). Also the
// evaluation order (first match wins) and the fallback stage. Every change is one undoable edit.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/automation.h"
#include "app/clv_session.h"
#include "app/charts/charts.h"
#include "app/condition_text.h"
#include "app/i18n.h"
#include "app/lifecycle_view.h"
#include "app/panels.h"
#include "app/table_fit.h"
#include "app/ui_style.h"
#include "app/text_field.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace {

using charts::ValueFormat;
using charts::format_value;

struct RulesPanelState {
    Cached<std::uint64_t> draft_key;  // settings_revision
    LifecycleModel draft;  // edit buffers, reloaded whenever the model changes
};

// Shown as "rules.kind_<id>": core's labels are English. kConditionKinds rows are in enum order.
const char* kind_label(ConditionKind kind) {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const ConditionKindInfo& info : kConditionKinds) k.push_back(std::string("rules.kind_") + info.id);
        return k;
    }();
    return tr(keys[static_cast<std::size_t>(kind)].c_str());
}

// A new kind starts from its defaults (core kConditionKinds); "not" stays as the user set it.
void reset_for_kind(Condition& c, ConditionKind kind) {
    const bool negate = c.negate;
    c = default_condition(kind);
    c.negate = negate;
}

bool text_combo(const char* id, std::string& value, const std::vector<std::pair<const char*, const char*>>& choices) {
    bool changed = false;
    const char* preview = value.c_str();
    for (const auto& ch : choices)
        if (value == ch.first) preview = ch.second;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo(id, preview)) {
        for (const auto& ch : choices)
            if (ImGui::Selectable(ch.second, value == ch.first)) {
                value = ch.first;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

enum class RowAction { none, edited, remove, up, down };

// What model-driven conditions (core rules.h) can read here: the CLV fit's values and the date they
// hold at, against the date the rules are evaluated at.
struct FitContext {
    const ModelScores* scores = nullptr;  // nullptr: no finished, current CLV fit
    Date as_of;                           // the rules' analysis date
    bool answers() const { return scores && scores->as_of == as_of; }
};

// Why a model-driven condition places no one here, or nullptr when the fit answers it.
std::string model_gap(const Condition& c, const FitContext& fit) {
    if (!is_model_condition(c.kind) || fit.answers()) return {};
    if (!fit.scores) return tr("rules.needs_a_clv_fit");
    return trf("rules.fit_values_hold_at_only", {to_iso(fit.scores->as_of)});
}

// How many customers the condition alone catches, with its full text as the tooltip; a model-driven
// condition without an answer says why instead (it places no one).
void draw_match_count(const Condition& c, const std::string& name, int count, int present, const FitContext& fit) {
    double share = present > 0 ? static_cast<double>(count) / present : 0;
    std::string caught = format_value(count, ValueFormat::integer) + " (" + format_value(share, ValueFormat::percent) + ")";
    const std::string gap = model_gap(c, fit);
    if (!gap.empty()) caught = gap;
    ImGui::TextDisabled("%s", caught.c_str());
    automation::record(name + ".count");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", condition_text(c).c_str(), tr("rules.customers_this_condition_alone_matches_as"));
}

// The kind combo and the "not" checkbox; true when either changed.
bool kind_widgets(Condition& c, const std::string& name, float font) {
    bool edited = false;
    ImGui::SameLine(font * 7);
    ImGui::SetNextItemWidth(font * 13);
    // Every kind visible at once (16 with the model-driven ones), no scrolling inside the list.
    if (ImGui::BeginCombo("##kind", kind_label(c.kind), ImGuiComboFlags_HeightLargest)) {
        for (int k = 0; k < kConditionKindCount; ++k) {
            auto kind = static_cast<ConditionKind>(k);
            if (ImGui::Selectable(kind_label(kind), kind == c.kind) && kind != c.kind) {
                reset_for_kind(c, kind);
                edited = true;
            }
            automation::record(name + ".kind." + condition_kind_id(kind));
        }
        ImGui::EndCombo();
    }
    automation::record(name + ".kind");
    ImGui::SameLine();
    if (ImGui::Checkbox(tr("rules.not"), &c.negate)) edited = true;
    automation::record(name + ".negate");
    return edited;
}

// The kind's text argument: a metric or NPS category combo, or free text (type, segment or tag, with
// a picker of the workspace's segments); true when it changed.
bool text_widgets(Condition& c, const std::string& name, float font, const std::vector<std::string>& segments) {
    bool edited = false;
    if (c.kind == ConditionKind::trend) {
        ImGui::SameLine();
        if (text_combo("##metric", c.text, {{"purchases", tr("rules.purchases")}, {"spend", tr("rules.spend")}})) edited = true;
    } else if (c.kind == ConditionKind::last_nps) {
        ImGui::SameLine();
        if (text_combo("##category", c.text, {{"", tr("rules.score")}, {"promoter", tr("rules.promoter_9_10")}, {"passive", tr("rules.passive_7_8")}, {"detractor", tr("rules.detractor_0_6")}}))
            edited = true;
    } else if (condition_kind_info(c.kind).text != TextUse::none) {  // free text: type, segment or tag
        ImGui::SameLine();
        ImGui::SetNextItemWidth(font * 8);
        const char* hint = condition_kind_info(c.kind).text == TextUse::optional ? tr("rules.any_type") : tr("rules.name");
        input_text("##text", c.text, 0, hint);
        automation::record(name + ".text");
        if (ImGui::IsItemDeactivatedAfterEdit()) edited = true;
        if (c.kind == ConditionKind::segment_is && !segments.empty()) {
            ImGui::SameLine();
            if (ImGui::BeginCombo("##segments", "", ImGuiComboFlags_NoPreview)) {
                for (const std::string& s : segments)
                    if (ImGui::Selectable(s.c_str(), s == c.text)) {
                        c.text = s;
                        edited = true;
                    }
                ImGui::EndCombo();
            }
        }
    }
    return edited;
}

// The comparator and its value (two for "between") when the kind compares; true when changed.
bool compare_widgets(Condition& c, const std::string& name, float font) {
    if (!condition_compares(c)) return false;
    bool edited = false;
    ImGui::SameLine();
    static const Compare kOps[] = {Compare::lt, Compare::le, Compare::gt, Compare::ge, Compare::eq, Compare::between};
    ImGui::SetNextItemWidth(font * 5);
    if (ImGui::BeginCombo("##op", compare_id(c.op))) {
        for (Compare op : kOps)
            if (ImGui::Selectable(compare_id(op), op == c.op) && op != c.op) {
                c.op = op;
                if (op == Compare::between && c.value2 < c.value) c.value2 = c.value;
                edited = true;
            }
        ImGui::EndCombo();
    }
    automation::record(name + ".op");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 5.5f);
    ImGui::InputDouble("##value", &c.value, 0, 0, "%g");
    automation::record(name + ".value");
    if (ImGui::IsItemDeactivatedAfterEdit()) edited = true;
    if (c.op == Compare::between) {
        ImGui::SameLine();
        ImGui::TextUnformatted(tr("rules.and"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(font * 5.5f);
        ImGui::InputDouble("##value2", &c.value2, 0, 0, "%g");
        automation::record(name + ".value2");
        if (ImGui::IsItemDeactivatedAfterEdit()) edited = true;
    }
    return edited;
}

// The window in days when the kind has one, and churn events' "after the last purchase"; true when changed.
bool window_widgets(Condition& c, const std::string& name, float font) {
    bool edited = false;
    if (condition_has_window(c)) {
        ImGui::SameLine();
        ImGui::TextUnformatted(tr("rules.window"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(font * 4.5f);
        ImGui::InputInt("##window", &c.window_days, 0, 0);
        automation::record(name + ".window");
        if (ImGui::IsItemDeactivatedAfterEdit()) edited = true;
        ImGui::SameLine();
        ImGui::TextDisabled("%s", condition_kind_info(c.kind).window == WindowUse::required ? tr("common.days") : tr("rules.days_0_all_time"));
    }
    if (c.kind == ConditionKind::churn_event) {
        ImGui::SameLine();
        if (ImGui::Checkbox(tr("rules.after_the_last_purchase"), &c.after_last_purchase)) edited = true;
    }
    return edited;
}

// Up, down and remove; the last one clicked wins (only one can be in a frame).
RowAction row_buttons(const std::string& name) {
    RowAction action = RowAction::none;
    ImGui::SameLine();
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) action = RowAction::up;
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) action = RowAction::down;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("common.remove"))) action = RowAction::remove;
    automation::record(name + ".remove");
    return action;
}

// One condition's widgets. `edited` when an edit is complete (combo pick, checkbox, or a text/number
// field the user left after typing); a move or remove button outranks an edit in the same frame.
RowAction condition_row(Condition& c, const std::string& name, int count, int present, const std::vector<std::string>& segments,
                        const FitContext& fit) {
    float font = ImGui::GetFontSize();
    draw_match_count(c, name, count, present, fit);
    bool edited = kind_widgets(c, name, font);
    edited |= text_widgets(c, name, font, segments);
    edited |= compare_widgets(c, name, font);
    edited |= window_widgets(c, name, font);
    RowAction button = row_buttons(name);
    if (button != RowAction::none) return button;
    return edited ? RowAction::edited : RowAction::none;
}

// Draws one list (all or any); returns true when the draft changed and should be committed.
bool condition_list(std::vector<Condition>& list, const std::string& prefix, const std::vector<int>& counts, int present,
                    const std::vector<std::string>& segments, const FitContext& fit, std::string& label) {
    bool changed = false;
    int move_from = -1, move_to = -1, remove = -1;
    for (std::size_t k = 0; k < list.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        int count = k < counts.size() ? counts[k] : 0;
        RowAction a = condition_row(list[k], prefix + "." + std::to_string(k), count, present, segments, fit);
        ImGui::PopID();
        if (a == RowAction::edited) {
            changed = true;
            label = "edit.edit_stage_rule";
        } else if (a == RowAction::remove) remove = static_cast<int>(k);
        else if (a == RowAction::up && k > 0) move_from = static_cast<int>(k), move_to = static_cast<int>(k) - 1;
        else if (a == RowAction::down && k + 1 < list.size()) move_from = static_cast<int>(k), move_to = static_cast<int>(k) + 1;
    }
    if (remove >= 0) {
        list.erase(list.begin() + remove);
        changed = true;
        label = "edit.remove_condition";
    } else if (move_from >= 0) {
        std::swap(list[static_cast<std::size_t>(move_from)], list[static_cast<std::size_t>(move_to)]);
        changed = true;
        label = "edit.reorder_conditions";
    }
    if (ImGui::SmallButton(tr("rules.add_condition"))) {
        Condition c;
        reset_for_kind(c, ConditionKind::recency_days);
        list.push_back(c);
        changed = true;
        label = "rules.add_condition";
    }
    automation::record(prefix + ".add");
    return changed;
}

// A stage whose rules read the CLV fit says where the values come from, or why they place no one.
void draw_model_note(const Stage& s, const FitContext& fit) {
    if (!rules_need_model(s.rules)) return;
    if (fit.answers()) {
        const char* unit = period_unit_plural(clv::parse_period_unit(fit.scores->horizon_unit).value_or(clv::PeriodUnit::month));
        text_disabled_wrapped(trf("rules.model_values_from_fit", {to_iso(fit.scores->as_of), std::to_string(fit.scores->horizon), tr(unit)}).c_str());
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.1f, 1));
        ImGui::TextWrapped("%s", fit.scores ? trf("rules.stage_fit_other_date", {to_iso(fit.scores->as_of)}).c_str()
                                            : tr("rules.stage_needs_a_clv_fit"));
        ImGui::PopStyleColor();
    }
    automation::record("rules.model_note");
}

// The selected stage's conditions as the editor shows them, for tests: "rules": {stage, conditions:
// [{list, kind, count, gap}]} (gap: why a model-driven condition places no one, "" when it does not).
void publish_rules(const Stage& s, const StageRuleCounts& rc, const FitContext& fit) {
    Json conditions = Json::array();
    for (const bool any : {false, true}) {
        const std::vector<Condition>& list = any ? s.rules.any : s.rules.all;
        const std::vector<int>& counts = any ? rc.any_matched : rc.all_matched;
        for (std::size_t k = 0; k < list.size(); ++k)
            conditions.push_back({{"list", any ? "any" : "all"}, {"kind", condition_kind_id(list[k].kind)},
                                  {"count", k < counts.size() ? counts[k] : 0}, {"gap", model_gap(list[k], fit)}});
    }
    automation::publish("rules", Json{{"stage", s.id}, {"assigned", rc.assigned}, {"conditions", conditions}}.dump());
}

void draw_stage_list(const LifecycleModel& model, const LifecycleAtDate& a, int& selected) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!begin_fitting_table("stage_list", 3, flags)) return;
    ImGui::TableSetupColumn(tr("common.stage"), 0, 2.0f);
    ImGui::TableSetupColumn(tr("rules.rules_match"), 0, 1.0f);
    ImGui::TableSetupColumn(tr("rules.placed"), 0, 1.0f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < model.stages.size(); ++i) {
        const Stage& s = model.stages[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        color_swatch(stage_color(s));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(stage_name(s).c_str(), selected == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns))
            selected = static_cast<int>(i);
        ImGui::PopID();
        automation::record("rules.stage." + s.id);
        ImGui::TableNextColumn();
        const StageRuleCounts* rc = i < a.rule_counts.size() ? &a.rule_counts[i] : nullptr;
        ImGui::TextUnformatted(rc ? format_value(rc->rules_matched, ValueFormat::integer).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(a.stages.counts[i], ValueFormat::integer).c_str());
        automation::record("rules.count." + s.id);
    }
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("rules.rules_match_customers_whose_rules_hold"));
    ImGui::PopStyleColor();
}

void draw_order_and_fallback(AppState& state, LifecycleModel& d) {
    ImGui::TextWrapped("%s", tr("rules.evaluation_order_first_match_wins"));
    // The arrows line up in a column, moved left (or to the next line) when the list is narrow.
    const float arrows_w = ImGui::GetFrameHeight() * 2 + ImGui::GetStyle().ItemSpacing.x;
    const float arrows_x = std::min(ImGui::GetFontSize() * 12, ImGui::GetWindowContentRegionMax().x - arrows_w);
    std::vector<int> order = evaluation_sequence(d);
    int move_from = -1, move_to = -1;
    for (std::size_t k = 0; k < order.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        ImGui::Text("%zu.", k + 1);
        ImGui::SameLine(ImGui::GetFontSize() * 2);
        color_swatch(stage_color(d.stages[static_cast<std::size_t>(order[k])]));
        ImGui::TextUnformatted(stage_name(d.stages[static_cast<std::size_t>(order[k])]).c_str());
        if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x <= arrows_x) ImGui::SameLine(arrows_x);
        else same_line_if_fits(arrows_w);
        ImGui::BeginDisabled(k == 0);
        if (ImGui::ArrowButton("up", ImGuiDir_Up)) move_from = static_cast<int>(k), move_to = static_cast<int>(k) - 1;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(k + 1 >= order.size());
        if (ImGui::ArrowButton("down", ImGuiDir_Down)) move_from = static_cast<int>(k), move_to = static_cast<int>(k) + 1;
        ImGui::EndDisabled();
        automation::record("rules.order." + std::to_string(k));
        ImGui::PopID();
    }
    if (move_from >= 0) {
        std::swap(order[static_cast<std::size_t>(move_from)], order[static_cast<std::size_t>(move_to)]);
        d.evaluation_order.clear();
        for (int i : order) d.evaluation_order.push_back(d.stages[static_cast<std::size_t>(i)].id);
        commit_lifecycle_model(state, d, "edit.change_evaluation_order");
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("rules.fallback_stage_customers_no_rule_catches"));
    int fallback = fallback_index(d);
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 12, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##fallback", stage_name_at(d, fallback).c_str())) {
        for (std::size_t i = 0; i < d.stages.size(); ++i)
            if (ImGui::Selectable(stage_name(d.stages[i]).c_str(), static_cast<int>(i) == fallback) && static_cast<int>(i) != fallback) {
                d.fallback_stage = d.stages[i].id;
                commit_lifecycle_model(state, d, "edit.change_fallback_stage");
            }
        ImGui::EndCombo();
    }
    automation::record("rules.fallback");
}

}  // namespace

void draw_panel_rules(AppState& state) {
    auto& p = state.panel_data<RulesPanelState>();
    draw_lifecycle_header(state, false);
    LifecycleView& v = lifecycle_view(state);
    const LifecycleAtDate& a = lifecycle_analysis(state);
    if (p.draft_key.stale(state.settings_revision()) || p.draft.stages.size() != v.model.stages.size()) {
        p.draft = v.model;
    }
    LifecycleModel& d = p.draft;
    if (d.stages.empty()) return;
    int& selected = v.selected_stage;
    selected = std::clamp(selected, 0, static_cast<int>(d.stages.size()) - 1);

    float width = ImGui::GetContentRegionAvail().x;
    float left = std::min(width * 0.34f, ImGui::GetFontSize() * 22);
    ImGui::BeginChild("rules_left", ImVec2(left, 0), true);
    draw_stage_list(v.model, a, selected);
    ImGui::Spacing();
    ImGui::Separator();
    draw_order_and_fallback(state, d);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("rules_right", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    Stage& s = d.stages[static_cast<std::size_t>(selected)];
    const StageRuleCounts empty_counts;
    const StageRuleCounts& rc = static_cast<std::size_t>(selected) < a.rule_counts.size() ? a.rule_counts[static_cast<std::size_t>(selected)] : empty_counts;
    color_swatch(stage_color(s));
    ImGui::TextUnformatted(trf("rules.stage_matched_placed", {stage_name(s), format_value(rc.rules_matched, ValueFormat::integer),
                                                              format_value(rc.assigned, ValueFormat::integer)}).c_str());
    automation::record("rules.summary");
    if (fallback_index(d) == selected) ImGui::TextDisabled("%s", tr("rules.this_is_the_fallback_stage_it"));
    if (s.rules.empty()) ImGui::TextDisabled("%s", tr("rules.no_conditions_the_rules_catch_nobody"));
    const FitContext fit{lifecycle_scores(state), a.as_of};
    draw_model_note(s, fit);
    publish_rules(s, rc, fit);
    std::vector<std::string> segments;
    for (const GroupMetrics& g : a.metrics.by_segment)
        if (!g.group.empty()) segments.push_back(g.group);
    std::string label;
    bool changed = false;
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("rules.all_of_these_must_hold"));
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", tr("rules.left_customers_each_condition_catches"));
    ImGui::PushID("all");
    changed |= condition_list(s.rules.all, "rules.all", rc.all_matched, a.stages.present, segments, fit, label);
    ImGui::PopID();
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("rules.and_when_listed_any_one_of"));
    ImGui::PushID("any");
    changed |= condition_list(s.rules.any, "rules.any", rc.any_matched, a.stages.present, segments, fit, label);
    ImGui::PopID();
    if (changed && !commit_lifecycle_model(state, d, label)) p.draft_key.invalidate();  // reload the draft
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("rules.conditions_are_evaluated_as_of_the"));
    ImGui::EndChild();
}

}  // namespace lcs
