#include "app/lifecycle_view.h"

#include <chrono>
#include <cmath>
#include <limits>

#include "app/automation.h"
#include "app/clv_session.h"
#include "app/i18n.h"
#include "app/ui_lang.h"
#include "app/ui_style.h"
#include "misc/cpp/imgui_stdlib.h"

namespace lcs {
namespace {

constexpr const char* kCustomId = "custom";

// Reads the model section when it changed under the view (load, undo, redo or a header edit not
// made through commit/switch/duplicate below, which store their typed model themselves).
void refresh_model(AppState& state, LifecycleView& v) {
    if (!v.model_key.stale(state.settings_revision())) return;
    v.model_problems.clear();
    v.model = workspace_model(state.workspace(), v.model_problems);
    Problems dropped;  // a kept model that does not read is dropped: the picker has nothing to offer then
    v.stashed_custom = kept_custom_model(state.workspace(), dropped);
    v.model_is_builtin = is_builtin_model(v.model);
    if (v.selected_stage >= static_cast<int>(v.model.stages.size())) v.selected_stage = 0;
}

// Writes the section as one undoable header edit and keeps its typed form, so the next read does
// not parse back what was just written.
void store_section(AppState& state, LifecycleView& v, ModelSection section, const std::string& label) {
    const Json json = model_section_to_json(section);
    state.edit_header(label, [&](Workspace& w) { w.lifecycle_model = json; });
    v.model = std::move(section.active);
    v.model_is_builtin = is_builtin_model(v.model);
    v.stashed_custom = v.model_is_builtin ? std::move(section.kept_custom) : std::nullopt;
    v.model_problems.clear();
    v.model_key.set(state.settings_revision());
    if (v.selected_stage >= static_cast<int>(v.model.stages.size())) v.selected_stage = 0;
}

}  // namespace

LifecycleView& lifecycle_view(AppState& state) {
    LifecycleView& v = state.panel_data<LifecycleView>();
    refresh_model(state, v);
    return v;
}

const LifecycleModel& lifecycle_model(AppState& state) { return lifecycle_view(state).model; }

const EventIndex& lifecycle_index(AppState& state) {
    return lifecycle_view(state).index.get(state.data_revision(), [&] { return build_event_index(state.workspace()); });
}

Date lifecycle_default_as_of(AppState& state) { return resolve_as_of(state.workspace(), AnalysisOptions{}); }

Date lifecycle_as_of(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    return v.as_of ? *v.as_of : lifecycle_default_as_of(state);
}

const ModelScores* lifecycle_scores(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    ClvSession& session = clv_session(state);
    const std::optional<ClvResult>& fit = session.result();
    // A new fit is taken while it is current; its values then stay with the customers' data: the
    // fit reads no rules, so a rule edit (a settings change that outdates the fit's stage summary)
    // keeps them, and any data change drops them.
    if (fit && fit->ok() && (!v.scores || v.scores_generation != fit->generation) && !session.result_outdated(state)) {
        v.scores = std::make_shared<const ModelScores>(clv::model_scores(*fit, state.workspace().customers.size()));
        v.scores_generation = fit->generation;
        v.scores_data_revision = state.data_revision();
    }
    if (!fit || !fit->ok() || v.scores_generation != fit->generation || v.scores_data_revision != state.data_revision()) {
        v.scores.reset();
        v.scores_generation = 0;
        return nullptr;
    }
    return v.scores.get();
}

std::uint64_t lifecycle_scores_generation(AppState& state) {
    if (!model_uses_scores(lifecycle_view(state).model) || !lifecycle_scores(state)) return 0;
    return lifecycle_view(state).scores_generation;
}

const LifecycleAtDate& lifecycle_analysis(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    const Date as_of = lifecycle_as_of(state);
    const std::uint64_t scores = lifecycle_scores_generation(state);
    if (v.analysis_key.stale({state.revision(), as_of, v.period, v.active_days, v.cohort_period, v.cohort_basis, scores})) {
        AnalysisOptions options;
        options.scores = scores ? lifecycle_scores(state) : nullptr;
        options.as_of = as_of;
        options.period = v.period;
        options.metrics.active_days = v.active_days;
        options.cohort_period = v.cohort_period;
        options.cohort_basis = v.cohort_basis;
        v.analysis_options = options;
        v.at_date = analyse_at_date(state.workspace(), lifecycle_index(state), v.model, options);
        v.over_time_ready = false;
        v.over_time_builder.reset();
    }
    return v.at_date;
}

namespace {

using Clock = std::chrono::steady_clock;

// Steps `builder` until `deadline` (at least one date); true once it is done.
bool advance_until(SnapshotBuilder& builder, Clock::time_point deadline) {
    while (!builder.step(1))
        if (Clock::now() >= deadline) return false;
    return true;
}

// Starts the full history when the data or the model changed since it was built or requested.
void request_full_history(AppState& state, LifecycleView& v) {
    const std::uint64_t scores = lifecycle_scores_generation(state);
    if (!v.history_key.stale({state.revision(), scores})) return;
    const EventIndex& index = lifecycle_index(state);
    Date last = lifecycle_default_as_of(state);
    Date first = first_data_date(state.workspace()).value_or(last);
    if (first > last) first = last;
    v.full_history_ready = false;
    v.full_history = {};
    v.history_builder.emplace(state.workspace(), index, v.model, snapshot_dates(first, last, SnapshotStep::month),
                              scores ? lifecycle_scores(state) : nullptr);
}

// The history analyse_over_time needs at the analysis date, or nullptr while it is being built.
const SnapshotSeries* over_time_history(AppState& state, LifecycleView& v, const LifecycleAtDate& at_date) {
    if (at_date.as_of == lifecycle_default_as_of(state)) {  // the same dates as the full history: share it
        request_full_history(state, v);
        return v.full_history_ready ? &v.full_history : nullptr;
    }
    if (!v.over_time_builder)
        v.over_time_builder.emplace(state.workspace(), lifecycle_index(state), v.model,
                                    history_dates(state.workspace(), v.analysis_options, at_date.as_of),
                                    v.analysis_options.scores);
    return v.over_time_builder->done() ? &v.over_time_builder->series() : nullptr;
}

// The synchronous form of an _if_ready accessor: builds until the result is there.
template <typename T>
const T& until_ready(AppState& state, const T* (*if_ready)(AppState&)) {
    const T* ready = if_ready(state);
    while (!ready) {
        advance_lifecycle_histories(state, 1000);
        ready = if_ready(state);
    }
    return *ready;
}

}  // namespace

bool advance_lifecycle_histories(AppState& state, double budget_ms) {
    LifecycleView& v = state.panel_data<LifecycleView>();
    // Drops an over-time build whose data, model or inputs changed (a finished one waits for its view).
    if (v.over_time_builder && !v.over_time_builder->done()) lifecycle_analysis(state);
    if (v.history_builder && !v.history_key.current({state.revision(), lifecycle_scores_generation(state)}))
        v.history_builder.reset();
    const Clock::time_point deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(budget_ms));
    if (v.over_time_builder && !v.over_time_builder->done() && !advance_until(*v.over_time_builder, deadline))
        return true;
    if (v.history_builder) {
        if (!advance_until(*v.history_builder, deadline)) return true;
        v.full_history = v.history_builder->take();
        v.history_builder.reset();
        v.full_history_ready = true;
    }
    return false;
}

