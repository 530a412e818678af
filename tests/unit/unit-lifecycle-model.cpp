#include <doctest/doctest.h>

#include <set>

#include "core/lifecycle/model.h"
#include "unit-lifecycle-fixtures.h"

using namespace lcs;
using namespace lcs::test;

TEST_CASE("all seven templates and the two model-driven variants are built in, bilingual, with playbooks and valid rules") {
    const auto templates = builtin_templates();
    REQUIRE(templates.size() == kSourceTemplateCount + 2);
    const std::vector<std::string> ids{"five_core", "call_centre", "telecom_value", "relationship",
                                       "crm_value", "customer_success", "marketing_journey",
                                       "crm_value_model", "telecom_value_model"};
    const std::vector<size_t> stage_counts{5, 5, 5, 4, 5, 5, 4, 5, 5};
    for (size_t i = 0; i < templates.size(); ++i) {
        const LifecycleModel& m = templates[i];
        CAPTURE(m.id);
        CHECK(m.id == ids[i]);
        CHECK_FALSE(m.name.en.empty());
        CHECK_FALSE(m.name.zh.empty());
        CHECK_FALSE(m.description.en.empty());
        CHECK_FALSE(m.description.zh.empty());
        CHECK(m.stages.size() == stage_counts[i]);
        // Only the variants read the CLV fit, and only in their decline stage.
        for (const Stage& s : m.stages)
            CHECK(rules_need_model(s.rules) == (i >= static_cast<size_t>(kSourceTemplateCount) && s.id == "decline"));
        CHECK(validate_model(m).empty());
        CHECK(stage_index(m, m.fallback_stage) >= 0);
        CHECK(evaluation_sequence(m).size() == m.stages.size());
        for (const Stage& s : m.stages) {
            CAPTURE(s.id);
            CHECK_FALSE(s.name.en.empty());
            CHECK_FALSE(s.name.zh.empty());
            CHECK_FALSE(s.description.en.empty());
            CHECK_FALSE(s.description.zh.empty());
            CHECK_FALSE(s.goal.en.empty());
            CHECK_FALSE(s.result_metrics.empty());
            REQUIRE_FALSE(s.playbook.empty());
            CHECK_FALSE(s.playbook[0].text.zh.empty());
            CHECK_FALSE(s.rules.empty());
        }
    }
    CHECK(find_template("call_centre")->cyclic);
    CHECK(find_template("five_core")->stages[0].name.zh == "认识");
    CHECK_FALSE(find_template("nope").has_value());
    CHECK(find_template(kDefaultTemplateId).has_value());
}

TEST_CASE("model JSON round trip keeps everything") {
    for (LifecycleModel m : builtin_templates()) {
        m.health.stage_weights.push_back({m.stages[0].id, {1, 2, 3, 4, 5, 6}});
        m.health.red_max = 40;
        m.stages[0].rules.any.push_back(cond_between(ConditionKind::recency_days, 3, 9));
        m.stages[0].rules.any.push_back(negated(cond(ConditionKind::has_tag, Compare::ge, 0, 0, "vip")));
        const Json j = model_to_json(m);
        Problems problems;
        const auto back = model_from_json(j, problems);
        REQUIRE(back.has_value());
        CHECK(problems.empty());
        CHECK(model_to_json(*back) == j);
        CHECK(*back == m);
        CHECK(back->stages[0].color == m.stages[0].color);
        CHECK(back->description.zh == m.description.zh);
        CHECK(back->stages[0].rules.any.back().negate);
    }
}

