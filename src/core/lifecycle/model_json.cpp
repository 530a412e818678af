// Lifecycle model <-> JSON. Reading never throws out: every type mismatch becomes a Problem.
#include <cstdio>

#include "core/lifecycle/model.h"
#include "core/problem_kinds.h"

namespace lcs {

namespace {

std::string color_text(uint32_t rgba) {
    char buffer[12];
    std::snprintf(buffer, sizeof buffer, "#%08X", static_cast<unsigned>(rgba));
    return buffer;
}

std::optional<uint32_t> parse_color(const std::string& text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    uint32_t value = 0;
    for (size_t i = 1; i < text.size(); ++i) {
        const char ch = text[i];
        int digit = -1;
        if (ch >= '0' && ch <= '9') digit = ch - '0';
        else if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
        if (digit < 0) return std::nullopt;
        value = value << 4 | static_cast<uint32_t>(digit);
    }
    return text.size() == 7 ? (value << 8 | 0xFFu) : value;
}

const char* text_key(ConditionKind kind) { return condition_kind_info(kind).text_key; }

Json condition_to_json(const Condition& c) {
    Json j = {{"kind", condition_kind_id(c.kind)}};
    if (condition_compares(c)) {
        j["op"] = compare_id(c.op);
        j["value"] = c.value;
        if (c.op == Compare::between) j["value2"] = c.value2;
    }
    if (c.window_days != 0) j["window_days"] = c.window_days;
    if (const char* key = text_key(c.kind); key && !c.text.empty()) j[key] = c.text;
    if (c.after_last_purchase) j["after_last_purchase"] = true;
    if (c.negate) j["negate"] = true;
    return j;
}

// Small typed readers: a missing key keeps the default, a wrong type is a problem.
struct Reader {
    Problems& problems;
    bool ok = true;

    void fail(const std::string& where, const std::string& message) {
        problems.push_back({lifecycle_problem::kBadModel, where, message, 0, 0});
        ok = false;
    }
    void text(const Json& j, const char* key, std::string& out, const std::string& where) {
        if (!j.contains(key)) return;
        if (j[key].is_string()) out = j[key].get<std::string>();
        else fail(where + "." + key, "expected a string");
    }
    void number(const Json& j, const char* key, double& out, const std::string& where) {
        if (!j.contains(key)) return;
        if (j[key].is_number()) out = j[key].get<double>();
        else fail(where + "." + key, "expected a number");
    }
    void integer(const Json& j, const char* key, int& out, const std::string& where) {
        if (!j.contains(key)) return;
        if (j[key].is_number_integer() && j[key].get<long long>() >= -1000000000 && j[key].get<long long>() <= 1000000000)
            out = j[key].get<int>();
        else fail(where + "." + key, "expected a whole number");
    }
    void boolean(const Json& j, const char* key, bool& out, const std::string& where) {
        if (!j.contains(key)) return;
        if (j[key].is_boolean()) out = j[key].get<bool>();
        else fail(where + "." + key, "expected true or false");
    }
    void strings(const Json& j, const char* key, std::vector<std::string>& out, const std::string& where) {
        if (!j.contains(key)) return;
        if (!j[key].is_array()) return fail(where + "." + key, "expected a list of strings");
        out.clear();
        for (const Json& item : j[key]) {
            if (item.is_string()) out.push_back(item.get<std::string>());
            else fail(where + "." + key, "expected a list of strings");
        }
    }

    Condition condition(const Json& j, const std::string& where) {
        Condition c;
        if (!j.is_object()) {
            fail(where, "expected a condition object");
            return c;
        }
        std::string kind_id, op_id = ">=";
        text(j, "kind", kind_id, where);
        if (const auto kind = condition_kind_from_id(kind_id)) {
            c.kind = *kind;
        } else {
            problems.push_back({lifecycle_problem::kUnknownCondition, where + ".kind",
                                "\"" + kind_id + "\" is not a condition kind", 0, 0});
            ok = false;
        }
        text(j, "op", op_id, where);
        if (const auto op = compare_from_id(op_id)) c.op = *op;
        else fail(where + ".op", "\"" + op_id + "\" is not one of <, <=, >, >=, ==, between");
        number(j, "value", c.value, where);
        number(j, "value2", c.value2, where);
        integer(j, "window_days", c.window_days, where);
        if (const char* key = text_key(c.kind)) text(j, key, c.text, where);
        boolean(j, "after_last_purchase", c.after_last_purchase, where);
        boolean(j, "negate", c.negate, where);
        return c;
    }

    void weights(const Json& j, HealthWeights& out, const std::string& where) {
        if (!j.is_object()) return fail(where, "expected an object of weights");
        for (int m = 0; m < kHealthMeasureCount; ++m)
            number(j, health_measure_id(static_cast<HealthMeasure>(m)), out[m], where);
    }