const LifecycleOverTime* lifecycle_over_time_if_ready(AppState& state) {
    const LifecycleAtDate& at_date = lifecycle_analysis(state);
    LifecycleView& v = lifecycle_view(state);
    if (v.over_time_ready) return &v.over_time;
    const SnapshotSeries* history = over_time_history(state, v, at_date);
    if (!history) return nullptr;
    v.over_time = analyse_over_time(state.workspace(), lifecycle_index(state), v.model, v.analysis_options, at_date, history);
    v.over_time_builder.reset();
    v.over_time_ready = true;
    return &v.over_time;
}

const LifecycleOverTime& lifecycle_over_time(AppState& state) {
    return until_ready(state, lifecycle_over_time_if_ready);
}

const SnapshotSeries* lifecycle_full_history_if_ready(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    request_full_history(state, v);
    return v.full_history_ready ? &v.full_history : nullptr;
}

const SnapshotSeries& lifecycle_full_history(AppState& state) {
    return until_ready(state, lifecycle_full_history_if_ready);
}

void draw_history_pending(AppState& state) {
    const LifecycleView& v = lifecycle_view(state);
    const SnapshotBuilder* builder = v.over_time_builder ? &*v.over_time_builder
                                     : v.history_builder  ? &*v.history_builder
                                                          : nullptr;
    const float progress = builder ? static_cast<float>(builder->progress()) : 0.0f;
    ImGui::TextDisabled("%s", tr("lifecycle.computing_the_stage_history"));
    ImGui::ProgressBar(progress, ImVec2(ImGui::GetFontSize() * 16, 0));
    automation::record("lifecycle.history_pending");
}

