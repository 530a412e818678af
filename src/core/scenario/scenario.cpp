#include "core/scenario/scenario.h"

#include <set>

#include "core/problem_kinds.h"

namespace lcs {

namespace {

void add_problem(Problems& problems, const std::string& kind, const std::string& where, const std::string& message) {
    problems.push_back(Problem{kind, where, message, 0, 0});
}

}  // namespace

Json scenario_to_json(const Scenario& scenario) {
    Json out = Json::object();
    out["name"] = scenario.name;
    out["notes"] = scenario.notes;
    Json levers = Json::array();
    for (const Lever& lever : scenario.levers) levers.push_back(lever_to_json(lever));
    out["levers"] = levers;
    out["overrides"] = scenario.overrides;
    for (auto it = scenario.extra.begin(); it != scenario.extra.end(); ++it)
        if (!out.contains(it.key())) out[it.key()] = it.value();
    return out;
}

std::optional<Scenario> scenario_from_json(const Json& json, Problems& problems, const std::string& w) {
    const size_t before = problems.size();
    if (!json.is_object()) {
        add_problem(problems, scenario_problem::kBadField, w, "a scenario must be an object");
        return std::nullopt;
    }
    Scenario scenario;
    if (!json.contains("name") || !json["name"].is_string() || json["name"].get<std::string>().empty())
        add_problem(problems, scenario_problem::kBadField, w + ".name", "a scenario needs a non-empty name");
    else scenario.name = json["name"].get<std::string>();
    if (json.contains("notes")) {
        if (!json["notes"].is_string()) add_problem(problems, scenario_problem::kBadField, w + ".notes", "must be text");
        else scenario.notes = json["notes"].get<std::string>();
    }
    if (json.contains("levers")) {
        const Json& levers = json["levers"];
        if (!levers.is_array()) {
            add_problem(problems, scenario_problem::kBadField, w + ".levers", "must be an array of levers");
        } else {
            for (size_t i = 0; i < levers.size(); ++i) {
                std::optional<Lever> lever = lever_from_json(levers[i], problems, w + ".levers[" + std::to_string(i) + "]");
                if (lever) scenario.levers.push_back(std::move(*lever));
            }
        }
    }
    if (json.contains("overrides")) {
        if (!json["overrides"].is_object()) add_problem(problems, scenario_problem::kBadField, w + ".overrides", "must be an object");
        else scenario.overrides = json["overrides"];
    }
    static const std::set<std::string> kKnown = {"name", "notes", "levers", "overrides"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!kKnown.count(it.key())) scenario.extra[it.key()] = it.value();
    if (problems.size() != before) return std::nullopt;
    return scenario;
}

Json scenario_section_to_json(const ScenarioSection& section) {
    Json out = Json::object();
    out["baseline"] = section.baseline_inputs;
    Json list = Json::array();
    for (const Scenario& scenario : section.scenarios) list.push_back(scenario_to_json(scenario));
    out["scenarios"] = list;
    for (auto it = section.extra.begin(); it != section.extra.end(); ++it)
        if (!out.contains(it.key())) out[it.key()] = it.value();
    return out;
}

ScenarioSection scenario_section_from_json(const Json& json, Problems& problems) {
    ScenarioSection section;
    const std::string w = "scenarios";
    if (json.is_null()) return section;
    if (!json.is_object()) {
        add_problem(problems, scenario_problem::kBadField, w, "the scenarios section must be an object");
        return section;
    }
    if (json.contains("baseline")) {
        if (!json["baseline"].is_object()) add_problem(problems, scenario_problem::kBadField, w + ".baseline", "must be an object");
        else section.baseline_inputs = json["baseline"];
    }
    if (json.contains("scenarios")) {
        const Json& list = json["scenarios"];
        if (!list.is_array()) {
            add_problem(problems, scenario_problem::kBadField, w + ".scenarios", "must be an array");
        } else {
            std::set<std::string> names;
            for (size_t i = 0; i < list.size(); ++i) {
                const std::string where = w + ".scenarios[" + std::to_string(i) + "]";
                std::optional<Scenario> scenario = scenario_from_json(list[i], problems, where);
                if (!scenario) continue;
                if (!names.insert(scenario->name).second) {
                    add_problem(problems, scenario_problem::kDuplicateName, where + ".name",
                                "another scenario is already named \"" + scenario->name + "\"");
                    continue;
                }
                section.scenarios.push_back(std::move(*scenario));
            }
        }
    }
    for (auto it = json.begin(); it != json.end(); ++it)
        if (it.key() != "baseline" && it.key() != "scenarios") section.extra[it.key()] = it.value();
    return section;
}

int find_scenario(const ScenarioSection& section, const std::string& name) {
    for (size_t i = 0; i < section.scenarios.size(); ++i)
        if (section.scenarios[i].name == name) return static_cast<int>(i);
    return -1;
}

std::optional<Baseline> scenario_baseline(const Baseline& baseline, const Scenario& scenario, Problems& problems) {
    const size_t before = problems.size();
    Baseline out = baseline;
    apply_baseline_json(out, scenario.overrides, problems, "overrides");
    if (problems.size() != before) return std::nullopt;
    if (!validate_baseline(out, problems, "overrides")) return std::nullopt;
    return out;
}

std::optional<Projection> project_scenario(const Baseline& baseline, const Scenario& scenario, Problems& problems) {
    std::optional<Baseline> effective = scenario_baseline(baseline, scenario, problems);
    if (!effective) return std::nullopt;
    return project(*effective, scenario.levers, problems);
}

}  // namespace lcs
