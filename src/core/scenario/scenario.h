// Named what-if scenarios and the workspace section that stores them (Workspace::scenarios).
//
// Section JSON: {"baseline": {partial baseline JSON, optional}, "scenarios": [{"name", "notes",
// "levers": [...], "overrides": {partial baseline JSON}}]}. "baseline" holds the inputs the data
// cannot give (servicing cost, discount rate, channel costs) or, for an empty workspace, the whole
// typed-in chain; it is applied on top of what baseline_from_workspace measures.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/scenario/baseline.h"
#include "core/scenario/lever.h"
#include "core/scenario/projection.h"
#include "core/workspace.h"

namespace lcs {

struct Scenario {
    std::string name;   // unique within the section, non-empty
    std::string notes;
    std::vector<Lever> levers;
    Json overrides = Json::object();  // partial baseline JSON (apply_baseline_json); kept exactly as given
    Json extra = Json::object();      // unknown fields, written back unchanged
};

struct ScenarioSection {
    Json baseline_inputs = Json::object();  // partial baseline JSON; kept exactly as given
    std::vector<Scenario> scenarios;
    Json extra = Json::object();  // unknown fields, written back unchanged
};

inline constexpr size_t kMaxComparedScenarios = 4;

Json scenario_to_json(const Scenario& scenario);
std::optional<Scenario> scenario_from_json(const Json& json, Problems& problems, const std::string& where);

// Workspace::scenarios <-> section. A null section parses as an empty one. Problems: scenario.bad_field,
// scenario.invalid_lever, scenario.duplicate_name (where = "scenarios", "scenarios.scenarios[2].levers[0]", ...).
// Unusable scenarios are left out of the result; everything else is kept.
Json scenario_section_to_json(const ScenarioSection& section);
ScenarioSection scenario_section_from_json(const Json& json, Problems& problems);

// Index of the scenario named `name`, or -1.
int find_scenario(const ScenarioSection& section, const std::string& name);

// The baseline a scenario runs on: `baseline` with the scenario's overrides applied and validated.
std::optional<Baseline> scenario_baseline(const Baseline& baseline, const Scenario& scenario, Problems& problems);

// project(scenario_baseline(...), scenario.levers).
std::optional<Projection> project_scenario(const Baseline& baseline, const Scenario& scenario, Problems& problems);

}  // namespace lcs