bool commit_lifecycle_model(AppState& state, LifecycleModel model, const std::string& label) {
    LifecycleView& v = lifecycle_view(state);
    if (auto original = find_template(model.id); original && model.based_on.empty()) {
        // An edited template becomes the custom model; the template stays pristine.
        model.based_on = model.id;
        model.id = kCustomId;
        if (model.name.en == original->name.en) model.name.en = original->name.en + " (custom)";
        if (model.name.zh == original->name.zh) model.name.zh = original->name.zh + "（自定义）";
    }
    Problems problems = validate_model(model);
    if (!problems.empty()) {
        state.report({tr("common.the_lifecycle_model_was_not_changed"), tr("lifecycle.the_edit_would_make_the_model"), problems});
        return false;
    }
    store_section(state, v, {std::move(model), v.stashed_custom}, label);
    return true;
}

void switch_lifecycle_model(AppState& state, const std::string& template_id) {
    LifecycleView& v = lifecycle_view(state);
    std::optional<LifecycleModel> custom = v.model_is_builtin ? v.stashed_custom : std::optional(v.model);
    if (template_id.empty()) {
        if (!custom) return;
        store_section(state, v, {std::move(*custom), std::nullopt}, "edit.switch_lifecycle_model");
    } else {
        auto chosen = find_template(template_id);
        if (!chosen) return;
        store_section(state, v, {std::move(*chosen), std::move(custom)}, "edit.switch_lifecycle_model");
    }
    v.selected_stage = 0;
}

void duplicate_lifecycle_model(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    const std::string english = v.model.name.en.empty() ? v.model.id : v.model.name.en;
    LifecycleModel copy =
        duplicate_model(v.model, kCustomId, {english + " (custom)", v.model.name.in(Lang::zh) + "（自定义）"});
    if (copy.based_on.empty()) copy.based_on = v.model.based_on.empty() ? v.model.id : v.model.based_on;
    store_section(state, v, {std::move(copy), std::nullopt}, "edit.duplicate_lifecycle_model");
}

const std::string& stage_name(const Stage& stage) {
    const std::string& name = stage.name.in(ui_lang());
    return name.empty() ? stage.id : name;
}

const std::string& model_name(const LifecycleModel& model) {
    const std::string& name = model.name.in(ui_lang());
    return name.empty() ? model.id : name;
}

const std::string& playbook_text(const PlaybookItem& item) { return item.text.in(ui_lang()); }

