#include "core/lifecycle/model.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/problem_kinds.h"

namespace lcs {

namespace {
constexpr const char* kMeasureIds[kHealthMeasureCount] = {"recency", "frequency_trend", "spend_trend",
                                                          "nps", "complaints", "engagement", "p_alive"};

void add_problem(Problems& problems, const std::string& kind, const std::string& where, const std::string& message) {
    problems.push_back({kind, where, message, 0, 0});
}

void validate_condition(const Condition& c, const std::string& where, Problems& problems) {
    if (c.window_days < 0 || c.window_days > 36500)
        add_problem(problems, lifecycle_problem::kBadWindow, where + ".window_days",
                    "window of " + std::to_string(c.window_days) + " days is outside 0..36500");
    const ConditionKindInfo& info = condition_kind_info(c.kind);
    if (info.window == WindowUse::required && c.window_days <= 0)
        add_problem(problems, lifecycle_problem::kBadWindow, where + ".window_days",
                    std::string("a ") + info.id + " condition needs a window of at least 1 day");
    if (info.text_choices[0] && !c.text.empty()) {
        std::string allowed;
        bool found = false;
        for (const char* choice : info.text_choices) {
            if (!choice) break;
            found = found || c.text == choice;
            allowed += std::string(allowed.empty() ? "" : ", ") + choice;
        }
        if (!found)
            add_problem(problems, lifecycle_problem::kBadCondition, where + "." + info.text_key,
                        "\"" + c.text + "\" is not one of " + allowed);
    }
    if (info.text == TextUse::required && c.text.empty())
        add_problem(problems, lifecycle_problem::kBadCondition, where, std::string("needs a non-empty ") + info.text_key);
    if (!std::isfinite(c.value) || !std::isfinite(c.value2))
        add_problem(problems, lifecycle_problem::kBadCondition, where + ".value", "value is not a finite number");
    if (c.op == Compare::between && c.value2 < c.value)
        add_problem(problems, lifecycle_problem::kBadCondition, where + ".value2",
                    "upper bound is below the lower bound");
}
}  // namespace

const char* health_measure_id(HealthMeasure measure) { return kMeasureIds[static_cast<int>(measure)]; }

int stage_index(const LifecycleModel& model, const std::string& stage_id) {
    for (size_t i = 0; i < model.stages.size(); ++i)
        if (model.stages[i].id == stage_id) return static_cast<int>(i);
    return -1;
}

std::vector<int> evaluation_sequence(const LifecycleModel& model) {
    std::vector<int> order;
    std::vector<char> used(model.stages.size(), 0);
    for (const std::string& id : model.evaluation_order) {
        const int i = stage_index(model, id);
        if (i < 0 || used[i]) continue;
        used[i] = 1;
        order.push_back(i);
    }
    for (size_t i = 0; i < model.stages.size(); ++i)
        if (!used[i]) order.push_back(static_cast<int>(i));
    return order;
}

int fallback_index(const LifecycleModel& model) {
    const int i = stage_index(model, model.fallback_stage);
    if (i >= 0) return i;
    return model.stages.empty() ? -1 : static_cast<int>(model.stages.size()) - 1;
}

uint32_t rgba_to_abgr(uint32_t rgba) {
    return ((rgba & 0xFFu) << 24) | ((rgba >> 8 & 0xFFu) << 16) | ((rgba >> 16 & 0xFFu) << 8) | (rgba >> 24);
}

bool add_stage(LifecycleModel& model, Stage stage, int position, Problems& problems) {
    if (stage.id.empty()) {
        add_problem(problems, lifecycle_problem::kBadStageId, "stages", "a stage needs a non-empty id");
        return false;
    }
    if (stage_index(model, stage.id) >= 0) {
        add_problem(problems, lifecycle_problem::kDuplicateStage, "stages", "stage id \"" + stage.id + "\" is already used");
        return false;
    }
    position = std::clamp(position, 0, static_cast<int>(model.stages.size()));
    model.stages.insert(model.stages.begin() + position, std::move(stage));
    return true;
}

bool remove_stage(LifecycleModel& model, int index, Problems& problems) {
    if (index < 0 || index >= static_cast<int>(model.stages.size())) {
        add_problem(problems, lifecycle_problem::kBadStageIndex, "stages", "no stage number " + std::to_string(index));
        return false;
    }
    if (model.stages.size() == 1) {
        add_problem(problems, lifecycle_problem::kLastStage, "stages", "a model keeps at least one stage");
        return false;
    }
    const std::string id = model.stages[index].id;
    model.stages.erase(model.stages.begin() + index);
    auto& order = model.evaluation_order;
    order.erase(std::remove(order.begin(), order.end(), id), order.end());
    auto& weights = model.health.stage_weights;
    weights.erase(std::remove_if(weights.begin(), weights.end(),
                                 [&](const StageHealthWeights& w) { return w.stage_id == id; }),
                  weights.end());
    if (model.fallback_stage == id) model.fallback_stage = model.stages.back().id;
    return true;
}

bool rename_stage(LifecycleModel& model, int index, const Localized& name, Problems& problems) {
    if (index < 0 || index >= static_cast<int>(model.stages.size())) {
        add_problem(problems, lifecycle_problem::kBadStageIndex, "stages", "no stage number " + std::to_string(index));
        return false;
    }
    model.stages[index].name = name;
    return true;
}

bool move_stage(LifecycleModel& model, int from, int to, Problems& problems) {
    const int n = static_cast<int>(model.stages.size());
    if (from < 0 || from >= n || to < 0 || to >= n) {
        add_problem(problems, lifecycle_problem::kBadStageIndex, "stages",
                    "cannot move stage " + std::to_string(from) + " to " + std::to_string(to));
        return false;
    }
    Stage moved = std::move(model.stages[from]);
    model.stages.erase(model.stages.begin() + from);
    model.stages.insert(model.stages.begin() + to, std::move(moved));
    return true;
}

LifecycleModel duplicate_model(const LifecycleModel& source, const std::string& new_id, const Localized& new_name) {
    LifecycleModel copy = source;
    copy.based_on = source.based_on.empty() ? source.id : source.based_on;
    copy.id = new_id;
    copy.name = new_name;
    return copy;
}

Problems validate_model(const LifecycleModel& model, const std::string& where) {
    Problems problems;
    if (model.id.empty()) add_problem(problems, lifecycle_problem::kBadModel, where + ".id", "the model needs an id");
    if (model.stages.empty()) add_problem(problems, lifecycle_problem::kNoStages, where + ".stages", "the model has no stages");
    for (size_t i = 0; i < model.stages.size(); ++i) {
        const Stage& stage = model.stages[i];
        const std::string at = where + ".stages[" + std::to_string(i) + "]";
        if (stage.id.empty()) add_problem(problems, lifecycle_problem::kBadStageId, at + ".id", "a stage needs a non-empty id");
        for (size_t j = 0; j < i; ++j)
            if (!stage.id.empty() && model.stages[j].id == stage.id)
                add_problem(problems, lifecycle_problem::kDuplicateStage, at + ".id",
                            "stage id \"" + stage.id + "\" is used twice");
        for (size_t k = 0; k < stage.rules.all.size(); ++k)
            validate_condition(stage.rules.all[k], at + ".rules.all[" + std::to_string(k) + "]", problems);
        for (size_t k = 0; k < stage.rules.any.size(); ++k)
            validate_condition(stage.rules.any[k], at + ".rules.any[" + std::to_string(k) + "]", problems);
    }
    if (!model.fallback_stage.empty() && stage_index(model, model.fallback_stage) < 0)
        add_problem(problems, lifecycle_problem::kUnknownStage, where + ".fallback_stage",
                    "fallback stage \"" + model.fallback_stage + "\" is not a stage of the model");
    for (size_t i = 0; i < model.evaluation_order.size(); ++i)
        if (stage_index(model, model.evaluation_order[i]) < 0)
            add_problem(problems, lifecycle_problem::kUnknownStage, where + ".evaluation_order[" + std::to_string(i) + "]",
                        "\"" + model.evaluation_order[i] + "\" is not a stage of the model");
    const HealthConfig& h = model.health;
    auto check_weights = [&](const HealthWeights& w, const std::string& at) {
        for (int m = 0; m < kHealthMeasureCount; ++m)
            if (!(w[m] >= 0) || !std::isfinite(w[m]))
                add_problem(problems, lifecycle_problem::kBadWeight, at + "." + kMeasureIds[m], "weights must be >= 0");
    };
    check_weights(h.weights, where + ".health.weights");
    for (const StageHealthWeights& sw : h.stage_weights) {
        if (stage_index(model, sw.stage_id) < 0)
            add_problem(problems, lifecycle_problem::kUnknownStage, where + ".health.stage_weights",
                        "\"" + sw.stage_id + "\" is not a stage of the model");
        check_weights(sw.weights, where + ".health.stage_weights." + sw.stage_id);
    }
    if (!(0 <= h.red_max && h.red_max <= h.yellow_max && h.yellow_max <= 100))
        add_problem(problems, lifecycle_problem::kBadBands, where + ".health.bands",
                    "bands need 0 <= red_max <= yellow_max <= 100");
    if (h.recency_good_days < 0 || h.recency_bad_days <= h.recency_good_days)
        add_problem(problems, lifecycle_problem::kBadHealth, where + ".health.recency_bad_days",
                    "recency_bad_days must exceed recency_good_days >= 0");
    if (h.trend_window_days <= 0 || h.complaint_window_days <= 0 || h.engagement_window_days <= 0 ||
        h.engagement_full_count <= 0)
        add_problem(problems, lifecycle_problem::kBadHealth, where + ".health", "health windows and counts must be positive");
    return problems;
}

// ---- comparison ----

bool operator==(const PlaybookItem& a, const PlaybookItem& b) { return a.text == b.text; }

bool operator==(const Condition& a, const Condition& b) {
    return std::tie(a.kind, a.op, a.value, a.value2, a.window_days, a.text, a.after_last_purchase, a.negate) ==
           std::tie(b.kind, b.op, b.value, b.value2, b.window_days, b.text, b.after_last_purchase, b.negate);
}

bool operator==(const StageRules& a, const StageRules& b) { return a.all == b.all && a.any == b.any; }

bool operator==(const Stage& a, const Stage& b) {
    return std::tie(a.id, a.name, a.color, a.description, a.goal, a.result_metrics, a.playbook, a.rules, a.at_risk) ==
           std::tie(b.id, b.name, b.color, b.description, b.goal, b.result_metrics, b.playbook, b.rules, b.at_risk);
}

bool operator==(const StageHealthWeights& a, const StageHealthWeights& b) {
    return a.stage_id == b.stage_id && a.weights == b.weights;
}

bool operator==(const HealthConfig& a, const HealthConfig& b) {
    return std::tie(a.weights, a.stage_weights, a.red_max, a.yellow_max, a.recency_good_days, a.recency_bad_days,
                    a.trend_window_days, a.complaint_window_days, a.engagement_window_days, a.engagement_full_count,
                    a.drop_threshold) ==
           std::tie(b.weights, b.stage_weights, b.red_max, b.yellow_max, b.recency_good_days, b.recency_bad_days,
                    b.trend_window_days, b.complaint_window_days, b.engagement_window_days, b.engagement_full_count,
                    b.drop_threshold);
}

bool operator==(const LifecycleModel& a, const LifecycleModel& b) {
    return std::tie(a.id, a.name, a.description, a.based_on, a.cyclic, a.stages, a.evaluation_order, a.fallback_stage,
                    a.health) ==
           std::tie(b.id, b.name, b.description, b.based_on, b.cyclic, b.stages, b.evaluation_order, b.fallback_stage,
                    b.health);
}

bool is_builtin_model(const LifecycleModel& model) {
    if (!model.based_on.empty()) return false;
    const auto original = find_template(model.id);
    return original && *original == model;
}

}  // namespace lcs
