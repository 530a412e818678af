// The care-plan catalog (docs/lifecycle-models.md): the one list of care plans. The Playbooks panel
// shows it, a scenario's care_plan lever offers its ids (core/scenario/lever.h) and the scenario
// explanations take their plan titles from it (core/scenario/explain.h).
#pragma once
#include <string>
#include <vector>

#include "core/localized.h"

namespace lcs {

struct CarePlan {
    std::string id;     // stable; saved in workspaces as a care_plan lever's "plan"
    Localized name;     // display name, both languages
    Localized measure;  // what the plan does, both languages
};

// The five care plans, in display order: birthday, member_day, follow_up, holiday, loyalty_points.
std::vector<CarePlan> care_plans();

}  // namespace lcs