TEST_CASE("model JSON: bilingual texts keep their twin keys (name / name_zh, ...)") {
    LifecycleModel m = *find_template("five_core");
    m.name = {"Mine", "我的"};
    m.description = {"About", "关于"};
    m.stages[0].name = {"Fans", "粉丝"};
    m.stages[0].description = {"Who", "谁"};
    m.stages[0].goal = {"Why", "为何"};
    m.stages[0].playbook = {{{"Call", "致电"}}, {{"Write", ""}}};
    const Json j = model_to_json(m);
    CHECK(j["name"] == "Mine");
    CHECK(j["name_zh"] == "我的");
    CHECK(j["description"] == "About");
    CHECK(j["description_zh"] == "关于");
    const Json& stage = j["stages"][0];
    CHECK(stage["name"] == "Fans");
    CHECK(stage["name_zh"] == "粉丝");
    CHECK(stage["description"] == "Who");
    CHECK(stage["description_zh"] == "谁");
    CHECK(stage["goal"] == "Why");
    CHECK(stage["goal_zh"] == "为何");
    CHECK(stage["playbook"] == Json::parse(R"([{"text": "Call", "text_zh": "致电"}, {"text": "Write", "text_zh": ""}])"));
    // Written text equals the text read back: load -> save keeps the bytes.
    Problems problems;
    const auto back = model_from_json(Json::parse(j.dump()), problems);
    REQUIRE(back.has_value());
    CHECK(problems.empty());
    CHECK(back->stages[0].name == Localized{"Fans", "粉丝"});
    CHECK(back->stages[0].playbook[1].text.in(Lang::zh) == "Write");
    CHECK(model_to_json(*back).dump() == j.dump());
}