    // "key" and "key_zh" into one Localized text.
    void localized(const Json& j, const char* key, Localized& out, const std::string& where) {
        text(j, key, out.en, where);
        text(j, (std::string(key) + "_zh").c_str(), out.zh, where);
    }
    void color(const Json& j, uint32_t& out, const std::string& where) {
        std::string color;
        text(j, "color", color, where);
        if (color.empty()) return;
        if (const auto rgba = parse_color(color)) out = *rgba;
        else fail(where + ".color", "\"" + color + "\" is not #RRGGBB or #RRGGBBAA");
    }
    // Each item is plain (English) text or {text, text_zh}.
    void playbook(const Json& j, std::vector<PlaybookItem>& out, const std::string& where) {
        if (!j.contains("playbook")) return;
        if (!j["playbook"].is_array()) return fail(where + ".playbook", "expected a list");
        for (size_t k = 0; k < j["playbook"].size(); ++k) {
            const Json& jp = j["playbook"][k];
            const std::string at = where + ".playbook[" + std::to_string(k) + "]";
            PlaybookItem item;
            if (jp.is_string()) item.text.en = jp.get<std::string>();
            else if (jp.is_object()) localized(jp, "text", item.text, at);
            else fail(at, "expected text or {text, text_zh}");
            out.push_back(item);
        }
    }
    void rules(const Json& j, StageRules& out, const std::string& where) {
        if (!j.contains("rules")) return;
        const Json& jr = j["rules"];
        if (!jr.is_object()) return fail(where + ".rules", "expected {\"all\": [...], \"any\": [...]}");
        for (const char* list : {"all", "any"}) {
            if (!jr.contains(list)) continue;
            const std::string at = where + ".rules." + list;
            if (!jr[list].is_array()) {
                fail(at, "expected a list of conditions");
                continue;
            }
            auto& conditions = list[1] == 'l' ? out.all : out.any;
            for (size_t k = 0; k < jr[list].size(); ++k)
                conditions.push_back(condition(jr[list][k], at + "[" + std::to_string(k) + "]"));
        }
    }
    // Elements that are not objects are reported and left out.
    void stages(const Json& j, std::vector<Stage>& out, const std::string& where) {
        if (!j.is_array()) return fail(where, "expected a list of stages");
        for (size_t i = 0; i < j.size(); ++i) {
            const Json& js = j[i];
            const std::string at = where + "[" + std::to_string(i) + "]";
            if (!js.is_object()) {
                fail(at, "expected a stage object");
                continue;
            }
            Stage s;
            text(js, "id", s.id, at);
            localized(js, "name", s.name, at);
            color(js, s.color, at);
            localized(js, "description", s.description, at);
            localized(js, "goal", s.goal, at);
            strings(js, "result_metrics", s.result_metrics, at);
            boolean(js, "at_risk", s.at_risk, at);
            playbook(js, s.playbook, at);
            rules(js, s.rules, at);
            out.push_back(std::move(s));
        }
    }
    // Per-stage scorecards start from the model-wide weights read before them.
    void health(const Json& j, HealthConfig& h, const std::string& where) {
        if (!j.is_object()) return fail(where, "expected an object");
        if (j.contains("weights")) weights(j["weights"], h.weights, where + ".weights");
        if (j.contains("stage_weights")) {
            if (!j["stage_weights"].is_object()) {
                fail(where + ".stage_weights", "expected an object by stage id");
            } else {
                for (const auto& [id, jw] : j["stage_weights"].items()) {
                    StageHealthWeights sw{id, h.weights};
                    weights(jw, sw.weights, where + ".stage_weights." + id);
                    h.stage_weights.push_back(sw);
                }
            }
        }
        number(j, "red_max", h.red_max, where);
        number(j, "yellow_max", h.yellow_max, where);
        integer(j, "recency_good_days", h.recency_good_days, where);
        integer(j, "recency_bad_days", h.recency_bad_days, where);
        integer(j, "trend_window_days", h.trend_window_days, where);
        integer(j, "complaint_window_days", h.complaint_window_days, where);
        integer(j, "engagement_window_days", h.engagement_window_days, where);
        integer(j, "engagement_full_count", h.engagement_full_count, where);
        number(j, "drop_threshold", h.drop_threshold, where);
    }
};

Json weights_to_json(const HealthWeights& w) {
    Json j = Json::object();
    for (int m = 0; m < kHealthMeasureCount; ++m) {
        // The CLV fit's P(alive) is written only when weighted, so models without it keep their JSON.
        if (static_cast<HealthMeasure>(m) == HealthMeasure::p_alive && w[m] == 0) continue;
        j[health_measure_id(static_cast<HealthMeasure>(m))] = w[m];
    }
    return j;
}

std::optional<LifecycleModel> template_model(const std::string& id, const std::string& where, Problems& problems) {
    if (auto model = find_template(id)) return model;
    problems.push_back({lifecycle_problem::kUnknownTemplate, where, "\"" + id + "\" is not a built-in template", 0, 0});
    return std::nullopt;
}

}  // namespace

Json model_to_json(const LifecycleModel& model) {
    Json stages = Json::array();
    for (const Stage& s : model.stages) {
        Json playbook = Json::array();
        for (const PlaybookItem& p : s.playbook) playbook.push_back({{"text", p.text.en}, {"text_zh", p.text.zh}});
        Json all = Json::array(), any = Json::array();
        for (const Condition& c : s.rules.all) all.push_back(condition_to_json(c));
        for (const Condition& c : s.rules.any) any.push_back(condition_to_json(c));
        stages.push_back({{"id", s.id},
                          {"name", s.name.en},
                          {"name_zh", s.name.zh},
                          {"color", color_text(s.color)},
                          {"description", s.description.en},
                          {"description_zh", s.description.zh},
                          {"goal", s.goal.en},
                          {"goal_zh", s.goal.zh},
                          {"result_metrics", s.result_metrics},
                          {"playbook", playbook},
                          {"at_risk", s.at_risk},
                          {"rules", {{"all", all}, {"any", any}}}});
    }
    const HealthConfig& h = model.health;
    Json stage_weights = Json::object();
    for (const StageHealthWeights& sw : h.stage_weights) stage_weights[sw.stage_id] = weights_to_json(sw.weights);
    return {{"id", model.id},
            {"name", model.name.en},
            {"name_zh", model.name.zh},
            {"description", model.description.en},
            {"description_zh", model.description.zh},
            {"based_on", model.based_on},
            {"cyclic", model.cyclic},
            {"stages", stages},
            {"evaluation_order", model.evaluation_order},
            {"fallback_stage", model.fallback_stage},
            {"health",
             {{"weights", weights_to_json(h.weights)},
              {"stage_weights", stage_weights},
              {"red_max", h.red_max},
              {"yellow_max", h.yellow_max},
              {"recency_good_days", h.recency_good_days},
              {"recency_bad_days", h.recency_bad_days},
              {"trend_window_days", h.trend_window_days},
              {"complaint_window_days", h.complaint_window_days},
              {"engagement_window_days", h.engagement_window_days},
              {"engagement_full_count", h.engagement_full_count},
              {"drop_threshold", h.drop_threshold}}}};
}

std::optional<LifecycleModel> model_from_json(const Json& json, Problems& problems, const std::string& where) {
    if (json.is_string()) return template_model(json.get<std::string>(), where, problems);
    if (!json.is_object()) {
        problems.push_back({lifecycle_problem::kBadModel, where, "expected a lifecycle model object or a template id", 0, 0});
        return std::nullopt;
    }
    if (!json.contains("stages")) {
        if (json.contains("template") && json["template"].is_string())
            return template_model(json["template"].get<std::string>(), where + ".template", problems);
        problems.push_back({lifecycle_problem::kNoStages, where + ".stages", "the model has no stages", 0, 0});
        return std::nullopt;
    }
    Reader r{problems};
    LifecycleModel model;
    r.text(json, "id", model.id, where);
    r.localized(json, "name", model.name, where);
    r.localized(json, "description", model.description, where);
    r.text(json, "based_on", model.based_on, where);
    r.boolean(json, "cyclic", model.cyclic, where);
    r.strings(json, "evaluation_order", model.evaluation_order, where);
    r.text(json, "fallback_stage", model.fallback_stage, where);
    r.stages(json["stages"], model.stages, where + ".stages");
    if (json.contains("health")) r.health(json["health"], model.health, where + ".health");
    Problems invalid = validate_model(model, where);
    if (!r.ok || !invalid.empty()) {
        problems.insert(problems.end(), invalid.begin(), invalid.end());
        return std::nullopt;
    }
    return model;
}

LifecycleModel workspace_model(const Workspace& workspace, Problems& problems) {
    if (!workspace.lifecycle_model.is_null())
        if (auto model = model_from_json(workspace.lifecycle_model, problems)) return *model;
    return *find_template(kDefaultTemplateId);
}

Json model_section_to_json(const ModelSection& section) {
    Json json = model_to_json(section.active);
    if (section.kept_custom && is_builtin_model(section.active))
        json[kKeptCustomModelKey] = model_to_json(*section.kept_custom);
    return json;
}

std::optional<LifecycleModel> kept_custom_model(const Workspace& workspace, Problems& problems) {
    const Json& json = workspace.lifecycle_model;
    if (!json.is_object() || !json.contains(kKeptCustomModelKey)) return std::nullopt;
    return model_from_json(json[kKeptCustomModelKey], problems, std::string("lifecycle_model.") + kKeptCustomModelKey);
}

}  // namespace lcs
