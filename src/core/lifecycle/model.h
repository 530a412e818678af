// Lifecycle stage models: the stages a customer relationship moves through, their texts, colours,
// playbooks and placement rules, plus the health scorecard settings. Seven built-in templates
// (docs/lifecycle-models.md) and an editing API. Stored in Workspace::lifecycle_model as JSON (to_json /
// model_from_json; ModelSection for the whole section); a null section means the default template
// (kDefaultTemplateId).
//
// Index: Stage, HealthConfig, LifecycleModel · templates · lookup · editing · comparison · validation · JSON
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/lifecycle/rules.h"
#include "core/localized.h"
#include "core/problem.h"
#include "core/workspace.h"

namespace lcs {

struct PlaybookItem {
    Localized text;
};

struct Stage {
    std::string id;  // unique within the model, non-empty; stable key in JSON and snapshots
    Localized name;
    uint32_t color = 0x808080FFu;  // 0xRRGGBBAA (use rgba_to_abgr for ImGui's IM_COL32 layout)
    Localized description;
    Localized goal;
    std::vector<std::string> result_metrics;  // metric ids from docs/metrics.md, e.g. "retention_rate"
    std::vector<PlaybookItem> playbook;       // strategies; the first is the "suggested action"
    StageRules rules;
    bool at_risk = false;  // decline/churn stage: moving into it raises an early warning
};

// Health measures, each mapped to 0..100 (core/lifecycle/health.h documents the mappings).
// p_alive: 100 × P(alive) from the CLV fit (model_scores.h); weight 0 unless a model asks for it.
enum class HealthMeasure { recency, frequency_trend, spend_trend, nps, complaints, engagement, p_alive };
inline constexpr int kHealthMeasureCount = 7;
using HealthWeights = std::array<double, kHealthMeasureCount>;  // >= 0 each, indexed by HealthMeasure
const char* health_measure_id(HealthMeasure measure);            // "recency", "frequency_trend", ...

struct StageHealthWeights {
    std::string stage_id;
    HealthWeights weights{};
};

struct HealthConfig {
    HealthWeights weights{30, 20, 15, 15, 10, 10, 0};
    std::vector<StageHealthWeights> stage_weights;  // per-stage scorecards override `weights`
    double red_max = 50;     // score <= red_max: red
    double yellow_max = 75;  // red_max < score <= yellow_max: yellow; above: green
    int recency_good_days = 30;   // recency <= good: 100 points
    int recency_bad_days = 365;   // recency >= bad: 0 points, linear between
    int trend_window_days = 90;   // frequency/spend trend: last N days vs the N days before
    int complaint_window_days = 365;
    int engagement_window_days = 90;
    int engagement_full_count = 4;  // non-complaint interactions in the window for 100 points
    double drop_threshold = 20;     // early warning when the score fell by more than this
};

struct LifecycleModel {
    std::string id;  // template id, or the user's own id for a custom model
    Localized name;
    Localized description;
    std::string based_on;  // template id a custom model was duplicated from; empty for templates
    bool cyclic = false;   // the stages form a loop (call-centre "rising loop")
    std::vector<Stage> stages;
    std::vector<std::string> evaluation_order;  // stage ids, first match wins; empty = stage order
    std::string fallback_stage;                 // stage id for customers no stage's rules catch
    HealthConfig health;
};

// ---- templates ----
inline constexpr const char* kDefaultTemplateId = "crm_value";
// The built-in templates in this order: the seven of the source material (five_core, call_centre,
// telecom_value, relationship, crm_value, customer_success, marketing_journey), then the model-driven
// variants crm_value_model and telecom_value_model (decline read from the CLV fit; need one).
inline constexpr int kSourceTemplateCount = 7;
std::vector<LifecycleModel> builtin_templates();
std::optional<LifecycleModel> find_template(const std::string& id);

// ---- lookup ----
// Index of the stage with this id, or -1.
int stage_index(const LifecycleModel& model, const std::string& stage_id);
// Stage indexes in evaluation order (every stage exactly once: listed ids first, then the rest in
// stage order). Unknown ids are skipped.
std::vector<int> evaluation_sequence(const LifecycleModel& model);
// Fallback stage index: the named stage, else the last stage; -1 when there are no stages.
int fallback_index(const LifecycleModel& model);
// 0xRRGGBBAA -> 0xAABBGGRR (ImGui's IM_COL32 byte order).
uint32_t rgba_to_abgr(uint32_t rgba);

// ---- editing (user errors come back as Problems; the model is unchanged on error) ----
// Inserts at position (clamped to [0, size]); the id must be non-empty and unused.
bool add_stage(LifecycleModel& model, Stage stage, int position, Problems& problems);
// Removes the stage and every reference to it (evaluation order, fallback, stage weights).
// A model keeps at least one stage.
bool remove_stage(LifecycleModel& model, int index, Problems& problems);
bool rename_stage(LifecycleModel& model, int index, const Localized& name, Problems& problems);
// Moves stage `from` to position `to` (both in [0, size)).
bool move_stage(LifecycleModel& model, int from, int to, Problems& problems);
// Copy of `source` as a custom model with a new id and name; based_on = source's template id.
LifecycleModel duplicate_model(const LifecycleModel& source, const std::string& new_id, const Localized& new_name);

// ---- comparison ----
// Field-by-field equality over every field (texts and colours included). A field added to one of
// these structs must be added to its operator== in model.cpp.
bool operator==(const PlaybookItem& a, const PlaybookItem& b);
bool operator==(const Condition& a, const Condition& b);
bool operator==(const StageRules& a, const StageRules& b);
bool operator==(const Stage& a, const Stage& b);
bool operator==(const StageHealthWeights& a, const StageHealthWeights& b);
bool operator==(const HealthConfig& a, const HealthConfig& b);
bool operator==(const LifecycleModel& a, const LifecycleModel& b);
inline bool operator!=(const LifecycleModel& a, const LifecycleModel& b) { return !(a == b); }
// True when `model` is one of the built-in templates, unchanged (no based_on, equal to the template
// with its id).
bool is_builtin_model(const LifecycleModel& model);

// ---- validation and JSON ----
// Checks ids, fallback, evaluation order, condition parameters, health settings. `where` prefixes paths.
Problems validate_model(const LifecycleModel& model, const std::string& where = "lifecycle_model");
Json model_to_json(const LifecycleModel& model);
// Accepts the object written by model_to_json, a template id string ("telecom_value"), or an
// object {"template": "telecom_value"} with no stages. Returns nullopt and appends problems on error.
std::optional<LifecycleModel> model_from_json(const Json& json, Problems& problems,
                                              const std::string& where = "lifecycle_model");
// The workspace's model: its lifecycle_model section, or the default template when null.
// On a broken section, appends problems and returns the default template. A custom model kept
// aside in the section (see ModelSection) is not read: analyses use the active model.
LifecycleModel workspace_model(const Workspace& workspace, Problems& problems);

// The whole lifecycle_model section as the app edits it: the active model and, while a built-in
// template is active, the user's custom model kept aside under the key "custom_model" (so trying a
// template and switching back loses nothing; docs/workspace-format.md).
inline constexpr const char* kKeptCustomModelKey = "custom_model";
struct ModelSection {
    LifecycleModel active;
    std::optional<LifecycleModel> kept_custom;  // written only beside an unchanged built-in template
};
// The active model's JSON (model_to_json) plus "custom_model" when it is a built-in template and a
// custom model is kept.
Json model_section_to_json(const ModelSection& section);
// The custom model kept aside in the workspace's section (the active one is workspace_model), or
// nullopt. A broken one appends problems at "lifecycle_model.custom_model…" and gives nullopt.
std::optional<LifecycleModel> kept_custom_model(const Workspace& workspace, Problems& problems);

}  // namespace lcs