ImU32 stage_color(const Stage& stage, float alpha) {
    ImU32 abgr = rgba_to_abgr(stage.color);
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(abgr);
    c.w *= alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 stage_text_color(const Stage& stage) { return readable_text_color(rgba_to_abgr(stage.color)); }

const char* result_metric_label(const std::string& id) {
    static const std::pair<const char*, const char*> kLabels[] = {
        {"churn_rate", "lifecycle.churn_rate"},
        {"complaint_rate", "common.complaint_rate"},
        {"conversion_rate", "lifecycle.conversion_rate"},
        {"engagement", "health.engagement"},
        {"health_score", "lifecycle.health_score"},
        {"lead_conversion_rate", "common.lead_conversion_rate"},
        {"lead_count", "lifecycle.lead_count"},
        {"net_revenue_retention", "lifecycle.net_revenue_retention"},
        {"nps", "common.nps"},
        {"referrals", "common.referrals"},
        {"renewal_rate", "common.renewal_rate"},
        {"repeat_purchase_rate", "lifecycle.repeat_purchase_rate"},
        {"retention_rate", "lifecycle.retention_rate"},
        {"revenue_per_customer", "lifecycle.revenue_per_customer"},
        {"revenue_retained", "common.revenue_retained"},
        {"time_to_convert", "common.days_to_convert"},
        {"winback_expected", "playbooks.expected_won_back"},
    };
    for (const auto& [key, label] : kLabels)
        if (id == key) return label;
    return id.c_str();
}

ImU32 health_band_color(HealthBand band) {
    switch (band) {
        case HealthBand::red: return IM_COL32(215, 60, 45, 255);
        case HealthBand::yellow: return IM_COL32(235, 170, 20, 255);
        case HealthBand::green: return IM_COL32(40, 160, 80, 255);
        default: return IM_COL32(150, 150, 150, 255);
    }
}

const char* health_band_label(HealthBand band) {
    switch (band) {
        case HealthBand::red: return "health.red";
        case HealthBand::yellow: return "health.yellow";
        case HealthBand::green: return "health.green";
        default: return "health.no_score";
    }
}

std::string stage_name_at(const LifecycleModel& model, int index) {
    if (index < 0 || index >= static_cast<int>(model.stages.size())) return "-";
    return stage_name(model.stages[static_cast<std::size_t>(index)]);
}

void set_stage_value_column(AppState& state, StageValueColumn column) {
    LifecycleView& v = lifecycle_view(state);
    v.column_values.invalidate();
    for (StageValueColumn& c : v.value_columns) {
        if (c.id == column.id) {
            c = std::move(column);
            return;
        }
    }
    v.value_columns.push_back(std::move(column));
}

const std::vector<std::vector<double>>& stage_value_columns(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    const LifecycleAtDate& a = lifecycle_analysis(state);
    return v.column_values.get({state.revision(), a.as_of}, [&] {
        std::vector<std::vector<double>> columns;
        for (const StageValueColumn& c : v.value_columns) {
            std::vector<double> values;
            if (c.compute) values = c.compute(state.workspace(), v.model, a.stages);
            values.resize(v.model.stages.size(), std::numeric_limits<double>::quiet_NaN());
            columns.push_back(std::move(values));
        }
        return columns;
    });
}

Json lifecycle_automation_state(AppState& state) {
    LifecycleView& v = lifecycle_view(state);
    const LifecycleAtDate& a = lifecycle_analysis(state);
    Json stages = Json::array();
    for (const Stage& s : v.model.stages) stages.push_back(s.id);
    Json rules = Json::array();
    for (const StageRuleCounts& r : a.rule_counts) rules.push_back({{"all", r.all_matched}, {"any", r.any_matched}, {"matched", r.rules_matched}});
    return {{"model", v.model.id},
            {"based_on", v.model.based_on},
            {"name", v.model.name.en},
            {"custom", !v.model_is_builtin},
            {"has_custom", !v.model_is_builtin || v.stashed_custom.has_value()},
            {"stages", stages},
            {"counts", a.stages.counts},
            {"rules", rules},
            {"selected_stage", v.selected_stage},
            {"as_of", to_iso(a.as_of)},
            {"problems", v.model_problems.size()}};
}

bool begin_tab_item(const char* key, const char* id, const char* automation_name) {
    const bool open = ImGui::BeginTabItem(tr_id(key, id).c_str());
    automation::record(automation_name);
    return open;
}

bool date_input(const char* id, Date& date, float width) {
    // With EnterReturnsTrue ImGui keeps its own buffer while editing and writes back only on Enter,
    // so a fresh string per frame is enough.
    ImGui::PushID(id);
    std::string text = to_iso(date);
    ImGui::SetNextItemWidth(width);
    bool committed = false;
    if (ImGui::InputText("##date", &text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                              ImGuiInputTextFlags_CharsNoBlank)) {
        if (auto parsed = parse_iso_date(text)) {
            date = *parsed;
            committed = true;
        }
    }
    ImGui::PopID();
    return committed;
}

void color_swatch(ImU32 color) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float line = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + line * 0.15f), ImVec2(p.x + line * 0.8f, p.y + line * 0.95f), color, 2.0f);
    ImGui::Dummy(ImVec2(line * 0.9f, line));
    ImGui::SameLine();
}

}  // namespace lcs
