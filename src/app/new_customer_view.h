// "What a new customer is worth — how much to pay to acquire": the expected CLV of a customer
// acquired at the CLV fit's date, from the fitted population (core clv::new_customer_value), drawn
// as one block where acquisition spending is decided (the simple CLV calculator, the scenario
// planner). Without a count-model fit it says how to get one.
#pragma once
#include <string>

#include "app/app_state.h"

namespace lcs {

// Draws the block; `id` prefixes its automation names ("<id>.new_customer").
void draw_new_customer_value(AppState& state, const std::string& id);

}  // namespace lcs
