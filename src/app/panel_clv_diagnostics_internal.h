// Parts of the CLV diagnostics panel (panel_clv_diagnostics.cpp draws the fitted model's charts;
// panel_clv_diagnostics_compare.cpp the model comparison). Nobody else's business.
#pragma once
#include <vector>

#include "app/app_state.h"
#include "core/clv/guard_rails.h"

namespace lcs {

// "Which model to believe": guard rails before fitting, the Compare button (a job of the app's
// runner), the table with the best value per column marked, the verdict, the guard rails of each
// fit and the tracking chart. Needs customers; reads the CLV panel's unit and calibration end.
void draw_model_comparison(AppState& state);

// Guard-rail messages with their suggested fixes, in the UI language, coloured by severity.
void draw_guard_rails(const std::vector<clv::GuardRail>& rails, const char* id);

}  // namespace lcs