TEST_CASE("model JSON: template references and problems") {
    Problems problems;
    CHECK(model_from_json(Json("relationship"), problems)->id == "relationship");
    CHECK(model_from_json(Json{{"template", "crm_value"}}, problems)->stages.size() == 5);
    CHECK(problems.empty());

    CHECK_FALSE(model_from_json(Json("unknown"), problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == "lifecycle.unknown_template");

    Json bad = model_to_json(*find_template("five_core"));
    bad["stages"][1]["rules"]["all"][0]["kind"] = "shoe_size";
    bad["stages"][2]["color"] = "red";
    bad["fallback_stage"] = "nowhere";
    problems.clear();
    CHECK_FALSE(model_from_json(bad, problems).has_value());
    std::set<std::string> kinds;
    for (const Problem& p : problems) kinds.insert(p.kind);
    CHECK(kinds.count("lifecycle.unknown_condition"));
    CHECK(kinds.count("lifecycle.bad_model"));
    CHECK(kinds.count("lifecycle.unknown_stage"));
    bool found_path = false;
    for (const Problem& p : problems) found_path |= p.where == "lifecycle_model.stages[1].rules.all[0].kind";
    CHECK(found_path);

    Workspace ws;
    CHECK(workspace_model(ws, problems).id == kDefaultTemplateId);
    ws.lifecycle_model = model_to_json(*find_template("telecom_value"));
    CHECK(workspace_model(ws, problems).id == "telecom_value");
}

TEST_CASE("editing: add, remove, rename, move, duplicate") {
    LifecycleModel m = *find_template("five_core");
    Problems problems;
    Stage extra;
    extra.id = "advocacy";
    extra.name.en = "Advocacy";
    CHECK(add_stage(m, extra, 4, problems));
    CHECK(m.stages[4].id == "advocacy");
    CHECK_FALSE(add_stage(m, extra, 0, problems));  // duplicate id
    CHECK(problems.back().kind == "lifecycle.duplicate_stage");
    CHECK(move_stage(m, 4, 0, problems));
    CHECK(m.stages[0].id == "advocacy");
    CHECK(rename_stage(m, 0, {"Fans", "粉丝"}, problems));
    CHECK(m.stages[0].name.en == "Fans");
    CHECK(m.stages[0].name.zh == "粉丝");
    const size_t order_before = m.evaluation_order.size();
    CHECK(remove_stage(m, stage_index(m, "churn"), problems));
    CHECK(m.evaluation_order.size() == order_before - 1);
    CHECK(remove_stage(m, stage_index(m, "awareness"), problems));
    CHECK(m.fallback_stage == m.stages.back().id);  // fallback moved to a remaining stage
    CHECK(validate_model(m).empty());
    CHECK_FALSE(move_stage(m, 0, 99, problems));

    LifecycleModel one;
    one.id = "one";
    one.stages.resize(1);
    one.stages[0].id = "only";
    CHECK_FALSE(remove_stage(one, 0, problems));
    CHECK(problems.back().kind == "lifecycle.last_stage");

    const LifecycleModel copy = duplicate_model(*find_template("telecom_value"), "my_model", {"Mine", "我的"});
    CHECK(copy.id == "my_model");
    CHECK(copy.name == Localized{"Mine", "我的"});
    CHECK(copy.based_on == "telecom_value");
    CHECK(copy.stages.size() == 5);
}

TEST_CASE("validation catches bad conditions and health settings") {
    LifecycleModel m = *find_template("crm_value");
    m.stages[0].rules.all.push_back(cond(ConditionKind::trend, Compare::lt, 1, 0));
    m.stages[1].rules.all.push_back(cond(ConditionKind::last_nps, Compare::ge, 0, 0, "fan"));
    m.stages[2].rules.all.push_back(cond_between(ConditionKind::recency_days, 10, 5));
    m.health.weights[0] = -1;
    m.health.red_max = 80;
    const Problems problems = validate_model(m);
    CHECK(problems.size() == 5);
    CHECK(rgba_to_abgr(0x11223344u) == 0x44332211u);
    CHECK(describe_condition(cond(ConditionKind::recency_days, Compare::gt, 365)) == "days since last purchase > 365");
}

TEST_CASE("model equality compares every field; built-in detection uses it") {
    for (const LifecycleModel& m : builtin_templates()) {
        CAPTURE(m.id);
        CHECK(is_builtin_model(m));
        Problems problems;
        const auto back = model_from_json(model_to_json(m), problems);
        REQUIRE(back);
        CHECK(*back == m);
        CHECK(is_builtin_model(*back));
    }
    LifecycleModel m = *find_template("five_core");
    LifecycleModel changed = m;
    REQUIRE_FALSE(changed.stages.empty());
    changed.stages[0].playbook.push_back({"Call", "致电"});
    CHECK(changed != m);
    CHECK_FALSE(is_builtin_model(changed));
    changed = m;
    changed.health.stage_weights.push_back({m.stages[0].id, m.health.weights});
    CHECK_FALSE(is_builtin_model(changed));
    changed = m;
    REQUIRE_FALSE(changed.stages[0].rules.empty());
    auto& conditions = changed.stages[0].rules.all.empty() ? changed.stages[0].rules.any : changed.stages[0].rules.all;
    conditions[0].negate = !conditions[0].negate;
    CHECK_FALSE(is_builtin_model(changed));
    changed = m;
    changed.based_on = "five_core";  // a custom model equal to its template is still custom
    CHECK_FALSE(is_builtin_model(changed));
    changed = m;
    changed.id = "not_a_template";
    CHECK_FALSE(is_builtin_model(changed));
}

TEST_CASE("model section: a custom model kept beside a template round-trips; the CLI's model ignores it") {
    LifecycleModel custom = duplicate_model(*find_template("crm_value"), "custom", {"Mine", ""});
    custom.stages[0].name.en = "Renamed";
    Workspace ws;
    ws.lifecycle_model = model_section_to_json({*find_template("telecom_value"), custom});
    CHECK(ws.lifecycle_model.contains(kKeptCustomModelKey));
    Problems problems;
    CHECK(workspace_model(ws, problems) == *find_template("telecom_value"));  // analyses use the active model
    const auto kept = kept_custom_model(ws, problems);
    CHECK(problems.empty());
    REQUIRE(kept);
    CHECK(*kept == custom);

    // Only beside an unchanged template: a custom active model is the one to keep.
    ws.lifecycle_model = model_section_to_json({custom, *find_template("five_core")});
    CHECK_FALSE(ws.lifecycle_model.contains(kKeptCustomModelKey));
    CHECK_FALSE(kept_custom_model(ws, problems));
    CHECK(problems.empty());

    // A broken kept model is reported at its path and dropped; the active model still loads.
    ws.lifecycle_model = model_to_json(*find_template("five_core"));
    ws.lifecycle_model[kKeptCustomModelKey] = Json{{"id", "x"}};
    CHECK(workspace_model(ws, problems) == *find_template("five_core"));
    CHECK(problems.empty());
    CHECK_FALSE(kept_custom_model(ws, problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].where.rfind("lifecycle_model.custom_model", 0) == 0);
}
